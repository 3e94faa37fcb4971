// Words read out when they arrive ("Saved", "Agreement recorded"): a live region that is on the page
// before its words, since screen readers often say nothing of a region added together with its words.
// Put what to say inside it only when there is something to say.
import type { ReactNode } from 'react';

export function Announced({
  children,
  inline = false,
  className,
}: {
  children: ReactNode;
  /** Inside a line of buttons or text: a span, not a block. */
  inline?: boolean;
  className?: string;
}) {
  return inline ? (
    <span role="status" className={className}>
      {children}
    </span>
  ) : (
    <div role="status" className={className}>
      {children}
    </div>
  );
}
