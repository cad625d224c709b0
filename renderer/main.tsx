import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SitroomApiContext } from './api-context';
import { selectHost } from './host';
import { installKeyboard } from './keyboard/keymap-registry';
import { useBoardStore } from './state/board-store';
import { startClock } from './state/clock-store';
import { connectBoard } from './state/connect-board';
import { scheduleOnNextFrame } from './state/frame-scheduler';
import './styles/theme.css';
import './styles/header.css';
import './styles/board.css';
import './styles/empty-state.css';
import './styles/controls.css';
import './styles/incident.css';
import './styles/print.css';

// Entry point for both hosts: wire the host's replica into the store, start the shared clock and
// the one keyboard listener, render. Everything the page shows comes through SitroomApi.

const api = selectHost();
connectBoard(api, useBoardStore.getState().receive, scheduleOnNextFrame);
startClock();
installKeyboard();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <SitroomApiContext value={api}>
      <App />
    </SitroomApiContext>
  </StrictMode>,
);
