// Build step: writes a brotli (.br) and a gzip (.gz) copy beside every text file of the built app, so
// the server sends them as they are (serveStatic's `precompressed`) instead of compressing each answer.
// Brotli at its highest quality is slow, which is why it happens once, at build time, not per request.
// Run by the Vite build (vite.config.ts); `tsx src/server/cli/precompress.ts [dir]` does it by hand.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text the browser fetches; images (PNG) are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** Below this a compressed copy saves less than the header that announces it. */
const MIN_BYTES = 1024;

export interface PrecompressedFile {
  file: string;
  bytes: number;
  brotli: number;
  gzip: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]),
    ),
  );
  return nested.flat();
}

/** Compresses every text file under `dir` (skipping small ones and copies made before). */
export async function precompressDir(dir: string): Promise<PrecompressedFile[]> {
  const files = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.test(file));
  const written: PrecompressedFile[] = [];
  for (const file of files) {
    if ((await stat(file)).size < MIN_BYTES) continue;
    const source = await readFile(file);
    const brotli = brotliCompressSync(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    });
    const gzip = gzipSync(source, { level: 9 });
    await writeFile(`${file}.br`, brotli);
    await writeFile(`${file}.gz`, gzip);
    written.push({ file, bytes: source.length, brotli: brotli.length, gzip: gzip.length });
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const written = await precompressDir(dir);
  console.log(`Precompressed ${written.length} files in ${dir}`);
}
