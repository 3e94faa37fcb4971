// Which methods the API takes at a path, from the table of routes: so a request with the wrong
// method is told 405 and what the path does take (Allow), not 404 "there is no API" for a path
// the API description lists.
import { API_ROUTES, type HttpMethod } from './apiRoutes.ts';

/** Each route's path as a pattern: a {parameter} stands for one path segment. */
const PATTERNS = API_ROUTES.map((route) => ({
  method: route.method,
  pattern: new RegExp(`^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** The methods the API takes at `path`, in upper case (HEAD wherever GET); none for a path it lacks. */
export function methodsAt(path: string): string[] {
  const methods = new Set<HttpMethod>();
  for (const { method, pattern } of PATTERNS) if (pattern.test(path)) methods.add(method);
  const names = [...methods].map((method) => method.toUpperCase());
  return methods.has('get') ? [...names, 'HEAD'] : names;
}
