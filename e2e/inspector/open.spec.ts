import { test, expect, SAMPLE, region, screenshot, editorText } from './fixtures';

test('opening a pod shows the pod manifest and the first app service unit', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  for (const name of ['Pod tree', 'Manifest editor', 'Unit viewer', 'Diff', 'Problems']) {
    await expect(region(page, name)).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Write units' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export bundle' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Profile' })).toBeVisible();
  await expect.poll(() => editorText(page, 'Manifest editor')).toContain('PodManifest');
  await expect.poll(() => editorText(page, 'Unit viewer')).toContain('[Unit]');
  await screenshot(page, 'inspector');
});

test('manifest editor: the appc schema validates, completes and explains fields', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  const editor = region(page, 'Manifest editor');
  await expect(async () => {
    await page.mouse.move(0, 0);
    await editor.locator('.view-line span span', { hasText: /^"acKind"$/ }).first().hover();
    await expect(page.locator('.monaco-hover').filter({ hasText: 'Document kind' })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  // A wrong kind is flagged with the Go decoder's wording.
  await editor.locator('.view-line span span', { hasText: /^"PodManifest"$/ }).first().dblclick();
  await page.keyboard.type('PodManifesto');
  await expect(region(page, 'Problems')).toContainText('missing or bad ACKind (must be "PodManifest")');
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();
});
