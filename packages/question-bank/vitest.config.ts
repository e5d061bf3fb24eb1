import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'question-bank', include: ['src/**/*.test.ts'] } });
