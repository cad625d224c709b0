// Loaded into the hub by the wall-soak benchmark only (NODE_OPTIONS=--import), never in
// production: the hub's clock runs SITROOM_BENCH_CLOCK_BEHIND_MS behind, so every incident it
// resolves is already past the consoles' retention window by their (real) clocks. That is the
// wall's steady state weeks in, in minutes, for the page and the console's worker alike (a page
// init script cannot reach the worker). Plain JavaScript: NODE_OPTIONS imports run before tsx.

const behind = Number(process.env.SITROOM_BENCH_CLOCK_BEHIND_MS ?? 0);
if (behind > 0) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  class BehindDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() - behind);
      else super(...args);
    }
    static now() {
      return realNow() - behind;
    }
  }
  globalThis.Date = BehindDate;
}
