// The bottom tab bar: the five places a person goes most, in thumb reach on a phone. Everything else
// (partners A–Z, incidents, wards, gaps, stale details, sign out) is one tap further, under More.
import { Link } from '../../router.tsx';
import type { User } from '../../../domain/accounts/user.ts';
import { canSeeRequests } from '../../../domain/entities/access.ts';

interface Tab {
  label: string;
  to: string;
  /** Which paths count as being on this tab. */
  current: RegExp;
  icon: string;
}

const TABS: Tab[] = [
  { label: 'Find help', to: '/find', current: /^\/find$/, icon: '☎' },
  { label: 'Requests', to: '/requests', current: /^\/(requests|incidents|sync-issues)(\/|$)/, icon: '✎' },
  { label: 'Map', to: '/map', current: /^\/(map|gaps|wards)$/, icon: '◉' },
  {
    label: 'Directory',
    to: '/directory',
    current: /^\/(directory|partners|contacts|parishes|stale|import)(\/|$)/,
    icon: '☰',
  },
  { label: 'More', to: '/more', current: /^\/more$/, icon: '⋯' },
];

export function BottomTabs({ path, user }: { path: string; user: User }) {
  // A viewer sees no requests: their tab would lead nowhere.
  const tabs = TABS.filter((tab) => tab.to !== '/requests' || canSeeRequests(user));
  return (
    <nav aria-label="Main" className="bottom-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={tab.current.test(path) ? 'page' : undefined}>
              <span className="tab-icon" aria-hidden="true">
                {tab.icon}
              </span>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
