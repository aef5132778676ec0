import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, SAMPLE, region, screenshot, copyPod, gotoLineEnd, lineOf, editorText } from './fixtures';

const UNIT = 'stage1/rootfs/usr/lib/systemd/system';

test('diff generated vs on disk: the changed file is marked and compared', async ({ openApp }) => {
  const pod = copyPod(SAMPLE.twoApps);
  try {
    appendFileSync(join(pod.root, UNIT, 'rorf.service'), 'X-Hand-Edit=yes\n');
    const page = await openApp(pod.root);
    const tree = region(page, 'Pod tree');
    await expect(tree.locator(`[data-path="${UNIT}/rorf.service"] .state-mark`)).toHaveText('M');
    await expect(tree.locator(`[data-path="${UNIT}/rorf2.service"] .state-mark`)).toHaveCount(0);
    const diff = region(page, 'Diff');
    await expect(diff.getByLabel('Diff summary')).toContainText('1 changed');
    await expect(region(page, 'Unit viewer')).toContainText('differs from disk');
    // Monaco's diff marks the removed hand edit on the disk side.
    await expect(diff.locator('.line-delete, .char-delete').first()).toBeAttached();
    await expect(diff).toContainText('X-Hand-Edit=yes');
    await screenshot(page, 'diff-disk');
    await diff.getByRole('button', { name: 'Side by side' }).click();
    await expect(diff.getByRole('button', { name: 'Inline' })).toBeVisible();
  } finally {
    pod.cleanup();
  }
});

test('diff edited vs original, with long option lists compared as sets', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  const diff = region(page, 'Diff');
  await diff.getByRole('button', { name: 'Edited vs original' }).click();
  await expect(diff.getByLabel('Diff summary')).toContainText('no differences');
  // Add a capability remove set to the first app.
  const podText = readFileSync(join(SAMPLE.twoApps, 'pod'), 'utf8');
  await gotoLineEnd(page, 'Manifest editor', lineOf(podText, '"group": "0"'));
  await page.keyboard.insertText(' "isolators": [{ "name": "os/linux/capabilities-remove-set", "value": { "set": ["CAP_NET_RAW", "CAP_MKNOD"] } }],');
  await expect(diff.getByLabel('Diff summary')).toContainText('1 changed');
  const sets = diff.getByLabel('Option set changes');
  await expect(sets).toContainText('CapabilityBoundingSet: −CAP_MKNOD −CAP_NET_RAW');
  await screenshot(page, 'diff-original');
});

test('diff one profile against another', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  const podText = readFileSync(join(SAMPLE.twoApps, 'pod'), 'utf8');
  await gotoLineEnd(page, 'Manifest editor', lineOf(podText, '"/bin/rorf"'));
  await page.keyboard.insertText(', "--rate=50%"');
  await expect.poll(() => editorText(page, 'Unit viewer')).toContain('"--rate=50%%"');
  const diff = region(page, 'Diff');
  await diff.getByRole('button', { name: 'Profiles' }).click();
  await expect(diff.getByRole('combobox', { name: 'Compare with profile' })).toHaveValue('rkt-v1.30.0');
  await expect(diff.getByLabel('Diff summary')).toContainText('1 changed');
  await expect(diff).toContainText('"--rate=50%"');
  await screenshot(page, 'diff-profiles');
});
