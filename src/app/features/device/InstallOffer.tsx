// "Install Resilience Hub": a button where the browser offers installing (Chromium), the two steps on
// iPhone and iPad, nothing once installed or after "Not now" on this device.
import { useState, useSyncExternalStore } from 'react';
import { installOption, promptInstall, subscribeInstall } from './installPrompt.ts';

const DISMISSED_KEY = 'resilience-hub:install-dismissed';

export function useInstallOption() {
  return useSyncExternalStore(subscribeInstall, installOption);
}

/** The offer itself; `always` shows it even after "Not now" (on the This device page). */
export function InstallOffer({ always = false }: { always?: boolean }) {
  const option = useInstallOption();
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(DISMISSED_KEY) === 'yes');
  if (option === 'none' || (dismissed && !always)) return null;

  const notNow = () => {
    localStorage.setItem(DISMISSED_KEY, 'yes');
    setDismissed(true);
  };
  return (
    <section className="banner install-offer" aria-label="Install the app">
      {option === 'prompt' ? (
        <p>Install Resilience Hub to open it from your home screen, like any app, even with no signal.</p>
      ) : (
        <p>
          To install Resilience Hub on this iPhone or iPad: tap <strong>Share</strong> (the square with an
          arrow), then <strong>Add to Home Screen</strong>.
        </p>
      )}
      <div className="banner-actions">
        {option === 'prompt' && (
          <button type="button" onClick={() => void promptInstall()}>
            Install
          </button>
        )}
        {!always && (
          <button type="button" className="secondary" onClick={notNow}>
            Not now
          </button>
        )}
      </div>
    </section>
  );
}
