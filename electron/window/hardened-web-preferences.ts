import type { WebPreferences } from 'electron';

/**
 * What every Sitroom renderer gets, whatever it shows: isolated, sandboxed, no Node anywhere
 * (workers and frames included), web security on, no <webview>, no drag-and-drop navigation.
 * One constant so a new window cannot forget a flag; the hardening-pins test spells the flags out.
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  enableWebSQL: false,
} as const satisfies WebPreferences;
