// Every case recorded from an older rkt release, byte for byte, under that release's profile.
// legacy/v1.30.0 has the main corpus's format (a runtime-config); the others take stage1 flags.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedDir, SHARED_MISSING } from '../test-support/shared-dir.js';
import { compareWithExpected, runCase, type Expected } from '../test-support/corpus.js';

const shared = sharedDir();
const legacyDir = shared ? path.join(shared, 'conformance/legacy') : '';
const TAGS = ['v0.7.0', 'v0.16.0', 'v1.0.0', 'v1.3.0', 'v1.4.0', 'v1.5.0', 'v1.11.0', 'v1.30.0'];

function caseNames(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'expected.json'))).sort();
}

for (const tag of TAGS) {
  const casesDir = path.join(legacyDir, tag, 'cases');
  const names = shared ? caseNames(casesDir) : [];
  describe(`legacy corpus ${tag} (--profile rkt-${tag})`, { skip: shared ? false : SHARED_MISSING }, () => {
    it('has cases', () => assert.ok(names.length > 0, `no cases in ${casesDir}`));
    for (const name of names) {
      it(name, async () => {
        const dir = path.join(casesDir, name);
        const exp: Expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
        const run = await runCase(dir, ['--profile', `rkt-${tag}`], tag !== 'v1.30.0');
        try {
          const problems = compareWithExpected(exp, run.stdout, run.root);
          assert.deepEqual(problems, [], `${tag}/${name}:\n${problems.join('\n')}\n${run.stderr}`);
          assert.equal(run.code, exp.error || exp.nspawnError ? 1 : 0, 'exit status');
        } finally {
          fs.rmSync(run.tmp, { recursive: true, force: true });
        }
      });
    }
  });
}
