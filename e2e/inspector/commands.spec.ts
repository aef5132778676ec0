import { test, expect, SAMPLE, region, screenshot } from './fixtures';

test('command palette lists every action with its shortcut and runs it', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  const list = palette.getByRole('listbox', { name: 'Commands' });
  for (const title of ['Write units…', 'Export bundle…', 'Revert edits of this manifest', 'Copy unit', 'Open pod…', 'Toggle light / dark theme']) {
    await expect(list.getByRole('option', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
  }
  await expect(list.getByRole('option', { name: /Write units/ })).toContainText('Ctrl+S');
  await palette.getByRole('combobox', { name: 'Command' }).fill('theme toggle');
  await screenshot(page, 'command-palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'inspector-dark');
  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the theme follows the system', async ({ browser, host }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${host.url}&pod=${encodeURIComponent(SAMPLE.sixApps)}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(region(page, 'Unit viewer').locator('.monaco-editor.vs-dark')).toBeVisible();
  await page.waitForFunction(() => (window as unknown as { __podunit: { state(): { plan: unknown } } }).__podunit.state().plan);
  await screenshot(page, 'six-apps-dark');
  await context.close();
  expect(errors).toEqual([]);
});

test('keyboard: focus moves between regions, Write units opens with Ctrl+S and closes with Escape', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  await page.keyboard.press('Alt+1');
  await expect(region(page, 'Pod tree').getByRole('tree')).toBeFocused();
  await page.keyboard.press('Control+S');
  const dialog = page.getByRole('dialog', { name: 'Write units' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(region(page, 'Pod tree').getByRole('tree')).toBeFocused();
  await page.keyboard.press('Alt+Shift+C');
  await expect(page.getByRole('status').filter({ hasText: /Copied|Could not copy/ })).toBeVisible();
});
