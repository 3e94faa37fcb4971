// What the load generator records: every request's route, status and time, and the CPU time of the
// generator itself and of the server process, to tell how much of the box each one used.
import { readFileSync } from 'node:fs';
import { percentile, round } from '../measure.ts';

export type Route = 'login' | 'pull.first' | 'pull' | 'push';

export interface Sample {
  route: Route;
  ms: number;
  /** The HTTP status, or 0 when no answer came at all. */
  status: number;
}

export class RouteStats {
  readonly samples: Sample[] = [];

  add(route: Route, ms: number, status: number): void {
    this.samples.push({ route, ms, status });
  }

  summary(route: Route) {
    const mine = this.samples.filter((s) => s.route === route);
    const answered = mine.filter((s) => s.status !== 0).map((s) => s.ms);
    return {
      count: mine.length,
      p50: round(percentile(answered, 50), 1),
      p95: round(percentile(answered, 95), 1),
      p99: round(percentile(answered, 99), 1),
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

/** CPU used between start() and stop(), as a share of one core: 1.0 = one core busy all along. */
export function cpuMeter(serverPid: number | undefined) {
  const wallStart = performance.now();
  const ownStart = process.cpuUsage();
  const serverStart = processCpuSeconds(serverPid);
  return () => {
    const wall = (performance.now() - wallStart) / 1000;
    const own = process.cpuUsage(ownStart);
    const serverEnd = processCpuSeconds(serverPid);
    return {
      generator: round((own.user + own.system) / 1e6 / wall, 2),
      server:
        serverStart === undefined || serverEnd === undefined
          ? NaN
          : round((serverEnd - serverStart) / wall, 2),
    };
  };
}
