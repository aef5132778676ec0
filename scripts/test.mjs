#!/usr/bin/env node
// `npm test`: type checks, unit and component tests (node:test through tsx), then the e2e
// suite; prints one closing line `N passed, N failed` over everything and fails if anything did.
// `node scripts/test.mjs unit` runs only the unit tests.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const TEST_DIRS = ['shared', 'electron', 'renderer'];

function testFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.test\.tsx?$/.test(e.name)) out.push(relative(root, p));
    }
  };
  for (const d of TEST_DIRS) if (existsSync(join(root, d))) walk(join(root, d));
  return out.sort();
}

/** Runs a command, echoing its output, and returns {code, text}. */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (b) => {
      text += b;
      process.stdout.write(b);
    });
    child.stderr.on('data', (b) => {
      text += b;
      process.stderr.write(b);
    });
    child.on('close', (code, signal) => resolve({ code: signal ? 1 : code ?? 1, text }));
  });
}

const totals = { passed: 0, failed: 0 };
const failures = [];

function count(label, text, code, parse) {
  const c = parse(text);
  if (!c) {
    totals.failed += 1;
    failures.push(`${label}: no test summary (exit ${code})`);
    return;
  }
  totals.passed += c.passed;
  totals.failed += c.failed;
  if (c.failed > 0 || code !== 0) failures.push(`${label}: ${c.failed} failed (exit ${code})`);
  if (code !== 0 && c.failed === 0) totals.failed += 1;
}

const nodeTestSummary = (text) => {
  const pass = [...text.matchAll(/^# pass (\d+)$/gm)].at(-1);
  const fail = [...text.matchAll(/^# fail (\d+)$/gm)].at(-1);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : null;
};
const plainSummary = (text) => {
  const m = [...text.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : null;
};

const tsc = join(root, 'node_modules/typescript/bin/tsc');
if (!only || only === 'typecheck') {
  for (const project of ['tsconfig.json', 'renderer/tsconfig.json', 'e2e/tsconfig.json']) {
    if (!existsSync(join(root, project))) continue;
    const r = await run(process.execPath, [tsc, '-p', project, '--noEmit']);
    if (r.code === 0) totals.passed += 1;
    else {
      totals.failed += 1;
      failures.push(`type check of ${project} failed`);
    }
  }
}
if (!only || only === 'unit') {
  const files = testFiles();
  const r = await run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=tap', ...files]);
  count('unit tests', r.text, r.code, nodeTestSummary);
}
if (!only || only === 'e2e') {
  const r = await run(process.execPath, [join(root, 'scripts/e2e.mjs')]);
  count('e2e tests', r.text, r.code, plainSummary);
}

for (const f of failures) console.log(`FAILED: ${f}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
