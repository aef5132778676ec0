#!/usr/bin/env node
// Builds podunit: the renderer (vite, renderer/vite.config.ts -> dist/renderer) and the main
// process (vite's bundler in SSR mode -> dist/electron: main.js, cli/main.js, and the sandboxed
// preload as one CommonJS file, preload.cjs). Type checking is `npm run typecheck`'s job.
//
//   node scripts/build.mjs              build everything
//   node scripts/build.mjs --if-needed  only when a source is newer than the last build
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');
const SOURCES = ['electron', 'shared', 'renderer', 'assets/icons', 'package.json', 'scripts/build.mjs'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function buildIsCurrent() {
  if (!existsSync(stamp) || !existsSync(join(dist, 'renderer', 'index.html')) || !existsSync(join(dist, 'electron', 'main.js'))) return false;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(root, s)) <= built);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies ?? {}),
];
const isExternal = (id) => external.includes(id) || external.some((e) => id.startsWith(`${e}/`));

async function buildRenderer(vite) {
  await vite.build({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

/** A Node-side bundle into dist/electron (never minified, so stack traces stay readable). */
function buildNode(vite, { sourcemap, rollupOptions }) {
  return vite.build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { ssr: true, outDir: join(dist, 'electron'), emptyOutDir: false, target: 'node20', sourcemap, minify: false, rollupOptions },
  });
}

async function buildMain(vite) {
  // ESM for main and the CLI (package.json says "type": "module").
  await buildNode(vite, {
    sourcemap: true,
    rollupOptions: {
      input: {
        main: join(root, 'electron', 'main.ts'),
        'cli/main': join(root, 'electron', 'cli', 'main.ts'),
        // Browser mode, loadable on its own by scripts/start.mjs.
        'cli/serve': join(root, 'electron', 'cli', 'serve.ts'),
      },
      external: isExternal,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  });
  // The sandboxed preload may require nothing but 'electron': one self-contained CommonJS file.
  await buildNode(vite, {
    sourcemap: false,
    rollupOptions: {
      input: { preload: join(root, 'electron', 'preload.ts') },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
    },
  });
}

export async function build({ ifNeeded = false, log = console.log } = {}) {
  if (ifNeeded && buildIsCurrent()) {
    log('podunit: build is up to date.');
    return;
  }
  const vite = await import('vite');
  mkdirSync(dist, { recursive: true });
  log('podunit: building the renderer…');
  await buildRenderer(vite);
  log('podunit: building the main process, preload and CLI…');
  // Two builds share dist/electron, so neither empties it: stale chunks are removed here.
  rmSync(join(dist, 'electron'), { recursive: true, force: true });
  await buildMain(vite);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  log('podunit: built into dist/.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build({ ifNeeded: process.argv.includes('--if-needed') }).catch((err) => {
    console.error(`podunit: build failed: ${err?.message ?? err}`);
    process.exit(1);
  });
}
