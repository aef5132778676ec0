// A jsdom window as the global DOM for component tests under node:test. Import it first.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/', pretendToBeVisual: true });
const g = globalThis as Record<string, unknown>;
const win = dom.window as unknown as Record<string, unknown>;

for (const key of Object.getOwnPropertyNames(win)) {
  if (key in g) continue;
  try { g[key] = win[key]; } catch { /* read-only globals stay Node's */ }
}
g.window = dom.window;
g.document = dom.window.document;
g.navigator = dom.window.navigator;
g.IS_REACT_ACT_ENVIRONMENT = true;
if (!('ResizeObserver' in g)) {
  g.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}
if (!dom.window.matchMedia) {
  (dom.window as unknown as { matchMedia: unknown }).matchMedia = () => ({ matches: false, addEventListener() {}, removeEventListener() {} });
}

export { dom };
