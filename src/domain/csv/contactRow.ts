// A contact as one row of text cells, and back: the columns of the contacts CSV (import and export)
// and of the contact edit form. As for partners, a column a file leaves out keeps what the directory
// holds for an existing contact (so a file from before the `retired` column never brings one back).
import { contactSchema, type Contact } from '../entities/contact.ts';
import {
  CellError,
  areaChoices,
  dateOrNull,
  lookUp,
  rowReader,
  rowResult,
  schemaColumns,
  textOrNull,
  yesNo,
  yesNoText,
  type ColumnDoc,
  type RowContext,
  type RowResult,
} from './csvValues.ts';

export const CONTACT_COLUMNS = [
  {
    column: 'id',
    field: 'id',
    meaning: 'Blank for a new contact. Export fills it, so a re-import updates the same contact.',
  },
  { column: 'name', field: 'name', meaning: 'Required: a person, or a role such as "Duty manager".' },
  { column: 'role', field: 'role', meaning: 'Their role, e.g. "Parish clerk".' },
  {
    column: 'organisation',
    field: 'organisation',
    meaning: 'The organisation they act for. Give this or parish, or both.',
  },
  { column: 'parish', field: 'parishCode', meaning: 'The parish they act for, code or name.' },
  { column: 'phone', field: 'phones.main', meaning: 'Required: digits and spaces.' },
  { column: 'out_of_hours_phone', field: 'phones.outOfHours', meaning: 'Or blank.' },
  { column: 'email', field: 'email', meaning: 'Or blank.' },
  {
    column: 'visibility',
    field: 'visibility',
    meaning: 'public or restricted (staff and their own parish only). Blank: restricted.',
  },
  {
    column: 'last_verified',
    field: 'lastVerified',
    meaning: 'The date their details were last confirmed. Blank: the day of the import.',
  },
  {
    column: 'retired',
    field: 'retired',
    meaning:
      'yes if they are no longer to be called (kept on record, left out of searches), or no. Blank: no.',
  },
] as const satisfies readonly ColumnDoc[];

export type ContactColumn = (typeof CONTACT_COLUMNS)[number]['column'];
export type ContactRow = Partial<Record<ContactColumn, string>>;

/** Schema field path → column, so the schema's messages land on the right column. */
const SCHEMA_COLUMNS = schemaColumns(CONTACT_COLUMNS);

export function contactToRow(contact: Contact): Record<ContactColumn, string> {
  return {
    id: contact.id,
    name: contact.name,
    role: contact.role,
    organisation: contact.organisation ?? '',
    parish: contact.parishCode ?? '',
    phone: contact.phones.main,
    out_of_hours_phone: contact.phones.outOfHours ?? '',
    email: contact.email ?? '',
    visibility: contact.visibility,
    last_verified: contact.lastVerified,
    retired: yesNoText(contact.retired),
  };
}

function blankContact(context: RowContext): Contact {
  return {
    id: context.newId(),
    name: '',
    role: '',
    organisation: null,
    parishCode: null,
    phones: { main: '', outOfHours: null },
    email: null,
    visibility: 'restricted',
    lastVerified: context.today,
    retired: false,
    updatedAt: context.now,
  };
}

export function contactFromRow(
  row: ContactRow,
  existing: Contact | null,
  context: RowContext,
): RowResult<Contact> {
  const base = existing ?? blankContact(context);
  const { cell, errors } = rowReader<ContactColumn>(row);
  const parishes = areaChoices(context.area.parishes);
  const candidate = {
    id: existing ? existing.id : cell('id', base.id, (text) => text || base.id),
    name: cell('name', base.name, (text) => text),
    role: cell('role', base.role, (text) => text),
    organisation: cell('organisation', base.organisation, textOrNull),
    parishCode: cell<string | null>('parish', base.parishCode, (text) =>
      text === '' ? null : (lookUp([text], parishes, 'a parish here', 'parish')[0] ?? null),
    ),
    phones: {
      main: cell('phone', base.phones.main, (text) => text),
      outOfHours: cell('out_of_hours_phone', base.phones.outOfHours, textOrNull),
    },
    email: cell('email', base.email, textOrNull),
    visibility: cell<Contact['visibility']>('visibility', base.visibility, (text) => {
      const value = text.toLowerCase() || 'restricted';
      if (value !== 'public' && value !== 'restricted') {
        throw new CellError(`must be public or restricted, not "${text}"`);
      }
      return value;
    }),
    lastVerified: cell('last_verified', base.lastVerified, (text) => dateOrNull(text) ?? context.today),
    retired: cell('retired', base.retired, yesNo),
    updatedAt: context.now,
  };
  // An empty phone is missing, not badly written.
  if (candidate.phones.main.trim() === '') errors.phone ??= 'is required';
  return rowResult(contactSchema, candidate, errors, SCHEMA_COLUMNS);
}
