import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './preload-bridge';

// The renderer's only door to the host: one object, window.sitroom, typed by SitroomApi
// (electron/preload-bridge.ts builds it; main checks every call).

contextBridge.exposeInMainWorld('sitroom', createBridge(ipcRenderer));
