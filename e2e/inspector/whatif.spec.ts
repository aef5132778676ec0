import { test, expect, SAMPLE, region, editorText, screenshot, shownFile } from './fixtures';

test('what-if: disabling seccomp drops the filter; the profile combobox switches the generator', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  await expect.poll(() => shownFile(page)).toContain('SystemCallFilter=');
  await page.getByRole('group', { name: 'Insecure options' }).getByLabel('seccomp').check();
  await expect.poll(() => shownFile(page)).not.toContain('SystemCallFilter=');
  const diff = region(page, 'Diff');
  await expect(diff.getByLabel('Option set changes')).toContainText('SystemCallFilter: −accept −accept4');
  await screenshot(page, 'what-if');
  await page.getByRole('group', { name: 'Runtime options' }).getByLabel('interactive').check();
  await expect.poll(() => editorText(page, 'Unit viewer')).toContain('StandardInput=tty');
  const profile = page.getByRole('combobox', { name: 'Profile' });
  await profile.selectOption('rkt-v1.30.0');
  await expect(page.getByRole('contentinfo')).toContainText('profile rkt-v1.30.0');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => shownFile(page)).toContain('SystemCallFilter=');
});
