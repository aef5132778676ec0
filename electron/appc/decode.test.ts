import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { decodeImageManifest, decodePodManifest } from './decode.js';
import { sharedDir } from '../test-support/shared-dir.js';
import type { DecodeResult, ImageManifest, PodManifest, Src } from './types.js';

const ID = 'sha512-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const APP = '{"exec":["/bin/web"],"user":"0","group":"0"}';

function pod(text: string): PodManifest {
  const r = decodePodManifest(text);
  if (!r.ok) assert.fail(`${r.error} @${r.pointer}`);
  return r.value;
}

function image(text: string, app?: string): ImageManifest {
  const r = decodeImageManifest(text, app);
  if (!r.ok) assert.fail(`${r.error} @${r.pointer}`);
  return r.value;
}

function failure<T>(r: DecodeResult<T>): { error: string; pointer: string | null } {
  if (r.ok) assert.fail('expected a failure');
  return { error: r.error, pointer: r.pointer };
}

const podWith = (members: string): string => `{"acKind":"PodManifest","acVersion":"1.30.0"${members ? ',' + members : ''}}`;
const imageWith = (members: string): string =>
  `{"acKind":"ImageManifest","acVersion":"0.8.11","name":"example.com/web"${members ? ',' + members : ''}}`;
const appWith = (members: string): string => imageWith(`"app":{"exec":["/x"],"user":"0","group":"0",${members}}`);

const examples = new URL('../../../shared/spec/examples/', import.meta.url);

test('the spec examples decode', () => {
  for (const file of readdirSync(examples).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(new URL(file, examples), 'utf8');
    const r = file.startsWith('pod') ? decodePodManifest(text) : decodeImageManifest(text, 'x');
    assert.equal(r.ok, true, `${file}: ${r.ok ? '' : r.error}`);
  }
});

test('src: pointers, key spellings and the document each object came from', () => {
  const p = pod(readFileSync(new URL('pod-web.json', examples), 'utf8'));
  const plain = (src: Src) => ({ doc: src.doc, ptr: src.ptr, keys: src.keys });
  assert.deepEqual(plain(p.src), {
    doc: { kind: 'pod' }, ptr: '',
    keys: { acVersion: 'acVersion', acKind: 'acKind', apps: 'apps', volumes: 'volumes', isolators: 'isolators',
      annotations: 'annotations', ports: 'ports', userAnnotations: 'userAnnotations', userLabels: 'userLabels' },
  });
  assert.equal(p.apps[1].src.ptr, '/apps/1');
  assert.equal(p.apps[1].app!.src.ptr, '/apps/1/app');
  assert.equal(p.apps[0].image!.labels[2].src.ptr, '/apps/0/image/labels/2');
  assert.equal(p.volumes[2].src.ptr, '/volumes/2');
  assert.equal(p.ports[0].src.ptr, '/ports/0');

  const img = image(readFileSync(new URL('image-queue-worker.json', examples), 'utf8'), 'worker');
  assert.deepEqual(img.src.doc, { kind: 'image', app: 'worker' });
  assert.deepEqual(plain(img.app!.isolators[0].src), {
    doc: { kind: 'image', app: 'worker' }, ptr: '/app/isolators/0', keys: { name: 'name', value: 'value' },
  });
  assert.deepEqual(image(imageWith('')).src.doc, { kind: 'image', app: '' });
});

test('keys match case-insensitively (Go folding) and src records the spelling used', () => {
  const p = pod(`{"ACKIND":"PodManifest","acversion":"1.0.0","Apps":[{"NAME":"web","App":${APP}}],"ac\u212Aind":"PodManifest"}`);
  assert.equal(p.acVersion, '1.0.0');
  assert.equal(p.src.keys.acKind, 'ac\u212Aind');
  assert.equal(p.src.keys.apps, 'Apps');
  assert.equal(p.apps[0].src.keys.name, 'NAME');
  assert.equal(p.apps[0].name, 'web');
  const img = image(appWith('"supplementaryGids":[400,500],"i\u017Folators":[{"name":"os/linux/no-new-privileges","value":true}]'));
  assert.deepEqual(img.app!.supplementaryGIDs, [400n, 500n]);
  // Go's int64: no precision lost above 2^53.
  assert.deepEqual(image(appWith('"supplementaryGIDs":[9007199254740993]')).app!.supplementaryGIDs, [9007199254740993n]);
  assert.equal(img.app!.src.keys.supplementaryGIDs, 'supplementaryGids');
  assert.equal(img.app!.isolators.length, 1);
  assert.equal(img.app!.src.keys.isolators, 'i\u017Folators');
  // user maps keep their keys exactly
  assert.deepEqual(image(appWith('"userLabels":{"Key":"v","KEY":"w"}')).app!.userLabels, { Key: 'v', KEY: 'w' });
});

test('repeated keys: every occurrence is decoded and checked, the last one wins', () => {
  assert.equal(failure(decodePodManifest('{"acKind":"Bad","acKind":"PodManifest"}')).error, 'bad ACKind: Bad');
  assert.equal(pod('{"acKind":"PodManifest","acVersion":"1.0.0","acVersion":"2.0.0"}').acVersion, '2.0.0');
  // null does not reset a plain value
  const p = pod(podWith(`"apps":[{"name":"a","readOnlyRootFS":true,"readOnlyRootFS":null,"app":${APP}}]`));
  assert.equal(p.apps[0].readOnlyRootFS, true);
});

test('a repeated "app" decodes into the App already there', () => {
  const img = image(imageWith('"app":{"user":"u","group":"g"},"app":{"exec":["/bin/x"]}'));
  assert.deepEqual([img.app!.user, img.app!.group, img.app!.exec], ['u', 'g', ['/bin/x']]);
  assert.equal(image(imageWith(`"app":${APP},"app":null`)).app, null);
});

test('slices are decoded into what they held, as Go reuses their backing array', () => {
  const p = pod(podWith(`"apps":[{"name":"a","app":${APP},` +
    '"mounts":[{"volume":"a","path":"/a"},{"volume":"b","path":"/b"}],"mounts":[{"volume":"c"}]}]'));
  assert.deepEqual(p.apps[0].mounts.map((m) => [m.volume, m.path]), [['c', '/a']]);
  const img = image(imageWith('"pathWhitelist":["a","b"],"pathWhitelist":["c"],"pathWhitelist":["d",null]'));
  assert.deepEqual(img.pathWhitelist, ['d', 'b']);
  assert.deepEqual(image(imageWith('"pathWhitelist":["a","b"],"pathWhitelist":[],"pathWhitelist":["d",null]')).pathWhitelist, ['d', '']);
});

test('defaults and absent-versus-null', () => {
  const p = pod(podWith(`"apps":[{"name":"a","app":${APP}}],"volumes":[{"name":"e","kind":"empty"},` +
    '{"name":"h","kind":"host","source":"/x","mode":null}],"ports":[{"name":"p","hostPort":8080}]'));
  assert.deepEqual([p.volumes[0].mode, p.volumes[0].uid, p.volumes[0].gid], ['0755', 0, 0]);
  assert.deepEqual([p.volumes[1].mode, p.volumes[1].readOnly, p.volumes[1].recursive], [null, null, null]);
  assert.equal(p.apps[0].image, null);
  assert.deepEqual([p.apps[0].mounts, p.apps[0].annotations, p.isolators], [[], [], []]);
  assert.deepEqual(p.apps[0].app!.environment, []);
  assert.deepEqual(p.ports[0].hostIP, '');
  assert.equal(p.ports[0].podPort, null);
  const img = image(appWith('"ports":[{"name":"p","port":80}],"environment":[{"name":"A","value":null}]'));
  assert.equal(img.app!.ports[0].count, 1);
  assert.equal(img.app!.environment[0].value, '');
  assert.equal(image(imageWith('')).app, null);
  assert.equal(image(appWith('"exec":[]')).app!.exec!.length, 0);
  assert.equal(image(imageWith(`"app":{"user":"0","group":"0"}`)).app!.exec, null);
  // absent acVersion is fine for pods, absent name for RuntimeApps
  assert.equal(pod('{"acKind":"PodManifest","apps":[{}]}').apps[0].name, '');
});

test('errors point at the value that caused them', () => {
  const at = (r: DecodeResult<unknown>): string | null => failure(r).pointer;
  assert.equal(at(decodePodManifest(podWith(`"apps":[{"name":"a","app":${APP}},{"name":"a","app":${APP}}]`))), '/apps/1/name');
  assert.equal(at(decodeImageManifest(appWith('"isolators":[{"name":"os/linux/seccomp-remove-set","value":{"set":["a"],"errno":"x"}}]'))),
    '/app/isolators/0/value/errno');
  assert.equal(at(decodeImageManifest(appWith('"isolators":[{"name":"resource/cpu","value":{"limit":"1K"}}]'))),
    '/app/isolators/0/value/limit');
  assert.equal(at(decodeImageManifest(appWith('"isolators":[{"name":"os/linux/no-new-privileges","value":true},' +
    '{"name":"os/linux/capabilities-retain-set","value":{"set":[]}}]'))), '/app/isolators/1/value/set');
  assert.equal(at(decodeImageManifest(appWith('"userLabels":{"a/b~c":1}'))), '/app/userLabels/a~1b~0c');
  assert.equal(at(decodeImageManifest(imageWith('"app":{"exec":["/x"],"group":"0"}'))), '/app');
  assert.equal(at(decodeImageManifest(imageWith('"app":{"exec":["/x"],"USER":"","group":"0"}'))), '/app/USER');
  assert.equal(at(decodePodManifest('{"acKind":"PodManifest","apps":[{"image":{"id":"x"}}]}')), '/apps/0/image/id');
  assert.equal(at(decodePodManifest('[]')), '');
  assert.equal(at(decodePodManifest('{"acKind":1}')), '/acKind');
  assert.equal(at(decodePodManifest('{')), null);
  const syntax = decodePodManifest('{"acKind":"PodManifest",}');
  assert.equal(syntax.ok, false);
  if (!syntax.ok) assert.equal(syntax.offset, 24);
});

test('type mismatches: encoding/json wording, and the pointer says where', () => {
  assert.deepEqual(failure(decodeImageManifest(appWith('"ports":[{"port":80.5}]'))), {
    error: 'json: cannot unmarshal number 80.5 into Go struct field imageManifest.app of type uint',
    pointer: '/app/ports/0/port',
  });
  assert.deepEqual(failure(decodePodManifest('[]')), {
    error: 'json: cannot unmarshal array into Go value of type schema.podManifest', pointer: '',
  });
});

test('a type mismatch waits for the end of its scope; a typed value fails at once', () => {
  // user (plain string) mismatch is remembered; the bad mount point name later in the same App wins
  const r = decodeImageManifest(imageWith('"app":{"user":1,"group":"0","mountPoints":[{"name":"A"}]}'));
  assert.equal(failure(r).error, 'ACName must contain only lower case alphanumeric characters plus "-"');
  // the remembered mismatch comes before the App's own checks (group is missing)
  assert.equal(failure(decodeImageManifest(imageWith('"app":{"user":1}'))).error,
    'json: cannot unmarshal number into Go struct field imageManifest.app of type string');
});

test('isolators: values by type, unknown ones kept as written at pod level', () => {
  const img = image(appWith('"isolators":[' +
    '{"name":"resource/memory","value":{"request":"1Gi","limit":"1.5Gi"}},' +
    '{"name":"resource/cpu","value":{"limit":1.5}},' +
    '{"name":"os/linux/seccomp-retain-set","value":{"set":["@rkt/default-whitelist"],"errno":"EPERM"}},' +
    '{"name":"os/linux/oom-score-adj","value":-1000},' +
    '{"name":"os/linux/selinux-context","value":{"user":"u","role":"r","type":"t","level":"s0"}},' +
    '{"name":"os/unix/sysctl","value":{"net.core.somaxconn":"1024"}},' +
    '{"name":"resource/block-iops","value":{"default":true,"limit":"100"}}]'));
  const parsed = img.app!.isolators.map((i) => i.parsed);
  assert.deepEqual(parsed[0].type, 'resource/memory');
  if (parsed[0].type === 'resource/memory') {
    assert.equal(parsed[0].value.request!.value, 1073741824n);
    assert.equal(parsed[0].value.limit!.canonical, '1536Mi');
  }
  if (parsed[1].type === 'resource/cpu') assert.deepEqual(parsed[1].value.limit, { text: '1.5', canonical: '1500m', value: 2n, milliValue: 1500n });
  assert.deepEqual(parsed[2], { type: 'os/linux/seccomp-retain-set', value: { set: ['@rkt/default-whitelist'], errno: 'EPERM' } });
  assert.deepEqual(parsed[3], { type: 'os/linux/oom-score-adj', value: -1000 });
  assert.deepEqual(parsed[4], { type: 'os/linux/selinux-context', value: { user: 'u', role: 'r', type: 't', level: 's0' } });
  assert.deepEqual(parsed[5], { type: 'os/unix/sysctl', value: { 'net.core.somaxconn': '1024' } });
  assert.equal(parsed[6].type, 'resource/block-iops');

  const p = pod(podWith('"isolators":[{"name":"example.com/x","value":{"a":[1,2]}},{"value":3},' +
    '{"name":"os/linux/cpu-shares","value":512},{"name":"os/linux/cpu-shares","value":2}]'));
  assert.deepEqual(p.isolators.map((i) => i.parsed), [
    { type: 'unknown', value: { a: [1, 2] } },
    { type: 'unknown', value: 3 },
    { type: 'os/linux/cpu-shares', value: 512 },
    { type: 'os/linux/cpu-shares', value: 2 },
  ]);
  assert.equal(failure(decodePodManifest(podWith('"isolators":[{"name":"os/linux/cpu-shares"}]'))).error,
    'isolator os/linux/cpu-shares has no value');
});

test('ports: port+count wraps around as uint64 before count defaults', () => {
  const img = image(appWith('"ports":[{"name":"p","port":2,"count":18446744073709551615}]'));
  assert.equal(img.app!.ports.length, 1);
  assert.equal(failure(decodeImageManifest(appWith('"ports":[{"port":65535,"count":2}]'))).error,
    'end of port range must be in 1-65535 range');
});

test('strings: lone surrogates become U+FFFD', () => {
  const p = pod(podWith('"userAnnotations":{"a":"\\ud800","b":"\\ud83d\\ude00","c":"x\udc00"}'));
  assert.deepEqual(p.userAnnotations, { a: '\ufffd', b: '😀', c: 'x\ufffd' });
});

test('never throws, whatever it is given', () => {
  for (const input of [undefined, null, 42, {}, '', ' ', 'null', '"x"', '[]', '{}', '{"apps":{}}']) {
    for (const decode of [decodePodManifest, decodeImageManifest]) {
      const r = decode(input as unknown as string);
      assert.equal(typeof r.ok, 'boolean');
      if (!r.ok) assert.ok(r.error.length > 0);
    }
  }
  assert.equal(failure(decodePodManifest('null')).error, 'missing or bad ACKind (must be "PodManifest")');
  assert.equal(failure(decodeImageManifest('{}')).error, 'missing or bad ACKind (must be "ImageManifest")');
});

test('large documents: the 1000-app pod and 14 MB of annotations decode', () => {
  const benchPod = sharedDir() && path.join(sharedDir()!, 'conformance/bench/1000-apps/input/pod');
  if (benchPod) {
    const r = decodePodManifest(readFileSync(benchPod, 'utf8'));
    assert.equal(r.ok, true);
    if (r.ok) assert.equal(r.value.apps.length, 1000);
  }

  const many = Array.from({ length: 20000 }, (_, i) => `{"name":"k${i}","value":"${'v'.repeat(700)}"}`).join(',');
  const huge = podWith(`"annotations":[${many}]`);
  assert.ok(huge.length > 14_000_000);
  const big = decodePodManifest(huge);
  assert.equal(big.ok, true);

  const deep = podWith(`"isolators":[{"name":"x","value":${'['.repeat(9990)}${']'.repeat(9990)}}]`);
  assert.equal(decodePodManifest(deep).ok, true);
});
