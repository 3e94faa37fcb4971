// "What is needed?": one toggle button a capability, pressed when chosen. Find help and Log a request
// both ask it, so the buttons look, sound and behave the same to someone moving between the two.
// `collapsed` (Find help, once a need and a place are chosen) shows only the chosen needs and a
// button to change them, so the answer comes into view on a phone.
import { useState, type ReactNode } from 'react';
import { CAPABILITIES, type CapabilityId } from '../../domain/entities/capabilities.ts';

export function NeedsPicker({
  needs,
  onChange,
  describedBy,
  collapsed = false,
  firstId,
  children,
}: {
  /** An id for the first button, so an error summary can link to the question. */
  firstId?: string;
  needs: readonly CapabilityId[];
  onChange: (needs: CapabilityId[]) => void;
  /** Ids of lines that explain the choice, such as an error under the buttons. */
  describedBy?: string | undefined;
  /** Show only the chosen needs (with "Change needs") until the person asks for the rest. */
  collapsed?: boolean;
  /** Shown under the buttons, inside the group: the place for an error line. */
  children?: ReactNode;
}) {
  const [expanded, setExpanded] = useState(false);
  const toggle = (need: CapabilityId) =>
    onChange(needs.includes(need) ? needs.filter((n) => n !== need) : [...needs, need]);
  const short = collapsed && !expanded && needs.length > 0;
  const shown = short ? CAPABILITIES.filter((capability) => needs.includes(capability.id)) : CAPABILITIES;
  return (
    <fieldset className="needs" aria-describedby={describedBy}>
      <legend>What is needed?</legend>
      <div className="need-buttons">
        {shown.map((capability, at) => (
          <button
            key={capability.id}
            id={at === 0 ? firstId : undefined}
            type="button"
            className="need"
            aria-pressed={needs.includes(capability.id)}
            onClick={() => toggle(capability.id)}
          >
            {capability.label}
          </button>
        ))}
        {collapsed && needs.length > 0 && (
          <button type="button" className="secondary" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Fewer needs' : 'More needs'}
          </button>
        )}
      </div>
      {children}
    </fieldset>
  );
}
