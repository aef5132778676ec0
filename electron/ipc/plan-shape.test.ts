import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channels } from '../../shared/ipc/contract.js';
import type { Plan } from '../../shared/plan.js';
import { createRealEngine } from './real-engine.js';
import { generateFor } from './generate.js';
import { generateAnswerProblem, provenanceAnswerProblem } from './plan-shape.js';
import { SAMPLES } from './test-support.js';

const engine = createRealEngine();
/** Real plans: each sample pod, a failed generation, another profile. */
const plans: Plan[] = [
  ...SAMPLES.map((s) => generateFor(engine, s.root, {})),
  generateFor(engine, SAMPLES[0].root, { manifests: { pod: '{"acKind": "PodManifest"}' } }),
  generateFor(engine, SAMPLES[0].root, { profile: 'rkt-v1.0.0' }),
];
const answer = (plan: Plan | null) => ({ seq: 3, superseded: false, plan, diagnostics: [] });
const clone = (plan: Plan): Plan => JSON.parse(JSON.stringify(plan)) as Plan;

test('the shape check accepts what the zod schema accepts: real plans, failed ones, none', () => {
  assert.ok(plans.some((p) => p.error !== null), 'one plan failed');
  for (const plan of [...plans, null]) {
    assert.equal(channels['plan.generate'].response.safeParse(answer(plan)).success, true);
    assert.equal(generateAnswerProblem(answer(plan)), null);
  }
});

test('the shape check refuses what the zod schema refuses', () => {
  const broken: Array<[string, (p: Plan & Record<string, unknown>) => void]> = [
    ['a path that is not a string', (p) => { (p.entries[0] as unknown as Record<string, unknown>).path = 1; }],
    ['an unknown entry kind', (p) => { (p.entries[0] as unknown as Record<string, unknown>).kind = 'fifo'; }],
    ['a missing field', (p) => { delete (p as Partial<Plan>).warnings; }],
    ['provenance lines that are not lines', (p) => { p.provenance[Object.keys(p.provenance)[0]] = [{ sources: [] } as never]; }],
    ['an error without a message', (p) => { p.error = { chain: [], panic: false } as never; }],
    ['nspawn arguments that are not strings', (p) => { p.nspawnArgs = [1 as never]; }],
  ];
  for (const [what, breakIt] of broken) {
    const plan = clone(plans[0]) as Plan & Record<string, unknown>;
    breakIt(plan);
    assert.equal(channels['plan.generate'].response.safeParse(answer(plan)).success, false, `zod: ${what}`);
    assert.notEqual(generateAnswerProblem(answer(plan)), null, what);
  }
  // Fields zod would strip are refused rather than sent.
  assert.match(generateAnswerProblem(answer({ ...clone(plans[0]), secret: 1 } as Plan)) ?? '', /shape of a Plan/);
  assert.match(generateAnswerProblem({ ...answer(null), extra: true }) ?? '', /unexpected fields: extra/);
  assert.match(generateAnswerProblem({ ...answer(null), diagnostics: [{ doc: { kind: 'x' } }] }) ?? '', /diagnostics/);
});

test('delta fields of an answer are checked like the schema checks them', () => {
  const good = { ...answer(plans[0]), sameEntries: [[0, 3], [5, 1]], sameContent: [3], sameProvenance: ['a.service'] };
  assert.equal(channels['plan.generate'].response.safeParse(good).success, true);
  assert.equal(generateAnswerProblem(good), null);
  for (const bad of [{ sameEntries: [[0, 0]] }, { sameEntries: [[-1, 2]] }, { sameEntries: [[1]] }, { sameContent: [1.5] }, { sameProvenance: [3] }]) {
    const value = { ...answer(plans[0]), ...bad };
    assert.equal(channels['plan.generate'].response.safeParse(value).success, false, JSON.stringify(bad));
    assert.notEqual(generateAnswerProblem(value), null, JSON.stringify(bad));
  }
});

test('plan.provenance answers are checked the same way', () => {
  const provenance = clone(plans[0]).provenance;
  assert.equal(provenanceAnswerProblem({ seq: 1, provenance }), null);
  assert.equal(channels['plan.provenance'].response.safeParse({ seq: 1, provenance }).success, true);
  assert.notEqual(provenanceAnswerProblem({ seq: 1, provenance: { a: 'x' } }), null);
  assert.notEqual(provenanceAnswerProblem({ seq: 1 }), null);
});
