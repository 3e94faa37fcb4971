// "Find a ward": type part of a ward's name and choose it; the map zooms to it and its details open.
// Small town-centre wards are hard to tap at phone zoom; a name is not.
import { useId, useState } from 'react';
import type { Ward } from '../../../domain/geo/area.ts';

export function WardSearch({
  wards,
  onChoose,
}: {
  wards: readonly Ward[];
  onChoose: (code: string) => void;
}) {
  const [text, setText] = useState('');
  const listId = useId();
  const typed = text.trim().toLowerCase();
  const matches = typed === '' ? [] : wards.filter((ward) => ward.name.toLowerCase().includes(typed));
  const choose = (ward: Ward) => {
    setText(ward.name);
    onChoose(ward.code);
  };
  return (
    <div className="ward-search">
      <label htmlFor="ward-search">Find a ward</label>
      <input
        id="ward-search"
        type="search"
        autoComplete="off"
        list={listId}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const exact = wards.find(
            (ward) => ward.name.toLowerCase() === event.target.value.trim().toLowerCase(),
          );
          if (exact) onChoose(exact.code);
        }}
        onKeyDown={(event) => {
          const [first] = matches;
          if (event.key === 'Enter' && first) {
            event.preventDefault();
            choose(first);
          }
        }}
      />
      <datalist id={listId}>
        {wards.map((ward) => (
          <option key={ward.code} value={ward.name} />
        ))}
      </datalist>
      {typed !== '' &&
        matches.length > 0 &&
        matches.length <= 6 &&
        !matches.some((ward) => ward.name === text) && (
          <ul className="ward-search-matches" aria-label="Wards matching">
            {matches.map((ward) => (
              <li key={ward.code}>
                <button type="button" className="secondary" onClick={() => choose(ward)}>
                  Go to {ward.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      {typed !== '' && matches.length === 0 && <p className="form-error">No ward is called that.</p>}
    </div>
  );
}
