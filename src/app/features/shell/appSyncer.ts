// The one syncer of this tab: the shell starts and stops it, the sync indicator and the More screen
// (sign out) read it. A module of its own so screens reach it without importing the shell.
import { localDatabase } from '../../store/localDatabase.ts';
import { Syncer } from '../../sync/syncer.ts';

export const syncer = new Syncer(localDatabase);
