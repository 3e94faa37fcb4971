// Users and sign-in messages. Every user has a role and, for parish coordinators, the parish they
// act for. A viewer looks things up (find help, directory, map) and changes nothing.
import { z } from 'zod';
import { areaCodeSchema } from '../geo/area.ts';
import { idSchema } from '../entities/common.ts';

export const ROLES = ['admin', 'duty_officer', 'parish_coordinator', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  duty_officer: 'Emergency duty officer',
  parish_coordinator: 'Parish emergency coordinator',
  viewer: 'Viewer (read only)',
};

export const userSchema = z
  .object({
    id: idSchema,
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    parishCode: areaCodeSchema.nullable(),
  })
  .refine((user) => user.role !== 'parish_coordinator' || user.parishCode !== null, {
    message: 'a parish coordinator needs a parish',
    path: ['parishCode'],
  });
export type User = z.infer<typeof userSchema>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const usernameSchema = z.string().trim().min(1, 'username is required').max(100);

/** 32 bytes in base64: what scrypt makes of a password with the salt and cost the server gave. */
export const signInProofSchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'proof must be 32 bytes in base64 (what the sign-in salt gives)');

/**
 * A sign-in gives the password, or the proof the device made of it (sign-in salt, below), never both:
 * with a proof the server checks a SHA-256 instead of spending a core's 45 ms on scrypt.
 */
export const loginRequestSchema = z
  .strictObject({
    username: usernameSchema,
    password: z.string().min(1, 'password is required').max(200).optional(),
    proof: signInProofSchema.optional(),
  })
  .refine((login) => login.password !== undefined || login.proof !== undefined, {
    path: ['password'],
    message: 'password is required',
    // Also when the username is wrong too, so that every missing field is named at once.
    when: ({ value }) => isObject(value) && value.password === undefined && value.proof === undefined,
  })
  .refine((login) => login.password === undefined || login.proof === undefined, {
    path: ['proof'],
    message: 'give the password or a proof, not both',
  });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const signInSaltRequestSchema = z.strictObject({ username: usernameSchema });

/**
 * How the device should prove it knows the password: scrypt with this salt and cost, sent as `proof`;
 * or, for an account whose stored hash is from an older cost, the password itself, so the server can
 * hash it again at today's cost. A username nobody has gets a salt like anyone's.
 */
export const signInSaltSchema = z.discriminatedUnion('send', [
  z.object({
    send: z.literal('proof'),
    algorithm: z.literal('scrypt'),
    N: z.number().int().min(2),
    r: z.number().int().min(1),
    p: z.number().int().min(1),
    salt: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'salt must be base64'),
  }),
  z.object({ send: z.literal('password') }),
]);
export type SignInSalt = z.infer<typeof signInSaltSchema>;

export const loginResponseSchema = z.object({ token: z.string(), user: userSchema, expiresAt: z.string() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;
