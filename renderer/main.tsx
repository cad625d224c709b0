import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SitroomApiContext } from './api-context';
import { useFilterStore } from './filter/filter-store';
import { selectHost } from './host';
import { installKeyboard } from './keyboard/keymap-registry';
import { createPagingNotifier } from './notifications/paging-notifier';
import { useSessionStore } from './session/session-store';
import { useBoardStore } from './state/board-store';
import { startClock } from './state/clock-store';
import { connectBoard } from './state/connect-board';
import { currentFeedView, followFeedView } from './state/feed-view';
import { scheduleOnNextFrame } from './state/frame-scheduler';
import { followResolved } from './state/resolved-hold';
import { openIncident } from './state/view-store';
import { startWall } from './wall/start-wall';
import { readWallSettings } from './wall/wall-settings';
import { incidentFromAddress } from './web/incident-link';
import './styles/theme.css';
import './styles/header.css';
import './styles/board.css';
import './styles/empty-state.css';
import './styles/controls.css';
import './styles/incident.css';
import './styles/silences.css';
import './styles/print.css';
import './styles/keyboard.css';
import './styles/escalations.css';
import './styles/page-alerts.css';
import './styles/map.css';
import './styles/statistics.css';
import './styles/statistics-legend.css';
import './styles/wall.css';
import './styles/wall-board.css';
import './styles/filter.css';

// Entry point for both hosts: wire the host's replica into the store, start the shared clock and
// the one keyboard listener, render. Everything the page shows comes through SitroomApi.

const api = selectHost();
const notifyPages = createPagingNotifier({
  notify: (title, body) => api.notify(title, body),
  currentUserId: () => {
    const session = useSessionStore.getState().state;
    return session.kind === 'signed-in' ? session.session.user.id : null;
  },
  incidents: () => useBoardStore.getState().rows,
});
// The board applies each frame's patches first, so the notifier finds the incidents a page names.
const view = currentFeedView();
const feed = connectBoard(
  api,
  (patches) => {
    useBoardStore.getState().receive(patches);
    notifyPages(patches);
  },
  scheduleOnNextFrame,
  view,
);
followFeedView(feed, view);
followResolved((listener) =>
  useBoardStore.subscribe((state, before) => {
    if (state.resolved !== before.resolved) listener(state.resolved, before.rows);
  }),
);
// After the host is told: a filter the page can decide shows in the frame of its key.
useFilterStore.subscribe((state, before) => {
  if (state.applied !== before.applied) useBoardStore.getState().showFilter(state.applied);
});
startClock();
installKeyboard();
// A wall is a console that rotates its views by itself: /?wall=1&view=board (README, "Wall displays").
const wallSettings = readWallSettings(window.location.search);
if (wallSettings) startWall(wallSettings);
// A message's link (…/?incident=INC-4) opens that incident.
const linked = incidentFromAddress(window.location.href);
if (linked && !wallSettings) {
  window.history.replaceState(window.history.state, '', linked.cleanUrl);
  openIncident(linked.incidentId);
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <SitroomApiContext value={api}>
      <App />
    </SitroomApiContext>
  </StrictMode>,
);
