// Line provenance of every generated unit in the corpus points at the lines it describes:
// each option line has exactly one record, whose key is the option's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from './index.js';
import { readPodSnapshot } from '../pod/read.js';
import { copyInput } from '../test-support/corpus.js';
import { sharedDir, SHARED_MISSING } from '../test-support/shared-dir.js';
import type { Plan } from '../../shared/plan.js';

const shared = sharedDir();
const skip = shared ? false : SHARED_MISSING;
const UNIT = /\.(service|socket|target|mount|path|timer)$/;

function casesIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'input'))).map((n) => path.join(dir, n));
}

function planOf(caseDir: string, profile: string): Plan {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-lines-'));
  try {
    const root = path.join(tmp, 'pod');
    copyInput(path.join(caseDir, 'input'), root);
    return generate(readPodSnapshot(root, { uuid: '6b1a4c5e-2f0d-4a8b-9c3e-7d5f1e2a3b4c', host: { cgroupControllers: ['memory', 'cpu'] } }), profile);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * 1-based numbers of the lines that start an option: every line but blank ones and section
 * headers. Null when a line is not `Name=…` (a value spanning lines), where that cannot be told.
 */
function optionLines(content: string): number[] | null {
  const out: number[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l === '' || l.startsWith('[')) continue;
    if (!/^[A-Za-z][A-Za-z0-9]*=/.test(l)) return null;
    out.push(i + 1);
  }
  return out;
}

function checkUnits(label: string, plan: Plan): number {
  let checked = 0;
  for (const e of plan.entries) {
    if (e.kind !== 'file' || !UNIT.test(e.path) || e.content === undefined) continue;
    const lines = plan.provenance[e.path];
    assert.ok(lines, `${label} ${e.path}: has line provenance`);
    const text = e.content.split('\n');
    for (const l of lines) {
      assert.ok(text[l.line - 1]?.startsWith(`${l.key}=`), `${label} ${e.path}:${l.line} is ${JSON.stringify(text[l.line - 1])}, provenance says ${l.key}`);
      assert.ok(l.sources.length > 0, `${label} ${e.path}:${l.line} has sources`);
    }
    const expected = optionLines(e.content);
    if (expected) assert.deepEqual(lines.map((l) => l.line), expected, `${label} ${e.path}: one record per option line`);
    checked++;
  }
  return checked;
}

test('every unit line of the corpus has its provenance record (rkt tip)', { skip }, () => {
  let units = 0;
  for (const dir of casesIn(path.join(shared!, 'conformance/cases'))) units += checkUnits(path.basename(dir), planOf(dir, 'rkt-tip'));
  assert.ok(units > 500, `only ${units} units checked`);
});

test('the same holds for the older layout with a blank line after every section (rkt v0.7.0)', { skip }, () => {
  let units = 0;
  for (const dir of casesIn(path.join(shared!, 'conformance/legacy/v0.7.0/cases'))) units += checkUnits(path.basename(dir), planOf(dir, 'rkt-v0.7.0'));
  assert.ok(units > 10, `only ${units} units checked`);
});
