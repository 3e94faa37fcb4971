// One filter as a labelled drop-down: the Directory's and the Requests list's filters are all this
// shape, an "any" choice first and then the options, so they read and behave alike.
export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect({
  id,
  label,
  value,
  onChange,
  any,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The words for "no filter" (value ""), e.g. "Any ward"; left out when the options hold it. */
  any?: string;
  options: readonly FilterOption[];
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
