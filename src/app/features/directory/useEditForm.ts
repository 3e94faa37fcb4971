// The state every edit form shares: the fields as text (the same columns as the CSV, read by the same
// code), the messages by field after a failed save, and the error summary to move focus to.
import { useRef, useState } from 'react';
import type { AreaLookup, RowContext } from '../../../domain/csv/csvValues.ts';
import { ukToday } from '../../../domain/directory/stale.ts';
import { fieldMessage } from './FormFields.tsx';
import { useDraft } from '../device/useDraft.ts';
import { useOneSubmit } from '../../components/useOneSubmit.ts';

export function useEditForm<C extends string>(initial: Record<C, string>, labels: Record<C, string>) {
  const [errors, setErrors] = useState<Partial<Record<C, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // What is typed is kept on this device under the form's address ("/partners/<id>/edit"), so a reload
  // or a crash gives it back; the screen discards it once saved.
  const [form] = useState(() => location.pathname);
  const draft = useDraft(form, initial);
  const { values, set } = draft;
  // A double tap on Save makes one record, not two.
  const submit = useOneSubmit();

  /** The message shown next to a field, or undefined. */
  const errorOf = (column: C) => {
    const message = errors[column];
    return message ? fieldMessage(labels[column], message) : undefined;
  };
  const fail = (found: Record<string, string>) => {
    setErrors(found as Partial<Record<C, string>>);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };
  const summary = (idOf: (column: C) => string) =>
    (Object.keys(errors) as C[]).flatMap((column) => {
      const text = errorOf(column);
      return text ? [{ id: idOf(column), text }] : [];
    });
  return {
    values,
    set,
    errors,
    errorOf,
    fail,
    setErrors,
    summary,
    summaryRef,
    saveError,
    setSaveError,
    draft,
    submit,
  };
}

export function formContext(area: AreaLookup): RowContext {
  const now = new Date();
  return { area, today: ukToday(now), now: now.toISOString(), newId: () => crypto.randomUUID() };
}
