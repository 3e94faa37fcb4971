// A change-log position, as cursors and page marks say it (`xid.seq`): the writing transaction's id,
// then the row's own number. Pulls read the log in this order (pull.ts).

export interface Position {
  xid: number;
  seq: number;
}

/** Read from `xid.seq` (xids fit a double until epoch 2^21). */
export function positionOf(text: string): Position {
  const [xid, seq] = text.split('.');
  return { xid: Number(xid), seq: Number(seq) };
}

export const before = (a: Position, b: Position) => a.xid < b.xid || (a.xid === b.xid && a.seq < b.seq);
