// The shared corpus of Go verdicts: every case must be accepted or rejected as Go does, with
// Go's text (except standard-library type/syntax errors and time/url details, see spec §13).

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

const STDLIB_TEXT = /^(json:|invalid character|unexpected end)/;

/** Drops the standard-library part after `bad Date: ` / `bad URL: `. */
function comparable(error: string): string {
  return error.replace(/^(bad (?:Date|URL): )[\s\S]*$/, '$1');
}

test('corpus has 230 cases', () => {
  assert.equal(cases.length, 230);
});

for (const c of cases) {
  test(`conformance ${c.id}`, () => {
    const result = c.kind === 'pod' ? decodePodManifest(c.document) : decodeImageManifest(c.document, 'web');
    assert.equal(result.ok, c.go.ok, result.ok ? 'accepted, Go rejects' : `rejected (${result.error}), Go accepts`);
    if (result.ok || c.go.panic) return;
    assert.ok(result.error.length > 0);
    const goError = c.go.error ?? '';
    if (!STDLIB_TEXT.test(goError)) assert.equal(comparable(result.error), comparable(goError));
  });
}
