// The app's zod: the same library, told not to compile parsers with `new Function`. The app's Content
// Security Policy forbids eval (script-src 'self'), so zod's probe for it was refused and reported in
// the console on every start. The build points `zod` here (vite.config.ts); this module's body runs
// before any schema is made, because every schema module imports it first.
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z };
