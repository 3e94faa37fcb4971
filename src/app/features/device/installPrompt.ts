// Installing the app from inside it. Chromium fires `beforeinstallprompt` once, early, when the app is
// installable; this module keeps the event (it is imported by main.tsx, before React renders) so an
// "Install" button can show it later. iOS Safari has no such event: there the app explains the steps.

/** Chromium's event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let deferred: BeforeInstallPromptEvent | null = null;
let installed = false;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep Chromium's own mini-infobar away: the app offers installing where it fits.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    notify();
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    installed = true;
    notify();
  });
}

export type InstallOption = 'prompt' | 'ios-steps' | 'none';

/** Opened from the home screen (or as an installed app window) rather than in a browser tab. */
export function runsInstalled(): boolean {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || installed || matchMedia('(display-mode: standalone)').matches;
}

/** An iPhone or iPad in Safari: installing is "Share → Add to Home Screen". */
function isIos(): boolean {
  return (
    /iPhone|iPad|iPod/.test(navigator.userAgent) ||
    // iPadOS says it is a Mac, but a Mac has no touch screen.
    (navigator.userAgent.includes('Macintosh') && navigator.maxTouchPoints > 1)
  );
}

export function installOption(): InstallOption {
  if (runsInstalled()) return 'none';
  if (deferred) return 'prompt';
  if (isIos()) return 'ios-steps';
  return 'none';
}

export function subscribeInstall(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows the browser's install dialog; true when the person installed the app. */
export async function promptInstall(): Promise<boolean> {
  const event = deferred;
  if (!event) return false;
  deferred = null;
  await event.prompt();
  const choice = await event.userChoice;
  notify();
  return choice.outcome === 'accepted';
}
