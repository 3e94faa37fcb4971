// Choosing where help is needed: a ward or parish from the list, or this phone's location. Retired
// parishes are not offered, unless one is already chosen (e.g. from its page), so it still shows.
import { useState } from 'react';
import type { Parish, Ward } from '../../domain/geo/area.ts';
import type { Place } from '../../domain/entities/place.ts';
import { BusyButton } from './BusyButton.tsx';

function placeValue(place: Place | null): string {
  if (!place) return '';
  if (place.kind === 'point') return 'point';
  return `${place.kind}:${place.code}`;
}

export function PlacePicker({
  wards,
  parishes,
  place,
  onChange,
}: {
  wards: readonly Ward[];
  parishes: readonly Parish[];
  place: Place | null;
  onChange: (place: Place | null) => void;
}) {
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);

  const onSelect = (value: string) => {
    const [kind, code] = value.split(':');
    if ((kind === 'ward' || kind === 'parish') && code) onChange({ kind, code });
    else onChange(null);
  };

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) {
      setLocationError('This device cannot share its location. Choose a ward or parish instead.');
      return;
    }
    setLocating(true);
    setLocationError(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onChange({ kind: 'point', lat: position.coords.latitude, lon: position.coords.longitude });
      },
      () => {
        setLocating(false);
        setLocationError('Your location is not available. Choose a ward or parish instead.');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  return (
    <div className="place-picker">
      <label htmlFor="place">Where?</label>
      <select id="place" value={placeValue(place)} onChange={(event) => onSelect(event.target.value)}>
        <option value="">Choose a ward or parish</option>
        {place?.kind === 'point' && <option value="point">My location</option>}
        <optgroup label="Wards">
          {wards.map((ward) => (
            <option key={ward.code} value={`ward:${ward.code}`}>
              {ward.name} ward{ward.parished ? '' : ' (unparished)'}
            </option>
          ))}
        </optgroup>
        <optgroup label="Parishes">
          {parishes
            .filter((parish) => !parish.retired || placeValue(place) === `parish:${parish.code}`)
            .map((parish) => (
              <option key={parish.code} value={`parish:${parish.code}`}>
                {parish.name} parish{parish.retired ? ' (retired)' : ''}
              </option>
            ))}
        </optgroup>
      </select>
      <BusyButton type="button" className="secondary" onClick={useMyLocation} busy={locating}>
        {locating ? 'Finding your location…' : 'Use my location'}
      </BusyButton>
      {locationError && <p className="form-error">{locationError}</p>}
    </div>
  );
}
