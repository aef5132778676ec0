#!/usr/bin/env node
// `npm run test:e2e`: builds if needed, then runs Playwright (playwright.config.ts). The last
// line printed is always `N passed, N failed`. Extra arguments go to `playwright test`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.PODUNIT_CHROMIUM ?? '/usr/bin/chromium';

async function main() {
  if (!existsSync(chromium)) {
    console.error(`podunit e2e: ${chromium} not found. The browser-mode tests use Debian's Chromium: apt-get install chromium (or set PODUNIT_CHROMIUM).`);
    return 1;
  }
  const { build } = await import('./build.mjs');
  await build({ ifNeeded: true });
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  return new Promise((resolveExit) => {
    const child = spawn(process.execPath, [cli, 'test', '-c', join(root, 'playwright.config.ts'), ...process.argv.slice(2)], {
      cwd: root,
      stdio: ['inherit', 'pipe', 'inherit'],
      env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-400);
    });
    child.on('exit', (code, signal) => {
      const status = signal ? 1 : code ?? 1;
      // Playwright stopped before its reporters ran (bad arguments, config error): say so in the form CI reads.
      if (!/\d+ passed, \d+ failed\n?$/.test(tail)) console.log(status === 0 ? '0 passed, 0 failed' : '0 passed, 1 failed');
      resolveExit(status);
    });
  });
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.error(`podunit e2e: ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
