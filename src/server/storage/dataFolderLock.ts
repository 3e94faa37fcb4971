// One process per PGlite folder. PGlite is PostgreSQL in one process's memory writing to a folder, and
// it takes no lock of its own (it writes a postmaster.pid holding -42): a second server, or an operator's
// `npm run create-admin` beside a running one, would open the same files and both would write, which
// corrupts the database. So the folder holds a lock file naming the process that has it open.
//
// A lock is taken over only when the process it names is gone (a crash, a power cut), never because it
// looks old: a live server busy in a long statement must not lose its folder. A lock naming this very
// process, but not opened by it, is left from before a restart that reused the process number (a
// container's server is often process 1 every time) and is taken over too.
import { link, mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'resilience-hub.lock';

export class DataFolderInUse extends Error {
  override name = 'DataFolderInUse';
}

interface Holder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

/** Folders this process holds, so a second open here is refused as one from elsewhere would be. */
const heldHere = new Set<string>();

const lockPathOf = (dataDir: string) => join(dataDir, LOCK_FILE);

let releasingAtExit = false;

/** At exit (even without the database closed), the folders this process held are free again. */
function releaseAllAtExit(): void {
  for (const lockPath of heldHere) {
    try {
      unlinkSync(lockPath);
    } catch {
      // already gone
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<Holder | null> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' ? (holder as Holder) : null;
  } catch {
    return null; // gone meanwhile, or half written by a process that died writing it
  }
}

/** Whether the lock's process is gone, so the folder is free. */
function isLeftOver(holder: Holder | null): boolean {
  if (holder === null) return true;
  if (holder.host !== hostname()) return false; // another machine's process: cannot tell, keep off
  return holder.pid === process.pid || !isAlive(holder.pid);
}

function inUse(dataDir: string, holder: Holder | null): DataFolderInUse {
  const who = holder
    ? `process ${holder.pid} (${holder.command}, since ${holder.since}${holder.host === hostname() ? '' : ` on ${holder.host}`})`
    : 'another process';
  return new DataFolderInUse(
    `The data folder ${dataDir} is already open in ${who}. The embedded database lets one process use ` +
      'a folder at a time: stop that one first (a running server, or a command such as create-admin), ' +
      `or set DATA_DIR to another folder. If no such process is running, delete ${lockPathOf(dataDir)}.`,
  );
}

/**
 * Takes the folder for this process; throws `DataFolderInUse` naming the holder when another live
 * process has it. Returns the release, which the database's close calls; the lock also goes at exit.
 */
export async function lockDataFolder(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = lockPathOf(dataDir);
  if (heldHere.has(lockPath)) throw inUse(dataDir, await readHolder(lockPath));
  // Claimed here before any wait, so a second open in this process meanwhile is refused too.
  heldHere.add(lockPath);
  try {
    await takeLock(dataDir, lockPath);
  } catch (error) {
    heldHere.delete(lockPath);
    throw error;
  }
  if (!releasingAtExit) process.once('exit', releaseAllAtExit);
  releasingAtExit = true;
  return async () => {
    heldHere.delete(lockPath);
    await rm(lockPath, { force: true });
  };
}

async function takeLock(dataDir: string, lockPath: string): Promise<void> {
  const mine: Holder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
  };
  // Written whole under a name of its own, then linked into place: link fails when the lock exists,
  // so of two processes starting at once exactly one gets it, and nobody reads a half-written lock.
  const draft = `${lockPath}.${process.pid}.${Date.now()}`;
  await mkdir(dataDir, { recursive: true });
  await writeFile(draft, JSON.stringify(mine));
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await link(draft, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = await readHolder(lockPath);
        if (attempt > 0 || !isLeftOver(holder)) throw inUse(dataDir, holder);
        // Looked at once more just before removing it: another process starting now may have taken
        // the left-over lock over already, and its fresh one must stay.
        if (JSON.stringify(await readHolder(lockPath)) !== JSON.stringify(holder))
          throw inUse(dataDir, holder);
        await rm(lockPath, { force: true });
      }
    }
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}
