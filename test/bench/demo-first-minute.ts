import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot, tempDataDir } from '../support/hub';
import { launchChromium } from './chromium';
import { type BenchRow, writeResult } from './results';
import { round } from './stats';

// The first minute of a newcomer: from typing `npm run hub -- --demo` to every view showing
// something true — the board an incident, the escalations a running ladder, the map a failing
// service, the statistics a count above zero. One Chromium tab per view (as four screens would
// be), each opened once the hub prints its console URL and moved to its view with the same
// keys a person presses. Measured twice: with `npm run hub` (which builds the web console
// first, as the README's command does) and with the hub process alone on a built console.
// Default demo speed, as a newcomer gets it.

interface ViewProbe {
  readonly name: 'board' | 'escalations' | 'map' | 'statistics';
  readonly keys: ReadonlyArray<string>;
  /** Resolves once the view shows something true. */
  populated(page: Page): Promise<unknown>;
}

const WAIT = { timeout: 120_000 };
const VIEWS: ReadonlyArray<ViewProbe> = [
  {
    name: 'board',
    keys: [],
    populated: (page) =>
      page.getByRole('listbox', { name: 'Open incidents' }).getByRole('option').first().waitFor(WAIT),
  },
  {
    name: 'escalations',
    keys: ['g', 'e'],
    populated: (page) => page.getByTestId('escalation-row').first().waitFor(WAIT),
  },
  {
    name: 'map',
    keys: ['g', 'm'],
    populated: (page) => page.locator('[data-service-id][data-health="sev1"]').first().waitFor(WAIT),
  },
  {
    name: 'statistics',
    keys: ['g', 's'],
    populated: (page) =>
      page.waitForFunction(
        () => {
          const text = document.querySelector('[data-testid="statistics-figure-incidents"]')?.textContent;
          return text !== undefined && text !== null && /^[1-9]/.test(text.trim());
        },
        undefined,
        WAIT,
      ),
  },
];

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

export async function benchDemoFirstMinute(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const details: Record<string, unknown>[] = [];
  for (const launcher of ['npm run hub -- --demo', 'hub process alone (built console)'] as const) {
    for (let run = 0; run < RUNS; run++) {
      const figures = await measure(launcher === 'npm run hub -- --demo');
      details.push({ launcher, run, ...figures });
      console.error(`bench: demo ${launcher} run ${run + 1}: ${JSON.stringify(figures)}`);
    }
    const ofLauncher = details.filter((entry) => entry.launcher === launcher);
    const median = (key: string): number => {
      const values = ofLauncher.map((entry) => entry[key] as number).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)] as number;
    };
    for (const key of ['consoleUrlPrinted', 'board', 'escalations', 'map', 'statistics', 'everyView']) {
      rows.push({
        benchmark: 'demo',
        case: launcher,
        figure: `${key} (s, median of ${RUNS})`,
        value: median(key),
      });
    }
  }
  writeResult('demo', rows, details);
  return rows;
}

async function measure(withBuild: boolean): Promise<Record<string, number>> {
  const dataDir = tempDataDir('sitroom-bench-demo-');
  const started = performance.now();
  // Its own process group, so stopping it stops npm's child (the hub) too.
  const child = withBuild
    ? spawn('npm', ['run', 'hub', '--', '--demo', '--port', '0', '--data-dir', dataDir], {
        cwd: repoRoot,
        detached: true,
      })
    : spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(repoRoot, 'server', 'main.ts'),
          '--demo',
          '--port',
          '0',
          '--data-dir',
          dataDir,
        ],
        { cwd: repoRoot, detached: true },
      );
  const seconds = (): number => round((performance.now() - started) / 1000, 1);
  const browser = await launchChromium();
  try {
    const url = await consoleUrl(child);
    const consoleUrlPrinted = seconds();
    const times = await Promise.all(
      VIEWS.map(async (view) => {
        const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
        await page.goto(url);
        await goTo(page, view.keys);
        await view.populated(page);
        return [view.name, seconds()] as const;
      }),
    );
    const byView = Object.fromEntries(times);
    return { consoleUrlPrinted, ...byView, everyView: Math.max(...times.map(([, time]) => time)) };
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Presses a view's keys once the console has taken the keyboard (its board is on screen). */
async function goTo(page: Page, keys: ReadonlyArray<string>): Promise<void> {
  await page
    .getByRole('listbox', { name: 'Open incidents' })
    .or(page.getByTestId('empty-state'))
    .first()
    .waitFor({ timeout: 60_000 });
  for (const key of keys) await page.keyboard.press(key);
}

function consoleUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no console URL within 180 s:\n${output}`)), 180_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      // The hub's ready record, as JSON (off a terminal) or pretty.
      const match = /"console":"(http:\/\/[^"]+)"/.exec(output) ?? /console:\s+(http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) =>
      reject(new Error(`the hub exited (${code}) before it was ready:\n${output}`)),
    );
  });
}
