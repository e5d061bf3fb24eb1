/** Options are labelled by their place on screen (the order is shuffled per attempt), as on the exam. */
export const LETTERS = 'ABCDEF';
