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

test('what-if: the stage1 flavor and systemd version start from the pod and can be overridden and reset', async ({ openApp }) => {
  const page = await openApp(SAMPLE.twoApps);
  const flavor = page.getByRole('combobox', { name: 'Flavor' });
  const version = page.getByRole('textbox', { name: 'systemd version' });
  await expect(flavor.locator('option:checked')).toHaveText('coreos (pod)');
  await expect(version).toHaveAttribute('placeholder', 'v233 (pod)');
  await expect.poll(() => shownFile(page)).toContain('DevicePolicy=closed');
  await expect.poll(() => shownFile(page)).toContain('InaccessiblePaths=');

  // kvm runs apps in a VM: no device policy for them.
  await flavor.selectOption('kvm');
  await expect.poll(() => shownFile(page)).not.toContain('DevicePolicy=');
  await expect(region(page, 'Unit viewer')).not.toContainText('DevicePolicy=');
  // Before systemd 231, paths are hidden with the *Directories options.
  await version.fill('230');
  await expect.poll(() => shownFile(page)).toContain('InaccessibleDirectories=');
  await expect.poll(() => shownFile(page)).not.toContain('InaccessiblePaths=');

  await page.getByRole('button', { name: "Use the pod's flavor and systemd version" }).click();
  await expect(flavor.locator('option:checked')).toHaveText('coreos (pod)');
  await expect(version).toHaveValue('');
  await expect.poll(() => shownFile(page)).toContain('DevicePolicy=closed');
  await expect.poll(() => shownFile(page)).toContain('InaccessiblePaths=');
});
