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

test('manifest editor: the pod manifest folds by its objects and arrays', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  const editor = region(page, 'Manifest editor');
  await expect.poll(() => editorText(page, 'Manifest editor')).toContain('"name": "rorf"');
  // Line 4 opens the "apps" array. Its folding control shares the margin row of its line
  // number; the regions come from the worker shortly after the manifest is shown.
  const row = editor.locator('.margin-view-overlays > div', { has: page.locator('.line-numbers', { hasText: /^4$/ }) });
  await row.locator('.codicon-folding-expanded').click({ force: true });
  await expect.poll(() => editorText(page, 'Manifest editor')).not.toContain('"name": "rorf"');
  await expect(editor.locator('.codicon-folding-collapsed')).toHaveCount(1);
});

test('once the page is idle, the editing warm-up runs off screen and leaves nothing behind', async ({ page, openApp }) => {
  // Off-screen hosts appear and go as direct children of the body; record each one seen.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __offScreenSeen: string[] }).__offScreenSeen = seen;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n instanceof HTMLElement && n.parentElement === document.body && n.getAttribute('aria-hidden') === 'true' && n.inert) seen.push(n.className || 'host');
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await openApp(SAMPLE.twoApps);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __offScreenSeen: string[] }).__offScreenSeen.length), { timeout: 15_000 }).toBe(2);
  await expect.poll(() => page.evaluate(() => [...document.body.children].filter((e) => e.getAttribute('aria-hidden') === 'true' && (e as HTMLElement).inert).length)).toBe(0);
  // The editors the page shows are the only ones left: manifest, unit, and the diff's two sides.
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('.monaco-editor:not(.gutter)').length)).toBe(4);
  await expect.poll(() => editorText(page, 'Manifest editor')).toContain('"name": "rorf"');
});
