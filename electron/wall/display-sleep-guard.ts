/** The slice of Electron's powerSaveBlocker the guard uses (injected, so it is tested in Node). */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): void;
}

/**
 * Keeps the displays awake while at least one wall is open: one `prevent-display-sleep` blocker
 * for any number of walls, started by the first and stopped when the last one closes. Holding or
 * releasing the same wall twice changes nothing.
 */
export class DisplaySleepGuard {
  /** The open walls, by any key unique to each window. */
  private readonly walls = new Set<number>();
  private blockerId: number | null = null;

  constructor(
    private readonly blocker: PowerSaveBlockerLike,
    private readonly log: (message: string) => void,
  ) {}

  /** A wall window opened. */
  hold(wall: number): void {
    this.walls.add(wall);
    if (this.blockerId !== null) return;
    this.blockerId = this.blocker.start('prevent-display-sleep');
    this.log('wall open: keeping the displays awake');
  }

  /** That wall window closed. */
  release(wall: number): void {
    if (!this.walls.delete(wall) || this.walls.size > 0 || this.blockerId === null) return;
    this.blocker.stop(this.blockerId);
    this.blockerId = null;
    this.log('no wall open: the displays may sleep again');
  }

  get active(): boolean {
    return this.blockerId !== null;
  }
}
