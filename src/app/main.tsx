// Entry point of the PWA: mounts the app and registers the service worker that keeps it working
// offline. Keep this file's imports small: everything here is in the first screen's JavaScript.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { registerServiceWorker } from './serviceWorker.ts';
import { recoverLocalDatabase } from './features/device/deviceRecovery.ts';
// Listens for the browser's install offer from the start (it comes once, early).
import './features/device/installPrompt.ts';
import './styles/base.css';
import './styles/findHelp.css';
import './styles/requests.css';
import './styles/directory.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A device whose local copy was deleted or unreadable gets it back before the first screen decides
// whether someone is signed in (features/device/deviceRecovery.ts).
void recoverLocalDatabase().finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
registerServiceWorker();
