// Council-wide settings an admin sets in the app and every device reads, even offline: a synced record
// per setting. For now one: the protective marking printed on situation reports ("OFFICIAL-SENSITIVE"),
// which is the council's policy, not each officer's choice.
import { z } from 'zod';
import { lineText } from './text.ts';
import { isoDateTimeSchema } from './common.ts';

export const COUNCIL_SETTINGS = ['reportMarking'] as const;
export type CouncilSettingCode = (typeof COUNCIL_SETTINGS)[number];

export const DEFAULT_REPORT_MARKING = 'OFFICIAL-SENSITIVE';

export const councilSettingSchema = z.object({
  code: z.enum(COUNCIL_SETTINGS),
  value: lineText().max(60, 'at most 60 characters'),
  updatedAt: isoDateTimeSchema,
});
export type CouncilSetting = z.infer<typeof councilSettingSchema>;

/** The marking to print: the council's setting, or the default until an admin sets one. */
export function reportMarking(settings: readonly CouncilSetting[]): string {
  return settings.find((setting) => setting.code === 'reportMarking')?.value ?? DEFAULT_REPORT_MARKING;
}
