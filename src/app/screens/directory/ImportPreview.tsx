// What an import would do, before anything is written: how many rows are new, update a record already
// here, are already up to date, are bad (each with its line and reasons) or repeat an earlier row.
import type { ImportPreview as Preview } from '../../../domain/directoryCsv.ts';

const rows = (count: number) => `${count} row${count === 1 ? '' : 's'}`;
const FIELD_WORDS: Record<string, string> = {
  capacityNotes: 'capacity notes',
  emergencyPlan: 'emergency plan',
  localCompact: 'Local Compact',
  listedPublicly: 'public listing',
  lastVerified: 'last verified',
  parishCode: 'parish',
};

export function ImportPreview<T extends { name: string }>({
  preview,
  what,
}: {
  preview: Preview<T>;
  what: string;
}) {
  const { creates, updates, unchanged, bad, duplicates } = preview;
  return (
    <div className="import-preview">
      <h3>What this file holds</h3>
      <ul className="import-counts" aria-label="Import summary">
        <li>{rows(creates.length)} new</li>
        <li>
          {rows(updates.length)} matching {what} already here:{' '}
          {updates.length === 1 ? 'it updates' : 'they update'} them
        </li>
        <li>{rows(unchanged.length)} already up to date: skipped</li>
        <li>{rows(bad.length)} with problems: not imported</li>
        <li>{rows(duplicates.length)} repeating an earlier row of the file: skipped</li>
      </ul>
      {preview.ignoredColumns.length > 0 && (
        <p className="banner warning">
          These columns are not ours and will be ignored: {preview.ignoredColumns.join(', ')}.
        </p>
      )}
      {bad.length > 0 && (
        <>
          <h3>Rows with problems (not imported)</h3>
          <ul className="problem-list" aria-label="Rows with problems">
            {bad.map((row) => (
              <li key={row.line}>
                <strong>Line {row.line}</strong> ({row.name}): {row.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {duplicates.length > 0 && (
        <>
          <h3>Repeated rows (skipped)</h3>
          <ul className="problem-list" aria-label="Repeated rows">
            {duplicates.map((row) => (
              <li key={row.line}>
                <strong>Line {row.line}</strong> ({row.name}): same as line {row.firstLine}, which is imported
                instead
              </li>
            ))}
          </ul>
        </>
      )}
      {updates.length > 0 && (
        <>
          <h3>Updates to {what} already here</h3>
          <ul className="problem-list" aria-label="Updates">
            {updates.map((row) => (
              <li key={row.line}>
                <strong>Line {row.line}</strong> updates {row.before.name}:{' '}
                {row.changedFields.map((field) => FIELD_WORDS[field] ?? field).join(', ')}
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
              <li key={row.line}>
                Line {row.line}: {row.record.name}
              </li>
            ))}
          </ul>
        </details>
      )}
      {creates.length > 0 && (
        <details>
          <summary>
            New {what} ({creates.length})
          </summary>
          <ul>
            {creates.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.record.name}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
