// First-start demo data: a generated fictional borough, its partners and contacts, and three demo
// users. Idempotent: the directory is seeded only into an empty area, users only into an empty user
// table, so a restart doubles nothing and a council's real data is never mixed with the demo.
import type { Database } from '../storage/database.ts';
import type { Role } from '../../domain/accounts/user.ts';
import { createUser } from '../auth/users.ts';
import { saveLoadedRecords } from '../directory/records.ts';
import { generateDemoArea } from './demoArea.ts';
import { generateDemoDirectory } from './demoDirectory.ts';

const SEED_LOCK = 7_391_002;

export const DEMO_PARISH_CODE = 'DEMO-P01';

interface DemoUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  parishCode: string | null;
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    password: 'demo-admin-2026',
    displayName: 'Alex Morgan (demo)',
    role: 'admin',
    parishCode: null,
  },
  {
    username: 'duty',
    password: 'demo-duty-2026',
    displayName: 'Sam Patel (demo)',
    role: 'duty_officer',
    parishCode: null,
  },
  {
    username: 'parish',
    password: 'demo-parish-2026',
    displayName: 'Jo Whitfield (demo)',
    role: 'parish_coordinator',
    parishCode: DEMO_PARISH_CODE,
  },
];

export interface SeedReport {
  area: boolean;
  users: boolean;
}

export async function seedDemo(
  db: Database,
  today = new Date().toISOString().slice(0, 10),
): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const report: SeedReport = { area: false, users: false };

    const [wards] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM wards');
    if (wards?.n === 0) {
      const area = generateDemoArea();
      const directory = generateDemoDirectory(area, { today });
      await saveLoadedRecords(tx, 'ward', area.wards);
      await saveLoadedRecords(tx, 'parish', area.parishes);
      await saveLoadedRecords(tx, 'lsoa', area.lsoas);
      await saveLoadedRecords(tx, 'partner', directory.partners);
      await saveLoadedRecords(tx, 'contact', directory.contacts);
      await tx.query(
        `INSERT INTO settings (key, value) VALUES ('area', $1::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [JSON.stringify({ source: 'demo borough (generated)', loadedAt: new Date().toISOString() })],
      );
      report.area = true;
    }

    const [users] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if (users?.n === 0) {
      for (const user of DEMO_USERS) await createUser(tx, user);
      report.users = true;
    }
    return report;
  });
}
