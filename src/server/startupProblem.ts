// Why the server, or an operator's command, could not start, in words an operator can act on: one line
// naming the setting to look at, where Node would print a stack trace ("connect ECONNREFUSED", "EEXIST:
// file already exists, mkdir") or, for a port already taken, print nothing and hang. Anything not
// recognised here is a fault of ours, and keeps its stack.
import { ConfigError } from './config.ts';
import { DataFolderInUse } from './storage/dataFolderLock.ts';
import { DatabaseTooNew } from './storage/migrate.ts';

interface Settings {
  port?: number | undefined;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

/** Host, port and database of a PostgreSQL URL, never its password. */
function placeOf(databaseUrl: string | undefined): string {
  if (!databaseUrl) return 'the PostgreSQL server';
  try {
    const url = new URL(databaseUrl);
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    return `PostgreSQL at ${url.hostname || 'the local socket'}${url.port ? `:${url.port}` : ''}${database ? `, database "${database}"` : ''}`;
  } catch {
    return 'the PostgreSQL server';
  }
}

const ourOwn = (error: unknown) =>
  error instanceof ConfigError || error instanceof DataFolderInUse || error instanceof DatabaseTooNew;

/** What went wrong, in plain words, or undefined when it is not a problem of the machine or settings. */
export function startupProblem(error: unknown, settings: Settings): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (ourOwn(error)) return error.message;
  const { message } = error;
  const { code, syscall, path, hostname } = error as NodeJS.ErrnoException & { hostname?: string };
  if (syscall === 'listen') {
    if (code === 'EADDRINUSE')
      return `Port ${settings.port} is already in use: another Resilience Hub, or another program, is listening on it. Stop that one, or set PORT to a free port.`;
    if (code === 'EACCES')
      return `This user may not listen on port ${settings.port} (ports below 1024 need extra rights). Set PORT to 1024 or above and put a reverse proxy in front.`;
  }
  const database = placeOf(settings.databaseUrl);
  switch (code) {
    case 'ECONNREFUSED':
      return `Could not reach ${database} (DATABASE_URL): nothing is listening there. Is PostgreSQL running, and are the host and port right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Could not find the host "${hostname ?? ''}" named in DATABASE_URL. Check its spelling, or this machine's DNS.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${database} (DATABASE_URL) did not answer (${code}). Check the network between this machine and it, and its firewall.`;
    case '28P01':
      return `${database} refused the password in DATABASE_URL.`;
    case '28000':
      return `${database} refused the sign-in in DATABASE_URL: ${message}.`;
    case '3D000':
      return `${database} says: ${message}. Create it (e.g. createdb), or name one that exists in DATABASE_URL.`;
    case '42501':
      return `The PostgreSQL user in DATABASE_URL may not create the tables it needs: ${message}. Grant it CREATE on the database (or on DATABASE_SCHEMA).`;
  }
  if (path !== undefined && settings.dataDir !== undefined && path.startsWith(settings.dataDir)) {
    if (code === 'EEXIST' || code === 'ENOTDIR')
      return `DATA_DIR ${settings.dataDir} is a file, not a folder. Set DATA_DIR to a folder (it is made if missing).`;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return `This user may not write to the data folder ${settings.dataDir} (DATA_DIR). Give it write access, or set DATA_DIR to a folder it may write to.`;
    if (code === 'ENOSPC')
      return `The disk holding the data folder ${settings.dataDir} (DATA_DIR) is full. Free some space, then start again.`;
  }
  return undefined;
}
