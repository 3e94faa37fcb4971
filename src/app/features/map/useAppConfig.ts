// The installation's map settings (the optional tile server) from GET /api/config, kept in localStorage
// so the map opens the same way offline. The stored copy shows at once; the server's answer replaces it.
import { useEffect, useState } from 'react';
import { apiFetch } from '../../api.ts';
import { appConfigSchema, type AppConfig } from '../../../domain/api/appConfig.ts';

const STORAGE_KEY = 'resilience-hub:app-config';
const NO_TILES: AppConfig = { tileUrl: null, tileAttribution: null, idleLockMinutes: 15 };

function readStored(): AppConfig {
  try {
    const parsed = appConfigSchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : NO_TILES;
  } catch {
    return NO_TILES; // storage unavailable or corrupt: a plain background is always safe
  }
}

export function useAppConfig(): AppConfig {
  const [config, setConfig] = useState(readStored);
  useEffect(() => {
    let cancelled = false;
    apiFetch('/api/config').then(
      (body) => {
        const parsed = appConfigSchema.safeParse(body);
        if (cancelled || !parsed.success) return;
        const text = JSON.stringify(parsed.data);
        try {
          localStorage.setItem(STORAGE_KEY, text);
        } catch {
          // Private mode or full storage: use the answer now, ask again next time.
        }
        setConfig((current) => (JSON.stringify(current) === text ? current : parsed.data));
      },
      () => {
        // Offline or server down: keep the stored copy.
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return config;
}
