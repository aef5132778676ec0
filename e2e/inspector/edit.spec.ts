import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, SAMPLE, region, screenshot, editorText, gotoLineEnd, lineOf, settled, state, expectSameRow } from './fixtures';

const podText = readFileSync(join(SAMPLE.twoApps, 'pod'), 'utf8');

test('editing a manifest regenerates the unit at once', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  await expect.poll(() => editorText(page, 'Unit viewer')).toContain('ExecStart="/bin/rorf"');
  await gotoLineEnd(page, 'Manifest editor', lineOf(podText, '"/bin/rorf"'));
  await page.keyboard.type(', "--verbose"');
  await expect.poll(() => editorText(page, 'Unit viewer')).toContain('ExecStart="/bin/rorf" "--verbose"');
  await expect(page.getByRole('tab', { name: /pod/ })).toContainText('●');
  await screenshot(page, 'live-edit');
  await page.keyboard.press('Alt+Shift+R');
  await expect.poll(() => editorText(page, 'Unit viewer')).not.toContain('--verbose');
});

test('a generator error is marked at the field that caused it', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  const userLine = lineOf(podText, '"user": "0"');
  await gotoLineEnd(page, 'Manifest editor', userLine);
  // Replace the value "0" by a name the image's /etc/passwd does not know.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('nobody-here');
  await settled(page);
  const problems = region(page, 'Problems');
  await expect(problems).toContainText('failed to configure user "nobody-here"');
  const editor = region(page, 'Manifest editor');
  const squiggle = editor.locator('.squiggly-error').first();
  await expect(squiggle).toBeVisible();
  const userRow = editor.locator('.view-line', { hasText: '"nobody-here"' });
  await expectSameRow(squiggle, userRow);
  // The marker covers the "user" member, not the start of the document.
  const a = await squiggle.boundingBox();
  const b = await userRow.boundingBox();
  expect(a && b && a.x > b.x + 20).toBe(true);
  await screenshot(page, 'generator-error');
});

test('invalid JSON typed or pasted keeps the last units and says they are stale', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  const shown = () => state<string>(page, '(s) => s.plan.entries.find((e) => e.path === s.selectedFile).content');
  const before = await shown();
  await gotoLineEnd(page, 'Manifest editor', 3);
  await page.keyboard.type(' ,,');
  await expect(region(page, 'Unit viewer')).toContainText('stale');
  await expect(region(page, 'Problems')).toContainText(/expected/i);
  expect(await shown()).toBe(before);
  await expect(page.getByRole('contentinfo')).toContainText('stale');
  // Paste a whole document that is not JSON at all.
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('this is not { json');
  await expect(region(page, 'Unit viewer')).toContainText('stale');
  expect(await shown()).toBe(before);
  await expect(region(page, 'Unit viewer')).toContainText('ExecStart');
  await screenshot(page, 'stale');
  await page.keyboard.press('Alt+Shift+R');
  await expect(region(page, 'Unit viewer')).not.toContainText('stale');
});
