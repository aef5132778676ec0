// npm run bench: plan (in memory) and plan+write (to a temp dir) for the benchmark pods,
// median of several runs, printed as a table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../generator/index.js';
import { readPodSnapshot } from '../pod/read.js';
import { applyPlan } from '../pod/apply.js';
import { copyInput } from '../test-support/corpus.js';
import { sharedDir, SHARED_MISSING } from '../test-support/shared-dir.js';

/** Measured runs per size: a large plan's time is bimodal (see the README), so its median needs many. */
const RUNS: Record<number, number> = { 1: 21, 10: 21, 100: 15, 1000: 21 };
/**
 * Unmeasured runs before the measured ones: V8 optimizes the generator over its first few plans
 * (the 1000-app pod's first ones take up to three times a steady plan), and the app keeps it
 * warm. The very first plan is printed on its own.
 */
const WARM_UP: Record<number, number> = { 1: 5, 10: 5, 100: 4, 1000: 4 };

/** Where the writes go: $PODUNIT_BENCH_TMP, else tmpfs when there is one (rkt's figures are on tmpfs), else the temp dir. */
function benchTempDir(): string {
  const chosen = process.env.PODUNIT_BENCH_TMP;
  if (chosen) return chosen;
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

const TEMP = benchTempDir();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function snapshotOf(root: string, spec: { uuid: string; runtimePod: unknown }) {
  const rc = path.join(path.dirname(root), 'runtime-pod.json');
  fs.writeFileSync(rc, JSON.stringify(spec.runtimePod));
  return readPodSnapshot(root, { uuid: spec.uuid, runtimeConfigFile: rc, host: { cgroupControllers: ['memory', 'cpu'] } });
}

function bench(benchDir: string, apps: number) {
  const dir = path.join(benchDir, `${apps}-apps`);
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8'));
  const runs = RUNS[apps] ?? 5;
  const warmUp = WARM_UP[apps] ?? 3;
  const base = fs.mkdtempSync(path.join(TEMP, `podunit-bench-${apps}-`));
  const copies: string[] = [];
  for (let i = 0; i < warmUp + runs; i++) {
    const root = path.join(base, `run${i}`, 'pod');
    copyInput(path.join(dir, 'input'), root);
    copies.push(root);
  }
  const plan: number[] = [];
  const total: number[] = [];
  let files = 0;
  let firstPlan = 0;
  // every run on a fresh copy of the pod
  for (let i = 0; i < warmUp + runs; i++) {
    const t0 = performance.now();
    const snapshot = snapshotOf(copies[i], spec);
    const p = generate(snapshot);
    const t1 = performance.now();
    if (p.error) throw new Error(`${apps}-apps: ${p.error.message}`);
    applyPlan(p, copies[i], { force: false });
    const t2 = performance.now();
    files = p.entries.length + (p.nspawnEntries?.length ?? 0);
    if (i === 0) firstPlan = t1 - t0;
    if (i >= warmUp) {
      plan.push(t1 - t0);
      total.push(t2 - t0);
    }
  }
  fs.rmSync(base, { recursive: true, force: true });
  return { apps, runs, warmUp, firstPlan, files, plan: median(plan), planBest: Math.min(...plan), total: median(total), totalBest: Math.min(...total), perApp: median(plan) / apps };
}

const shared = sharedDir();
if (!shared) {
  console.log(`bench skipped: ${SHARED_MISSING}`);
  process.exit(0);
}
const benchDir = path.join(shared, 'conformance/bench');
const sizes = (process.argv[2] ?? '1,10,100,1000').split(',').map(Number);
const rows = sizes.map((n) => bench(benchDir, n));
console.log(`podunit generator benchmark (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, writes to ${TEMP})`);
console.log('| apps | runs (+ warm-up) | entries | plan median (ms) | plan per app (ms) | plan+write median (ms) | plan best (ms) | plan+write best (ms) | first plan (ms) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.apps} | ${r.runs} (+${r.warmUp}) | ${r.files} | ${r.plan.toFixed(1)} | ${r.perApp.toFixed(3)} | ${r.total.toFixed(1)} | ${r.planBest.toFixed(1)} | ${r.totalBest.toFixed(1)} | ${r.firstPlan.toFixed(1)} |`);
}
