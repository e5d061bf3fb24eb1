import { type ReactNode, useState } from 'react';

interface LazyDetailsProps {
  summary: ReactNode;
  /** Open on the first render (then the content is built at once). */
  initiallyOpen?: boolean;
  className?: string;
  /** Called only once the details have been opened. */
  children: () => ReactNode;
}

/**
 * A <details> whose content is built the first time it opens. Long lists that most people leave
 * closed (65 time bars, 40 section rows) then cost nothing while the page loads on a slow phone;
 * once built, the content stays, so closing and reopening is instant.
 */
export function LazyDetails({ summary, initiallyOpen = false, className, children }: LazyDetailsProps) {
  const [built, setBuilt] = useState(initiallyOpen);
  return (
    <details
      className={className}
      open={initiallyOpen}
      onToggle={(event) => {
        if (event.currentTarget.open) setBuilt(true);
      }}
    >
      <summary>{summary}</summary>
      {built && children()}
    </details>
  );
}
