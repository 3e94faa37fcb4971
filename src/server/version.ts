// The version reported by /api/health: the package version, read once at start.
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
export const APP_VERSION = packageJson.version;
