/** The Electron executable to run, or null when this machine has none (never downloads). */
export function electronBinaryPath(
  root?: string,
  env?: Readonly<Record<string, string | undefined>>,
): string | null;
/** True when an Electron executable exists on this machine. */
export function electronBinaryAvailable(
  root?: string,
  env?: Readonly<Record<string, string | undefined>>,
): boolean;
