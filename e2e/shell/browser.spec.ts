// Browser mode as a newcomer meets it: `npm start` on a machine without Electron, the sample
// pod in Chromium, and the host refusing anything that is not the page it served.
import { test, expect, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { findElectronBinary } from '../../scripts/start.mjs';
import { copyPod, SAMPLE_TWO_APPS, startPodunit, type Started } from './launch.js';

const electronMissing = 'missing' in findElectronBinary();

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return errors;
}

let shared: Started;
test.beforeAll(async () => { shared = await startPodunit(['--browser']); });
test.afterAll(async () => { await shared?.stop(); });

test('npm start without Electron explains itself and serves the sample pod in the browser', async ({ page }) => {
  test.skip(!electronMissing, 'an Electron binary is installed here, so npm start opens the desktop app instead');
  const started = await startPodunit([], { DISPLAY: '', WAYLAND_DISPLAY: '' });
  try {
    expect(started.output()).toContain('No Electron binary is installed here');
    expect(started.output()).toContain('Starting browser mode instead');
    const errors = watchConsole(page);
    await page.goto(started.url);
    const tree = page.getByRole('region', { name: 'Pod tree' });
    await expect(tree).toContainText('rorf', { timeout: 30_000 });
    await expect(tree).toContainText('rorf2');
    await expect(page.getByRole('region', { name: 'Manifest editor' }).locator('.view-lines').first()).toContainText('PodManifest', { timeout: 30_000 });
    // The built host generates the sample's units, without a problem.
    await expect(page.getByRole('region', { name: 'Unit viewer' }).locator('.view-lines').first()).toContainText('[Unit]', { timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems.');
    expect(errors).toEqual([]);
  } finally {
    await started.stop();
  }
});

test('the page and its files need the token', async ({ page }) => {
  const noToken = await page.goto(`${shared.origin}/`);
  expect(noToken?.status()).toBe(401);
  const wrong = await page.goto(`${shared.origin}/?token=${shared.token.slice(1)}x`);
  expect(wrong?.status()).toBe(401);
  const ok = await page.goto(shared.url);
  expect(ok?.status()).toBe(200);
  expect(ok?.headers()['content-security-policy']).toContain("default-src 'none'");
});

test('a page of another origin can use neither the socket nor the app', async ({ page }) => {
  const evil: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
  try {
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(async ({ origin, token }) => {
      const socket = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${origin.replace('http', 'ws')}/ipc?token=${encodeURIComponent(token)}`);
        ws.onopen = () => resolve('open');
        ws.onclose = (e) => resolve(`closed ${e.code}`);
      });
      let read: string;
      try {
        const r = await fetch(`${origin}/?token=${encodeURIComponent(token)}`);
        read = `read ${r.status}`;
      } catch (err) {
        read = `blocked: ${(err as Error).name}`;
      }
      return { socket, read };
    }, { origin: shared.origin, token: shared.token });
    expect(outcome.socket).toBe('closed 1006');
    expect(outcome.read).toBe('blocked: TypeError');
  } finally {
    evil.close();
  }
});

test('a pod root deleted while open gives a clear message, not a crash', async ({ page }) => {
  const pod = copyPod(SAMPLE_TWO_APPS);
  try {
    const errors = watchConsole(page);
    await page.goto(`${shared.url}&pod=${encodeURIComponent(pod.root)}`);
    await expect(page.getByRole('region', { name: 'Pod tree' })).toContainText('rorf2', { timeout: 30_000 });
    rmSync(pod.root, { recursive: true, force: true });
    await expect(page.getByRole('alert').filter({ hasText: 'no longer exists' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('region', { name: 'Manifest editor' })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    pod.cleanup();
  }
});
