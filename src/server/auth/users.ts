// Users in storage: creating them (seed, admin tools) and finding them for sign-in.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../storage/database.ts';
import { userSchema, type Role, type User } from '../../domain/accounts/user.ts';
import { hashPassword } from './password.ts';

interface UserRow extends Record<string, unknown> {
  id: string;
  username: string;
  display_name: string;
  role: string;
  parish_code: string | null;
}

export function toUser(row: UserRow): User {
  return userSchema.parse({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    parishCode: row.parish_code,
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  parishCode: string | null;
}

/** Creates the user unless the username is taken; returns whether it was created. */
export async function createUser(db: Queryable, user: NewUser): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO users (id, username, display_name, password_hash, role, parish_code)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [
      randomUUID(),
      user.username,
      user.displayName,
      await hashPassword(user.password),
      user.role,
      user.parishCode,
    ],
  );
  return rows.length > 0;
}

export async function findUserByUsername(
  db: Queryable,
  username: string,
): Promise<(UserRow & { password_hash: string }) | undefined> {
  const rows = await db.query<UserRow & { password_hash: string }>(
    'SELECT * FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  return rows[0];
}

/**
 * Stores a new hash of a password just proved right, made at today's cost, unless the password
 * changed meanwhile (a change at the same moment wins).
 */
export async function renewPasswordHash(
  db: Queryable,
  userId: string,
  oldHash: string,
  newHash: string,
): Promise<void> {
  await db.query('UPDATE users SET password_hash = $3 WHERE id = $1::uuid AND password_hash = $2', [
    userId,
    oldHash,
    newHash,
  ]);
}
