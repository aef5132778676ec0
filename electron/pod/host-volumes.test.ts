// Host volume sources and app names are read leniently from a pod manifest's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appNames, hostVolumeSources } from './host-volumes.js';

test('host volume sources at any depth, keys in any case', () => {
  const pod = JSON.stringify({
    volumes: [
      { name: 'a', kind: 'host', source: '/srv/a' },
      { Name: 'b', KIND: 'host', Source: '/dev/sda' },
      { name: 'c', kind: 'empty', source: '/not/host' },
      { name: 'd', kind: 'host', source: 'relative' },
    ],
    nested: { deeper: [{ kind: 'host', source: '/srv/a' }, { kind: 'host', source: '/srv/e' }] },
  });
  assert.deepEqual(hostVolumeSources(pod), ['/srv/a', '/dev/sda', '/srv/e']);
});

test('"host" written with escapes is still found; text without it needs no parsing', () => {
  assert.deepEqual(hostVolumeSources('{"volumes":[{"kind":"\\u0068ost","source":"/x"}]}'), ['/x']);
  assert.deepEqual(hostVolumeSources('{"volumes":[{"kind":"empty","source":"/x"}]}'), []);
  assert.deepEqual(hostVolumeSources('{"volumes":[{"kind":"host",'), []);
});

test('app names, leniently', () => {
  assert.deepEqual(appNames('{"apps":[{"name":"web"},{"Name":"db"},{"image":{}},7]}'), ['web', 'db']);
  assert.deepEqual(appNames('not json'), []);
});
