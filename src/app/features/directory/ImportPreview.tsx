// What an import would do, before anything is written: how many rows are new, update a record already
// here, are already up to date, are bad (each with its line and reasons) or repeat an earlier row.
import type { ImportPreview as Preview } from '../../../domain/csv/directoryCsv.ts';
import { FoldedPreviewList, PreviewCounts, PreviewList } from '../../components/PreviewList.tsx';

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
  const byLine = (row: { line: number }) => row.line;
  return (
    <div className="import-preview">
      <h3>What this file holds</h3>
      <PreviewCounts
        label="Import summary"
        counts={[
          `${rows(creates.length)} new`,
          `${rows(updates.length)} matching ${what} already here: ${updates.length === 1 ? 'it updates' : 'they update'} them`,
          `${rows(unchanged.length)} already up to date: skipped`,
          `${rows(bad.length)} with problems: not imported`,
          `${rows(duplicates.length)} repeating an earlier row of the file: skipped`,
        ]}
      />
      {preview.ignoredColumns.length > 0 && (
        <p className="banner warning">
          These columns are not ours and will be ignored: {preview.ignoredColumns.join(', ')}.
        </p>
      )}
      <PreviewList
        heading="Rows with problems (not imported)"
        label="Rows with problems"
        rows={bad}
        keyOf={byLine}
      >
        {(row) => (
          <>
            <strong>Line {row.line}</strong> (<bdi>{row.name}</bdi>): {row.reasons.join('; ')}
          </>
        )}
      </PreviewList>
      <PreviewList heading="Repeated rows (skipped)" label="Repeated rows" rows={duplicates} keyOf={byLine}>
        {(row) => (
          <>
            <strong>Line {row.line}</strong> ({row.name}): same as line {row.firstLine}, which is imported
            instead
          </>
        )}
      </PreviewList>
      <PreviewList heading={`Updates to ${what} already here`} label="Updates" rows={updates} keyOf={byLine}>
        {(row) => (
          <>
            <strong>Line {row.line}</strong> updates <bdi>{row.before.name}</bdi>:{' '}
            {row.changedFields.map((field) => FIELD_WORDS[field] ?? field).join(', ')}
          </>
        )}
      </PreviewList>
      <FoldedPreviewList summary="Already up to date" rows={unchanged} keyOf={byLine}>
        {(row) => (
          <>
            Line {row.line}: <bdi>{row.record.name}</bdi>
          </>
        )}
      </FoldedPreviewList>
      <FoldedPreviewList summary={`New ${what}`} rows={creates} keyOf={byLine}>
        {(row) => (
          <>
            Line {row.line}: <bdi>{row.record.name}</bdi>
          </>
        )}
      </FoldedPreviewList>
    </div>
  );
}
