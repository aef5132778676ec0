// Shared set-up of the inspector tests: one browser-mode host per worker (real engine, real
// files), pages that fail the test on any console error, and pods copied to temp dirs so
// tests can write into them.
import { test as base, expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES = join(REPO, 'assets/pods/data/pods');
export const SAMPLE = {
  twoApps: join(SAMPLES, 'run/3f6d2a1c-8b4e-4f1a-9c2d-5e7b8a9c0d1e'),
  failedApp: join(SAMPLES, 'exited-garbage/7a2e9c41-0d3b-4c6e-8f15-2b9d4e6a8c30'),
  mutable: join(SAMPLES, 'run/c51b7e2d-4a96-4e03-b8d7-91f2a6c3e5d4'),
  sixApps: join(SAMPLES, 'run/0e8d4f6a-2c1b-4d7e-a953-6b4c2e8f1a07'),
};
export const SCREENSHOTS = join(REPO, 'e2e/screenshots');

export const CHROMIUM = process.env.PODUNIT_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Host { url: string; origin: string; process: ChildProcess }

export async function startHost(initialPod?: string): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'e2e/inspector/serve-host.ts'), ...(initialPod ? [initialPod] : [])], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolveLine, reject) => {
    lines.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}`)));
  });
  const { url, origin } = JSON.parse(first) as { url: string; origin: string };
  return { url, origin, process: child };
}

export function stopHost(host: Host): Promise<void> {
  return new Promise((done) => {
    if (host.process.exitCode !== null) return done();
    host.process.once('exit', () => done());
    host.process.stdin?.end();
    setTimeout(() => host.process.kill('SIGKILL'), 3000).unref();
  });
}

/** A writable copy of a pod root (symlinks kept as they are). */
export function copyPod(src: string): { root: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'podunit-e2e-'));
  const root = join(dir, 'pod');
  cpSync(src, root, { recursive: true, verbatimSymlinks: true });
  return { root, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Fixtures {
  consoleErrors: string[];
  /** Navigates to the app with a pod open and waits until its first plan is shown. */
  openApp(pod: string | null): Promise<Page>;
}

export const test = base.extend<Fixtures, { host: Host }>({
  host: [async ({}, use) => {
    const host = await startHost();
    await use(host);
    await stopHost(host);
  }, { scope: 'worker' }],

  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    // Warnings about the page's own headers and links count too: they mean one is wrong.
    const headerWarning = (msg: ConsoleMessage) => msg.type() === 'warning' && /Permissions-Policy|Content-Security-Policy|credentials mode does not match/.test(msg.text());
    const onConsole = (msg: ConsoleMessage) => { if (msg.type() === 'error' || headerWarning(msg)) errors.push(msg.text()); };
    page.on('console', onConsole);
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    await use(errors);
    expect(errors, 'the browser console has no errors (nor header warnings)').toEqual([]);
  },

  openApp: async ({ page, host, consoleErrors }, use) => {
    void consoleErrors;
    await use(async (pod) => {
      const url = pod ? `${host.url}&pod=${encodeURIComponent(pod)}` : host.url;
      await page.goto(url);
      if (pod) await waitForPlan(page);
      return page;
    });
  },
});

export { expect };

/** Waits until generation settled and the unit viewer shows a file. */
export async function waitForPlan(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const w = window as unknown as { __podunit?: { state(): { plan: unknown; generating: boolean } } };
    const s = w.__podunit?.state();
    return !!s && !!s.plan && !s.generating;
  }, undefined, { timeout: 20_000 });
}

export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __podunit: { idle(): Promise<void> } }).__podunit.idle());
}

export function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/** The text Monaco renders for an editor inside a region (visible lines only). */
export async function editorText(page: Page, regionName: string): Promise<string> {
  const text = await region(page, regionName).locator('.view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Monaco colours lines in the background; let it finish so the pictures show highlighting.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Puts the cursor of the Monaco editor in a region at the end of a line (1-based). */
export async function gotoLineEnd(page: Page, regionName: string, line: number): Promise<void> {
  const editor = region(page, regionName).locator('.monaco-editor').first();
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+G');
  // Type only once the go-to-line box is open, or the digits land in the manifest.
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.keyboard.press('End');
}

/** 1-based number of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not found`);
  return i + 1;
}

/** State read through the page's test window. */
export async function state<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const s = window.__podunit.state(); return (${fn})(s); })()`) as Promise<T>;
}

/** Full text of the file the unit viewer shows (from the state: Monaco renders only what is in view). */
export function shownFile(page: Page): Promise<string> {
  return state<string>(page, '(s) => (s.plan?.entries.find((e) => e.path === s.selectedFile)?.content ?? "")');
}

/** Vertical distance between two elements, polled: Monaco re-creates overlays while it scrolls. */
export async function expectSameRow(a: Locator, b: Locator): Promise<void> {
  await expect.poll(async () => {
    const [x, y] = await Promise.all([a.boundingBox(), b.boundingBox()]);
    return x && y ? Math.abs(x.y - y.y) : Number.POSITIVE_INFINITY;
  }).toBeLessThan(4);
}
