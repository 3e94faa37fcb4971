// Which screen each path shows. Screens load on demand (React.lazy), so the first screen's JavaScript
// stays small and the map's code arrives only when the map is opened. Add a screen by adding a line.
import { lazy, type ComponentType } from 'react';

type ScreenProps = { params: string[] };

interface Route {
  pattern: RegExp;
  screen: ComponentType<ScreenProps>;
}

/** How long a screen's code may take to arrive while the device says it is offline. */
const OFFLINE_LOAD_MS = 5_000;

/**
 * Offline, code the service worker holds arrives at once; code it does not hold can hang (a preload
 * that never settles) instead of failing, leaving "Loading…" for ever. Give up after a short wait.
 */
function withinOfflineWait<T>(loading: Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || navigator.onLine) return loading;
  return Promise.race([
    loading,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error('Failed to fetch dynamically imported module: offline')),
        OFFLINE_LOAD_MS,
      ),
    ),
  ]);
}

/** Renewals for screens whose code failed to arrive, run by "Try again". */
const failedScreens = new Set<() => void>();

/**
 * A screen whose code is fetched when first opened. React.lazy remembers a failed fetch for ever, so
 * a failed screen registers a renewal: "Try again" (src/app/components/ScreenFailed.tsx) calls
 * `renewFailedScreens` and the screen fetches its code afresh, with no reload of the page.
 */
function onDemand<K extends string>(load: () => Promise<Record<K, ComponentType<ScreenProps>>>, name: K) {
  const makeLazy = (): ComponentType<ScreenProps> =>
    lazy<ComponentType<ScreenProps>>(() =>
      withinOfflineWait(load()).then(
        (module) => ({ default: module[name] }),
        (failure: unknown) => {
          failedScreens.add(() => (current = makeLazy()));
          throw failure;
        },
      ),
    );
  let current = makeLazy();
  return function OnDemandScreen(props: ScreenProps) {
    const Current = current;
    return <Current {...props} />;
  };
}

/** Lets every screen whose code failed to arrive try to fetch it again. */
export function renewFailedScreens(): void {
  for (const renew of failedScreens) renew();
  failedScreens.clear();
}

// Not in the first screen's JavaScript either: the sign-in screen needs none of it (nor its search).
const PartnersScreen = onDemand(() => import('./features/partners/PartnersScreen.tsx'), 'PartnersScreen');

// Directory screens (issue 3); each edit screen serves both "new" and "<id>/edit".
const directory = {
  Directory: onDemand(() => import('./features/directory/DirectoryScreen.tsx'), 'DirectoryScreen'),
  Stale: onDemand(() => import('./features/directory/StaleScreen.tsx'), 'StaleScreen'),
  Import: onDemand(() => import('./features/directory/ImportScreen.tsx'), 'ImportScreen'),
  PartnerEdit: onDemand(() => import('./features/directory/PartnerEditScreen.tsx'), 'PartnerEditScreen'),
  Contact: onDemand(() => import('./features/directory/ContactScreen.tsx'), 'ContactScreen'),
  ContactEdit: onDemand(() => import('./features/directory/ContactEditScreen.tsx'), 'ContactEditScreen'),
  Parish: onDemand(() => import('./features/directory/ParishScreen.tsx'), 'ParishScreen'),
  ParishEdit: onDemand(() => import('./features/directory/ParishEditScreen.tsx'), 'ParishEditScreen'),
};

// Features for the people in charge (issue 14), each loaded only when opened.
const features = {
  Dashboard: onDemand(() => import('./features/dashboard/DashboardScreen.tsx'), 'DashboardScreen'),
  SituationReport: onDemand(
    () => import('./features/situationReport/SituationReportScreen.tsx'),
    'SituationReportScreen',
  ),
  ContactList: onDemand(() => import('./features/contactList/ContactListScreen.tsx'), 'ContactListScreen'),
  ReviewRounds: onDemand(() => import('./features/review/ReviewRoundsScreen.tsx'), 'ReviewRoundsScreen'),
  ReviewRound: onDemand(() => import('./features/review/ReviewRoundScreen.tsx'), 'ReviewRoundScreen'),
};

// The phone shell (issue 11): the landing redirect and the More screen.
const shell = {
  Landing: onDemand(() => import('./features/shell/Landing.tsx'), 'Landing'),
  More: onDemand(() => import('./features/shell/MoreScreen.tsx'), 'MoreScreen'),
};

export const ROUTES: Route[] = [
  { pattern: /^\/$/, screen: shell.Landing },
  { pattern: /^\/more$/, screen: shell.More },
  { pattern: /^\/partners$/, screen: PartnersScreen },
  {
    pattern: /^\/find$/,
    screen: onDemand(() => import('./features/findHelp/FindHelpScreen.tsx'), 'FindHelpScreen'),
  },
  // The directory, stale details, edit forms and CSV import (issue 3). "new" and "/edit" before "<id>".
  { pattern: /^\/directory$/, screen: directory.Directory },
  { pattern: /^\/stale$/, screen: directory.Stale },
  { pattern: /^\/import$/, screen: directory.Import },
  { pattern: /^\/partners\/new$/, screen: directory.PartnerEdit },
  { pattern: /^\/partners\/([^/]+)\/edit$/, screen: directory.PartnerEdit },
  { pattern: /^\/contacts\/new$/, screen: directory.ContactEdit },
  { pattern: /^\/contacts\/([^/]+)\/edit$/, screen: directory.ContactEdit },
  { pattern: /^\/contacts\/([^/]+)$/, screen: directory.Contact },
  { pattern: /^\/parishes\/new$/, screen: directory.ParishEdit },
  { pattern: /^\/parishes\/([^/]+)\/edit$/, screen: directory.ParishEdit },
  { pattern: /^\/parishes\/([^/]+)$/, screen: directory.Parish },
  {
    pattern: /^\/partners\/([^/]+)$/,
    screen: onDemand(() => import('./features/partners/PartnerScreen.tsx'), 'PartnerScreen'),
  },
  { pattern: /^\/wards$/, screen: onDemand(() => import('./features/map/WardsScreen.tsx'), 'WardsScreen') },
  // Requests for help, incidents and sync issues (issue 4). /requests/new before /requests/<id>.
  {
    pattern: /^\/requests$/,
    screen: onDemand(() => import('./features/requests/RequestsScreen.tsx'), 'RequestsScreen'),
  },
  {
    pattern: /^\/requests\/new$/,
    screen: onDemand(() => import('./features/requests/NewRequestScreen.tsx'), 'NewRequestScreen'),
  },
  {
    pattern: /^\/requests\/([^/]+)$/,
    screen: onDemand(() => import('./features/requests/RequestScreen.tsx'), 'RequestScreen'),
  },
  {
    pattern: /^\/incidents$/,
    screen: onDemand(() => import('./features/requests/IncidentsScreen.tsx'), 'IncidentsScreen'),
  },
  {
    pattern: /^\/sync-issues$/,
    screen: onDemand(() => import('./features/requests/SyncIssuesScreen.tsx'), 'SyncIssuesScreen'),
  },
  // Council administration (issue 10): people, the audit trail and this person's devices.
  {
    pattern: /^\/people$/,
    screen: onDemand(() => import('./features/people/PeopleScreen.tsx'), 'PeopleScreen'),
  },
  {
    pattern: /^\/people\/([^/]+)$/,
    screen: onDemand(() => import('./features/people/PersonScreen.tsx'), 'PersonScreen'),
  },
  { pattern: /^\/audit$/, screen: onDemand(() => import('./features/audit/AuditScreen.tsx'), 'AuditScreen') },
  {
    pattern: /^\/account$/,
    screen: onDemand(() => import('./features/account/AccountScreen.tsx'), 'AccountScreen'),
  },
  { pattern: /^\/map$/, screen: onDemand(() => import('./features/map/MapScreen.tsx'), 'MapScreen') },
  {
    pattern: /^\/device$/,
    screen: onDemand(() => import('./features/device/DeviceScreen.tsx'), 'DeviceScreen'),
  },
  { pattern: /^\/gaps$/, screen: onDemand(() => import('./features/gaps/GapsScreen.tsx'), 'GapsScreen') },
  // The picture for the people in charge (issue 14): dashboard per incident or borough-wide.
  { pattern: /^\/dashboard$/, screen: features.Dashboard },
  { pattern: /^\/dashboard\/([^/]+)$/, screen: features.Dashboard },
  { pattern: /^\/incidents\/([^/]+)\/report$/, screen: features.SituationReport },
  { pattern: /^\/contact-list$/, screen: features.ContactList },
  // The quarterly review of the directory (issue 14): the rounds, and one round's sections.
  { pattern: /^\/review$/, screen: features.ReviewRounds },
  { pattern: /^\/review\/([^/]+)$/, screen: features.ReviewRound },
];

export function matchRoute(path: string): { screen: ComponentType<ScreenProps>; params: string[] } {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { screen: route.screen, params: match.slice(1).map(decodeURIComponent) };
  }
  return { screen: PartnersScreen, params: [] };
}
