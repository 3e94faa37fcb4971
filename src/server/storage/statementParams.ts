// The numbered parameters ($1, $2, …) of a statement built from parts: each part asks for a placeholder
// for its value, and the statement is sent with all of them.
export class StatementParams {
  readonly values: unknown[] = [];

  /** A placeholder for `value`, to use in a part's SQL. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
