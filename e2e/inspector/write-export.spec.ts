import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, SAMPLE, region, screenshot, copyPod, gotoLineEnd, lineOf, shownFile } from './fixtures';
import { readTarGz } from './tar';

const UNIT = 'stage1/rootfs/usr/lib/systemd/system';
const podText = readFileSync(join(SAMPLE.twoApps, 'pod'), 'utf8');

test('write units: diff first, confirmation, backups of replaced files, a report', async ({ openApp }) => {
  const pod = copyPod(SAMPLE.twoApps);
  try {
    appendFileSync(join(pod.root, UNIT, 'rorf.service'), 'X-Hand-Edit=yes\n');
    const page = await openApp(pod.root);
    await gotoLineEnd(page, 'Manifest editor', lineOf(podText, '"/bin/rorf"'));
    await page.keyboard.insertText(', "--from-podunit"');
    await expect.poll(() => shownFile(page)).toContain('"--from-podunit"');

    await page.getByRole('button', { name: 'Write units' }).click();
    const dialog = page.getByRole('dialog', { name: 'Write units' });
    await expect(dialog).toContainText('1 to replace');
    const files = dialog.getByRole('list', { name: 'Files to write' });
    await files.getByRole('button', { name: /rorf\.service$/ }).click();
    await expect(dialog.locator('.mini-diff')).toContainText('--from-podunit');
    const confirm = dialog.getByRole('button', { name: /^Write \d+ files?$/ });
    await expect(confirm).toBeDisabled();
    await screenshot(page, 'write-preview');
    await dialog.getByLabel(/Replace (it|them), keeping backups/).check();
    await confirm.click();
    await expect(dialog).toContainText(/Wrote \d+ files?, kept 1 backups?/);
    await expect(dialog).toContainText('rorf.service.podunit-bak');
    await screenshot(page, 'write-report');

    const written = readFileSync(join(pod.root, UNIT, 'rorf.service'), 'utf8');
    expect(written).toContain('ExecStart="/bin/rorf" "--from-podunit"');
    expect(written).not.toContain('X-Hand-Edit');
    expect(readFileSync(join(pod.root, UNIT, 'rorf.service.podunit-bak'), 'utf8')).toContain('X-Hand-Edit=yes');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(region(page, 'Unit viewer')).toContainText('same as disk');
    // The backup is listed as one, not as a file the plan lacks.
    const tree = region(page, 'Pod tree');
    await expect(tree.getByRole('treeitem', { name: /^Backups/ })).toBeVisible();
    await expect(tree.locator('[data-node="backup:stage1/rootfs/usr/lib/systemd/system/rorf.service.podunit-bak"]')).toBeVisible();
    await expect(tree).not.toContainText('Only on disk');
  } finally {
    pod.cleanup();
  }
});

test('export a bundle as .tar.gz and as a directory, and read it back', async ({ openApp }) => {
  const out = mkdtempSync(join(tmpdir(), 'podunit-export-'));
  try {
    const page = await openApp(SAMPLE.twoApps);
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export bundle' });
    const archive = join(out, 'bundle.tar.gz');
    await dialog.getByLabel('Target path').fill(archive);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog).toContainText(/Exported \d+ files/);
    await screenshot(page, 'export');
    const files = readTarGz(readFileSync(archive));
    const service = files.find((f) => f.path.endsWith(`${UNIT}/rorf.service`));
    expect(service, 'the bundle holds the app unit').toBeTruthy();
    expect(service!.content.toString('utf8')).toContain('ExecStart="/bin/rorf"');
    expect(files.some((f) => f.path.endsWith('SHA256SUMS'))).toBe(true);

    await dialog.getByRole('radio', { name: 'Directory' }).check();
    const dir = join(out, 'bundle-dir');
    await dialog.getByLabel('Target path').fill(dir);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog).toContainText(/Exported \d+ files/);
    expect(existsSync(dir) && readdirSync(dir).length > 0).toBe(true);
    // Exporting again to the same archive needs "Replace".
    await dialog.getByRole('radio', { name: '.tar.gz archive' }).check();
    await dialog.getByLabel('Target path').fill(archive);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('already exists');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
