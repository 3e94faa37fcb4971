// Storage the browser will not clear on its own. Without it a browser short of space (or Safari after
// seven days without a visit) may delete this device's copy, outbox and all. Asked for whenever the app
// is open signed in and it is not yet granted: Chromium decides by itself (installed or much used: yes),
// Firefox asks the person.
export interface StorageFacts {
  /** undefined where the browser cannot say (no StorageManager). */
  persisted: boolean | undefined;
  usedBytes: number | undefined;
  quotaBytes: number | undefined;
}

export async function requestPersistentStorage(): Promise<boolean | undefined> {
  if (!navigator.storage?.persist) return undefined;
  try {
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return undefined;
  }
}

export async function readStorageFacts(): Promise<StorageFacts> {
  const storage = navigator.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => undefined) : undefined,
    storage?.estimate ? storage.estimate().catch(() => undefined) : undefined,
  ]);
  return { persisted, usedBytes: estimate?.usage, quotaBytes: estimate?.quota };
}

/** Safari (WebKit) deletes a site's storage after 7 days of browser use without a visit, unless installed. */
export function mayEvictAfterAWeek(): boolean {
  const ua = navigator.userAgent;
  const webkitOnly = /AppleWebKit/.test(ua) && !/Chrome|Chromium|CriOS|Edg|Firefox|FxiOS/.test(ua);
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return webkitOnly && !standalone;
}
