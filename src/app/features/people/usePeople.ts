// The people list for the admin screens, from the server (people are not synced to devices), and the
// parishes a coordinator can be given, from the device's copy of the area.
import { useCallback, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { managedUserSchema, type ManagedUser } from '../../../domain/accounts/people.ts';
import { nextOffsetSchema, PEOPLE_PAGE, readEveryPage } from '../../../domain/api/paging.ts';
import { localDatabase } from '../../store/localDatabase.ts';
import { useOnline } from '../../useOnline.ts';
import { messageOf, serverCall } from '../account/serverCall.ts';

const pageSchema = z.object({ users: managedUserSchema.array(), nextOffset: nextOffsetSchema });

export function usePeople() {
  const online = useOnline();
  const [people, setPeople] = useState<ManagedUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      // Every page: the screens sort, search and count the whole list.
      const everyone = await readEveryPage(async (offset) => {
        const page = pageSchema.parse(
          await serverCall(`/api/admin/users?limit=${PEOPLE_PAGE.max}&offset=${offset}`),
        );
        return { items: page.users, nextOffset: page.nextOffset };
      });
      setPeople(everyone);
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);
  useEffect(() => {
    if (online) void reload();
  }, [online, reload]);
  return { online, people, error, reload };
}

export function useParishes() {
  return useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray(), []) ?? [];
}
