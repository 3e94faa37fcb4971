// A count per category as a table with a bar in each row: the chart and its data table are one thing,
// so a screen reader reads the figures and a sighted reader sees the proportions. Bars are decoration
// (aria-hidden); the number is always written.
export interface TallyRow {
  key: string;
  label: string;
  count: number;
}

export function TallyTable({
  caption,
  heading,
  rows,
  empty,
}: {
  caption: string;
  /** The first column's heading, e.g. "Ward". */
  heading: string;
  rows: readonly TallyRow[];
  empty: string;
}) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  const most = Math.max(1, ...rows.map((row) => row.count));
  return (
    <table className="tally-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="number">
            Open
          </th>
          <th scope="col" aria-hidden="true" className="bar-column" />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <bdi>{row.label}</bdi>
            </th>
            <td className="number">{row.count}</td>
            <td aria-hidden="true" className="bar-column">
              <span className="tally-bar" style={{ width: `${(100 * row.count) / most}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
