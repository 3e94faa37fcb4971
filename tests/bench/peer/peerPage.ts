// What each bench page offers the driver (tests/bench/peerBench.ts), ours and PouchDB's alike, so both
// are asked to do exactly the same things. Each call times only the sync work, in the page, with
// performance.now(); the local edits before a push are made before the clock starts, on both sides.
export interface PeerPage {
  /** Ours: a real sign-in for a bearer token. PouchDB: nothing (its server runs without auth). */
  signIn(username: string, password: string): Promise<void>;
  /** A fresh client gets everything the server has; `records` is what is then stored locally. */
  firstPull(): Promise<{ ms: number; records: number }>;
  /** Gets what changed on the server since the last pull; `received` counts the changed records. */
  pullChanges(): Promise<{ ms: number; received: number }>;
  /** Renames these partners locally (untimed), then sends the edits to the server (timed). Ours also
   * says how much of it the request took, and the server's work in it (PouchDB's server does not say). */
  pushEdits(
    partnerIds: string[],
    name: string,
  ): Promise<{ ms: number; sent: number; requestMs?: number; serverMs?: number }>;
}

declare global {
  interface Window {
    peer: PeerPage;
  }
}
