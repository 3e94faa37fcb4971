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

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(100),
  password: z.string().min(1, 'password is required').max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({ token: z.string(), user: userSchema, expiresAt: z.string() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;
