// "How urgent?": one radio button an urgency. Find help and Log a request both ask it, with the same
// choices in the same words, so what is chosen in one means the same in the other.
import { URGENCIES } from '../../domain/entities/request.ts';

type UrgencyId = (typeof URGENCIES)[number]['id'];

export function UrgencyPicker({
  urgency,
  onChange,
  name,
}: {
  urgency: UrgencyId;
  onChange: (urgency: UrgencyId) => void;
  /** The radio group's name, unique on the page. */
  name: string;
}) {
  return (
    <fieldset className="urgency">
      <legend>How urgent?</legend>
      {URGENCIES.map((option) => (
        <label key={option.id} className="inline">
          <input
            type="radio"
            name={name}
            value={option.id}
            checked={urgency === option.id}
            onChange={() => onChange(option.id)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
