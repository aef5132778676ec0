import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '../../../shared/ipc/envelope';
import { applyTextEdit } from '../../../shared/text-edit';
import type { GenerateRequest, GenerateResponse } from './generationQueue';
import { ManifestEditSender, MIN_EDITED_TEXT } from './manifestEdits';

/** A host that keeps the last text per manifest, as electron/ipc/manifest-texts.ts does. */
function fakeHost() {
  const held = new Map<string, string>();
  const seen: GenerateRequest[] = [];
  let failNext: string | null = null;
  const send = async (req: GenerateRequest): Promise<Envelope<GenerateResponse>> => {
    seen.push(req);
    if (failNext) {
      const code = failNext;
      failNext = null;
      return { ok: false, error: { code: code as never, message: code } };
    }
    const texts: Record<string, string> = {};
    if (req.manifests?.pod !== undefined) texts.pod = req.manifests.pod;
    for (const [app, t] of Object.entries(req.manifests?.images ?? {})) texts[`image:${app}`] = t;
    const edits: Record<string, NonNullable<GenerateRequest['manifestEdits']>['pod']> = {};
    if (req.manifestEdits?.pod) edits.pod = req.manifestEdits.pod;
    for (const [app, e] of Object.entries(req.manifestEdits?.images ?? {})) edits[`image:${app}`] = e;
    for (const [key, edit] of Object.entries(edits)) {
      const before = held.get(key);
      const text = before === undefined ? null : applyTextEdit(before, edit!);
      if (text === null) return { ok: false, error: { code: 'unknown-base', message: key } };
      texts[key] = text;
    }
    for (const [key, text] of Object.entries(texts)) held.set(key, text);
    return { ok: true, value: { seq: req.seq, superseded: false, plan: null, diagnostics: [] } };
  };
  return { held, seen, send, failWith: (code: string) => { failNext = code; } };
}

const big = (mark: string) => `{"acKind":"PodManifest","pad":"${'x'.repeat(MIN_EDITED_TEXT)}","mark":"${mark}"}`;

test('the first text goes whole, later ones as edits the host turns back into the same text', async () => {
  const host = fakeHost();
  const sender = new ManifestEditSender(host.send);
  await sender.generate({ seq: 1, manifests: { pod: big('a'), images: { web: big('w') } } });
  assert.equal(host.seen[0].manifestEdits, undefined);
  await sender.generate({ seq: 2, manifests: { pod: big('ab'), images: { web: big('w'), small: '{}' } } });
  const second = host.seen[1];
  assert.deepEqual(second.manifests, { images: { small: '{}' } });
  assert.deepEqual(second.manifestEdits?.pod, { at: big('a').length - 2, remove: 0, insert: 'b', length: big('ab').length });
  assert.equal(second.manifestEdits?.images?.web?.insert, '');
  assert.equal(host.held.get('pod'), big('ab'));
  assert.equal(host.held.get('image:web'), big('w'));
  assert.ok(JSON.stringify(second).length < 300);
});

test('when the host lacks the text it answers unknown-base and the request goes again whole', async () => {
  const host = fakeHost();
  const sender = new ManifestEditSender(host.send);
  await sender.generate({ seq: 1, manifests: { pod: big('a') } });
  host.held.clear();
  const result = await sender.generate({ seq: 2, manifests: { pod: big('ab') } });
  assert.ok(result.ok);
  assert.equal(host.seen.length, 3);
  assert.ok(host.seen[1].manifestEdits?.pod);
  assert.equal(host.seen[2].manifests?.pod, big('ab'));
  assert.equal(host.held.get('pod'), big('ab'));
});

test('after any failed request the next one goes whole; reset forgets what was sent', async () => {
  const host = fakeHost();
  const sender = new ManifestEditSender(host.send);
  await sender.generate({ seq: 1, manifests: { pod: big('a') } });
  host.failWith('io');
  const failed = await sender.generate({ seq: 2, manifests: { pod: big('ab') } });
  assert.equal(!failed.ok && failed.error.code, 'io');
  await sender.generate({ seq: 3, manifests: { pod: big('abc') } });
  assert.equal(host.seen[2].manifests?.pod, big('abc'));
  sender.reset();
  await sender.generate({ seq: 4, manifests: { pod: big('abcd') } });
  assert.equal(host.seen[3].manifests?.pod, big('abcd'));
  assert.equal(host.seen[3].manifestEdits, undefined);
});

test('when the whole-text retry after unknown-base fails too, the next request goes whole', async () => {
  const host = fakeHost();
  let calls = 0;
  // Call 2 (an edit) meets unknown-base; call 3, its whole-text retry, is lost on the way.
  const sender = new ManifestEditSender(async (req) => (++calls === 3 ? { ok: false, error: { code: 'io' as never, message: 'io' } } : host.send(req)));
  await sender.generate({ seq: 1, manifests: { pod: big('a') } });
  host.held.clear();
  const failed = await sender.generate({ seq: 2, manifests: { pod: big('ab') } });
  assert.equal(!failed.ok && failed.error.code, 'io');
  await sender.generate({ seq: 3, manifests: { pod: big('abc') } });
  const third = host.seen.filter((r) => r.seq === 3);
  assert.equal(third.length, 1, 'no edit against a text the host may not hold, so no second try');
  assert.equal(third[0].manifests?.pod, big('abc'));
  assert.equal(third[0].manifestEdits, undefined);
});
