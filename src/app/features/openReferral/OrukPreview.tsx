// What an Open Referral import would do, before anything is written: counts, the services refused and
// why (with a phone box for those whose only lack is a phone number, which ORUK 3.0 cannot carry), and
// for each partner what of the feed was not kept.
import { useState } from 'react';
import type { OrukImportPreview, OrukPreviewRow } from '../../../domain/openReferral/importPreview.ts';

const services = (count: number) => `${count} service${count === 1 ? '' : 's'}`;

function Notes({ row }: { row: OrukPreviewRow }) {
  if (row.notes.length === 0) return null;
  return (
    <details>
      <summary>What was not kept ({row.notes.length})</summary>
      <ul>
        {row.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </details>
  );
}

function PhoneBoxes({
  preview,
  onPhones,
}: {
  preview: OrukImportPreview;
  onPhones: (phones: Record<string, string>) => void;
}) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const needing = preview.refused.filter((one) => one.needsPhone && one.orukId);
  if (needing.length === 0) return null;
  return (
    <form
      className="oruk-phones"
      onSubmit={(event) => {
        event.preventDefault();
        onPhones(drafts);
      }}
    >
      <h4>Phone numbers to add</h4>
      <p className="hint">
        Open Referral UK 3.0 has no place for phone numbers. Type the number duty officers should call for
        each service, then preview again.
      </p>
      {needing.map((one) => {
        const id = `oruk-phone-${one.index}`;
        return (
          <div key={one.index} className="field">
            <label htmlFor={id}>Phone for {one.name}</label>
            <input
              id={id}
              type="tel"
              autoComplete="off"
              value={drafts[one.orukId ?? ''] ?? ''}
              onChange={(event) => setDrafts({ ...drafts, [one.orukId ?? '']: event.target.value })}
            />
          </div>
        );
      })}
      <button type="submit">Use these phone numbers</button>
    </form>
  );
}

export function OrukPreview({
  preview,
  onPhones,
}: {
  preview: OrukImportPreview;
  onPhones: (phones: Record<string, string>) => void;
}) {
  const { creates, updates, unchanged, refused, duplicates } = preview;
  return (
    <div className="import-preview">
      <h3>What this feed holds</h3>
      <ul className="import-counts" aria-label="Open Referral import summary">
        <li>{services(creates.length)} new</li>
        <li>{services(updates.length)} matching partners already here: they update them</li>
        <li>{services(unchanged.length)} already up to date: skipped</li>
        <li>{services(refused.length)} that cannot be imported as they are</li>
        <li>{services(duplicates.length)} repeating an earlier service of the feed: skipped</li>
      </ul>
      {refused.length > 0 && (
        <>
          <h3>Services not imported</h3>
          <ul className="problem-list" aria-label="Services not imported">
            {refused.map((one) => (
              <li key={one.index}>
                <strong>Service {one.index}</strong> ({one.name}): {one.reasons.join('; ')}
              </li>
            ))}
          </ul>
          <PhoneBoxes preview={preview} onPhones={onPhones} />
        </>
      )}
      {duplicates.length > 0 && (
        <ul className="problem-list" aria-label="Repeated services">
          {duplicates.map((one) => (
            <li key={one.index}>
              <strong>Service {one.index}</strong> ({one.name}): same ORUK id as service {one.firstIndex},
              which is imported instead
            </li>
          ))}
        </ul>
      )}
      {updates.length > 0 && (
        <>
          <h3>Updates to partners already here</h3>
          <ul className="problem-list" aria-label="Open Referral updates">
            {updates.map((row) => (
              <li key={row.index}>
                <strong>Service {row.index}</strong> updates {row.before.name}: {row.changedFields.join(', ')}
                <Notes row={row} />
              </li>
            ))}
          </ul>
        </>
      )}
      {creates.length > 0 && (
        <>
          <h3>New partners</h3>
          <ul className="problem-list" aria-label="New partners">
            {creates.map((row) => (
              <li key={row.index}>
                <strong>Service {row.index}</strong>: {row.record.name}
                {row.record.status !== 'active' ? ` (${row.record.status})` : ''}
                <Notes row={row} />
              </li>
            ))}
          </ul>
        </>
      )}
      {unchanged.length > 0 && (
        <details>
          <summary>Already up to date ({unchanged.length})</summary>
          <ul>
            {unchanged.map((row) => (
              <li key={row.index}>{row.record.name}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
