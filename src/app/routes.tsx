// Which screen each path shows. Screens load on demand (React.lazy), so the first screen's JavaScript
// stays small and the map's code arrives only when the map is opened. Add a screen by adding a line.
import { lazy, type ComponentType } from 'react';
import { PartnersScreen } from './screens/PartnersScreen.tsx';

type ScreenProps = { params: string[] };

interface Route {
  pattern: RegExp;
  screen: ComponentType<ScreenProps>;
}

function onDemand<K extends string>(load: () => Promise<Record<K, ComponentType<ScreenProps>>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

export const ROUTES: Route[] = [
  { pattern: /^\/$/, screen: PartnersScreen },
  { pattern: /^\/find$/, screen: onDemand(() => import('./screens/FindHelpScreen.tsx'), 'FindHelpScreen') },
  {
    pattern: /^\/partners\/([^/]+)$/,
    screen: onDemand(() => import('./screens/PartnerScreen.tsx'), 'PartnerScreen'),
  },
  { pattern: /^\/wards$/, screen: onDemand(() => import('./screens/WardsScreen.tsx'), 'WardsScreen') },
];

export function matchRoute(path: string): { screen: ComponentType<ScreenProps>; params: string[] } {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { screen: route.screen, params: match.slice(1).map(decodeURIComponent) };
  }
  return { screen: PartnersScreen, params: [] };
}
