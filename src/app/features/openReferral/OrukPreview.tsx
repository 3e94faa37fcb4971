// What an Open Referral import would do, before anything is written: counts, the services refused and
// why (with a phone box for those whose only lack is a phone number, which ORUK 3.0 cannot carry), and
// for each partner what of the feed was not kept.
import { useState } from 'react';
import type { OrukImportPreview, OrukPreviewRow } from '../../../domain/openReferral/importPreview.ts';
import { FoldedPreviewList, PreviewCounts, PreviewList } from '../../components/PreviewList.tsx';

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
            <label htmlFor={id}>
              Phone for <bdi>{one.name}</bdi>
            </label>
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
  const byIndex = (row: { index: number }) => row.index;
  return (
    <div className="import-preview">
      <h3>What this feed holds</h3>
      <PreviewCounts
        label="Open Referral import summary"
        counts={[
          `${services(creates.length)} new`,
          `${services(updates.length)} matching partners already here: they update them`,
          `${services(unchanged.length)} already up to date: skipped`,
          `${services(refused.length)} that cannot be imported as they are`,
          `${services(duplicates.length)} repeating an earlier service of the feed: skipped`,
        ]}
      />
      <PreviewList
        heading="Services not imported"
        label="Services not imported"
        rows={refused}
        keyOf={byIndex}
      >
        {(one) => (
          <>
            <strong>Service {one.index}</strong> (<bdi>{one.name}</bdi>): {one.reasons.join('; ')}
          </>
        )}
      </PreviewList>
      <PhoneBoxes preview={preview} onPhones={onPhones} />
      <PreviewList label="Repeated services" rows={duplicates} keyOf={byIndex}>
        {(one) => (
          <>
            <strong>Service {one.index}</strong> (<bdi>{one.name}</bdi>): same ORUK id as service{' '}
            {one.firstIndex}, which is imported instead
          </>
        )}
      </PreviewList>
      <PreviewList
        heading="Updates to partners already here"
        label="Open Referral updates"
        rows={updates}
        keyOf={byIndex}
      >
        {(row) => (
          <>
            <strong>Service {row.index}</strong> updates <bdi>{row.before.name}</bdi>:{' '}
            {row.changedFields.join(', ')}
            <Notes row={row} />
          </>
        )}
      </PreviewList>
      <PreviewList heading="New partners" label="New partners" rows={creates} keyOf={byIndex}>
        {(row) => (
          <>
            <strong>Service {row.index}</strong>: <bdi>{row.record.name}</bdi>
            {row.record.status !== 'active' ? ` (${row.record.status})` : ''}
            <Notes row={row} />
          </>
        )}
      </PreviewList>
      <FoldedPreviewList summary="Already up to date" rows={unchanged} keyOf={byIndex}>
        {(row) => <bdi>{row.record.name}</bdi>}
      </FoldedPreviewList>
      {preview.notInFeed.length > 0 && (
        <p>
          Partners an earlier Open Referral import brought that this feed does not list. If the feed is
          complete, their services may have closed: check them. Nothing is changed here.
        </p>
      )}
      <PreviewList
        heading="Imported before, not in this feed"
        label="Partners not in this feed"
        rows={preview.notInFeed}
        keyOf={(one) => one.id}
      >
        {(one) => <bdi>{one.name}</bdi>}
      </PreviewList>
    </div>
  );
}
