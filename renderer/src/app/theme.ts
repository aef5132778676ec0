// Follows the system's light/dark preference and applies the chosen theme to the page.
import type { AppStore } from '../store/appState';
import { isDark } from '../store/selectors';

export function watchSystemTheme(store: AppStore): () => void {
  const query = window.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = () => {
    const dark = isDark(store.getState());
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  };
  if (query) {
    store.getState().setSystemDark(query.matches);
    query.addEventListener('change', (e) => store.getState().setSystemDark(e.matches));
  }
  apply();
  return store.subscribe((s, prev) => {
    if (s.themePref !== prev.themePref || s.systemDark !== prev.systemDark) apply();
  });
}
