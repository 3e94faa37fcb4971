// CSV import and export of the directory: bad rows named by line with their reasons, duplicates within
// the file and against the directory, odd encodings (byte order mark, Windows line endings, quoted
// commas and newlines, Windows-1252), export → import giving back the same records, and a contact's
// retired column (written on export; a file without it keeps what the directory holds).
import { describe, expect, it } from 'vitest';
import {
  contactsCsv,
  decodeCsvBytes,
  goodRecords,
  partnersCsv,
  previewContacts,
  previewPartners,
} from '../../src/domain/csv/directoryCsv.ts';
import { aContact, aPartner, NOW, rowContext, TODAY } from '../support/directoryFixtures.ts';

const HEADER = 'name,kind,capabilities,wards,postcode,phone,hours';
const csv = (...lines: string[]) => lines.join('\n') + '\n';

describe('bad rows', () => {
  it('names every bad row by its line, with each reason in plain words', () => {
    const preview = previewPartners(
      csv(
        HEADER,
        'Good Group,,Food,Marden,TN12 9AB,01632 960010,Mon-Fri 09:00-17:00',
        'Bad Phone,,Food,W1,TN12 9AC,call us,',
        'Unknown Things,charity,Foood,Nowhere,TN12 9AD,01632 960011,',
        ',,Food,W1,TN12 9AE,01632 960012,',
        'Odd Hours,,Food,W1,TN12 9AF,01632 960013,sometimes',
      ),
      [],
      rowContext(),
    );
    expect(preview.creates.map((row) => [row.line, row.record.name])).toEqual([[2, 'Good Group']]);
    expect(preview.bad.map((row) => row.line)).toEqual([3, 4, 5, 6]);
    expect(preview.bad[0]).toEqual({
      line: 3,
      name: 'Bad Phone',
      reasons: ['phone must be a phone number of digits and spaces'],
    });
    expect(preview.bad[1]?.reasons).toEqual([
      'kind "charity" is not a kind of partner',
      'capabilities "Foood" is not a capability',
      'wards "Nowhere" is not a ward here',
    ]);
    expect(preview.bad[2]).toMatchObject({ name: '(no name)', reasons: ['name is required'] });
    expect(preview.bad[3]?.reasons[0]).toMatch(/^hours could not read "sometimes"/);
    expect(goodRecords(preview)).toHaveLength(1);
  });

  it('explains an agreement without a date and an active partner that covers nowhere', () => {
    const preview = previewPartners(
      csv(
        'name,capabilities,wards,phone,emergency_plan_agreed,emergency_plan_date',
        'No Date,Food,W1,01632 960010,yes,',
        'Nowhere,Food,,01632 960011,no,',
      ),
      [],
      rowContext(),
    );
    expect(preview.bad).toEqual([
      { line: 2, name: 'No Date', reasons: ['emergency_plan_date: give the date it was agreed'] },
      {
        line: 3,
        name: 'Nowhere',
        reasons: ['wards: name at least one ward or parish, or mark the partner borough-wide'],
      },
    ]);
  });

  it('names the missing half of a base given by its latitude or longitude alone', () => {
    const preview = previewPartners(
      csv('name,capabilities,wards,phone,lat,lon', 'Half There,Food,W1,01632 960010,51.27,'),
      [],
      rowContext(),
    );
    expect(preview.bad).toEqual([
      { line: 2, name: 'Half There', reasons: ['lon: give the longitude too, or neither'] },
    ]);
  });

  it('names a latitude and longitude given the wrong way round, and takes them the right way', () => {
    const preview = previewPartners(
      csv(
        'name,capabilities,wards,phone,lat,lon',
        'Swapped,Food,W1,01632 960010,0.35,51.25',
        'Right way,Food,W1,01632 960011,51.25,0.35',
        'Far away,Food,W1,01632 960012,53.48,-2.24',
      ),
      [],
      rowContext(),
    );
    expect(preview.bad).toEqual([
      {
        line: 2,
        name: 'Swapped',
        reasons: [
          'lat: 0.35 with lon 51.25 lies in none of our wards, and the other way round in Marden: lat and lon look swapped',
        ],
      },
    ]);
    expect(preview.creates.map(({ record }) => record.name)).toEqual(['Right way', 'Far away']);
  });

  it('refuses a row with more cells than the header (a comma outside quotes)', () => {
    const preview = previewPartners(
      csv('name,capabilities,wards,phone', 'Food, Friends,Food,W1,01632 960010'),
      [],
      rowContext(),
    );
    expect(preview.bad).toHaveLength(1);
    expect(preview.bad[0]?.line).toBe(2);
    expect(preview.bad[0]?.reasons[0]).toMatch(/has 5 cells but the header names 4/);
  });

  it('refuses a file without a header naming the name column, importing nothing', () => {
    const preview = previewPartners(csv('Good Group,Food,W1,01632 960010'), [], rowContext());
    expect(preview.fileError).toMatch(/must name the columns, including "name"/);
    expect(goodRecords(preview)).toEqual([]);
  });
});

describe('duplicates (same name and postcode)', () => {
  it('tells apart names that differ only in letters outside a-z, and matches one written two ways', () => {
    const preview = previewPartners(
      csv(
        'name,capabilities,wards,postcode,phone',
        '食物银行,Food,W1,TN12 9AB,01632 960010',
        '住所支援,Food,W1,TN12 9AB,01632 960011',
        'Zoë’s Kitchen,Food,W1,TN12 9AB,01632 960012',
        'Zoé’s Kitchen,Food,W1,TN12 9AB,01632 960013',
        'Zoe\u0301’s Kitchen,Food,W1,TN12 9AB,01632 960014',
      ),
      [],
      rowContext(),
    );
    expect(preview.creates.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(preview.duplicates).toEqual([{ line: 6, name: 'Zoe\u0301’s Kitchen', firstLine: 5 }]);
  });

  it('shows a repeat within the file once, pointing at the first line, and never imports it twice', () => {
    const preview = previewPartners(
      csv(
        'name,capabilities,wards,postcode,phone',
        'Marden Larder,Food,W1,TN12 9AB,01632 960010',
        'Other Group,Food,W1,TN12 9AC,01632 960011',
        'marden  larder,Food;Transport,W1,tn129ab,01632 960012',
      ),
      [],
      rowContext(),
    );
    expect(preview.creates.map((row) => row.record.name)).toEqual(['Marden Larder', 'Other Group']);
    expect(preview.duplicates).toEqual([{ line: 4, name: 'marden  larder', firstLine: 2 }]);
    expect(goodRecords(preview)).toHaveLength(2);
  });

  it('a row matching a partner already in the directory updates it (same id) and says what changes', () => {
    const existing = aPartner({
      name: 'Marden Food Bank',
      base: { ...aPartner().base, postcode: 'TN12 9AA' },
    });
    const preview = previewPartners(
      csv('name,postcode,phone', 'MARDEN FOOD BANK,TN129AA,01632 960999'),
      [existing],
      rowContext(),
    );
    expect(preview.creates).toEqual([]);
    expect(preview.updates).toHaveLength(1);
    const [update] = preview.updates;
    expect(update?.record.id).toBe(existing.id);
    expect(update?.record.phone).toBe('01632 960999');
    // columns the file leaves out keep what the directory holds
    expect(update?.record.capabilities).toEqual(existing.capabilities);
    expect(update?.record.name).toBe('MARDEN FOOD BANK');
    expect(update?.changedFields).toEqual(['name', 'phone']);
  });

  it('a row identical to a partner already here is skipped as unchanged', () => {
    const existing = aPartner();
    const preview = previewPartners(partnersCsv([existing]), [existing], rowContext());
    expect(preview.unchanged.map((row) => row.record.id)).toEqual([existing.id]);
    expect(goodRecords(preview)).toEqual([]);
  });

  it('contacts: the same name for the same organisation is a duplicate', () => {
    const existing = aContact({ name: 'Sam Clerk', organisation: 'Marden Parish Council', parishCode: 'P1' });
    const preview = previewContacts(
      csv(
        'name,role,organisation,parish,phone,visibility',
        'Sam Clerk,Parish clerk,Marden Parish Council,Marden,01632 960555,public',
        'Jo New,Coordinator,,P1,07700 900123,',
        'Jo New,Coordinator,,Marden parish,07700 900124,',
      ),
      [existing],
      rowContext(),
    );
    expect(preview.updates.map((row) => [row.line, row.record.id, row.changedFields])).toEqual([
      [2, existing.id, ['phones']],
    ]);
    expect(preview.creates.map((row) => [row.line, row.record.visibility])).toEqual([[3, 'restricted']]);
    expect(preview.duplicates).toEqual([{ line: 4, name: 'Jo New', firstLine: 3 }]);
  });
});

describe('odd encodings', () => {
  it('reads a file with a UTF-8 byte order mark', () => {
    const bytes = new TextEncoder().encode(
      '\uFEFFname,capabilities,wards,phone\nLarder,Food,W1,01632 960010\n',
    );
    expect(bytes[0]).toBe(0xef);
    const { text } = decodeCsvBytes(bytes);
    const preview = previewPartners(text, [], rowContext());
    expect(preview.fileError).toBeNull();
    expect(preview.ignoredColumns).toEqual([]);
    expect(preview.creates.map((row) => row.record.name)).toEqual(['Larder']);
  });

  it('reads Windows line endings without carrying the carriage return into the last cell', () => {
    const text =
      'name,capabilities,wards,phone,status\r\nLarder,Food,W1,01632 960010,paused\r\nHub,Food,W2,01632 960011,active\r\n';
    const preview = previewPartners(text, [], rowContext());
    expect(preview.bad).toEqual([]);
    expect(preview.creates.map((row) => [row.line, row.record.status])).toEqual([
      [2, 'paused'],
      [3, 'active'],
    ]);
  });

  it('keeps quoted commas and quoted newlines inside their cells, and counts lines as rows', () => {
    const preview = previewPartners(
      csv(
        'name,capabilities,wards,address,phone',
        '"Food, Friends and Fun",Food,W1,"2 Church Lane,\r\nMarden",01632 960010',
        'Second,Food,W1,,bad phone',
      ),
      [],
      rowContext(),
    );
    expect(preview.creates[0]?.record.name).toBe('Food, Friends and Fun');
    expect(preview.creates[0]?.record.base.address).toBe('2 Church Lane,\r\nMarden');
    expect(preview.bad.map((row) => row.line)).toEqual([3]);
  });

  it('reads Windows-1252 bytes (older Excel) and says so', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('name,capabilities,wards,phone,capacity_notes\nCaf'),
      0xe9, // é in Windows-1252, not valid UTF-8 on its own
      ...new TextEncoder().encode(',Food,W1,01632 960010,'),
      0xa3, // £
      ...new TextEncoder().encode('50 a week\n'),
    ]);
    const { text, note } = decodeCsvBytes(bytes);
    expect(note).toMatch(/not UTF-8/);
    const preview = previewPartners(text, [], rowContext());
    expect(preview.creates[0]?.record.name).toBe('Café');
    expect(preview.creates[0]?.record.capacityNotes).toBe('£50 a week');
  });

  it('reads UTF-16 with its byte order mark', () => {
    const text = 'name,capabilities,wards,phone\nLarder,Food,W1,01632 960010\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(previewPartners(decodeCsvBytes(bytes).text, [], rowContext()).creates).toHaveLength(1);
  });

  it('accepts UK dates (DD/MM/YYYY), labels for kinds and capabilities, and lists unknown columns', () => {
    const preview = previewPartners(
      csv(
        'Name,Kind,Capabilities,Wards,Phone,Emergency plan agreed,Emergency plan date,Last verified,Charity number',
        'Larder,GP surgery,Medicines collection; welfare_check,Shepway North ward,01632 960010,Yes,31/01/2025,02/02/2026,12345',
      ),
      [],
      rowContext(),
    );
    expect(preview.ignoredColumns).toEqual(['Charity number']);
    expect(preview.creates[0]?.record).toMatchObject({
      kind: 'gp_surgery',
      capabilities: ['medicines', 'welfare_check'],
      coverage: { wards: ['W2'] },
      emergencyPlan: { agreed: true, date: '2025-01-31' },
      lastVerified: '2026-02-02',
    });
  });
});

describe('export → import', () => {
  const partners = [
    aPartner({ name: '=HYPERLINK("x")', phone: '+44 1632 960001' }),
    aPartner({
      name: 'Food, Friends "and" Fun',
      kind: 'faith_group',
      capabilities: ['food', 'befriending', 'transport'],
      coverage: { boroughWide: true, wards: ['W1', 'W2'], parishes: ['P1'] },
      base: { address: '2 Church Lane,\nMarden', postcode: 'TN12 9AB', lat: 51.1734, lon: -0.0123 },
      email: null,
      availability: {
        always: false,
        hours: [
          { day: 0, opens: '09:00', closes: '17:00' },
          { day: 1, opens: '09:00', closes: '17:00' },
          { day: 2, opens: '09:00', closes: '12:00' },
          { day: 5, opens: '20:00', closes: '02:00' },
        ],
        outOfHoursPhone: '07700 900001',
      },
      capacityNotes: 'Up to 40 parcels a day',
      emergencyPlan: { agreed: true, date: '2024-05-01' },
      localCompact: { agreed: true, date: '2023-01-15' },
      listedPublicly: false,
      lastVerified: '2025-11-30',
      status: 'paused',
    }),
    aPartner({
      name: 'Closed Hub',
      status: 'closed',
      coverage: { boroughWide: false, wards: [], parishes: [] },
    }),
  ];

  it('gives back the same partners, into an empty directory or onto themselves (no changes)', () => {
    const text = partnersCsv(partners);
    expect(text.startsWith('\uFEFFid,name,kind,')).toBe(true);
    expect(text).toContain('"\'=HYPERLINK(""x"")"'); // not run as a formula by a spreadsheet
    const fresh = previewPartners(text, [], rowContext());
    expect(fresh.bad).toEqual([]);
    const sorted = [...partners].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    expect(goodRecords(fresh)).toEqual(sorted);
    const again = previewPartners(text, partners, rowContext());
    expect(again.unchanged).toHaveLength(partners.length);
    expect(goodRecords(again)).toEqual([]);
  });

  it('gives back the same contacts, retired ones still retired', () => {
    const contacts = [
      aContact(),
      aContact({
        name: 'Moved On',
        retired: true,
      }),
      aContact({
        name: 'Duty manager',
        role: '',
        organisation: 'Council, Resilience team',
        parishCode: null,
        phones: { main: '+44 7700 900002', outOfHours: '07700 900003' },
        email: null,
        visibility: 'restricted',
      }),
    ];
    const text = contactsCsv(contacts);
    expect(text.split('\r\n')[0]).toMatch(/,last_verified,retired$/);
    const preview = previewContacts(text, [], rowContext());
    expect(preview.bad).toEqual([]);
    expect(goodRecords(preview)).toEqual([...contacts].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')));
    expect(previewContacts(text, contacts, rowContext()).unchanged).toHaveLength(contacts.length);
  });

  it('stamps new rows with today when last_verified is blank', () => {
    const preview = previewPartners(
      csv('name,capabilities,wards,phone,last_verified', 'L,Food,W1,01632 960010,'),
      [],
      rowContext(),
    );
    expect(preview.creates[0]?.record).toMatchObject({ lastVerified: TODAY, updatedAt: NOW });
  });
});

describe("a contact's retired column", () => {
  const header = 'id,name,organisation,phone,retired';
  const row = (contact: ReturnType<typeof aContact>, retired: string) =>
    `${contact.id},${contact.name},${contact.organisation ?? ''},${contact.phones.main},${retired}`;

  it('retires or brings back a contact by yes or no; blank is no', () => {
    const active = aContact({ name: 'Still Here' });
    const retired = aContact({ name: 'Moved On', retired: true });
    const preview = previewContacts(
      csv(header, row(active, 'yes'), row(retired, '')),
      [active, retired],
      rowContext(),
    );
    expect(preview.bad).toEqual([]);
    expect(
      preview.updates.map((update) => [update.record.name, update.record.retired, update.changedFields]),
    ).toEqual([
      ['Still Here', true, ['retired']],
      ['Moved On', false, ['retired']],
    ]);
    const fresh = previewContacts(
      csv('name,organisation,phone,retired', 'New Person,Council,01632 960200,'),
      [],
      rowContext(),
    );
    expect(fresh.creates[0]?.record.retired).toBe(false);
  });

  it('a file without the column keeps a retired contact retired', () => {
    const retired = aContact({ name: 'Moved On', retired: true });
    const preview = previewContacts(
      csv('id,name,organisation,phone', `${retired.id},Moved On,${retired.organisation ?? ''},07700 900999`),
      [retired],
      rowContext(),
    );
    expect(preview.updates.map((update) => [update.record.retired, update.changedFields])).toEqual([
      [true, ['phones']],
    ]);
  });

  it('names a retired cell that is neither yes nor no', () => {
    const preview = previewContacts(
      csv('name,organisation,phone,retired', 'Unsure Person,Council,01632 960201,maybe'),
      [],
      rowContext(),
    );
    expect(preview.bad).toEqual([
      { line: 2, name: 'Unsure Person', reasons: ['retired must be yes or no, not "maybe"'] },
    ]);
  });
});

describe('missing values', () => {
  it('says a blank phone is required, rather than badly written', () => {
    const preview = previewPartners(
      csv('name,capabilities,wards,phone', 'Larder,Food,W1,'),
      [],
      rowContext(),
    );
    expect(preview.bad).toEqual([{ line: 2, name: 'Larder', reasons: ['phone is required'] }]);
  });
});
