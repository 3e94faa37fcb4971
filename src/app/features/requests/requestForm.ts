// The "Log a request" form's values and their check: the form's text becomes a HelpRequest, checked
// by the same schema the server uses, with each problem said in plain words next to its field.
import type { z } from 'zod';
import type { CapabilityId } from '../../../domain/entities/capabilities.ts';
import {
  DEFAULT_URGENCY,
  requestSchema,
  type HelpRequest,
  type REQUEST_SOURCES,
} from '../../../domain/entities/request.ts';
import type { User } from '../../../domain/accounts/user.ts';

export interface RequestFormValues {
  needs: CapabilityId[];
  /** "ward:CODE" or "parish:CODE", or '' when not chosen. */
  place: string;
  address: string;
  name: string;
  phone: string;
  households: string;
  urgency: HelpRequest['urgency'];
  source: (typeof REQUEST_SOURCES)[number]['id'];
  incidentId: string;
}

export function initialValues(user: User): RequestFormValues {
  const coordinator = user.role === 'parish_coordinator' && user.parishCode !== null;
  return {
    needs: [],
    place: coordinator ? `parish:${user.parishCode}` : '',
    address: '',
    name: '',
    phone: '',
    households: '',
    urgency: DEFAULT_URGENCY,
    source: coordinator ? 'parish' : 'phone',
    incidentId: '',
  };
}

/** Field key (as the form names it) → message. */
export type FormErrors = Partial<
  Record<'needs' | 'place' | 'address' | 'name' | 'phone' | 'households', string>
>;

const PATH_TO_FIELD: Record<string, keyof FormErrors> = {
  needs: 'needs',
  'place.wardCode': 'place',
  'place.parishCode': 'place',
  'place.address': 'address',
  'forWhom.name': 'name',
  'forWhom.phone': 'phone',
  'forWhom.households': 'households',
};

/** Where zod's own wording is technical, these say the same thing plainly. */
const PLAIN: Partial<Record<keyof FormErrors, string>> = {
  households: 'give a whole number of households, from 1 to 100,000',
  address: 'the address is at most 300 characters',
  place: 'choose the ward or parish',
};

function placeOf(value: string, user: User): Pick<HelpRequest['place'], 'wardCode' | 'parishCode'> {
  const [kind, code = ''] = value.split(':');
  const ownParish = user.role === 'parish_coordinator' ? user.parishCode : null;
  if (kind === 'ward' && code) return { wardCode: code, parishCode: ownParish };
  if (kind === 'parish' && code) return { wardCode: null, parishCode: code };
  return { wardCode: null, parishCode: null };
}

export function toRequest(values: RequestFormValues, user: User): HelpRequest {
  const now = new Date().toISOString();
  const households = values.households.trim();
  return {
    id: crypto.randomUUID(),
    incidentId: values.incidentId || null,
    needs: values.needs,
    place: { ...placeOf(values.place, user), lat: null, lon: null, address: values.address.trim() },
    forWhom: {
      name: values.name.trim(),
      phone: values.phone.trim() || null,
      households: households === '' ? null : /^\d+$/.test(households) ? Number(households) : Number.NaN,
    },
    urgency: values.urgency,
    source: values.source,
    status: 'new',
    assignments: [],
    createdAt: now,
    createdBy: user.id,
    createdByName: user.displayName,
    updatedAt: now,
  };
}

function errorsOf(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = PATH_TO_FIELD[issue.path.map(String).join('.')];
    if (!field || errors[field]) continue;
    const custom = issue.code === 'custom' || issue.code === 'invalid_format' || field === 'needs';
    errors[field] = (custom ? issue.message : undefined) ?? PLAIN[field] ?? issue.message;
  }
  return errors;
}

/** The request to save, or the problems to show. */
export function checkRequest(
  values: RequestFormValues,
  user: User,
): { request: HelpRequest; errors: null } | { request: null; errors: FormErrors } {
  const request = toRequest(values, user);
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) return { request: null, errors: errorsOf(parsed.error) };
  return { request: parsed.data, errors: null };
}

export const FIELD_NAMES: Record<keyof FormErrors, string> = {
  needs: 'What is needed',
  place: 'Where',
  address: 'Address',
  name: 'First name or initials',
  phone: 'Phone',
  households: 'Households',
};
