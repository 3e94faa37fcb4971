// Form fields for the edit screens, in the GOV.UK pattern: label, optional hint, the error in plain
// words next to the field (and tied to it for screen readers), and an error summary that links to
// each field. Large tap targets throughout.
import type { ReactNode, Ref } from 'react';
import { describeProblem } from '../../../domain/csv/csvValues.ts';

/** "Phone must be a phone number…", "Date agreed: give the date…", as a sentence. */
export function fieldMessage(label: string, message: string): string {
  const text = describeProblem(label, message);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Common {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
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
    </>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete,
  autoCapitalize,
  readOnly,
  multiline,
  list,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'tel' | 'email' | 'date' | 'datetime-local' | 'url';
  inputMode?: 'decimal' | 'numeric' | 'tel' | 'email' | 'url' | 'text';
  autoComplete?: string;
  /** 'none' for user names and codes, which phones would otherwise capitalise. */
  autoCapitalize?: 'none';
  readOnly?: boolean;
  multiline?: boolean;
  /** The id of a <datalist> of suggestions. */
  list?: string;
}) {
  const common = {
    id,
    value,
    readOnly,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  };
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          autoCapitalize={autoCapitalize}
          list={list}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField({
  id,
  label,
  hint,
  error,
  checked,
  onChange,
}: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <HintAndError id={id} hint={hint} error={error} />
      <label className="inline" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
    </div>
  );
}

export interface Choices {
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  options: readonly { value: string; label: string }[];
}

/**
 * The frame of a many-choice field: a fieldset (focusable, so the error summary can link to it) with
 * its legend, hint and error. `describes` names one more element that describes it (a summary line).
 */
export function ChoiceFrame({
  id,
  label,
  hint,
  error,
  className,
  describes,
  children,
}: Common & { className?: string; describes?: string; children: ReactNode }) {
  const described = [describedBy(id, hint, error), describes].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`field checkbox-group${className ? ` ${className}` : ''}${error ? ' has-error' : ''}`}
      aria-describedby={described}
    >
      <legend>{label}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}

/** A checkbox per shown option; the value is the chosen ids in the options' order. */
export function ChoiceBoxes({
  chosen,
  onChange,
  options,
  shown = options,
}: Choices & { shown?: Choices['options'] }) {
  const toggle = (value: string, on: boolean) =>
    onChange(options.map((option) => option.value).filter((v) => (v === value ? on : chosen.includes(v))));
  return (
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
  );
}

/** Several choices under one legend, every one shown (for short lists, such as needs). */
export function CheckboxGroup({ chosen, onChange, options, ...frame }: Common & Choices) {
  return (
    <ChoiceFrame {...frame}>
      <ChoiceBoxes chosen={chosen} onChange={onChange} options={options} />
    </ChoiceFrame>
  );
}

/** "There is a problem": each error, linking to its field. Focused when a save fails. */
export function ErrorSummary({
  errors,
  ref,
}: {
  errors: { id: string; text: string }[];
  ref?: Ref<HTMLDivElement>;
}) {
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.id}>
            <a
              href={`#${error.id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.id)?.focus();
              }}
            >
              {error.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
