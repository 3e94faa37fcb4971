// The one list of what partners can do. A request's needs are named from the same list, so "who can
// help with X" is a plain membership test. Order is the order shown on the Find help buttons.
import { z } from 'zod';
import { onceEach } from './common.ts';

export const CAPABILITIES = [
  { id: 'food', label: 'Food' },
  { id: 'medicines', label: 'Medicines collection' },
  { id: 'welfare_check', label: 'Welfare check' },
  { id: 'befriending', label: 'Befriending' },
  { id: 'transport', label: 'Transport' },
  { id: 'shelter', label: 'Shelter or rest centre' },
  { id: 'bottled_water', label: 'Bottled water' },
  { id: 'volunteers', label: 'Volunteers' },
  { id: 'translation', label: 'Translation' },
  { id: 'mental_health', label: 'Mental health support' },
  { id: 'debt_advice', label: 'Debt and benefits advice' },
  { id: 'digital_help', label: 'Digital help' },
  { id: 'pets', label: 'Pet care' },
  { id: 'heating', label: 'Heating and warm spaces' },
  { id: 'sandbags', label: 'Sandbags and flood help' },
] as const;

export type CapabilityId = (typeof CAPABILITIES)[number]['id'];

const capabilityIds = CAPABILITIES.map((capability) => capability.id) as [CapabilityId, ...CapabilityId[]];

export const capabilitySchema = z.enum(capabilityIds);

/** Needs or capabilities: never more than there are. */
// A need listed twice was stored twice ("food, food"): counted twice wherever a reader forgot to
// count each once, and shown twice everywhere. The limit is checked on the list as sent.
export const capabilityListSchema = z
  .array(capabilitySchema)
  .max(CAPABILITIES.length, `lists at most ${CAPABILITIES.length} needs`)
  .overwrite(onceEach);

const labels = new Map<string, string>(CAPABILITIES.map((capability) => [capability.id, capability.label]));

export function capabilityLabel(id: CapabilityId): string {
  return labels.get(id) ?? id;
}
