// The shared corpus of Go verdicts: every case must be accepted or rejected as Go does, with
// Go's exact text, standard-library parts included (Go 1.19's encoding/json, time and net/url
// wording). Only the cases where Go panics have no text to match.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { decodeImageManifest, decodePodManifest } from './decode.js';

interface Case {
  id: string;
  kind: 'pod' | 'image';
  document: string;
  go: { ok: boolean; error?: string; panic?: boolean };
}

const cases: Case[] = JSON.parse(
  readFileSync(new URL('../../../shared/spec/conformance/appc-unmarshal-cases.json', import.meta.url), 'utf8'),
);

test('corpus has 230 cases', () => {
  assert.equal(cases.length, 230);
});

for (const c of cases) {
  test(`conformance ${c.id}`, () => {
    const result = c.kind === 'pod' ? decodePodManifest(c.document) : decodeImageManifest(c.document, 'web');
    assert.equal(result.ok, c.go.ok, result.ok ? 'accepted, Go rejects' : `rejected (${result.error}), Go accepts`);
    if (result.ok || c.go.panic) return;
    assert.equal(result.error, c.go.error);
    // the text names Go's types; where the fault is stays in the pointer
    if (result.error.startsWith('json: cannot unmarshal')) assert.equal(typeof result.pointer, 'string');
  });
}
