// Several writes sent as one statement (`WITH a AS (INSERT …), b AS (INSERT …) SELECT 1`), so storing a
// push batch in many tables costs one round trip. PostgreSQL runs every part once, to completion, on
// the snapshot the statement started with: parts must write different rows, and a part that reads a
// table another part writes sees it as it was before the statement.
import type { Queryable } from './database.ts';
import { StatementParams } from './statementParams.ts';

export class CombinedStatement {
  private readonly parts: string[] = [];
  private readonly params = new StatementParams();

  /** A placeholder for `value`, to use in a part's SQL. */
  param(value: unknown): string {
    return this.params.add(value);
  }

  /** Adds a part and returns its name, by which later parts may read what it holds. */
  add(sql: string): string {
    const name = `part${this.parts.length + 1}`;
    this.parts.push(`${name} AS (${sql})`);
    return name;
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  async run(tx: Queryable): Promise<void> {
    if (this.isEmpty) return;
    await tx.query(`WITH ${this.parts.join(',\n')}\nSELECT 1`, this.params.values);
  }
}
