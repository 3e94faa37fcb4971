// My devices (/account): everywhere this person is signed in, named by browser and system, with when
// it signed in and was last seen; any other device can be signed out from here (a lost phone).
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { deviceSessionSchema, type DeviceSession } from '../../../domain/accounts/people.ts';
import { nextOffsetSchema, readEveryPage, SESSIONS_PAGE } from '../../../domain/api/paging.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { useOnline } from '../../useOnline.ts';
import { timeAgo } from '../../timeAgo.ts';
import { messageOf, serverCall } from './serverCall.ts';
import { FormProblem } from '../../components/FormProblem.tsx';
import { Announced } from '../../components/Announced.tsx';

const pageSchema = z.object({ sessions: deviceSessionSchema.array(), nextOffset: nextOffsetSchema });

export function AccountScreen() {
  const online = useOnline();
  const [sessions, setSessions] = useState<DeviceSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const every = await readEveryPage(async (offset) => {
        const page = pageSchema.parse(
          await serverCall(`/api/account/sessions?limit=${SESSIONS_PAGE.max}&offset=${offset}`),
        );
        return { items: page.sessions, nextOffset: page.nextOffset };
      });
      setSessions(every);
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);
  useEffect(() => {
    if (online) void load();
  }, [online, load]);

  const signOutDevice = async (session: DeviceSession) => {
    try {
      await serverCall(`/api/account/sessions/${session.id}`, { method: 'DELETE' });
      setNotice(
        `${session.device} is signed out. Anything it had not sent stays on it until you sign in there again.`,
      );
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>My devices</h1>
      <p>Where you are signed in. Sign out a device you no longer use, or one that is lost.</p>
      {!online && (
        <p className="banner warning">You are offline: your devices can be listed only with a connection.</p>
      )}
      <FormProblem message={error} />
      <Announced>{notice && <p>{notice}</p>}</Announced>
      {online && sessions === null && !error && <p role="status">Loading your devices…</p>}
      {sessions?.length === 0 && <p className="empty">You are not signed in anywhere else.</p>}
      {sessions && sessions.length > 0 && (
        <PagedList
          items={sessions}
          label="Signed-in devices"
          render={(session) => (
            <li key={session.id} className="card">
              <span className="card-title">
                {session.device} {session.current && <span className="badge">This device</span>}
              </span>
              <span className="card-meta">
                Signed in {timeAgo(session.createdAt, Date.now())} · last seen{' '}
                {timeAgo(session.lastSeenAt, Date.now())}
              </span>
              {!session.current && (
                <button type="button" className="secondary" onClick={() => void signOutDevice(session)}>
                  Sign out {session.device}
                </button>
              )}
            </li>
          )}
        />
      )}
    </>
  );
}
