// Admins say which of our needs an Open Referral taxonomy term means (or that it means none). The
// mappings are kept on the server for every later import; saving needs a network connection.
import { useState } from 'react';
import { CAPABILITIES, type CapabilityId } from '../../../domain/entities/capabilities.ts';
import type { TermMapping } from '../../../domain/openReferral/termMapping.ts';
import { BusyButton } from '../../components/BusyButton.tsx';

const NONE = 'none';

export function TermMappingEditor({
  terms,
  online,
  onSave,
}: {
  terms: readonly string[];
  online: boolean;
  onSave: (mappings: TermMapping[]) => Promise<void>;
}) {
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (terms.length === 0) return null;
  const chosen = Object.entries(choices).filter(([, value]) => value !== '');
  return (
    <form
      className="oruk-terms"
      aria-labelledby="oruk-terms-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void onSave(
          chosen.map(([term, value]) => ({
            term,
            capability: value === NONE ? null : (value as CapabilityId),
          })),
        ).finally(() => setBusy(false));
      }}
    >
      <h3 id="oruk-terms-heading">Taxonomy terms we do not know</h3>
      <p className="hint">
        Say which need each term means. Your choices are kept for every later import of any feed.
      </p>
      {terms.map((term, index) => {
        const id = `oruk-term-${index}`;
        return (
          <div key={term} className="field">
            <label htmlFor={id}>“{term}” means</label>
            <select
              id={id}
              value={choices[term] ?? ''}
              onChange={(event) => setChoices({ ...choices, [term]: event.target.value })}
            >
              <option value="">Not decided</option>
              {CAPABILITIES.map((capability) => (
                <option key={capability.id} value={capability.id}>
                  {capability.label}
                </option>
              ))}
              <option value={NONE}>None of our needs</option>
            </select>
          </div>
        );
      })}
      {!online && <p className="hint">Saving the terms needs a network connection.</p>}
      <BusyButton type="submit" busy={busy} disabled={!online || chosen.length === 0}>
        Save these terms and preview again
      </BusyButton>
    </form>
  );
}
