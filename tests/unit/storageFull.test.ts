// A full device is told apart from any other failed save, however Dexie hands the browser's error on.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { isStorageFull, notSavedMessage } from '../../src/app/store/storageFull.ts';

const quotaError = () => new DOMException('', 'QuotaExceededError');

describe('isStorageFull', () => {
  it("finds the browser's QuotaExceededError as it is, or wrapped by Dexie or as a cause", () => {
    expect(isStorageFull(quotaError())).toBe(true);
    expect(isStorageFull(new Dexie.AbortError('Transaction aborted', quotaError()))).toBe(true);
    expect(isStorageFull(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isStorageFull(new Error('write failed', { cause: quotaError() }))).toBe(true);
    expect(isStorageFull(new Dexie.BulkError('1 of 2 failed', [new Error('constraint'), quotaError()]))).toBe(
      true,
    );
  });

  it('is not fooled by other failures, or by errors that wrap themselves', () => {
    expect(isStorageFull(new Dexie.AbortError('Transaction aborted'))).toBe(false);
    expect(isStorageFull(new DOMException('', 'InvalidStateError'))).toBe(false);
    expect(isStorageFull(new Error('QuotaExceededError'))).toBe(false);
    expect(isStorageFull('QuotaExceededError')).toBe(false);
    expect(isStorageFull(null)).toBe(false);
    const loop: { name: string; cause?: unknown } = { name: 'Error' };
    loop.cause = loop;
    expect(isStorageFull(loop)).toBe(false);
  });
});

describe('notSavedMessage', () => {
  it('tells a person with a full device to free space, and anyone else to try again', () => {
    expect(notSavedMessage(quotaError(), 'The request')).toBe(
      "The request could not be saved: this device's storage is full. Free some space on it (photos, apps or other websites' data), then try again.",
    );
    expect(notSavedMessage(new Error('boom'), 'The note')).toBe(
      'The note could not be saved on this device. Try again; if it keeps failing, reload the page.',
    );
  });

  it('says what did not happen because of it', () => {
    expect(notSavedMessage(new Error('boom'), 'The rows', 'nothing was imported')).toBe(
      'The rows could not be saved on this device, so nothing was imported. Try again; if it keeps failing, reload the page.',
    );
    expect(notSavedMessage(quotaError(), 'The rows', 'nothing was imported')).toMatch(
      /^The rows could not be saved, so nothing was imported: this device's storage is full\./,
    );
  });
});
