// A long list of choices (26 wards, 41 parishes) made short on a phone: the ones chosen are listed
// by name, a search box finds the rest, and "Show all" opens the whole list. Same fieldset, legend,
// hint, error and checkboxes as CheckboxGroup, so labels and tests read the same.
import { useState } from 'react';

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  options: readonly { value: string; label: string }[];
}

export function SearchableChoices({ id, label, hint, error, chosen, onChange, options }: Props) {
  const [search, setSearch] = useState('');
  const [showAll, setShowAll] = useState(false);
  const toggle = (value: string, on: boolean) =>
    onChange(options.map((option) => option.value).filter((v) => (v === value ? on : chosen.includes(v))));
  const typed = search.trim().toLowerCase();
  const shown = options.filter(
    (option) =>
      showAll ||
      chosen.includes(option.value) ||
      (typed !== '' && option.label.toLowerCase().includes(typed)),
  );
  const chosenNames = options.filter((option) => chosen.includes(option.value)).map((option) => option.label);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`, `${id}-summary`]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`field checkbox-group searchable${error ? ' has-error' : ''}`}
      aria-describedby={describedBy}
    >
      <legend>{label}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <p className="choice-summary" id={`${id}-summary`}>
        {chosenNames.length === 0
          ? `None chosen (of ${options.length}).`
          : `${chosenNames.length} of ${options.length} chosen: ${chosenNames.join(', ')}.`}
      </p>
      <label htmlFor={`${id}-search`}>Find one to add</label>
      <input
        id={`${id}-search`}
        type="search"
        autoComplete="off"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {typed !== '' && shown.length === chosenNames.length && !showAll && (
        <p className="hint">Nothing else matches “{search.trim()}”.</p>
      )}
      <div className="checkbox-grid">
        {shown.map((option) => (
          <label key={option.value} className="inline">
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <button
        type="button"
        className="secondary"
        aria-expanded={showAll}
        onClick={() => setShowAll(!showAll)}
      >
        {showAll ? 'Show only the chosen ones' : `Show all ${options.length}`}
      </button>
    </fieldset>
  );
}
