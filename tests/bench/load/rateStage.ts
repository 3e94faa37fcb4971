// The rate stage of the load generator: devices that have already pulled keep what they do (a pull,
// one page, four times as often as a push of 1–3 changes, as every ~5 s against every ~20 s), but
// the requests come at an offered rate set by a clock, not by the answers (open loop): request i of a
// step is due at start + i / rate, and its time counts from that moment, so a server falling behind
// shows as queueing in the figures instead of slowing the generator down. A device sends one request
// at a time, as a phone does; a request due while every device is waiting for an answer waits for the
// first free one, its clock already running. A 503 is counted, not retried (a retry would be load the
// clock did not offer).
import { performance } from 'node:perf_hooks';
import { cpuMeter, type CpuShares, RouteStats } from './routeStats.ts';
import { PULL_EVERY_MS, PUSH_EVERY_MS, type SimulatedDevice } from './simulatedDevice.ts';

/** Of every this many requests one is a push: pull every ~5 s, push every ~20 s. */
const PUSH_ONE_IN = Math.round((PULL_EVERY_MS + PUSH_EVERY_MS) / PULL_EVERY_MS);
/** Requests a device of the device stages makes a second (for the device count a rate stands for). */
export const REQUESTS_PER_DEVICE_SECOND = 1000 / PULL_EVERY_MS + 1000 / PUSH_EVERY_MS;
/** A step that has not finished this long after its last request was due is cut short. */
const DRAIN_MS = 30_000;

export interface RateStep {
  offered: number;
  /** Requests answered (any status) a second, over the step from its first due moment to its last answer. */
  achieved: number;
  seconds: number;
  /** Requests that were due but never sent before the step was cut short. */
  unsent: number;
  stats: RouteStats;
  cpu: CpuShares;
}

export async function runRateStep(
  devices: readonly SimulatedDevice[],
  rate: number,
  seconds: number,
  serverPid: number | undefined,
): Promise<RateStep> {
  const stats = new RouteStats();
  for (const device of devices) device.stats = stats;
  const idle = [...devices];
  const due: { at: number; push: boolean }[] = [];
  const total = Math.round(rate * seconds);
  const cpu = cpuMeter(serverPid);
  const start = performance.now() + 20;
  let scheduled = 0;
  let inFlight = 0;
  let finished = 0;
  let lastAnswer = start;
  let unsent = 0;

  await new Promise<void>((resolve) => {
    let done = false;
    let cutShort = false;
    let drain: NodeJS.Timeout | undefined;
    const finish = () => {
      if (done || inFlight > 0) return;
      done = true;
      clearTimeout(drain);
      resolve();
    };
    // Past the drain time nothing more is sent; the step ends when the answers in flight are in.
    const cutOff = () => {
      cutShort = true;
      unsent = due.length;
      due.length = 0;
      finish();
    };
    const send = () => {
      while (due.length > 0 && idle.length > 0) {
        const request = due.shift()!;
        const device = idle.shift()!;
        inFlight += 1;
        const sent = request.push
          ? device.pushSome(undefined, undefined, { retries: 0, from: request.at })
          : device.pullPage('pull', request.at);
        void sent.finally(() => {
          inFlight -= 1;
          finished += 1;
          lastAnswer = performance.now();
          idle.push(device);
          if (cutShort || (scheduled === total && due.length === 0)) finish();
          else send();
        });
      }
    };
    const tick = () => {
      const now = performance.now();
      while (scheduled < total && start + (scheduled * 1000) / rate <= now) {
        due.push({
          at: start + (scheduled * 1000) / rate,
          push: scheduled % PUSH_ONE_IN === PUSH_ONE_IN - 1,
        });
        scheduled += 1;
      }
      send();
      if (scheduled < total)
        setTimeout(tick, Math.max(1, start + (scheduled * 1000) / rate - performance.now()));
      else drain = setTimeout(cutOff, DRAIN_MS);
    };
    setTimeout(tick, 20);
  });
  const wall = (lastAnswer - start) / 1000;
  return {
    offered: rate,
    achieved: Math.round((finished / Math.max(wall, seconds)) * 10) / 10,
    seconds: Math.round(wall * 10) / 10,
    unsent,
    stats,
    cpu: cpu(),
  };
}
