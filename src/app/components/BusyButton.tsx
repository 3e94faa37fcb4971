// A button whose own action is under way: it shows as unavailable and ignores presses (a second tap,
// Enter in a field of its form) until the action ends, but it stays in place and keeps focus. A
// disabled button throws keyboard focus back to the page itself the moment it is disabled, so a person
// who pressed "Sign in" with the keyboard and was told the password is wrong would start again from
// the top of the screen; this one is still under their finger.
import type { ButtonHTMLAttributes } from 'react';

export function BusyButton({
  busy,
  onClick,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean }) {
  return (
    <button
      {...props}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        // Cancelling the click also cancels the form submission a submit button would start.
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
