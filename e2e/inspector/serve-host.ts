// Starts the browser-mode host (real engine, real files) for the inspector tests and the UI
// benchmark. Prints one JSON line {"url": …} on stdout, then serves until stdin closes or
// the process is signalled. Usage: node --import tsx e2e/inspector/serve-host.ts [pod-root]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../../electron/host/server.js';
import { appEnv, findAppRoot } from '../../electron/ipc/app-env.js';
import { createRealEngine } from '../../electron/ipc/real-engine.js';

const appRoot = findAppRoot();
const configDir = mkdtempSync(join(tmpdir(), 'podunit-e2e-config-'));
const host = await startHost({
  // A private build can be served instead of dist/renderer (PODUNIT_RENDERER_DIST).
  distDir: process.env.PODUNIT_RENDERER_DIST ?? join(appRoot, 'dist', 'renderer'),
  env: appEnv({ appRoot, configDir, initialPod: process.argv[2] ?? null, engine: createRealEngine() }),
  watchDebounceMs: 100,
  log: (message, err) => process.stderr.write(`host: ${message} ${err ? String(err) : ''}\n`),
});
process.stdout.write(JSON.stringify({ url: host.url, origin: host.origin }) + '\n');

const stop = async () => {
  await host.close();
  rmSync(configDir, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
