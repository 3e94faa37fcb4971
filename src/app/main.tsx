// Entry point of the PWA: mounts the app and registers the service worker that keeps it working
// offline. Keep this file's imports small: everything here is in the first screen's JavaScript.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { registerServiceWorker } from './serviceWorker.ts';
import './styles/base.css';
import './styles/findHelp.css';
import './styles/requests.css';
import './styles/directory.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
