import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { StatisticsPage } from './pages/statistics-page';

// SEV1 red and SEV2 orange are one grey on a grayscale wall, and close to one colour for a
// red-green colour-blind operator: in "Incidents opened", each severity's bars must differ by
// shape too (a pattern), and the legend must show the same shape beside the severity's name.

test('SEV1 and SEV2 bars differ by pattern, and the legend shows each pattern by name', async ({
  board,
  hub,
  page,
}) => {
  const statistics = new StatisticsPage(page);
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'DiskFull', service: 'db', severity: 'critical' }),
  );
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'SlowApi', service: 'api', severity: 'error' }),
  );
  await expect(board.openRows()).toHaveCount(2);
  await statistics.open();
  const opened = statistics.chart('statistics-opened');
  await expect
    .poll(async () => (await statistics.figures('statistics-opened')).at(-1)?.slice(1, 3))
    .toEqual(['1', '1']);

  // One stacked bar today: a SEV1 part and a SEV2 part, each filled with a pattern.
  const bars = opened.locator('.recharts-bar-rectangle path');
  await expect(bars).toHaveCount(2);
  // Each part's pattern with its colours taken out: what is left of it on a grayscale screen.
  const shapes = await bars.evaluateAll((paths) =>
    paths.map((path) => {
      const ref = /^url\(#(.+)\)$/.exec(path.getAttribute('fill') ?? '')?.[1];
      const pattern = ref ? document.getElementById(ref) : null;
      if (pattern?.tagName !== 'pattern') return `colour only: ${path.getAttribute('fill')}`;
      return Array.from(pattern.children)
        .map((mark) =>
          [
            mark.tagName,
            ...['d', 'cx', 'cy', 'r', 'width', 'height'].map((name) => mark.getAttribute(name)),
          ].join(),
        )
        .join(';');
    }),
  );
  expect(shapes.filter((shape) => shape.startsWith('colour only'))).toEqual([]);
  expect(new Set(shapes).size).toBe(2);

  // The legend names each severity beside a swatch of the same pattern its bars are filled with.
  const legend = opened.getByTestId('severity-legend').locator('li');
  await expect(legend).toHaveText(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  const legendFills = await legend.evaluateAll((items) =>
    items.map((item) => item.querySelector('svg rect')?.getAttribute('fill') ?? ''),
  );
  const barFills = await bars.evaluateAll((paths) => paths.map((path) => path.getAttribute('fill') ?? ''));
  // Recharts draws the stack bottom up, worst first: the SEV1 part, then the SEV2 part.
  expect(barFills).toEqual(legendFills.slice(0, 2));
  await opened.screenshot({ path: test.info().outputPath('opened-by-severity.png') });
});
