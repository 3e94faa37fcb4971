// A long list of choices (26 wards, 41 parishes) made short on a phone: the ones chosen are listed
// by name, a search box finds the rest, and "Show all" opens the whole list. The same frame and
// checkboxes as CheckboxGroup (directory/FormFields.tsx), so labels and tests read the same.
import { useState } from 'react';
import { ChoiceBoxes, ChoiceFrame, type Choices } from '../directory/FormFields.tsx';

interface Props extends Choices {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

export function SearchableChoices({ id, label, hint, error, chosen, onChange, options }: Props) {
  const [search, setSearch] = useState('');
  const [showAll, setShowAll] = useState(false);
  const typed = search.trim().toLowerCase();
  const shown = options.filter(
    (option) =>
      showAll ||
      chosen.includes(option.value) ||
      (typed !== '' && option.label.toLowerCase().includes(typed)),
  );
  const chosenNames = options.filter((option) => chosen.includes(option.value)).map((option) => option.label);
  return (
    <ChoiceFrame
      id={id}
      label={label}
      {...(hint ? { hint } : {})}
      error={error}
      className="searchable"
      describes={`${id}-summary`}
    >
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
      <ChoiceBoxes chosen={chosen} onChange={onChange} options={options} shown={shown} />
      <button
        type="button"
        className="secondary"
        aria-expanded={showAll}
        onClick={() => setShowAll(!showAll)}
      >
        {showAll ? 'Show only the chosen ones' : `Show all ${options.length}`}
      </button>
    </ChoiceFrame>
  );
}
