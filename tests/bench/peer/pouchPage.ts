// The PouchDB side of the peer bench, in the browser: PouchDB's own browser bundle (loaded by pouch.html
// from node_modules) with its IndexedDB adapter, replicating with the CouchDB-protocol server in
// pouchServer.ts. One document per record: { _id: "<entity>:<id>", entity, record }, the record being
// exactly the JSON our server sends for it.
import type { PeerPage } from './peerPage.ts';

interface PouchDoc {
  _id: string;
  _rev?: string;
  entity: string;
  record: Record<string, unknown>;
}
interface ReplicationResult {
  docs_written: number;
}
interface PouchDatabase {
  replicate: {
    from(source: PouchDatabase, options: object): Promise<ReplicationResult>;
    to(target: PouchDatabase, options: object): Promise<ReplicationResult>;
  };
  info(): Promise<{ doc_count: number }>;
  allDocs(options: { keys: string[]; include_docs: true }): Promise<{ rows: { doc?: PouchDoc }[] }>;
  bulkDocs(docs: PouchDoc[]): Promise<unknown[]>;
}
declare const PouchDB: new (name: string, options?: object) => PouchDatabase;

/** PouchDB's batch size, chosen by the driver (the best of the sizes it tried, see peerBench.ts). */
const batchSize = Number(new URLSearchParams(location.search).get('batch') ?? '500');
const options = { batch_size: batchSize };
const local = new PouchDB('peer-bench', { adapter: 'indexeddb' });
const remote = new PouchDB(new URL('/db/directory', location.href).href);

const peer: PeerPage = {
  async signIn() {
    // express-pouchdb runs in "admin party" mode: no sign-in, which only spares PouchDB work.
  },
  async firstPull() {
    const start = performance.now();
    await local.replicate.from(remote, options);
    const ms = performance.now() - start;
    return { ms, records: (await local.info()).doc_count };
  },
  async pullChanges() {
    const start = performance.now();
    const result = await local.replicate.from(remote, options);
    return { ms: performance.now() - start, received: result.docs_written };
  },
  async pushEdits(partnerIds, name) {
    const { rows } = await local.allDocs({
      keys: partnerIds.map((id) => `partner:${id}`),
      include_docs: true,
    });
    await local.bulkDocs(
      rows.flatMap((row) => (row.doc ? [{ ...row.doc, record: { ...row.doc.record, name } }] : [])),
    );
    const start = performance.now();
    const result = await local.replicate.to(remote, options);
    return { ms: performance.now() - start, sent: result.docs_written };
  },
};
window.peer = peer;
