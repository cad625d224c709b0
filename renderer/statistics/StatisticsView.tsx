/** Placeholder until the statistics view lands: the view slot and `g s` exist already. */
export function StatisticsView() {
  return (
    <section className="statistics" aria-label="Statistics" data-testid="statistics-view">
      <h2>Statistics</h2>
    </section>
  );
}
