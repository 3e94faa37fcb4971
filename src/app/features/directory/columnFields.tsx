// The edit forms' fields, one a CSV column: the id, label, value and error all follow from the
// column, so the partner, contact and parish forms list only what differs (a hint, a type, options).
import { listOf } from '../../../domain/csv/csvValues.ts';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from './FormFields.tsx';
import { SearchableChoices } from '../forms/SearchableChoices.tsx';

/** What a form built by useEditForm holds for its columns. */
export interface ColumnForm<C extends string> {
  values: Record<C, string>;
  set: (column: C) => (value: string) => void;
  errorOf: (column: C) => string | undefined;
}

type Options = readonly { value: string; label: string }[];

export function columnFields<C extends string>(
  form: ColumnForm<C>,
  labels: Record<C, string>,
  idOf: (column: C) => string,
) {
  const about = (column: C) => ({ id: idOf(column), label: labels[column], error: form.errorOf(column) });
  return {
    text: (column: C, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
      <TextField {...about(column)} value={form.values[column]} onChange={form.set(column)} {...extra} />
    ),
    select: (column: C, options: Options, hint?: string) => (
      <SelectField
        {...about(column)}
        value={form.values[column]}
        onChange={form.set(column)}
        options={options}
        {...(hint ? { hint } : {})}
      />
    ),
    /** A yes/no column as one checkbox. */
    yes: (column: C, hint?: string) => (
      <CheckboxField
        {...about(column)}
        checked={form.values[column] === 'yes'}
        onChange={(checked) => form.set(column)(checked ? 'yes' : 'no')}
        {...(hint ? { hint } : {})}
      />
    ),
    /** A list column of places ("W1; W2"): the chosen ones by name, and a search box for the rest. */
    picker: (column: C, options: Options, hint?: string) => (
      <SearchableChoices
        {...about(column)}
        chosen={listOf(form.values[column])}
        onChange={(chosen) => form.set(column)(chosen.join('; '))}
        options={options}
        {...(hint ? { hint } : {})}
      />
    ),
    /** A list column ("food; water") as a checkbox a choice. */
    group: (column: C, options: Options, hint?: string) => (
      <CheckboxGroup
        {...about(column)}
        chosen={listOf(form.values[column])}
        onChange={(chosen) => form.set(column)(chosen.join('; '))}
        options={options}
        {...(hint ? { hint } : {})}
      />
    ),
  };
}
