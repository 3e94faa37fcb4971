// The frame every directory edit page shares: admins only, a loading line, a plain "not found" when
// the address names a record this device lacks, then the heading and the form; and the form's foot,
// the save error and Save / Cancel.
import type { ReactNode } from 'react';
import { Link } from '../../router.tsx';
import { AdminOnly } from './AdminOnly.tsx';
import { FormActions } from './FormFields.tsx';
import { FormProblem } from '../../components/FormProblem.tsx';
import { BusyButton } from '../../components/BusyButton.tsx';
import { Sentence } from '../../components/Sentence.tsx';

export function EditPage<T>({
  title,
  what,
  ready,
  missing,
  children,
}: {
  /** The heading; a name in it is marked isolated (see Sentence). */
  title: string;
  /** "partner", "contact" or "parish", for the not-found words. */
  what: string;
  /** What the form needs, once it has all loaded. */
  ready: T | undefined;
  /** True when the address names a record that is not on this device. */
  missing: boolean;
  children: (ready: T) => ReactNode;
}) {
  return (
    <AdminOnly title={title}>
      {ready === undefined ? (
        <p role="status">Loading…</p>
      ) : missing ? (
        <>
          <h1 tabIndex={-1}>{what.charAt(0).toUpperCase() + what.slice(1)} not found</h1>
          <p className="empty">
            This {what} is not on this device. <Link to="/directory">Back to the directory</Link>
          </p>
        </>
      ) : (
        <>
          <h1 tabIndex={-1}>
            <Sentence text={title} />
          </h1>
          <p className="hint">Saved on this device first; it reaches everyone at the next sync.</p>
          {children(ready)}
        </>
      )}
    </AdminOnly>
  );
}

export function SaveOrCancel({
  saveError,
  save,
  cancelTo,
  onCancel,
  busy,
}: {
  saveError: string | null;
  /** A save is under way: the button ignores presses until it ends. */
  busy: boolean;
  /** The save button's words, e.g. "Save contact". */
  save: string;
  cancelTo: string;
  /** Cancel pressed: what was typed is let go (the form's draft forgotten). */
  onCancel: () => void;
}) {
  return (
    <>
      <FormProblem message={saveError} />
      <FormActions>
        <BusyButton type="submit" busy={busy}>
          {save}
        </BusyButton>
        <Link className="button-link" to={cancelTo} onClick={onCancel}>
          Cancel
        </Link>
      </FormActions>
    </>
  );
}
