import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, SAMPLE, region, screenshot, copyPod, editorText, gotoLineEnd, shownFile } from './fixtures';

const IMAGE = 'stage1/rootfs/opt/stage2/rorf/manifest';

test('a directory that is not a pod: a clear message, the open pod stays', async ({ openApp }) => {
  const empty = mkdtempSync(join(tmpdir(), 'podunit-not-a-pod-'));
  try {
    const page = await openApp(SAMPLE.twoApps);
    await page.getByRole('button', { name: 'Open…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open pod' });
    await dialog.getByLabel('Pod path').fill(empty);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(/not a pod/i);
    await screenshot(page, 'not-a-pod');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('contentinfo')).toContainText('3f6d2a1c-8b4e-4f1a-9c2d-5e7b8a9c0d1e');
    await expect.poll(() => editorText(page, 'Manifest editor')).toContain('PodManifest');
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('a binary file where an image manifest should be', async ({ openApp }) => {
  const pod = copyPod(SAMPLE.twoApps);
  try {
    writeFileSync(join(pod.root, IMAGE), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 0x00, 0x10, 0x80, 0x90]));
    const page = await openApp(pod.root);
    await expect(region(page, 'Problems')).toContainText(/image manifest/i);
    await region(page, 'Pod tree').getByRole('treeitem', { name: /^rorf\b/ }).first().click();
    await expect(region(page, 'Manifest editor')).toContainText('not a text file');
    await screenshot(page, 'binary-manifest');
  } finally {
    pod.cleanup();
  }
});

test('a 20 MB pod manifest is shown read-only without freezing the window', async ({ openApp }) => {
  const pod = copyPod(SAMPLE.twoApps);
  try {
    const manifest = JSON.parse(readFileSync(join(pod.root, 'pod'), 'utf8')) as { annotations?: { name: string; value: string }[] };
    manifest.annotations = [...(manifest.annotations ?? []), { name: 'example.com/padding', value: 'x'.repeat(20 * 1024 * 1024) }];
    writeFileSync(join(pod.root, 'pod'), JSON.stringify(manifest));
    const page = await openApp(pod.root);
    const editor = region(page, 'Manifest editor');
    await expect(editor).toContainText(/too large to show or edit here/);
    // The generator refuses it as well, and says so in the problems list.
    await expect(region(page, 'Problems')).toContainText(/larger than/);
    // Still responsive: switching files answers at once.
    // Nothing generated, so nothing is reported as "only on disk"; the window still answers.
    await expect(region(page, 'Pod tree')).not.toContainText('Only on disk');
    const t0 = Date.now();
    await region(page, 'Pod tree').getByRole('treeitem', { name: /^Manifests/ }).click();
    await expect(region(page, 'Pod tree').getByRole('treeitem', { name: /^Manifests/ })).toHaveAttribute('aria-expanded', 'false');
    expect(Date.now() - t0).toBeLessThan(5000);
    await screenshot(page, 'large-manifest');
  } finally {
    pod.cleanup();
  }
});

test('the pod root deleted while open: edits kept, a clear message', async ({ openApp }) => {
  const pod = copyPod(SAMPLE.twoApps);
  try {
    const page = await openApp(pod.root);
    await gotoLineEnd(page, 'Manifest editor', 2);
    await page.keyboard.type(' ');
    rmSync(pod.root, { recursive: true, force: true });
    await expect(page.getByRole('alert').filter({ hasText: 'no longer exists' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('tab', { name: /pod/ })).toContainText('●');
    await page.keyboard.type('  ');
    await expect.poll(() => editorText(page, 'Manifest editor')).toContain('"acVersion": "0.8.11",   ');
    await screenshot(page, 'pod-gone');
  } finally {
    pod.cleanup();
  }
});

test('a manifest changed on disk while open is reloaded', async ({ openApp }) => {
  const pod = copyPod(SAMPLE.twoApps);
  try {
    const page = await openApp(pod.root);
    const path = join(pod.root, 'pod');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"/bin/rorf"', '"/bin/rorf", "--changed-on-disk"'));
    await expect.poll(() => shownFile(page), { timeout: 20_000 }).toContain('"--changed-on-disk"');
    await expect.poll(() => editorText(page, 'Manifest editor')).toContain('--changed-on-disk');
  } finally {
    pod.cleanup();
  }
});
