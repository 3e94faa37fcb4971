// Open Referral UK at the size of a large county directory: exporting 5,000 generated partners as the
// council's feed (every field), and previewing that feed's import into an empty directory and into the
// one it came from (every service matched by id and found up to date). Medians of a few runs.
import { randomUUID } from 'node:crypto';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import { orukPage, serviceFromPartner } from '../../src/domain/openReferral/exportServices.ts';
import { previewOrukImport } from '../../src/domain/openReferral/importPreview.ts';
import { partnerSchema } from '../../src/domain/entities/partner.ts';
import { percentile, round, timeRuns, type BenchResult } from './measure.ts';

const TODAY = '2026-11-23';

export function benchOpenReferral(size = 5_000): BenchResult[] {
  const area = generateDemoArea();
  const { partners } = generateDemoDirectory(area, { partners: size, contacts: 0, today: TODAY });
  const areas = {
    wards: new Map(area.wards.map((ward) => [ward.code, ward])),
    parishes: new Map(area.parishes.map((parish) => [parish.code, parish])),
  };
  let feedText = '';
  const exportMs = timeRuns(5, 1, () => {
    feedText = JSON.stringify(
      orukPage(
        partners.map((partner) => serviceFromPartner(partner, areas, 'council')),
        1,
        partners.length,
      ),
    );
  });
  // Floors measured in the same run: writing the partners themselves as JSON (what any export does),
  // and checking each against the partner schema (what any import must do).
  const stringifyFloor = timeRuns(5, 1, () => JSON.stringify(partners));
  const validateFloor = timeRuns(5, 1, () => partners.map((partner) => partnerSchema.safeParse(partner)));
  const services = (JSON.parse(feedText) as { contents: unknown[] }).contents;
  const context = {
    ...area,
    termMappings: [],
    phones: {},
    today: TODAY,
    now: `${TODAY}T12:00:00.000Z`,
    newId: randomUUID,
  };
  const intoEmpty = timeRuns(5, 1, () => previewOrukImport(services, [], context));
  const intoSame = timeRuns(5, 1, () => previewOrukImport(services, partners, context));
  const label = `${size / 1000}k`;
  const median = (samples: number[]) => percentile(samples, 50);
  return [
    { name: `openReferral.export.${label}.median`, value: round(median(exportMs), 1), unit: 'ms' },
    {
      name: `openReferral.export.${label}.vsStringifyFloor`,
      value: round(median(exportMs) / median(stringifyFloor), 1),
      unit: 'x',
    },
    { name: `openReferral.feed.${label}.size`, value: round(feedText.length / 1024 / 1024, 2), unit: 'MB' },
    {
      name: `openReferral.importPreview.${label}.new.median`,
      value: round(percentile(intoEmpty, 50), 1),
      unit: 'ms',
    },
    {
      name: `openReferral.importPreview.${label}.unchanged.median`,
      value: round(percentile(intoSame, 50), 1),
      unit: 'ms',
    },
    {
      name: `openReferral.importPreview.${label}.new.vsValidateFloor`,
      value: round(median(intoEmpty) / median(validateFloor), 1),
      unit: 'x',
    },
  ];
}
