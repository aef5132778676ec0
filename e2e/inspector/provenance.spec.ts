import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, SAMPLE, region, screenshot, gotoLineEnd, lineOf, expectSameRow } from './fixtures';

const podText = readFileSync(join(SAMPLE.twoApps, 'pod'), 'utf8');

test('hovering a unit line shows its provenance; Reveal highlights the field in the manifest', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  const unit = region(page, 'Unit viewer');
  const execLine = unit.locator('.view-line', { hasText: 'ExecStart=' });
  const hover = page.locator('.monaco-hover:visible', { hasText: 'Came from' });
  // Monaco shows a hover once the mouse rests on text; on a busy machine, rest again.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await execLine.hover({ position: { x: 20, y: 6 } });
    await expect(hover).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await expect(hover).toContainText('ExecStart=');
  await expect(hover).toContainText('pod manifest /apps/0/app/exec/0');
  await screenshot(page, 'provenance-hover');
  await hover.getByRole('link', { name: 'Reveal' }).first().click();
  const manifest = region(page, 'Manifest editor');
  const flash = manifest.locator('.reveal-flash').first();
  await expect(flash).toBeVisible();
  await expectSameRow(flash, manifest.locator('.view-line', { hasText: '"/bin/rorf"' }));
  await screenshot(page, 'reveal-source');
});

test('Ctrl+click on a unit line reveals its source; the cursor line highlights it in place', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  const unit = region(page, 'Unit viewer');
  await unit.locator('.view-line', { hasText: 'User=0' }).click({ position: { x: 20, y: 6 }, modifiers: ['Control'] });
  const manifest = region(page, 'Manifest editor');
  await expect(manifest.locator('.reveal-flash').first()).toBeVisible();
  await expect(manifest.locator('.source-highlight').first()).toBeVisible();
  await expectSameRow(manifest.locator('.source-highlight').first(), manifest.locator('.view-line', { hasText: '"user"' }).first());
});

test('from a manifest field to the unit lines it produced', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  await gotoLineEnd(page, 'Manifest editor', lineOf(podText, '"/bin/rorf"'));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+F12');
  const produced = page.getByRole('group', { name: 'Produced lines' });
  await expect(produced).toContainText('/apps/0/app/exec/0');
  await expect(produced).toContainText('rorf.service:19');
  await expect(produced).toContainText('reaper-rorf.service');
  // The unit viewer marks the lines of the field under the cursor.
  await expect(region(page, 'Unit viewer').locator('.produced-line').first()).toBeVisible();
  await produced.getByRole('button', { name: /reaper-rorf\.service/ }).first().click();
  await expect(region(page, 'Unit viewer')).toContainText('reaper-rorf.service');
  await expect(region(page, 'Unit viewer')).toContainText('/reaper.sh');
  await screenshot(page, 'produced-lines');
});
