import { createContext, useContext } from 'react';
import type { SitroomApi } from '../shared/api';

/** The host's SitroomApi, provided once at the root so views never reach for window.sitroom. */
export const SitroomApiContext = createContext<SitroomApi | null>(null);

/** The SitroomApi of the host this renderer runs in. */
export function useSitroomApi(): SitroomApi {
  const api = useContext(SitroomApiContext);
  if (!api) throw new Error('useSitroomApi needs a SitroomApiContext provider above it');
  return api;
}
