// The wards of the area, with their parishes, or a clear mark where a ward has no parish council.
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';

export function WardsScreen() {
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray());

  if (wards === undefined || parishes === undefined) return <p role="status">Loading wards…</p>;
  const parishesByWard = new Map<string, string[]>();
  for (const parish of parishes) {
    for (const code of parish.wardCodes)
      parishesByWard.set(code, [...(parishesByWard.get(code) ?? []), parish.name]);
  }
  const unparished = wards.filter((ward) => !ward.parished).length;

  return (
    <>
      <h1 tabIndex={-1}>Wards</h1>
      {wards.length === 0 ? (
        <p className="empty">No wards on this device yet. They arrive with the first sync.</p>
      ) : (
        <>
          <p className="count">
            {wards.length} wards, {parishes.length} parishes, {unparished} wards with no parish council.
          </p>
          <ul className="card-list" aria-label="Wards">
            {wards.map((ward) => (
              <li key={ward.code} className="card">
                <span className="card-title">{ward.name}</span>
                <span className="card-meta">
                  {ward.parished ? (
                    `Parishes: ${(parishesByWard.get(ward.code) ?? []).join(', ')}`
                  ) : (
                    <span className="badge warning">Unparished</span>
                  )}{' '}
                  · {ward.neighbours.length} neighbouring wards
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
