import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GenerationQueue, type GenerateRequest, type GenerateResponse } from './generationQueue';
import type { Envelope } from '../../../shared/ipc/envelope';
import { makePlan } from '../../test/fakeClient';

function deferredSender() {
  const sent: { req: GenerateRequest; resolve(v: Envelope<GenerateResponse>): void }[] = [];
  const send = (req: GenerateRequest) => new Promise<Envelope<GenerateResponse>>((resolve) => sent.push({ req, resolve }));
  const answer = (i: number, superseded = false) =>
    sent[i].resolve({ ok: true, value: { seq: sent[i].req.seq, superseded, plan: superseded ? null : makePlan({ x: String(sent[i].req.seq) }), diagnostics: [] } });
  return { sent, send, answer };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

test('one request at a time; a lane keeps only its newest waiting request', async () => {
  const s = deferredSender();
  const q = new GenerationQueue(s.send);
  const results: string[] = [];
  const job = (label: string) => ({ lane: 'live' as const, inputs: { profile: label }, onResult: () => results.push(label), onError: () => results.push('error') });
  q.submit(job('a'));
  q.submit(job('b'));
  q.submit(job('c'));
  assert.equal(s.sent.length, 1);
  s.answer(0);
  await tick();
  assert.equal(s.sent.length, 2);
  assert.equal(s.sent[1].req.profile, 'c');
  s.answer(1);
  await tick();
  assert.deepEqual(results, ['a', 'c']);
  assert.ok(s.sent[1].req.seq > s.sent[0].req.seq);
  await q.idle();
});

test('live goes before baseline and compare', async () => {
  const s = deferredSender();
  const q = new GenerationQueue(s.send);
  const noop = { onResult() {}, onError() {} };
  q.submit({ lane: 'compare', inputs: { profile: 'c' }, ...noop });
  q.submit({ lane: 'baseline', inputs: { profile: 'b' }, ...noop });
  q.submit({ lane: 'live', inputs: { profile: 'l' }, ...noop });
  s.answer(0);
  await tick();
  assert.equal(s.sent[1].req.profile, 'l');
  s.answer(1);
  await tick();
  assert.equal(s.sent[2].req.profile, 'b');
});

test('superseded answers are retried once, answers after reset are ignored', async () => {
  const s = deferredSender();
  const q = new GenerationQueue(s.send);
  let got = 0;
  q.submit({ lane: 'live', inputs: {}, onResult: () => got++, onError() {} });
  s.answer(0, true);
  await tick();
  assert.equal(s.sent.length, 2);
  q.reset();
  s.answer(1);
  await tick();
  assert.equal(got, 0);
});

test('errors reach the job', async () => {
  const q = new GenerationQueue(async () => ({ ok: false, error: { code: 'no-pod', message: 'no pod open' } }));
  const errors: string[] = [];
  q.submit({ lane: 'live', inputs: {}, onResult() {}, onError: (code, msg) => errors.push(`${code}: ${msg}`) });
  await q.idle();
  assert.deepEqual(errors, ['no-pod: no pod open']);
});
