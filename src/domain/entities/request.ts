// Incidents and requests for help. A request names its needs from the capability list, a place, who
// it is for (kept minimal: first name or initials), how urgent it is, and the partners assigned.
// Its notes and status changes are a separate, append-only timeline (timeline.ts).
import { z } from 'zod';
import { lineText } from './text.ts';
import { capabilityListSchema } from './capabilities.ts';
import { areaCodeListSchema, areaCodeSchema } from '../geo/area.ts';
import { coordinatesTogether, idSchema, isoDateTimeSchema, phoneSchema } from './common.ts';

export const INCIDENT_TYPES = [
  { id: 'flood', label: 'Flood' },
  { id: 'power_cut', label: 'Power cut' },
  { id: 'water_supply', label: 'Water supply' },
  { id: 'snow_ice', label: 'Snow or ice' },
  { id: 'heat', label: 'Heat' },
  { id: 'pandemic', label: 'Pandemic' },
  { id: 'other', label: 'Other' },
] as const;
type IncidentType = (typeof INCIDENT_TYPES)[number]['id'];

export const incidentSchema = z
  .object({
    id: idSchema,
    name: lineText().min(1, 'name is required').max(200),
    type: z.enum(INCIDENT_TYPES.map((type) => type.id) as [IncidentType, ...IncidentType[]]),
    startedAt: isoDateTimeSchema,
    endedAt: isoDateTimeSchema.nullable(),
    status: z.enum(['open', 'closed']),
    wardCodes: areaCodeListSchema,
    updatedAt: isoDateTimeSchema,
  })
  .refine((incident) => incident.endedAt === null || incident.endedAt >= incident.startedAt, {
    message: 'it cannot end before it starts',
    path: ['endedAt'],
  });
export type Incident = z.infer<typeof incidentSchema>;

export const URGENCIES = [
  { id: 'immediate', label: 'Immediate' },
  { id: 'today', label: 'Today' },
  { id: 'this_week', label: 'This week' },
] as const;
export const urgencySchema = z.enum(['immediate', 'today', 'this_week']);
/** What Find help and Log a request both start with: the app is for emergencies, so "now". */
export const DEFAULT_URGENCY = 'immediate' satisfies (typeof URGENCIES)[number]['id'];

export const REQUEST_SOURCES = [
  { id: 'phone', label: 'Phone call' },
  { id: 'parish', label: 'Parish' },
  { id: 'partner', label: 'Partner' },
  { id: 'walk_in', label: 'Walk-in' },
] as const;

export const REQUEST_STATUSES = [
  { id: 'new', label: 'New' },
  { id: 'assigned', label: 'Assigned' },
  { id: 'in_progress', label: 'In progress' },
  { id: 'done', label: 'Done' },
  { id: 'cancelled', label: 'Cancelled' },
] as const;
export const requestStatusSchema = z.enum(['new', 'assigned', 'in_progress', 'done', 'cancelled']);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export const assignmentSchema = z.object({
  partnerId: idSchema,
  partnerName: z.string().max(200),
  /** The best-placed reasons at the moment of assigning, kept so the choice can be checked later. */
  reasons: z.array(z.string().max(300)).max(12),
  assignedAt: isoDateTimeSchema,
  assignedBy: z.string().max(200),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const requestSchema = z
  .object({
    id: idSchema,
    incidentId: idSchema.nullable(),
    needs: capabilityListSchema.min(1, 'choose at least one need'),
    place: z
      .object({
        wardCode: areaCodeSchema.nullable(),
        parishCode: areaCodeSchema.nullable(),
        lat: z.number().min(-90).max(90).nullable(),
        lon: z.number().min(-180).max(180).nullable(),
        address: lineText().max(300),
        /** The place's name when logged ("Ashcombe ward"), kept so it still reads after a boundary import. */
        name: lineText().max(200).optional(),
      })
      .superRefine(coordinatesTogether),
    forWhom: z.object({
      /** First name or initials only: the log keeps no more personal data than it needs. */
      name: lineText().max(40, 'first name or initials only (at most 40 characters)'),
      phone: phoneSchema.nullable(),
      households: z.number().int().min(1).max(100_000).nullable(),
    }),
    urgency: urgencySchema,
    source: z.enum(['phone', 'parish', 'partner', 'walk_in']),
    status: requestStatusSchema,
    assignments: z.array(assignmentSchema).max(20),
    createdAt: isoDateTimeSchema,
    createdBy: idSchema,
    createdByName: z.string().max(200),
    updatedAt: isoDateTimeSchema,
    /** When the requester's details were removed under the retention schedule; absent until then. */
    personalDetailsRemovedAt: isoDateTimeSchema.nullable().optional(),
  })
  .refine((request) => request.place.wardCode !== null || request.place.parishCode !== null, {
    message: 'choose the ward or parish',
    path: ['place', 'wardCode'],
  })
  .refine(
    (request) =>
      request.forWhom.name !== '' ||
      request.forWhom.households !== null ||
      Boolean(request.personalDetailsRemovedAt),
    {
      message: 'give a first name or initials, or the number of households',
      path: ['forWhom', 'name'],
    },
  );
export type HelpRequest = z.infer<typeof requestSchema>;

/** Open requests: not done and not cancelled. */
export function isOpen(request: Pick<HelpRequest, 'status'>): boolean {
  return request.status !== 'done' && request.status !== 'cancelled';
}
