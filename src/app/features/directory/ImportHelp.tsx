// The columns of the partners and contacts CSV files, documented where the file is chosen. Export
// writes exactly these, so a downloaded file can be edited and imported back.
import { PARTNER_COLUMNS } from '../../../domain/csv/partnerRow.ts';
import { CONTACT_COLUMNS } from '../../../domain/csv/contactRow.ts';

function Columns({
  caption,
  columns,
}: {
  caption: string;
  columns: readonly { column: string; meaning: string }[];
}) {
  return (
    <table className="columns-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">What it holds</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((entry) => (
          <tr key={entry.column}>
            <th scope="row">
              <code>{entry.column}</code>
            </th>
            <td>{entry.meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportHelp() {
  return (
    <section aria-labelledby="columns-heading">
      <h2 id="columns-heading">The columns</h2>
      <ul>
        <li>
          A comma-separated file (CSV) with a header line naming the columns, in any order and any capitals.
          Only
          <code> name</code> must be there; for a partner already here, a column left out keeps what the
          directory holds.
        </li>
        <li>
          Line numbers count the header as line 1, as a spreadsheet numbers its rows (a cell holding a line
          break stays on its row).
        </li>
        <li>
          A row with the same name and postcode as a partner already here (for contacts: the same name and
          organisation or parish), or with its <code>id</code>, updates that one rather than adding another. A
          row repeating an earlier row of the same file is skipped.
        </li>
        <li>
          Lists (capabilities, wards, parishes) are separated by <code>;</code>. Yes/no columns take yes or
          no. Dates are YYYY-MM-DD or DD/MM/YYYY.
        </li>
        <li>
          Files saved by Excel are read as they come: with or without a byte order mark, Windows line endings,
          commas and line breaks inside quoted cells, and older Windows text.
        </li>
      </ul>
      <Columns caption="Partners" columns={PARTNER_COLUMNS} />
      <Columns caption="Contacts" columns={CONTACT_COLUMNS} />
    </section>
  );
}
