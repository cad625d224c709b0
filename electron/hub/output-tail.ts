import { createInterface } from 'node:readline';

/** Keeps the last lines a process printed, so a start-up failure can show why. */
export class OutputTail {
  private readonly lines: string[] = [];

  constructor(private readonly keep = 20) {}

  /** Reads a stream line by line into the tail and hands every line to onLine. */
  follow(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
    if (!stream) return;
    const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    reader.on('line', (line) => {
      this.lines.push(line);
      if (this.lines.length > this.keep) this.lines.shift();
      onLine(line);
    });
  }

  text(): string {
    return this.lines.length === 0 ? '(no output)' : this.lines.join('\n');
  }
}
