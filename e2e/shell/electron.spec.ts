// The desktop app through Playwright's Electron launcher. It needs an Electron binary and a
// display; where either is missing the test is skipped, and the skip says which.
import { test, expect, _electron as electron } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../scripts/start.mjs';
import { copyPod, REPO, SAMPLE_TWO_APPS } from './launch.js';

const binary = findElectronBinary() as { path?: string; missing?: string };
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = binary.missing
  ? `Electron binary not installed: ${binary.missing}`
  : noDisplay ? 'no display to open an Electron window on (DISPLAY and WAYLAND_DISPLAY are unset)' : null;

test('the desktop app opens the pod from its command line in a locked-down window', async () => {
  test.skip(skipReason !== null, skipReason ?? '');
  const pod = copyPod(SAMPLE_TWO_APPS);
  const config = mkdtempSync(join(tmpdir(), 'podunit-e2e-electron-'));
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [join(REPO, 'dist/electron/main.js'), pod.root],
    env: { ...process.env, XDG_CONFIG_HOME: config },
  });
  try {
    const win = await app.firstWindow();
    expect(win.url()).toBe('app://podunit/index.html');
    await expect(win.getByRole('region', { name: 'Pod tree' })).toContainText('rorf2', { timeout: 30_000 });
    // The page sees the contract and nothing of Node or Electron.
    const page = await win.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return {
        api: Object.keys(g.podunit as object).sort(),
        require: typeof g.require,
        process: typeof g.process,
        electron: typeof g.electron,
      };
    });
    expect(page).toEqual({ api: ['invoke', 'on'], require: 'undefined', process: 'undefined', electron: 'undefined' });
    const opened = await win.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.org/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
    pod.cleanup();
    rmSync(config, { recursive: true, force: true });
  }
});
