// The command line as a user meets it: output formats, exit statuses, and clear errors for
// bad input (naming the file and the field), with nothing written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { main } from './main.js';
import { copyInput } from '../test-support/corpus.js';
import { sharedDir, SHARED_MISSING } from '../test-support/shared-dir.js';

const shared = sharedDir();
const skip = shared ? false : SHARED_MISSING;
const UUID = '6b1a4c5e-2f0d-4a8b-9c3e-7d5f1e2a3b4c';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function pod(caseName: string): { root: string; done: () => void } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-cli-'));
  const root = path.join(tmp, UUID);
  copyInput(path.join(shared!, 'conformance/cases', caseName, 'input'), root, caseName);
  return { root, done: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

function tree(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      out.push(path.relative(root, p));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(root);
  return out.sort();
}

test('help for every command', async () => {
  for (const cmd of ['generate', 'validate']) {
    const r = await run(cmd, '--help');
    assert.equal(r.code, 0);
    assert.match(r.out, new RegExp(`Usage: podunit ${cmd}`));
  }
  const top = await run('--help');
  assert.match(top.out, /Commands:/);
  assert.equal((await run('frobnicate')).code, 2);
});

test('dry run prints files, links and the nspawn command line', { skip }, async () => {
  const p = pod('single-app-minimal');
  try {
    const before = tree(p.root);
    const r = await run('generate', p.root, '--host-cgroups', 'memory,cpu');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^---runtime-config---\n\{"MetadataServiceURL"/m);
    assert.match(r.out, /^---stage1\/rootfs\/usr\/lib\/systemd\/system\/hello\.service---\n\[Unit\]\n/m);
    assert.match(r.out, /^stage1\/rootfs\/usr\/lib\/systemd\/system\/default\.target\.wants\/hello\.service -> \.\.\/hello\.service$/m);
    assert.match(r.out, new RegExp(`^systemd-nspawn --uuid=${UUID} --machine=rkt-${UUID} --directory=stage1/rootfs`, 'm'));
    assert.deepEqual(tree(p.root), before, 'a dry run writes nothing');
  } finally {
    p.done();
  }
});

test('--json has the corpus shape plus warnings; the uuid defaults to the directory name', { skip }, async () => {
  const p = pod('port-socket-activated-tcp-no-host-port');
  try {
    const r = await run('generate', p.root, '--json', '--host-cgroups', 'memory,cpu');
    const j = JSON.parse(r.out);
    assert.deepEqual(Object.keys(j), ['error', 'errorStage', 'errorChain', 'panic', 'entries', 'stderr', 'nspawnArgs', 'nspawnError', 'nspawnErrorChain', 'nspawnEntries', 'nspawnStderr', 'warnings']);
    assert.equal(j.nspawnArgs[0], `--uuid=${UUID}`);
    assert.ok(j.warnings.some((w: string) => w.includes('no --port option')));
    const paths = j.entries.map((e: { path: string }) => e.path);
    assert.deepEqual(paths, [...paths].sort());
  } finally {
    p.done();
  }
});

test('bad usage exits 2 and says what is wrong', async () => {
  const cases: [string[], RegExp][] = [
    [['generate'], /exactly one <pod-root>/],
    [['generate', '/nonexistent/pod/root'], /pod root \/nonexistent\/pod\/root: no such directory/],
    [['generate', '.', '--profile', 'rkt-v9'], /unknown profile/],
    [['generate', '.', '--insecure-options', 'paths,nope'], /unknown option "nope"/],
    [['generate', '.', '--bogus'], /unknown option --bogus/],
    [['generate', '.', '--force'], /--force goes with --write/],
    [['validate', 'x.json'], /--kind pod or --kind image/],
    [['validate', '--kind', 'pod', '/nonexistent.json'], /\/nonexistent\.json: no such file/],
  ];
  for (const [argv, re] of cases) {
    const r = await run(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, re, argv.join(' '));
  }
});

test('a pod root that is a file, or has a broken runtime-config, is refused', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-cli-'));
  try {
    fs.writeFileSync(path.join(tmp, 'file'), 'x');
    const r = await run('generate', path.join(tmp, 'file'));
    assert.equal(r.code, 2);
    assert.match(r.err, /not a directory/);
    fs.mkdirSync(path.join(tmp, 'p'));
    fs.writeFileSync(path.join(tmp, 'p', 'runtime-config'), '{"Debug": "yes"}');
    const r2 = await run('generate', path.join(tmp, 'p'));
    assert.equal(r2.code, 2);
    assert.match(r2.err, /runtime-config: field Debug must be true or false/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('bad manifests fail with the file and the field, and --write writes nothing', { skip }, async () => {
  const p = pod('single-app-minimal');
  try {
    const before = tree(p.root);
    fs.writeFileSync(path.join(p.root, 'pod'), '{"acKind": "PodManifest", "apps": [{"name": "Bad_Name"}]}');
    const r = await run('generate', p.root, '--write');
    assert.equal(r.code, 1);
    assert.match(r.err, /failed unmarshalling pod manifest: ACName must contain only lower case/);
    assert.match(r.err, /field: pod manifest \/apps\/0\/name/);
    assert.deepEqual(tree(p.root), before);

    fs.writeFileSync(path.join(p.root, 'pod'), 'not json at all');
    const r2 = await run('generate', p.root, '--json');
    assert.equal(r2.code, 1);
    assert.equal(JSON.parse(r2.out).error, 'failed unmarshalling pod manifest');

    fs.writeFileSync(path.join(p.root, 'pod'), '{"acKind":"PodManifest","x":"' + 'a'.repeat(17 * 1024 * 1024) + '"}');
    const r3 = await run('generate', p.root, '--json');
    assert.equal(r3.code, 1);
    assert.deepEqual(JSON.parse(r3.out).errorChain, ['failed reading pod manifest', 'pod: manifest is larger than 16 MiB']);
    assert.deepEqual(tree(p.root), before);
  } finally {
    p.done();
  }
});

test('a symlink loop in the app rootfs is an error, not a hang', { skip }, async () => {
  const p = pod('exec-symlink-loop');
  try {
    const r = await run('generate', p.root, '--json');
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.out).errorChain.at(-1), 'EvalSymlinks: too many links');
  } finally {
    p.done();
  }
});

test('--write applies the plan; a hand edit needs --force and is kept as a backup', { skip }, async () => {
  const p = pod('single-app-minimal');
  try {
    const w = await run('generate', p.root, '--write', '--host-cgroups', 'memory,cpu');
    assert.equal(w.code, 0, w.err);
    assert.match(w.out, /wrote stage1\/rootfs\/usr\/lib\/systemd\/system\/hello\.service/);
    const unit = path.join(p.root, 'stage1/rootfs/usr/lib/systemd/system/hello.service');
    const generated = fs.readFileSync(unit, 'utf8');
    fs.writeFileSync(unit, generated.replace('Restart=no', 'Restart=always'));
    const again = await run('generate', p.root, '--write', '--as-prepared', '--host-cgroups', 'memory,cpu');
    assert.equal(again.code, 1);
    assert.match(again.err, /hello\.service/);
    assert.match(fs.readFileSync(unit, 'utf8'), /Restart=always/);
    const forced = await run('generate', p.root, '--write', '--force', '--as-prepared', '--host-cgroups', 'memory,cpu');
    assert.equal(forced.code, 0, forced.err);
    assert.equal(fs.readFileSync(unit, 'utf8'), generated);
    assert.match(fs.readFileSync(unit + '.podunit-bak', 'utf8'), /Restart=always/);
  } finally {
    p.done();
  }
});

test('validate prints Go\'s verdict', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-cli-'));
  try {
    const good = path.join(tmp, 'good.json');
    fs.writeFileSync(good, '{"acKind":"PodManifest","acVersion":"0.8.11"}');
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{"acKind":"PodManifest","volumes":[{"name":"v","kind":"host"}]}');
    const ok = await run('validate', '--kind', 'pod', '--json', good);
    assert.deepEqual([ok.code, JSON.parse(ok.out)], [0, { ok: true, error: null }]);
    const no = await run('validate', '--kind', 'pod', '--json', bad);
    assert.deepEqual([no.code, JSON.parse(no.out)], [1, { ok: false, error: 'source for host volume cannot be empty' }]);
    const text = await run('validate', '--kind', 'pod', bad);
    assert.match(text.out, /invalid pod manifest: source for host volume cannot be empty \(at \/volumes\/0/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('a named pipe where a file is read is an error, not a hang', { skip }, async () => {
  const p = pod('single-app-minimal');
  try {
    const unit = path.join(p.root, 'stage1/rootfs/usr/lib/systemd/system/halt.target');
    fs.rmSync(unit, { force: true });
    execFileSync('mkfifo', [unit]);
    const written = await run('generate', p.root, '--uuid', UUID, '--write');
    assert.equal(written.code, 1);
    assert.match(written.err, /halt\.target: invalid argument/);
    fs.rmSync(path.join(p.root, 'pod'));
    execFileSync('mkfifo', [path.join(p.root, 'pod')]);
    const generated = await run('generate', p.root, '--uuid', UUID, '--json');
    assert.equal(generated.code, 1);
    assert.equal(JSON.parse(generated.out).errorChain.at(-1), 'open pod: invalid argument');
    const validated = await run('validate', '--kind', 'pod', path.join(p.root, 'pod'));
    assert.equal(validated.code, 2);
    assert.match(validated.err, /not a regular file/);
  } finally {
    p.done();
  }
});

test('--write into a symlinked unit folder is refused with a message, not a crash', { skip }, async () => {
  const p = pod('single-app-minimal');
  try {
    const dir = path.join(p.root, 'stage1/rootfs/usr/lib/sysusers.d');
    const moved = path.join(p.root, 'sysusers-elsewhere');
    if (fs.existsSync(dir)) fs.renameSync(dir, moved);
    else fs.mkdirSync(moved);
    fs.symlinkSync('../../../../sysusers-elsewhere', dir);
    const before = tree(p.root);
    const r = await run('generate', p.root, '--uuid', UUID, '--write');
    assert.equal(r.code, 1);
    assert.match(r.err, /^podunit: refusing to write .*sysusers\.d is a symlink/m);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    assert.deepEqual(tree(p.root), before, 'nothing written');
  } finally {
    p.done();
  }
});
