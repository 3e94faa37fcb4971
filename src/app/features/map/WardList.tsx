// Every ward as a button: the keyboard (and screen-reader) way to choose a ward, showing in words what
// the map shows in colour — gap, thin cover, partner count, unparished, open requests (when any).
import type { Ward } from '../../../domain/geo/area.ts';
import { openRequestsWords, type WardLook } from './mapShading.ts';

export function WardList({
  wards,
  looks,
  openRequests,
  selectedCode,
  onChoose,
}: {
  wards: readonly Ward[];
  looks: ReadonlyMap<string, WardLook>;
  openRequests: ReadonlyMap<string, number> | undefined;
  selectedCode: string | null;
  onChoose: (code: string) => void;
}) {
  return (
    <ul className="ward-list" aria-label="Wards on the map">
      {wards.map((ward) => {
        const look = looks.get(ward.code);
        const requests = openRequests ? (openRequests.get(ward.code) ?? 0) : undefined;
        return (
          <li key={ward.code}>
            <button
              type="button"
              className="ward-choice"
              aria-pressed={ward.code === selectedCode}
              onClick={() => onChoose(ward.code)}
            >
              <span className="ward-choice-name">{ward.name}</span>
              <span className="ward-choice-meta">
                {!ward.parished && <span className="badge warning">Unparished</span>}
                {look?.words && <span className={`cover-words cover-${look.level}`}>{look.words}</span>}
                {requests ? <span>{openRequestsWords(requests)}</span> : null}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
