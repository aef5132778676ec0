// Whatever the input, the decoders return a result and never throw: random JSON, random text,
// and the spec examples with keys and values mutated.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';

import { decodeImageManifest, decodePodManifest } from './decode.js';
import type { DecodeResult } from './types.js';

function wellFormed(r: DecodeResult<unknown>): boolean {
  if (r.ok) return typeof r.value === 'object' && r.value !== null;
  return typeof r.error === 'string' && r.error.length > 0 && (r.pointer === null || typeof r.pointer === 'string');
}

function decodeBoth(text: string): void {
  let pod: DecodeResult<unknown>;
  let image: DecodeResult<unknown>;
  try {
    pod = decodePodManifest(text);
    image = decodeImageManifest(text, 'app');
  } catch (e) {
    assert.fail(`threw on ${JSON.stringify(text).slice(0, 200)}: ${String(e)}`);
  }
  assert.ok(wellFormed(pod), JSON.stringify(text).slice(0, 200));
  assert.ok(wellFormed(image), JSON.stringify(text).slice(0, 200));
  for (const r of [pod, image]) {
    if (!r.ok) assert.ok(!r.error.startsWith('internal error'), `${r.error} on ${JSON.stringify(text).slice(0, 200)}`);
  }
}

test('random JSON values', () => {
  fc.assert(fc.property(fc.json({ depthSize: 'medium' }), decodeBoth), { numRuns: 400 });
});

test('random text', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), decodeBoth), { numRuns: 400 });
});

const examplesDir = new URL('../../../shared/spec/examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, examplesDir), 'utf8')) as unknown);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (list of keys/indices) to a value inside `v`. */
function paths(v: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function parentOf(root: Json, path: Array<string | number>): Json {
  let at: Json = root;
  for (const step of path.slice(0, -1)) at = (at as Record<string, Json>)[step as string];
  return at;
}

const interesting = fc.oneof(
  fc.json().map((s) => JSON.parse(s) as Json),
  fc.constantFrom<Json>(null, '', 0, -1, 1.5, 80.0, 1e400 as number, '1K', '0.0.0', 'sha512-', 'A', '-a', 'x:y', [], {},
    'resource/cpu', 'os/linux/seccomp-remove-set', 'empty', 'host', '2014-02-30T00:00:00Z', 'http://%zz', '1.2.3',
    '\ud800', 'PodManifest', 'ImageManifest', true),
);

type Mutation =
  | { op: 'replace'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'rename'; at: number; upper: boolean }
  | { op: 'duplicate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: interesting }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(), upper: fc.boolean() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
);

/** Applies mutations; a duplicated key is written into the text, since objects cannot hold one. */
function mutate(example: Json, mutations: Mutation[]): string {
  const root = structuredClone(example);
  let duplicate: string | null = null;
  for (const m of mutations) {
    const all = paths(root).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const path = all[m.at % all.length];
    const parent = parentOf(root, path) as Record<string, Json> & Json[];
    const last = path[path.length - 1];
    if (m.op === 'replace') {
      parent[last as number] = m.value;
    } else if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last as string];
    } else if (m.op === 'rename' && typeof last === 'string') {
      const value = parent[last];
      delete parent[last];
      parent[m.upper ? last.toUpperCase() : last.replace(/s/g, '\u017f').replace(/k/g, '\u212a')] = value;
    } else if (m.op === 'duplicate' && typeof last === 'string') {
      duplicate = last;
    }
  }
  let text = JSON.stringify(root);
  if (duplicate !== null) {
    const key = JSON.stringify(duplicate);
    text = text.replace(`${key}:`, `${key}:null,${key}:`);
  }
  return text;
}

test('mutated spec examples', () => {
  assert.ok(examples.length >= 8);
  fc.assert(
    fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (pick, mutations) => {
      decodeBoth(mutate(examples[pick % examples.length] as Json, mutations));
    }),
    { numRuns: 600 },
  );
});

test('spec examples with random text edits', () => {
  const texts = examples.map((e) => JSON.stringify(e));
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 4 }), (pick, pos, cut, insert) => {
      const text = texts[pick % texts.length];
      const at = pos % (text.length + 1);
      decodeBoth(text.slice(0, at) + insert + text.slice(at + cut));
    }),
    { numRuns: 600 },
  );
});
