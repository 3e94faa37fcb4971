// The version reported by /api/health and on every API answer: APP_VERSION when set (a deployment names
// its build), otherwise the package version, read once at start.
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
export const APP_VERSION = process.env.APP_VERSION?.trim() || packageJson.version;
