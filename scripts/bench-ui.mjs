#!/usr/bin/env node
// UI benchmark: the inspector in browser mode, in Chromium, against real pods.
//   edit → changed unit line visible (p95) for a 2-app and a 100-app pod,
//   cold start (navigation → pod manifest and first unit visible, then editors ready), and for a
//   1000-app pod the JS heap,
//   tree scroll and file switch times.
// Usage: node scripts/bench-ui.mjs [--runs N] [--strict] [--json]
// Needs the renderer built (dist/renderer, or PODUNIT_RENDERER_DIST) and Chromium
// (PODUNIT_CHROMIUM, default /usr/bin/chromium). The 100- and 1000-app pods come from the
// shared conformance corpus (../shared beside the checkout, or PODUNIT_SHARED).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 40;
const strict = args.includes('--strict');
const asJson = args.includes('--json');
const dist = process.env.PODUNIT_RENDERER_DIST ?? join(repo, 'dist', 'renderer');
const shared = process.env.PODUNIT_SHARED ?? resolve(repo, '../shared');
const chromiumPath = process.env.PODUNIT_CHROMIUM ?? '/usr/bin/chromium';

const BUDGET = {
  'edit→visible p95, 2 apps (ms)': 50,
  'edit→visible p95, 100 apps (ms)': 250,
  'cold start, 2 apps (ms)': 1500,
  'JS heap, 1000 apps (MB)': 200,
  'tree scroll p95, 1000 apps (ms)': 100,
  'file switch p95, 1000 apps (ms)': 100,
};

const log = (...a) => { if (!asJson) console.log(...a); };

function ensureBuilt() {
  if (existsSync(join(dist, 'index.html'))) return;
  log('building the renderer …');
  const r = spawnSync(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '-c', join(repo, 'renderer/vite.config.ts')], { stdio: 'inherit', env: { ...process.env, PODUNIT_RENDERER_OUT: dist } });
  if (r.status !== 0) throw new Error('renderer build failed');
}

async function startHost() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'e2e/inspector/serve-host.ts')], {
    cwd: repo, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, PODUNIT_RENDERER_DIST: dist },
  });
  const line = await new Promise((ok, fail) => {
    createInterface({ input: child.stdout }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`host exited with ${code}`)));
  });
  return { ...JSON.parse(line), child };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const median = (xs) => quantile(xs, 0.5);

async function openPod(browser, host, pod, firstText) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${host.url}&pod=${encodeURIComponent(pod)}`);
  // Cold start ends when both the pod manifest and the first unit are on screen: as the panes'
  // read-only previews or in the editors. Editors ready: both in Monaco.
  const shownAt = (selector) => page.waitForFunction(([text, sel]) => {
    const shows = (region, want) => {
      const el = document.querySelector(`[role="region"][aria-label="${region}"] :is(${sel})`);
      return !!el && el.textContent.replace(/\u00a0/g, ' ').includes(want);
    };
    return shows('Unit viewer', text) && shows('Manifest editor', '"acKind"') ? performance.now() : false;
  }, [firstText, selector], { polling: 'raf', timeout: 120_000 }).then((h) => h.jsonValue());
  const [ms, editorsMs] = await Promise.all([shownAt('.text-preview, .view-lines'), shownAt('.view-lines')]);
  await page.evaluate(() => window.__podunit.idle());
  return { page, coldMs: ms, editorsMs, errors };
}

/**
 * Waits until the window is fully up: the diff editor (built after the other two) shows, no
 * generation is pending, and the page ran no long task (over 50 ms) for `quietMs`. Edits,
 * scrolling and switching are measured from there; what comes before is the start-up.
 */
async function settle(page, quietMs = 500, timeoutMs = 15_000) {
  await page.locator('[role="region"][aria-label="Diff"] .view-lines').first().waitFor();
  await page.evaluate(() => window.__podunit.idle());
  const quiet = await page.evaluate(([quietMs, timeoutMs]) => new Promise((done) => {
    const start = performance.now();
    let lastBusy = start;
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lastBusy = Math.max(lastBusy, e.startTime + e.duration);
    });
    obs.observe({ type: 'longtask' });
    const check = () => {
      const now = performance.now();
      if (now - lastBusy >= quietMs || now - start >= timeoutMs) {
        obs.disconnect();
        done(now - lastBusy >= quietMs);
      } else setTimeout(check, 50);
    };
    check();
  }), [quietMs, timeoutMs]);
  if (!quiet) throw new Error(`the page did not settle within ${timeoutMs} ms (long tasks kept running)`);
}

/** Places the manifest cursor just before the closing quote of the first line containing `needle`. */
async function cursorInString(page, needle) {
  const line = await page.evaluate((n) => window.__podunit.state().docs.pod.text.split('\n').findIndex((l) => l.includes(n)) + 1, needle);
  await page.locator('[role="region"][aria-label="Manifest editor"] .view-lines').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+G');
  // Type only once the go-to-line box is open, or the digits land in the manifest.
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  if (await page.evaluate(() => document.activeElement?.closest('[aria-label="Manifest editor"]') === null)) throw new Error('editor not focused');
}

/**
 * Arms a probe in the page: from the next `eventType` event to the frame after the unit viewer
 * shows `want`. Armed (awaited) before the input is sent: input events can overtake evaluations.
 */
async function armProbe(page, eventType, want) {
  await page.evaluate(([type, text]) => {
    window.__probe = new Promise((done) => {
      let t0 = null;
      window.addEventListener(type, (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
      // Switching files gives Monaco a new view (new .view-lines): watch the whole region.
      const region = document.querySelector('[role="region"][aria-label="Unit viewer"]');
      const check = () => {
        const lines = region.querySelector('.view-lines');
        if (t0 === null || !lines || !lines.textContent.replace(/\u00a0/g, ' ').includes(text)) return;
        obs.disconnect();
        requestAnimationFrame(() => done(performance.now() - t0));
      };
      const obs = new MutationObserver(check);
      obs.observe(region, { subtree: true, childList: true, characterData: true });
      setTimeout(() => { obs.disconnect(); done(-1); }, 15_000);
    });
  }, [eventType, want]);
}
const probeResult = (page) => page.evaluate(() => window.__probe);

/** Types one character at a time and measures keydown → changed line painted in the unit viewer. */
async function editLatency(page, prefix, count) {
  const times = [];
  const phases = { generateMs: [], roundTripMs: [] };
  let typed = '';
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < count; i++) {
    const ch = letters[i % letters.length];
    typed += ch;
    const expected = prefix + typed + '"';
    await armProbe(page, 'keydown', expected);
    await page.keyboard.type(ch);
    const ms = await probeResult(page);
    if (ms < 0) {
      await page.screenshot({ path: join(repo, 'test-results', 'bench-ui-failure.png') }).catch(() => {});
      throw new Error(`the unit viewer never showed ${expected} (screenshot in test-results/bench-ui-failure.png)`);
    }
    times.push(ms);
    await page.evaluate(() => window.__podunit.idle());
    const ph = await page.evaluate(() => { const st = window.__podunit.state(); return { g: st.plan?.elapsedMs ?? 0, r: st.roundTripMs ?? 0 }; });
    phases.generateMs.push(ph.g);
    phases.roundTripMs.push(ph.r);
    await page.waitForTimeout(30);
  }
  times.phases = phases;
  return times;
}

async function treeScroll(page, count) {
  return page.evaluate(async (n) => {
    const list = document.querySelector('[role="region"][aria-label="Pod tree"] .vlist');
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    for (let i = 0; i < n; i++) {
      const top = Math.floor(((i * 7919) % 97) / 97 * (list.scrollHeight - list.clientHeight));
      const t0 = performance.now();
      list.scrollTop = top;
      list.dispatchEvent(new Event('scroll'));
      await frame();
      await frame();
      const rows = list.querySelectorAll('[role="treeitem"]');
      const first = rows[0] && rows[0].getBoundingClientRect();
      if (!rows.length || !first) throw new Error('no rows after scrolling');
      out.push(performance.now() - t0);
    }
    list.scrollTop = 0;
    list.dispatchEvent(new Event('scroll'));
    return out;
  }, count);
}

async function fileSwitch(page, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const app = `app-${String(i + 1).padStart(4, "0")}`;
    const folder = page.locator(`[data-node="app:${app}"]`);
    await folder.scrollIntoViewIfNeeded();
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
    const row = page.locator(`[data-node="file:stage1/rootfs/usr/lib/systemd/system/${app}.service"]`);
    await row.scrollIntoViewIfNeeded();
    await armProbe(page, 'pointerdown', `Application=${app} `);
    await row.click();
    const ms = await probeResult(page);
    if (ms < 0) {
      await page.screenshot({ path: join(repo, 'test-results', 'bench-ui-failure.png') }).catch(() => {});
      throw new Error(`switching to ${app}.service never showed it (screenshot in test-results/bench-ui-failure.png)`);
    }
    out.push(ms);
  }
  return out;
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

async function main() {
  ensureBuilt();
  const host = await startHost();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = {};
  const notes = [];
  try {
    const two = join(repo, 'assets/pods/data/pods/run/3f6d2a1c-8b4e-4f1a-9c2d-5e7b8a9c0d1e');
    const colds = [];
    const editorsReady = [];
    for (let i = 0; i < 5; i++) {
      const { page, coldMs, editorsMs, errors } = await openPod(browser, host, two, '[Unit]');
      colds.push(coldMs);
      editorsReady.push(editorsMs);
      if (errors.length) notes.push(`console errors on the 2-app pod: ${errors.join('; ')}`);
      if (i < 4) await page.close();
      else {
        await settle(page);
        await cursorInString(page, '"/bin/rorf"');
        const t = await editLatency(page, 'ExecStart="/bin/rorf', runs);
        results['edit→visible p95, 2 apps (ms)'] = quantile(t, 0.95);
        notes.push(`edit→visible, 2 apps, in typing order (ms): ${t.map((x) => Math.round(x)).join(' ')}`);
        results['edit→visible median, 2 apps (ms)'] = median(t);
        results['  of which generation median, 2 apps (ms)'] = median(t.phases.generateMs);
        results['  of which request round trip median, 2 apps (ms)'] = median(t.phases.roundTripMs);
        results['  renderer share median, 2 apps (ms)'] = median(t.map((v, i) => v - t.phases.roundTripMs[i]));
        await page.close();
      }
    }
    results['cold start, 2 apps (ms)'] = median(colds);
    results['  editors ready, 2 apps (ms)'] = median(editorsReady);

    const bench = (n) => join(shared, 'conformance/bench', `${n}-apps`, 'input');
    if (existsSync(bench(100))) {
      const { page, coldMs } = await openPod(browser, host, bench(100), 'Application=app-0000');
      results['cold start, 100 apps (ms)'] = coldMs;
      await settle(page);
      await cursorInString(page, '"--id=0"');
      const t = await editLatency(page, 'ExecStart="/bin/server" "--listen=:8080" "--id=0', Math.min(runs, 30));
      results['edit→visible p95, 100 apps (ms)'] = quantile(t, 0.95);
      notes.push(`edit→visible, 100 apps, in typing order (ms): ${t.map((x) => Math.round(x)).join(' ')}`);
      results['edit→visible median, 100 apps (ms)'] = median(t);
      results['  of which generation median, 100 apps (ms)'] = median(t.phases.generateMs);
      results['  of which request round trip median, 100 apps (ms)'] = median(t.phases.roundTripMs);
      results['  renderer share median, 100 apps (ms)'] = median(t.map((v, i) => v - t.phases.roundTripMs[i]));
      await page.close();
    } else notes.push(`no 100-app pod at ${bench(100)}: skipped`);

    if (existsSync(bench(1000))) {
      const { page, coldMs } = await openPod(browser, host, bench(1000), 'Application=app-0000');
      results['cold start, 1000 apps (ms)'] = coldMs;
      await settle(page);
      results['JS heap, 1000 apps (MB)'] = await heapMB(page);
      const scroll = await treeScroll(page, 30);
      notes.push(`tree scroll, 1000 apps, in order (ms): ${scroll.map((x) => Math.round(x)).join(' ')}`);
      results['tree scroll p95, 1000 apps (ms)'] = quantile(scroll, 0.95);
      const sw = await fileSwitch(page, 20);
      results['file switch p95, 1000 apps (ms)'] = quantile(sw, 0.95);
      results['JS heap after switching, 1000 apps (MB)'] = await heapMB(page);
      await page.close();
    } else notes.push(`no 1000-app pod at ${bench(1000)}: skipped`);
  } finally {
    await browser.close();
    host.child.stdin.end();
  }

  let failed = 0;
  const rows = Object.entries(results).map(([name, value]) => {
    const budget = BUDGET[name];
    const ok = budget === undefined || value <= budget;
    if (!ok) failed++;
    return { name, value: Math.round(value * 10) / 10, budget: budget ?? null, ok };
  });
  if (asJson) console.log(JSON.stringify({ results: rows, notes }, null, 2));
  else {
    const w = Math.max(...rows.map((r) => r.name.length));
    for (const r of rows) log(`${r.name.padEnd(w)}  ${String(r.value).padStart(8)}${r.budget !== null ? `  (budget ${r.budget}) ${r.ok ? 'ok' : 'OVER'}` : ''}`);
    for (const n of notes) log(`note: ${n}`);
    log(`${rows.filter((r) => r.ok).length} passed, ${failed} failed`);
  }
  if (strict && failed > 0) process.exitCode = 1;
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
