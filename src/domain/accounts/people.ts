// The messages of people administration: creating a user, changing their role or parish, the list an
// admin sees, signed-in devices, and changing one's own password. Shared by the admin screens and the
// server, so both refuse the same input with the same words.
import { z } from 'zod';
import { lineText } from '../entities/text.ts';
import { areaCodeSchema } from '../geo/area.ts';
import { idSchema } from '../entities/common.ts';
import { roleSchema, userSchema, type Role } from './user.ts';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'use 3 to 40 letters, digits, dots, dashes or underscores');

export const displayNameSchema = lineText()
  .min(1, 'name is required')
  .max(100, 'name is at most 100 characters');

/** At least 10 characters: long enough to resist guessing, short enough to type on a phone. */
export const newPasswordSchema = z
  .string()
  .min(10, 'use at least 10 characters')
  .max(200, 'use at most 200 characters');

/** What a parish beside a role other than coordinator is told: it would be dropped, unseen. */
export const PARISH_ONLY_FOR_COORDINATORS =
  'only a parish coordinator has a parish: leave it out for this role';

/**
 * What is wrong with a parish for a role, or null: a coordinator acts for one parish, and no other
 * role has one (the server used to drop it without a word, and the admin believed it was kept).
 */
export function parishProblem(role: Role, parishCode: string | null): string | null {
  if (role === 'parish_coordinator')
    return parishCode === null ? 'choose the parish a coordinator acts for' : null;
  return parishCode === null ? null : PARISH_ONLY_FOR_COORDINATORS;
}

export const newUserSchema = z
  .strictObject({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    parishCode: areaCodeSchema.nullable().default(null),
  })
  .superRefine((user, context) => {
    const problem = parishProblem(user.role, user.parishCode);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['parishCode'] });
  });
export type NewUserInput = z.infer<typeof newUserSchema>;

/** A change of a person; a parish without a role is checked against their stored role by the server. */
export const userChangeSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    parishCode: areaCodeSchema.nullable().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, {
    message: 'change at least one of displayName, role, parishCode',
    path: ['role'],
  })
  .refine(
    (change) => change.role === undefined || change.role === 'parish_coordinator' || !change.parishCode,
    { message: PARISH_ONLY_FOR_COORDINATORS, path: ['parishCode'] },
  );
export type UserChange = z.infer<typeof userChangeSchema>;

/** A user as an admin sees them in the list of people. */
export const managedUserSchema = userSchema.and(
  z.object({
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
    devices: z.number().int().nonnegative(),
  }),
);
export type ManagedUser = z.infer<typeof managedUserSchema>;

/** Answer to creating a user or resetting a password: the one-time password, shown once. */
export const oneTimePasswordSchema = z.object({ user: managedUserSchema, oneTimePassword: z.string() });

/** One signed-in device. */
export const deviceSessionSchema = z.object({
  id: idSchema,
  device: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof deviceSessionSchema>;

/** Who is signed in on this device, as the server sees them now. */
export const accountSchema = z.object({
  user: userSchema,
  mustChangePassword: z.boolean(),
  scopeKey: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'current password is required').max(200),
  newPassword: newPasswordSchema,
});

// First match wins: Edge and Samsung Internet also say Chrome, Chrome also says Safari.
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\//, 'Firefox'],
  [/(Chrome|Chromium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android.*Mobile/, 'Android phone'],
  [/Android/, 'Android tablet'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'Chromebook'],
  [/Macintosh|Mac OS X/, 'Mac'],
  [/Linux/, 'Linux'],
];

/** A device named in words a person recognises, from its browser's user agent. */
export function deviceName(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? 'Unknown device';
}
