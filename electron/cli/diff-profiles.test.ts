// podunit diff-profiles on a recorded pod: what two releases generate differently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedDir, SHARED_MISSING } from '../test-support/shared-dir.js';
import { copyInput } from '../test-support/corpus.js';
import { diffProfilesCommand } from './diff-profiles.js';
import { UsageError } from './args.js';

const shared = sharedDir();

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await diffProfilesCommand(argv, { out: (t) => (out += t), err: () => {} });
  return { code, out };
}

test('two releases of the same pod: files and options that differ', { skip: shared ? false : SHARED_MISSING }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-diff-'));
  try {
    const root = path.join(tmp, 'pod');
    copyInput(path.join(shared!, 'conformance/legacy/v1.3.0/cases/single-app-minimal/input'), root, 'single-app-minimal');
    const host = ['--host-cgroups', 'memory,cpu'];
    const text = await run(root, 'rkt-v1.3.0', 'rkt-v1.11.0', ...host);
    assert.equal(text.code, 1);
    assert.match(text.out, /only rkt-v1\.11\.0 writes:\n {2}stage1\/rootfs\/usr\/lib\/sysusers\.d\n/);
    assert.match(text.out, /\[Service\] ExecStart\n {6}- "\/appexec" .* "--" "\/bin\/hello"\n {6}\+ "\/bin\/hello"/);
    assert.match(text.out, /entries: NUL-terminated -> newline-terminated/);

    const json = JSON.parse((await run(root, 'rkt-v1.3.0', 'rkt-v1.4.0', '--json', ...host)).out);
    assert.deepEqual([json.onlyInA, json.onlyInB, json.changed], [[], [], []]);
    assert.deepEqual(json.nspawn.added, ['--capability=']);

    assert.equal((await run(root, 'rkt-v1.30.0', 'rkt-tip', ...host)).code, 0);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('an unknown profile is a usage error', async () => {
  await assert.rejects(run('.', 'rkt-v9', 'rkt-tip'), UsageError);
  await assert.rejects(run('.', 'rkt-tip'), UsageError);
});
