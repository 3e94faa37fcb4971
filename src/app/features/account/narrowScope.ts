// When the server says this person's role or parish has changed (409 scope_changed), the device's copy
// may hold what they can no longer see. It is removed — every synced record, keeping the outbox of
// unsent changes — the session takes the person's new role and parish, and the server is told the
// device is narrowed; the next sync is a fresh full pull. If the app stops half way, the server asks
// again and the steps repeat harmlessly.
import { accountSchema } from '../../../domain/accounts/people.ts';
import { apiFetch } from '../../api.ts';
import { writeMeta, type LocalDatabase, type StoredSession } from '../../store/localDatabase.ts';
import { clearLocalCopy } from '../../session.ts';

export async function narrowToCurrentScope(db: LocalDatabase, session: StoredSession): Promise<void> {
  const account = accountSchema.parse(await apiFetch('/api/account', { token: session.token }));
  await clearLocalCopy(db);
  await writeMeta(db, 'session', { ...session, user: account.user } satisfies StoredSession);
  await apiFetch('/api/account/scope', { method: 'POST', token: session.token });
}
