// A contact: a person or role to call, in or out of hours. Restricted contacts are seen only by those
// whose role allows it (see access.ts). A retired contact (someone who has moved on) stays on record
// but is left out of searches and the chase list; records stored before `retired` existed read as not
// retired.
import { z } from 'zod';
import { lineText } from './text.ts';
import { areaCodeSchema } from '../geo/area.ts';
import { emailSchema, idSchema, isoDateSchema, isoDateTimeSchema, phoneSchema } from './common.ts';

export const contactSchema = z
  .object({
    id: idSchema,
    name: lineText().min(1, 'name or role is required').max(200),
    role: lineText().max(200),
    organisation: lineText().max(200).nullable(),
    parishCode: areaCodeSchema.nullable(),
    phones: z.object({ main: phoneSchema, outOfHours: phoneSchema.nullable() }),
    email: emailSchema.nullable(),
    visibility: z.enum(['public', 'restricted']),
    lastVerified: isoDateSchema,
    retired: z.boolean().default(false),
    updatedAt: isoDateTimeSchema,
  })
  .refine((contact) => contact.organisation !== null || contact.parishCode !== null, {
    message: 'name the organisation or the parish',
    path: ['organisation'],
  });
export type Contact = z.infer<typeof contactSchema>;
