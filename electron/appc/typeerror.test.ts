// encoding/json's UnmarshalTypeError text (Go 1.19) at different depths of the appc types, and
// which of several faults is reported. The text names the outermost json.Unmarshal that was
// inside a struct field; the pointer keeps the exact place.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

import { decodeImageManifest, decodePodManifest } from './decode.js';
import { errorContextIdle } from './failure.js';
import type { DecodeResult } from './types.js';

const APP = '{"exec":["/bin/web"],"user":"0","group":"0"}';
const podWith = (members: string): string => `{"acKind":"PodManifest","acVersion":"1.30.0",${members}}`;
const imageWith = (members: string): string =>
  `{"acKind":"ImageManifest","acVersion":"0.8.11","name":"example.com/web",${members}}`;
const appWith = (members: string): string => imageWith(`"app":{"exec":["/x"],"user":"0","group":"0",${members}}`);
const podAppWith = (members: string): string =>
  podWith(`"apps":[{"name":"web","app":{"exec":["/x"],"user":"0","group":"0",${members}}}]`);

function failure<T>(r: DecodeResult<T>): [string, string | null] {
  if (r.ok) assert.fail('expected a failure');
  return [r.error, r.pointer];
}

const pod = (text: string): [string, string | null] => failure(decodePodManifest(text));
const image = (text: string): [string, string | null] => failure(decodeImageManifest(text));
const into = (value: string, where: string, type: string): string => `json: cannot unmarshal ${value} into ${where} of type ${type}`;

test('top level: the shadow manifest types, and fields of the manifest itself', () => {
  assert.deepEqual(pod('[]'), [into('array', 'Go value', 'schema.podManifest'), '']);
  assert.deepEqual(image('"x"'), [into('string', 'Go value', 'schema.imageManifest'), '']);
  assert.deepEqual(image('12'), [into('number', 'Go value', 'schema.imageManifest'), '']);
  assert.deepEqual(pod(podWith('"volumes":{}')),
    [into('object', 'Go struct field podManifest.volumes', '[]types.Volume'), '/volumes']);
  assert.deepEqual(pod(podWith('"userLabels":{"a":1}')),
    [into('number', 'Go struct field podManifest.userLabels', 'string'), '/userLabels/a']);
  assert.deepEqual(pod(podWith('"userAnnotations":[]')),
    [into('array', 'Go struct field podManifest.userAnnotations', 'types.UserAnnotations'), '/userAnnotations']);
  assert.deepEqual(image(imageWith('"pathWhitelist":["/a",true]')),
    [into('bool', 'Go struct field imageManifest.pathWhitelist', 'string'), '/pathWhitelist/1']);
  assert.deepEqual(image(imageWith('"dependencies":"x"')),
    [into('string', 'Go struct field imageManifest.dependencies', 'types.Dependencies'), '/dependencies']);
  // typed values decode a Go string of their own; the manifest's decoder names the field
  assert.deepEqual(image('{"ACKIND":["ImageManifest"]}'), [into('array', 'Go struct field imageManifest.acKind', 'string'), '/ACKIND']);
  // a list type's own json.Unmarshal of its shadow slice type
  assert.deepEqual(pod(podWith('"annotations":{"a":"b"}')),
    [into('object', 'Go struct field podManifest.annotations', 'types.annotations'), '/annotations']);
});

test('inside an app: named after the manifest field that holds the App', () => {
  assert.deepEqual(image(appWith('"workingDirectory":7')),
    [into('number', 'Go struct field imageManifest.app', 'string'), '/app/workingDirectory']);
  assert.deepEqual(image(appWith('"supplementaryGIDs":[1,"2"]')),
    [into('string', 'Go struct field imageManifest.app', 'int'), '/app/supplementaryGIDs/1']);
  assert.deepEqual(image(appWith('"mountPoints":[{"name":"m","path":"/m","readOnly":"yes"}]')),
    [into('string', 'Go struct field imageManifest.app', 'bool'), '/app/mountPoints/0/readOnly']);
  assert.deepEqual(image(appWith('"ports":[{"name":"p","port":1e2}]')),
    [into('number 1e2', 'Go struct field imageManifest.app', 'uint'), '/app/ports/0/port']);
  assert.deepEqual(image(appWith('"ports":[{"name":"p","port":18446744073709551616}]')),
    [into('number 18446744073709551616', 'Go struct field imageManifest.app', 'uint'), '/app/ports/0/port']);
  assert.deepEqual(image(appWith('"eventHandlers":[{"name":"pre-start","exec":"/x"}]')),
    [into('string', 'Go struct field imageManifest.app', 'types.exec'), '/app/eventHandlers/0/exec']);
  assert.deepEqual(image(appWith('"isolators":{}')),
    [into('object', 'Go struct field imageManifest.app', 'types.Isolators'), '/app/isolators']);
  assert.deepEqual(image(imageWith('"app":[]')), [into('array', 'Go struct field imageManifest.app', 'types.app'), '/app']);
  // a RuntimeApp's app: everything under "apps" is named after the AppList field
  assert.deepEqual(pod(podAppWith('"environment":[{"name":"A","value":false}]')),
    [into('bool', 'Go struct field podManifest.apps', 'string'), '/apps/0/app/environment/0/value']);
  assert.deepEqual(pod(podWith('"apps":[{"name":"web","image":{"id":5},"app":' + APP + '}]')),
    [into('number', 'Go struct field podManifest.apps', 'string'), '/apps/0/image/id']);
  assert.deepEqual(pod(podWith('"apps":[7]')), [into('number', 'Go struct field podManifest.apps', 'schema.RuntimeApp'), '/apps/0']);
});

test('inside an isolator value', () => {
  assert.deepEqual(image(appWith('"isolators":[{"name":"resource/memory","value":{"default":1,"limit":"1G"}}]')),
    [into('number', 'Go struct field imageManifest.app', 'bool'), '/app/isolators/0/value/default']);
  assert.deepEqual(image(appWith('"isolators":[{"name":"os/linux/seccomp-retain-set","value":{"set":["a"],"errno":1}}]')),
    [into('number', 'Go struct field imageManifest.app', 'types.LinuxSeccompErrno'), '/app/isolators/0/value/errno']);
  assert.deepEqual(image(appWith('"isolators":[{"name":"os/linux/capabilities-retain-set","value":{"set":["CAP_X",2]}}]')),
    [into('number', 'Go struct field imageManifest.app', 'types.LinuxCapability'), '/app/isolators/0/value/set/1']);
  assert.deepEqual(image(appWith('"isolators":[{"name":"os/linux/selinux-context","value":{"user":"u","role":[]}}]')),
    [into('array', 'Go struct field imageManifest.app', 'types.LinuxSELinuxRole'), '/app/isolators/0/value/role']);
  assert.deepEqual(image(appWith('"isolators":[{"name":"os/unix/sysctl","value":["a"]}]')),
    [into('array', 'Go struct field imageManifest.app', 'map[string]string'), '/app/isolators/0/value']);
  assert.deepEqual(image(appWith('"isolators":["os/linux/no-new-privileges"]')),
    [into('string', 'Go struct field imageManifest.app', 'types.isolator'), '/app/isolators/0']);
  // pod-level isolators: the value's json.Unmarshal is called by Isolator.UnmarshalJSON itself
  assert.deepEqual(pod(podWith('"isolators":[{"name":"os/linux/oom-score-adj","value":-1.5}]')),
    [into('number -1.5', 'Go struct field podManifest.isolators', 'int'), '/isolators/0/value']);
  assert.deepEqual(pod(podWith('"isolators":[{"name":"os/linux/no-new-privileges","value":"true"}]')),
    [into('string', 'Go struct field podManifest.isolators', 'bool'), '/isolators/0/value']);
});

test('inside a pod volume or a mount\'s appVolume', () => {
  assert.deepEqual(pod(podWith('"volumes":[{"name":"v","kind":"empty","uid":"0"}]')),
    [into('string', 'Go struct field podManifest.volumes', 'int'), '/volumes/0/uid']);
  assert.deepEqual(pod(podWith('"volumes":[{"name":"v","kind":"empty","mode":755}]')),
    [into('number', 'Go struct field podManifest.volumes', 'string'), '/volumes/0/mode']);
  assert.deepEqual(pod(podWith('"volumes":[true]')), [into('bool', 'Go struct field podManifest.volumes', 'types.volume'), '/volumes/0']);
  assert.deepEqual(pod(podWith('"apps":[{"name":"web","app":' + APP +
    ',"mounts":[{"volume":"v","path":"/v","appVolume":{"name":"v","kind":"host","source":"/s","recursive":"no"}}]}]')),
  [into('string', 'Go struct field podManifest.apps', 'bool'), '/apps/0/mounts/0/appVolume/recursive']);
});

test('inside exposed ports: a plain struct decoded by the pod manifest\'s own decoder', () => {
  assert.deepEqual(pod(podWith('"ports":[{"name":"p","hostPort":"8080"}]')),
    [into('string', 'Go struct field ExposedPort.ports.hostPort', 'uint'), '/ports/0/hostPort']);
  assert.deepEqual(pod(podWith('"ports":[{"name":"p","hostPort":-0}]')),
    [into('number -0', 'Go struct field ExposedPort.ports.hostPort', 'uint'), '/ports/0/hostPort']);
  assert.deepEqual(pod(podWith('"ports":[{"name":"p","hostIP":[127,0,0,1]}]')),
    [into('array', 'Go struct field ExposedPort.ports.hostIP', 'net.IP'), '/ports/0/hostIP']);
  assert.deepEqual(pod(podWith('"ports":[{"name":"p","hostIP":1}]')),
    [into('number', 'Go struct field ExposedPort.ports.hostIP', 'net.IP'), '/ports/0/hostIP']);
  assert.deepEqual(pod(podWith('"ports":[{"name":9}]')),
    [into('number', 'Go struct field ExposedPort.ports.name', 'string'), '/ports/0/name']);
  assert.deepEqual(pod(podWith('"ports":[{"name":"p","podPort":{"name":"p","port":"80"}}]')),
    [into('string', 'Go struct field ExposedPort.ports.podPort', 'uint'), '/ports/0/podPort/port']);
  assert.deepEqual(pod(podWith('"ports":[{"name":"p","podPort":[]}]')),
    [into('array', 'Go struct field ExposedPort.ports.podPort', 'types.port'), '/ports/0/podPort']);
  assert.deepEqual(pod(podWith('"ports":["p"]')), [into('string', 'Go struct field podManifest.ports', 'types.ExposedPort'), '/ports/0']);
});

test('several faults: the first mismatch of a decoder, unless something returns an error first', () => {
  // both in the pod manifest's own decoder: the first one in the document is kept
  assert.deepEqual(pod(podWith('"userLabels":{"a":1},"ports":[{"name":"p","hostPort":-1}]')),
    [into('number', 'Go struct field podManifest.userLabels', 'string'), '/userLabels/a']);
  assert.deepEqual(pod(podWith('"ports":[{"name":"p","hostPort":-1}],"userLabels":{"a":1}')),
    [into('number -1', 'Go struct field ExposedPort.ports.hostPort', 'uint'), '/ports/0/hostPort']);
  // the AppList's json.Unmarshal returns its mismatch as an error: that aborts the outer decoder,
  // whose own earlier mismatch is dropped
  assert.deepEqual(pod(podWith('"userLabels":{"a":1},"apps":[{"name":"web","readOnlyRootFS":"x"}]')),
    [into('string', 'Go struct field podManifest.apps', 'bool'), '/apps/0/readOnlyRootFS']);
  // inside the App: the first of two mismatches, reported before the App's own checks
  assert.deepEqual(image(imageWith('"app":{"group":2,"user":1}')),
    [into('number', 'Go struct field imageManifest.app', 'string'), '/app/group']);
  // a typed value's check aborts at once, even after a remembered mismatch
  assert.deepEqual(image(imageWith('"pathWhitelist":[1],"name":"Web"')),
    ['ACIdentifier must contain only lower case alphanumeric characters plus "-._~/"', '/name']);
  // the manifest's own checks come after its remembered mismatch
  assert.deepEqual(pod('{"userLabels":{"a":[]}}'), [into('array', 'Go struct field podManifest.userLabels', 'string'), '/userLabels/a']);
});

test('a failed decoding leaves nothing behind for the next one', () => {
  image(appWith('"isolators":[{"name":"resource/cpu","value":{"default":"x"}}]'));
  assert.deepEqual(pod('[]'), [into('array', 'Go value', 'schema.podManifest'), '']);
  pod(podWith('"ports":[{"name":"p","podPort":{"name":"P"}}]'));
  assert.deepEqual(image(imageWith('"dependencies":[{"imageName":"x","size":1.5}]')),
    [into('number 1.5', 'Go struct field imageManifest.dependencies', 'uint'), '/dependencies/0/size']);
  assert.equal(decodePodManifest(podWith('"ports":[{"name":"p","hostPort":80}]')).ok, true);
});

test('every field and json.Unmarshal scope opened on the way is closed again', () => {
  const examples = new URL('../../../shared/spec/examples/', import.meta.url);
  const docs = readdirSync(examples).filter((f) => f.endsWith('.json'))
    .map((f) => ({ id: f, kind: f.startsWith('pod') ? 'pod' : 'image', document: readFileSync(new URL(f, examples), 'utf8') }));
  const corpus: { id: string; kind: string; document: string; go: { ok: boolean } }[] = JSON.parse(
    readFileSync(new URL('../../../shared/spec/conformance/appc-unmarshal-cases.json', import.meta.url), 'utf8'),
  );
  docs.push(...corpus.filter((c) => c.go.ok));
  assert.ok(docs.length > 90);
  for (const d of docs) {
    const r = d.kind === 'pod' ? decodePodManifest(d.document) : decodeImageManifest(d.document, 'x');
    assert.equal(r.ok, true, d.id);
    assert.ok(errorContextIdle(), d.id);
  }
});
