// This build's version: APP_VERSION at build time, else package.json's (vite.config.ts defines it).
declare const __APP_VERSION__: string;

export const APP_BUILD_VERSION: string = __APP_VERSION__;
