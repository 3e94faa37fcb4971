// "What is needed?": one toggle button a capability, pressed when chosen. Find help and Log a request
// both ask it, so the buttons look, sound and behave the same to someone moving between the two.
import type { ReactNode } from 'react';
import { CAPABILITIES, type CapabilityId } from '../../domain/capabilities.ts';

export function NeedsPicker({
  needs,
  onChange,
  describedBy,
  children,
}: {
  needs: readonly CapabilityId[];
  onChange: (needs: CapabilityId[]) => void;
  /** Ids of lines that explain the choice, such as an error under the buttons. */
  describedBy?: string | undefined;
  /** Shown under the buttons, inside the group: the place for an error line. */
  children?: ReactNode;
}) {
  const toggle = (need: CapabilityId) =>
    onChange(needs.includes(need) ? needs.filter((n) => n !== need) : [...needs, need]);
  return (
    <fieldset className="needs" aria-describedby={describedBy}>
      <legend>What is needed?</legend>
      <div className="need-buttons">
        {CAPABILITIES.map((capability) => (
          <button
            key={capability.id}
            type="button"
            className="need"
            aria-pressed={needs.includes(capability.id)}
            onClick={() => toggle(capability.id)}
          >
            {capability.label}
          </button>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
