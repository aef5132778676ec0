// "Why did this pod fail?" in the app: the doctor scenarios built by the fixtures builder,
// each opened in browser mode, with the right finding first in the Diagnostics view (and
// first in `podunit doctor` too); evidence links; the journal panel; a data dir's pod list.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, editorText, expect, REPO, region, screenshot, state } from './fixtures';

interface Built { name: string; first: string; root: string }

/** Every doctor scenario, built once per worker by the fixtures builder. */
function buildScenarios(): { dir: string; pods: Built[] } {
  const dir = mkdtempSync(join(tmpdir(), 'podunit-e2e-diag-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'electron/diagnostics/fixtures/make-samples.ts'), dir], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make-samples failed: ${r.stderr}`);
  const pods = r.stdout.trim().split('\n').map((line) => {
    const [name, first, root] = line.split('\t');
    return { name, first, root };
  });
  return { dir, pods };
}

const test = base.extend<{ pod(name: string): Built }, { scenarios: Built[] }>({
  scenarios: [async ({}, use) => {
    const built = buildScenarios();
    await use(built.pods);
    rmSync(built.dir, { recursive: true, force: true });
  }, { scope: 'worker' }],
  pod: async ({ scenarios }, use) => {
    await use((name) => {
      const found = scenarios.find((p) => p.name === name);
      if (!found) throw new Error(`no scenario ${name}`);
      return found;
    });
  },
});

async function showDiagnostics(page: Page) {
  await region(page, 'Problems').getByRole('tab', { name: /Diagnostics/ }).click();
  const findings = region(page, 'Problems').getByRole('list', { name: 'Findings' });
  await expect(findings).toBeVisible({ timeout: 30_000 });
  return findings;
}

test('the fixtures builder made every scenario', ({ scenarios }) => {
  expect(scenarios.map((p) => p.name).sort()).toEqual([
    'exec-bad-interpreter', 'exec-binary-missing', 'exit-nonzero', 'healthy', 'overlay-exited', 'prepare-failed',
    'profile-mismatch', 'seccomp-kill', 'unit-drift', 'user-unresolvable',
  ]);
});

for (const name of ['healthy', 'exec-binary-missing', 'exec-bad-interpreter', 'exit-nonzero', 'seccomp-kill', 'unit-drift', 'profile-mismatch', 'prepare-failed', 'overlay-exited', 'user-unresolvable']) {
  test(`${name}: the Diagnostics view and podunit doctor put the right finding first`, async ({ openApp, pod }) => {
    const p = pod(name);
    const cli = spawnSync(process.execPath, [join(REPO, 'bin/podunit'), 'doctor', p.root, '--json'], { cwd: REPO, encoding: 'utf8' });
    expect(JSON.parse(cli.stdout).findings[0].code).toBe(p.first);

    const page = await openApp(p.root);
    const findings = await showDiagnostics(page);
    await expect(findings.getByRole('listitem').first()).toHaveAttribute('data-code', p.first);
    await expect(findings.getByRole('listitem').first()).toContainText(p.first);
    if (name === 'exec-binary-missing') await screenshot(page, 'diagnostics');
  });
}

test('evidence: a unit line opens in the unit viewer at that line', async ({ openApp, pod }) => {
  const page = await openApp(pod('exec-binary-missing').root);
  const findings = await showDiagnostics(page);
  await findings.getByRole('button', { name: 'Open evidence hello.service:19' }).click();
  await expect(region(page, 'Unit viewer').locator('.pane-title')).toContainText('hello.service');
  await expect.poll(() => state<unknown>(page, '(s) => [s.selectedFile, s.lineReveal && s.lineReveal.lines]'))
    .toEqual(['stage1/rootfs/usr/lib/systemd/system/hello.service', [19]]);
  await expect(region(page, 'Unit viewer').locator('.view-line').filter({ hasText: 'ExecStart="/bin/hello"' })).toBeVisible();
});

test('evidence: a hand-edited unit opens as it is on disk; a binary as a description', async ({ openApp, pod }) => {
  let page = await openApp(pod('unit-drift').root);
  let findings = await showDiagnostics(page);
  await findings.getByRole('button', { name: 'Open evidence hello.service:15' }).click();
  const viewer = region(page, 'Unit viewer');
  await expect(viewer.getByText('on disk (evidence)')).toBeVisible();
  await expect(viewer.locator('.view-line').filter({ hasText: 'Environment=HELLO_CONFIG=/etc/hello-debug.conf' })).toBeVisible();

  page = await openApp(pod('exec-bad-interpreter').root);
  findings = await showDiagnostics(page);
  await findings.getByRole('button', { name: /Open evidence opt\/stage2\/hello\/rootfs\/bin\/hello/ }).click();
  await expect.poll(() => editorText(page, 'Unit viewer')).toMatch(/Binary file, \d+ bytes, mode 0755\./);
});

test('evidence: a journal entry opens the journal panel at that entry', async ({ openApp, pod }) => {
  const page = await openApp(pod('exit-nonzero').root);
  const findings = await showDiagnostics(page);
  await findings.getByRole('button', { name: /Open evidence journal/ }).first().click();
  const problems = region(page, 'Problems');
  await expect(problems.getByRole('tab', { name: 'Journal' })).toHaveAttribute('aria-selected', 'true');
  const entry = problems.getByRole('list', { name: 'Journal entries' }).locator('[aria-current="true"]');
  await expect(entry).toContainText('cannot open /etc/hello.conf: No such file or directory');
  await expect(entry).toBeInViewport();
});

test('journal panel: the non-zero-exit pod\'s lines, per app and priority', async ({ openApp, pod }) => {
  const page = await openApp(pod('exit-nonzero').root);
  const problems = region(page, 'Problems');
  await problems.getByRole('tab', { name: 'Journal' }).click();
  const entries = problems.getByRole('list', { name: 'Journal entries' });
  await expect(entries).toContainText('hello 2.3 starting');
  await expect(entries).toContainText('fatal: no configuration, exiting');
  await expect(entries).toContainText('Journal started');
  await problems.getByRole('combobox', { name: 'Journal app' }).selectOption('hello');
  await expect(entries).not.toContainText('Journal started');
  await expect(entries.getByRole('listitem')).toHaveCount(3);
  await problems.getByRole('combobox', { name: 'Journal priority' }).selectOption('3');
  await expect(entries.getByRole('listitem')).toHaveCount(2);
  await expect(entries).not.toContainText('hello 2.3 starting');
  // An exited pod writes nothing new: nothing to follow.
  await expect(problems.getByRole('checkbox', { name: 'Follow' })).toBeDisabled();
  await screenshot(page, 'journal');
});

test('diagnostics in the dark theme', async ({ openApp, pod }) => {
  const page = await openApp(pod('exit-nonzero').root);
  const findings = await showDiagnostics(page);
  await expect(findings.getByRole('listitem').first()).toHaveAttribute('data-code', 'exit-nonzero');
  await page.getByRole('button', { name: 'Use dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'diagnostics-dark');
});

test('journal panel: a pod without a journal says so', async ({ openApp, pod }) => {
  const page = await openApp(pod('exec-binary-missing').root);
  const problems = region(page, 'Problems');
  await problems.getByRole('tab', { name: 'Journal' }).click();
  await expect(problems.getByRole('status')).toContainText('the pod has no journal');
});

test.describe('a data dir', () => {
  const UUID = { exited: '11111111-1111-4111-8111-111111111111', running: '22222222-2222-4222-8222-222222222222', aborted: '33333333-3333-4333-8333-333333333333' };
  let data = '';
  let exited = '';
  let running = '';
  let holder: ChildProcess | null = null;

  test.beforeAll(async ({ scenarios }) => {
    data = mkdtempSync(join(tmpdir(), 'podunit-e2e-datadir-'));
    const from = (name: string) => scenarios.find((p) => p.name === name)!.root;
    const put = (src: string, stateDir: string, uuid: string) => {
      const to = join(data, 'pods', stateDir, uuid);
      mkdirSync(join(data, 'pods', stateDir), { recursive: true });
      cpSync(src, to, { recursive: true, verbatimSymlinks: true });
      return to;
    };
    exited = put(from('exit-nonzero'), 'run', UUID.exited);
    running = put(from('healthy'), 'run', UUID.running);
    put(from('prepare-failed'), 'prepare', UUID.aborted);
    // Held the way a running pod holds its directory.
    const child = spawn('flock', ['--exclusive', running, 'sh', '-c', 'echo locked; exec sleep 300'], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    holder = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => resolve());
      child.once('error', reject);
    });
  });
  test.afterAll(() => {
    if (holder?.pid) try { process.kill(-holder.pid, 'SIGKILL'); } catch { /* gone */ }
    if (data) rmSync(data, { recursive: true, force: true });
  });

  test('lists its pods by state with times and locks, and opens one', async ({ openApp, pod }) => {
    const page = await openApp(pod('healthy').root);
    await page.getByRole('button', { name: 'Open…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open pod' });
    await dialog.getByRole('textbox', { name: 'Pod path' }).fill(data);
    await dialog.getByRole('button', { name: 'List pods' }).click();
    await expect(dialog.getByRole('region', { name: 'Pods running' })).toContainText('22222222');
    await expect(dialog.getByRole('region', { name: 'Pods running' })).toContainText('locked');
    await expect(dialog.getByRole('region', { name: 'Pods exited' })).toContainText('11111111');
    await expect(dialog.getByRole('region', { name: 'Pods running' })).toContainText(/started \d{4}-/);
    await expect(dialog.getByRole('region', { name: 'Pods aborted prepare' })).toContainText('33333333');
    await screenshot(page, 'data-dir-pods');
    await dialog.getByRole('button', { name: `Open pod ${UUID.exited} (exited)` }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => state<string>(page, '(s) => s.summary && s.summary.root')).toBe(exited);
    const findings = await showDiagnostics(page);
    await expect(findings.getByRole('listitem').first()).toHaveAttribute('data-code', 'exit-nonzero');
  });

  test('a running pod\'s journal can be followed', async ({ openApp, pod }) => {
    const page = await openApp(running);
    const problems = region(page, 'Problems');
    const findings = await showDiagnostics(page);
    await expect(findings.getByRole('listitem').first()).toHaveAttribute('data-code', 'healthy');
    await problems.getByRole('tab', { name: 'Journal' }).click();
    const follow = problems.getByRole('checkbox', { name: 'Follow' });
    await expect(follow).toBeEnabled();
    await follow.check();
    await expect(follow).toBeChecked();
    await expect(problems.getByRole('list', { name: 'Journal entries' })).toContainText('hello, world');
    await follow.uncheck();
    await expect(follow).not.toBeChecked();
  });
});
