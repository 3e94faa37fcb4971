// What the load generator records: every request's route, status and time, and the CPU time of the
// generator itself, of the server process, of PostgreSQL and of the whole machine, to tell how much of
// the box each one used.
import { readdirSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile, round } from '../measure.ts';

/** 'login' is a whole sign-in as the app makes it: the salt request, then the login with the proof. */
export type Route = 'salt' | 'login' | 'pull.first' | 'pull' | 'push';

export interface Sample {
  route: Route;
  ms: number;
  /** The HTTP status, or 0 when no answer came at all. */
  status: number;
  /** What the server says it worked on the request (its Server-Timing), when it answered. */
  serverMs?: number;
}

/** The server's own time in a Server-Timing header (`app;dur=12.3`), if there is one. */
export function serverMsOf(header: string | string[] | undefined): number | undefined {
  const match = /(?:^|,)\s*app;dur=([\d.]+)/.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  return match ? Number(match[1]) : undefined;
}

export class RouteStats {
  readonly samples: Sample[] = [];
  /** Requests that got no answer, by route and why (e.g. "pull TimeoutError", "push ECONNRESET"). */
  readonly failures = new Map<string, number>();

  failed(route: Route, error: unknown): void {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const why = code !== undefined ? String(code) : error instanceof Error ? error.name : 'unknown';
    const key = `${route} ${why}`;
    this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
  }

  add(route: Route, ms: number, status: number, serverMs?: number): void {
    this.samples.push({ route, ms, status, ...(serverMs === undefined ? {} : { serverMs }) });
  }

  summary(route: Route) {
    const mine = this.samples.filter((s) => s.route === route);
    const answered = mine.filter((s) => s.status !== 0).map((s) => s.ms);
    const onServer = mine.flatMap((s) => (s.serverMs === undefined ? [] : [s.serverMs]));
    return {
      count: mine.length,
      p50: round(percentile(answered, 50), 1),
      p95: round(percentile(answered, 95), 1),
      p99: round(percentile(answered, 99), 1),
      /** The server's own part (Server-Timing): the rest of a request's time is queues and the wire. */
      serverP50: round(percentile(onServer, 50), 1),
      serverP95: round(percentile(onServer, 95), 1),
      busy: mine.filter((s) => s.status === 503).length,
      errors: mine.filter((s) => s.status === 0 || (s.status >= 400 && s.status !== 503)).length,
      /** Errors by status ("0" = no answer within the timeout, or the connection failed). */
      errorStatuses: Object.fromEntries(
        [...new Set(mine.map((s) => s.status))]
          .filter((status) => status === 0 || (status >= 400 && status !== 503))
          .map((status) => [String(status), mine.filter((s) => s.status === status).length]),
      ),
    };
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined where there is none. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of every PostgreSQL process on this machine (when it runs here), by pid. Other work on
 * a shared machine may use the same PostgreSQL, so this is an upper bound on what the server's queries cost.
 */
function postgresCpuSeconds(): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const cpu = processCpuSeconds(Number(entry));
      if (cpu !== undefined) seconds.set(Number(entry), cpu);
    } catch {
      // The process ended while we looked.
    }
  }
  return seconds;
}

/** Busy and total CPU ticks of the whole machine, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle, iowait
  return { busy: total - idle, total };
}

/**
 * CPU used between start() and stop(), as a share of one core (1.0 = one core busy all along): the
 * generator, the server process, PostgreSQL's processes (backends that ended meanwhile are not counted),
 * and the whole machine (busy cores, all work included; at most nproc).
 */
export function cpuMeter(serverPid: number | undefined) {
  // How late the generator's own timers and answers were handled: every request's time includes it,
  // so a busy generator shows here before it shows in its CPU share.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const wallStart = performance.now();
  const ownStart = process.cpuUsage();
  const serverStart = processCpuSeconds(serverPid);
  const postgresStart = postgresCpuSeconds();
  const machineStart = machineTicks();
  return () => {
    const wall = (performance.now() - wallStart) / 1000;
    const own = process.cpuUsage(ownStart);
    const serverEnd = processCpuSeconds(serverPid);
    let postgres = 0;
    for (const [pid, seconds] of postgresCpuSeconds()) postgres += seconds - (postgresStart.get(pid) ?? 0);
    const machineEnd = machineTicks();
    loopDelay.disable();
    const cores = readFileSync('/proc/stat', 'utf8').match(/^cpu\d+ /gm)?.length ?? 1;
    return {
      generator: round((own.user + own.system) / 1e6 / wall, 2),
      /** p99 of the generator's event-loop delay, in ms. */
      generatorLag: round(loopDelay.percentile(99) / 1e6, 0),
      server:
        serverStart === undefined || serverEnd === undefined
          ? NaN
          : round((serverEnd - serverStart) / wall, 2),
      postgres: round(postgres / wall, 2),
      machine: round(
        ((machineEnd.busy - machineStart.busy) / Math.max(1, machineEnd.total - machineStart.total)) * cores,
        2,
      ),
    };
  };
}

export type CpuShares = ReturnType<ReturnType<typeof cpuMeter>>;
