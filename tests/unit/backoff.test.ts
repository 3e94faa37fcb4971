// After failed syncs the next try waits longer each time, up to five minutes, with jitter so that many
// phones coming back at once do not all retry in step.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/app/sync/syncer.ts';

describe('backoff after failed syncs', () => {
  it('doubles with each failure, between half and the whole of the step', () => {
    expect(backoffDelay(1, () => 0)).toBe(1_000);
    expect(backoffDelay(1, () => 1)).toBe(2_000);
    expect(backoffDelay(2, () => 1)).toBe(4_000);
    expect(backoffDelay(4, () => 1)).toBe(16_000);
  });

  it('never waits more than five minutes', () => {
    expect(backoffDelay(50, () => 1)).toBe(300_000);
  });

  it('spreads retries: different random draws give different delays', () => {
    const delays = new Set([0.1, 0.4, 0.7, 0.9].map((r) => backoffDelay(3, () => r)));
    expect(delays.size).toBe(4);
  });
});
