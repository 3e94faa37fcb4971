// The peer's server for the peer bench, run as its own process (as our server is): PouchDB behind
// express-pouchdb (the CouchDB replication protocol) on Express 4, which gzips its answers
// (express-pouchdb's "compression" part, the `compression` package) as ours does. It also serves the
// PouchDB bench page and PouchDB's browser bundles from node_modules.
//
//   node --import tsx tests/bench/peer/pouchServer.ts <port> <pages dir> <records.json> [<folder>]
//
// records.json: [{ entity, id, record }] — every record our server sends the same user in a first pull.
// Without a folder, PouchDB keeps everything in memory (its "memory" adapter) and writes nothing; with
// one, it stores in LevelDB there (its Node default, "leveldb"), as a PouchDB server would be run.
// LevelDB writes each change to its log file without waiting for the disk (PouchDB asks no sync), so
// even then it promises less than ours, which answers a push once PostgreSQL has it on disk.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express from 'express';

const require = createRequire(import.meta.url);
// CommonJS packages without types of their own: typed here by what this file uses.
interface PouchStatic {
  plugin(plugin: unknown): PouchStatic;
  defaults(options: object): PouchStatic;
  new (name: string): { bulkDocs(docs: object[]): Promise<unknown[]> };
}
const PouchDB = (require('pouchdb') as PouchStatic).plugin(require('pouchdb-adapter-memory'));
const expressPouchDB = require('express-pouchdb') as (pouch: PouchStatic, options: object) => express.Handler;

const [port, pagesDir, recordsFile, folder] = process.argv.slice(2);
if (!port || !pagesDir || !recordsFile)
  throw new Error('usage: pouchServer.ts <port> <pages dir> <records.json> [<folder>]');

const ServedPouchDB = folder
  ? PouchDB.defaults({ adapter: 'leveldb', prefix: `${folder}/` })
  : PouchDB.defaults({ adapter: 'memory' });
const records = JSON.parse(readFileSync(recordsFile, 'utf8')) as {
  entity: string;
  id: string;
  record: object;
}[];
const directory = new ServedPouchDB('directory');
for (let start = 0; start < records.length; start += 1000) {
  await directory.bulkDocs(
    records
      .slice(start, start + 1000)
      .map(({ entity, id, record }) => ({ _id: `${entity}:${id}`, entity, record })),
  );
}

const app = express();
app.use('/pouchdb', express.static(dirname(require.resolve('pouchdb/dist/pouchdb.min.js'))));
app.use(express.static(pagesDir));
app.use('/db', expressPouchDB(ServedPouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
app.listen(Number(port), '127.0.0.1', () => {
  const where = folder ? 'in LevelDB' : 'in memory';
  console.log(`PouchDB server with ${records.length} documents ${where} on http://127.0.0.1:${port}`);
});
