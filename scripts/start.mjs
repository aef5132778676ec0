#!/usr/bin/env node
// `npm start [-- pod-root]`: builds if needed, then opens the desktop app on the pod root (or
// the embedded sample pod). Where no Electron binary is installed, or there is no display,
// it says why and starts browser mode instead.
//
//   node scripts/start.mjs [pod-root] [--browser] [--port N] [--host ADDR]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the Electron binary is, found the way the `electron` package finds it (path.txt and
 * ELECTRON_OVERRIDE_DIST_PATH), without its fallback of downloading one.
 * Returns { path } or { missing: reason }.
 */
export function findElectronBinary(env = process.env) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron');
    return existsSync(p) ? { path: p } : { missing: `ELECTRON_OVERRIDE_DIST_PATH names ${p}, which does not exist` };
  }
  if (!existsSync(pkgDir)) return { missing: 'the electron package is not installed (node_modules/electron)' };
  if (!name) return { missing: 'node_modules/electron/path.txt does not exist: the Electron binary was never downloaded' };
  const p = join(pkgDir, 'dist', name);
  return existsSync(p) ? { path: p } : { missing: `${p} does not exist: the Electron binary was never downloaded` };
}

function parse(argv) {
  const out = { podRoot: null, browser: false, serveArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--browser') out.browser = true;
    else if (a === '--port' || a === '--host') out.serveArgs.push(a, argv[++i] ?? '');
    else if (a.startsWith('--port=') || a.startsWith('--host=')) out.serveArgs.push(a);
    else if (a === '--help' || a === '-h') out.help = true;
    else if (!a.startsWith('-') && out.podRoot === null) out.podRoot = resolve(a);
    else throw new Error(`unexpected argument ${a}`);
  }
  return out;
}

const HELP = `Usage: npm start [-- pod-root] [--browser] [--port N] [--host ADDR]

Builds podunit if needed and opens the desktop app on pod-root (default: the embedded
sample pod). --browser, or a machine without an Electron binary or a display, starts browser
mode instead (podunit serve) and prints the URL to open.
`;

async function startBrowserMode(podRoot, serveArgs) {
  const { serveCommand } = await import(pathToFileURL(join(root, 'dist', 'electron', 'cli', 'serve.js')).href);
  return serveCommand([...(podRoot ? [podRoot] : []), ...serveArgs]);
}

function startElectron(binary, podRoot) {
  return new Promise((resolveExit) => {
    const child = spawn(binary, [join(root, 'dist', 'electron', 'main.js'), ...(podRoot ? [podRoot] : [])], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolveExit(signal ? 1 : code ?? 0));
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  });
}

async function main() {
  let opts;
  try {
    opts = parse(process.argv.slice(2));
  } catch (err) {
    console.error(`podunit: ${err.message}\n\n${HELP}`);
    return 2;
  }
  if (opts.help) {
    console.log(HELP);
    return 0;
  }
  const { build } = await import('./build.mjs');
  await build({ ifNeeded: true });

  if (opts.browser) return startBrowserMode(opts.podRoot, opts.serveArgs);
  const electron = findElectronBinary();
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (electron.missing || headless) {
    const why = electron.missing
      ? `No Electron binary is installed here (${electron.missing}). The electron package downloads it when installed; on an offline machine that download fails, so the desktop app cannot start.`
      : 'There is no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop window cannot open.';
    console.log(`\npodunit: ${why} Starting browser mode instead: the same interface, served to a browser on this machine from a loopback address with a one-time token. Open the URL printed below. To get the desktop app, install Electron on a machine with network access (\`npm install\`, or \`npx install-electron\`) and run \`npm start\` again; \`npm start -- --browser\` always picks browser mode.\n`);
    return startBrowserMode(opts.podRoot, opts.serveArgs);
  }
  return startElectron(electron.path, opts.podRoot);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().then((code) => { process.exitCode = code; }, (err) => {
    console.error(`podunit: ${err?.stack ?? err}`);
    process.exitCode = 1;
  });
}
