/** @jsxRuntime automatic */
import { createRoot } from 'react-dom/client';
import { connect } from './api';
import { createAppStore } from './store/appState';
import { createController } from './store/controller';
import { App } from './app/App';
import { AppContext } from './app/context';
import { watchSystemTheme } from './app/theme';
import './styles/app.css';

performance.mark('podunit:script');
const store = createAppStore();
const client = connect((status) => store.getState().setConnection(status));
// The host built with this renderer takes flavor and systemd-version overrides (its contract
// is this build's): no need to load the contract's schemas at start-up to find out.
const controller = createController(store, client, { stage1Overrides: true }, (message) => window.confirm(message));
watchSystemTheme(store);

createRoot(document.getElementById('root')!).render(
  <AppContext.Provider value={{ store, controller }}>
    <App />
  </AppContext.Provider>,
);

// `?pod=<path>` opens that pod instead of the one the host suggests (bookmarks, tests).
void controller.init(new URLSearchParams(window.location.search).get('pod'));
// For end-to-end tests and the UI benchmark: read the state, wait for generation to settle.
(window as unknown as { __podunit?: unknown }).__podunit = {
  state: () => store.getState(),
  idle: () => controller.idle(),
};
