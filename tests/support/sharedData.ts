// Where the real boundary files live: ../shared/data beside the checkout (as on the developers' machines
// and in CI), or SHARED_DATA_DIR. Tests that need them skip when they are absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const SHARED_DATA_DIR = process.env.SHARED_DATA_DIR ?? resolve(repoRoot, '..', 'shared', 'data');

export const sharedDataPath = (...parts: string[]) => join(SHARED_DATA_DIR, ...parts);

export const hasSharedData = (...parts: string[]) => existsSync(sharedDataPath(...parts));
