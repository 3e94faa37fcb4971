// One simulated phone for the load generator: signs in, pulls everything, then pulls every ~5 s and
// pushes 1–3 changes every ~20 s — new requests of its own, and edits to a few "hot" requests that
// every device edits — until told to stop. It keeps what it pulled (a digest of each record, and its
// clocks, by entity:id) so the generator can check at the end that every device holds what the server
// holds, and it keeps every change the server acknowledged. A 503 "busy" is retried with the same
// batch, as the app does. A digest, not the record: 400 devices holding 4,000 records each were 1.6
// million objects in the generator's heap, and its garbage collection took more than a core, so the
// rate steps measured the generator instead of the server.
import { scrypt } from 'node:crypto';
import { signInSaltSchema } from '../../../src/domain/accounts/user.ts';
import { formatHlc } from '../../../src/domain/sync/hlc.ts';
import type { Mutation } from '../../../src/domain/sync/mutation.ts';
import { aRequest } from '../../support/records.ts';
import { serverMsOf, type Route, type RouteStats } from './routeStats.ts';
import { loopbackRaw, loopbackRequest } from './loopbackHttp.ts';
import { pageReaders, type ReadPage } from './pageReaders.ts';

export const PULL_EVERY_MS = 5_000;
export const PUSH_EVERY_MS = 20_000;
const BUSY_RETRIES = 8;
const URGENCIES = ['immediate', 'today', 'this_week'] as const;

export interface HeldRecord {
  /** sha1 of the record's JSON as the server sent it. */
  digest: string;
  /** Kept where the device needs them (its edits' bases; the reference copy's lost-change check). */
  clocks: Record<string, string>;
}

export interface NewRequestPlaces {
  wardCodes: readonly string[];
  parishCode: string | null;
}

const NO_CLOCKS: Record<string, string> = Object.freeze({}) as Record<string, string>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** ±20 %, so devices do not march in step. */
const jitter = (ms: number) => ms * (0.8 + Math.random() * 0.4);

export class SimulatedDevice {
  token = '';
  /** The sign-in proof of this device's password (makeProof). */
  private proof: string | undefined;
  cursor: string | undefined;
  readonly records = new Map<string, HeldRecord>();
  readonly acknowledged: Mutation[] = [];
  private counter = 0;

  constructor(
    readonly name: string,
    private readonly serverUrl: string,
    public stats: RouteStats,
    private readonly hotRequestIds: readonly string[],
    /** Where its new requests are: a duty officer's anywhere (no parish), a coordinator's in their parish. */
    private readonly places: NewRequestPlaces,
    /** 'hot': clocks of the hot requests only (enough to edit them); 'all' for a reference copy. */
    private readonly keepClocks: 'all' | 'hot' = 'all',
  ) {}

  /** One request; its time counts from `from` (its scheduled moment in an open-loop step) or from now. */
  private async call(
    route: Route,
    path: string,
    body?: unknown,
    from = performance.now(),
  ): Promise<{ status: number; json: unknown }> {
    let status = 0;
    let serverMs: number | undefined;
    try {
      const answer = await loopbackRequest(`${this.serverUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      status = answer.status;
      serverMs = serverMsOf(answer.headers['server-timing']);
      return { status, json: answer.json };
    } catch (error) {
      this.stats.failed(route, error);
      return { status: 0, json: null };
    } finally {
      this.stats.add(route, performance.now() - from, status, serverMs);
    }
  }

  /**
   * The phone's own work before it signs in, as the app's signInProof does it: the salt, then scrypt.
   * Off the clock: each phone spends its own processor on it, not the server's (0.15 s to a second).
   */
  async makeProof(username: string, password: string): Promise<void> {
    const answer = await loopbackRequest(`${this.serverUrl}/api/auth/salt`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    const salt = signInSaltSchema.parse(answer.json);
    if (salt.send !== 'proof') throw new Error(`${username}: the server asked for the password`);
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt(password, Buffer.from(salt.salt, 'base64'), 32, { ...salt, maxmem: 2 ** 26 }, (error, made) =>
        error ? reject(error) : resolve(made),
      ),
    );
    this.proof = key.toString('base64');
  }

  /** Signs in as the app does: the salt request, then the login with the proof (made beforehand). */
  async signIn(username: string, password: string): Promise<boolean> {
    if (!this.proof) await this.makeProof(username, password);
    const from = performance.now();
    const salt = await this.call('salt', '/api/auth/salt', { username }, from);
    if (salt.status !== 200) return false;
    const { status, json } = await this.call(
      'login',
      '/api/auth/login',
      { username, proof: this.proof },
      from,
    );
    if (status === 200) this.token = (json as { token: string }).token;
    return status === 200;
  }

  /** Pulls until the server has nothing more; false when a page failed. */
  async pullAll(route: 'pull.first' | 'pull'): Promise<boolean> {
    for (;;) {
      const page = await this.pullPage(route);
      if (page !== 'more') return page === 'done';
    }
  }

  /**
   * Pulls until a pull leaves the cursor where it was: nothing after it, the end of the log. One pull
   * is not always enough: under load a duty officer's phone is sent changes up to the server's latest
   * shared boundary, a second or so behind the end (src/server/sync/staffSegments.ts), and its next
   * pull goes on from there.
   */
  async catchUp(most = 10): Promise<boolean> {
    for (let pull = 0; pull < most; pull += 1) {
      const before = this.cursor;
      if (!(await this.pullAll('pull'))) return false;
      if (this.cursor === before) return true;
    }
    return false;
  }

  /**
   * One page of a pull, stored: 'more' when the server has more after it, 'failed' when it failed. Its
   * time runs until the answer is in, plus the page reader's own work on it (pageReaders.ts), as a
   * phone's would.
   */
  async pullPage(
    route: 'pull.first' | 'pull',
    from = performance.now(),
  ): Promise<'done' | 'more' | 'failed'> {
    const since = this.cursor ? `&since=${this.cursor}` : '';
    let status = 0;
    let serverMs: number | undefined;
    let page: ReadPage;
    let took: number | undefined;
    try {
      const answer = await loopbackRaw(`${this.serverUrl}/api/sync/pull?limit=2000${since}`, {
        method: 'GET',
        headers: { Authorization: `Bearer ${this.token}` },
      });
      status = answer.status;
      serverMs = serverMsOf(answer.headers['server-timing']);
      if (status !== 200) return 'failed';
      const answered = performance.now();
      page = await pageReaders().read(
        answer.body,
        answer.gzipped,
        this.keepClocks === 'all' ? 'all' : this.hotRequestIds,
      );
      took = answered - from + page.readMs;
    } catch (error) {
      this.stats.failed(route, error);
      status = 0;
      return 'failed';
    } finally {
      this.stats.add(route, took ?? performance.now() - from, status, serverMs);
    }
    for (const change of page.changes) {
      if (change.deleted) this.records.delete(change.key);
      else this.records.set(change.key, { digest: change.digest, clocks: change.clocks ?? NO_CLOCKS });
    }
    this.cursor = page.cursor;
    return page.hasMore ? 'more' : 'done';
  }

  private stamp(): string {
    this.counter += 1;
    return formatHlc({ ms: Date.now(), counter: this.counter % 100_000, node: this.name });
  }

  /** 1–3 changes (or `size`): new requests of its own, and (`hotShare` of them) edits of a hot request. */
  private someChanges(size: number, hotShare: number): Mutation[] {
    return Array.from({ length: size }, (): Mutation => {
      if (Math.random() >= hotShare) {
        const { wardCodes, parishCode } = this.places;
        const wardCode = wardCodes[Math.floor(Math.random() * wardCodes.length)]!;
        const request = aRequest({ place: { wardCode, parishCode, lat: null, lon: null, address: '' } });
        return {
          id: crypto.randomUUID(),
          entity: 'request',
          recordId: request.id,
          hlc: this.stamp(),
          changes: request as unknown as Record<string, unknown>,
          base: {},
        };
      }
      const id = this.hotRequestIds[Math.floor(Math.random() * this.hotRequestIds.length)]!;
      const known = this.records.get(`request:${id}`)?.clocks.urgency;
      return {
        id: crypto.randomUUID(),
        entity: 'request',
        recordId: id,
        hlc: this.stamp(),
        changes: { urgency: URGENCIES[Math.floor(Math.random() * URGENCIES.length)] },
        base: known ? { urgency: known } : {},
      };
    });
  }

  /**
   * Pushes one batch, retrying it on "busy": how many 503s it met, and whether the server answered
   * (applied, duplicate or rejected, each change) in the end.
   */
  async pushSome(
    size = 1 + Math.floor(Math.random() * 3),
    hotShare = 0.5,
    options: { retries?: number; from?: number } = {},
  ): Promise<{ busy: number; answered: boolean }> {
    const mutations = this.someChanges(size, hotShare);
    const retries = options.retries ?? BUSY_RETRIES;
    for (let attempt = 0; attempt <= retries; attempt += 1) {
      const from = attempt === 0 ? options.from : undefined;
      const body = { clientId: this.name, mutations };
      const { status, json } = await this.call('push', '/api/sync/push', body, from);
      if (status === 200) {
        const results = (json as { results: { id: string; status: string }[] }).results;
        const done = new Set(results.filter((r) => r.status !== 'rejected').map((r) => r.id));
        this.acknowledged.push(...mutations.filter((m) => done.has(m.id)));
        return { busy: attempt, answered: true };
      }
      if (status !== 503 || attempt === retries)
        return { busy: attempt + (status === 503 ? 1 : 0), answered: false };
      await sleep(100 + Math.random() * 400 * (attempt + 1));
    }
    return { busy: retries + 1, answered: false };
  }

  /** Pulls every ~5 s and pushes every ~20 s until `until` (ms since the epoch) or `budget` says stop. */
  async run(until: number, budget: { left: number }): Promise<void> {
    let nextPull = Date.now() + Math.random() * PULL_EVERY_MS;
    let nextPush = Date.now() + Math.random() * PUSH_EVERY_MS;
    for (;;) {
      const wake = Math.min(nextPull, nextPush);
      await sleep(Math.max(0, wake - Date.now()));
      if (Date.now() >= until || budget.left <= 0) return;
      budget.left -= 1;
      if (nextPull <= nextPush) {
        await this.pullAll('pull');
        nextPull = Date.now() + jitter(PULL_EVERY_MS);
      } else {
        await this.pushSome();
        nextPush = Date.now() + jitter(PUSH_EVERY_MS);
      }
    }
  }
}
