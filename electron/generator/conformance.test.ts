// Every case of the conformance corpus, byte for byte, through the CLI's code path.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedDir, SHARED_MISSING } from '../test-support/shared-dir.js';
import { compareWithExpected, runCase, type Expected } from '../test-support/corpus.js';

const shared = sharedDir();
const casesDir = shared ? path.join(shared, 'conformance/cases') : '';
const names = shared ? fs.readdirSync(casesDir).filter((n) => fs.existsSync(path.join(casesDir, n, 'expected.json'))).sort() : [];

describe('conformance corpus (rkt tip)', { skip: shared ? false : SHARED_MISSING }, () => {
  it('has the whole corpus', () => assert.ok(names.length >= 136, `only ${names.length} cases found`));
  for (const name of names) {
    it(name, async () => {
      const dir = path.join(casesDir, name);
      const exp: Expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
      const run = await runCase(dir);
      try {
        const problems = compareWithExpected(exp, run.stdout, run.root);
        assert.deepEqual(problems, [], `${name}:\n${problems.join('\n')}\n${run.stderr}`);
        assert.equal(run.code, exp.error || exp.nspawnError ? 1 : 0, 'exit status');
      } finally {
        fs.rmSync(run.tmp, { recursive: true, force: true });
      }
    });
  }
});
