// The storage port: plain PostgreSQL SQL over either PGlite (embedded, a folder on disk) or a real
// PostgreSQL server through `pg`. Everything above this file speaks only `Database`.
export type Row = Record<string, unknown>;

/**
 * A statement nearly every request runs (the session check, a pull page). On PostgreSQL it is prepared
 * once per connection under its name and its plan kept, instead of parsed and planned on every request;
 * one name, one text. Its result columns must not depend on a table's columns (no `*`): a migration
 * run by another server while this one runs would otherwise make the kept plan fail.
 */
export interface NamedStatement {
  name: string;
  text: string;
}

export interface Queryable {
  query<T extends Row = Row>(sql: string | NamedStatement, params?: unknown[]): Promise<T[]>;
  /** Runs several statements at once, without parameters (migrations). */
  execScript(sql: string): Promise<void>;
}

/** What a transaction runs first when its commit need not wait for the disk (TransactionOptions). */
export const NO_WAIT_FOR_DISK = 'SET LOCAL synchronous_commit TO off';

export interface TransactionOptions {
  /**
   * false: the commit returns before its changes reach the disk (synchronous_commit off), so locks are
   * let go sooner. Only for what a crash may lose without harm (the sign-in throttle's counts), never
   * for records: a device is told "stored" only once they are on disk.
   */
  waitForDisk?: boolean;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
