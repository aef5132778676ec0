import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkACIdentifier, checkACKind, checkACName, checkHash, checkSemVer, parseSemVer } from './names.js';

const AC_NAME_CHARS = 'ACName must contain only lower case alphanumeric characters plus "-"';
const AC_NAME_EDGES = 'ACName must start and end with only lower case alphanumeric characters';

test('ACName: character set and edges only', () => {
  for (const ok of ['a', '0', 'web', 'a-b', 'a--b', 'x1-2y']) assert.equal(checkACName(ok), null, ok);
  assert.equal(checkACName(''), 'ACName cannot be empty');
  for (const bad of ['A', 'a.b', 'a_b', 'a b', 'é', 'a/b']) assert.equal(checkACName(bad), AC_NAME_CHARS, bad);
  for (const bad of ['-a', 'a-', '-', '--']) assert.equal(checkACName(bad), AC_NAME_EDGES, bad);
});

test('ACIdentifier: character set and edges only', () => {
  for (const ok of ['a', 'example.com/web', 'example.com//x', 'a._b', 'a~b', 'coreos.com/rkt/stage1/mutable']) {
    assert.equal(checkACIdentifier(ok), null, ok);
  }
  assert.equal(checkACIdentifier(''), 'ACIdentifier cannot be empty');
  for (const bad of ['A', 'a b', 'a:b', 'ü', 'a+b']) {
    assert.equal(checkACIdentifier(bad), 'ACIdentifier must contain only lower case alphanumeric characters plus "-._~/"', bad);
  }
  for (const bad of ['_a', 'a_', '/a', 'a/', '.', '~x', 'x-']) {
    assert.equal(checkACIdentifier(bad), 'ACIdentifier must start and end with only lower case alphanumeric characters', bad);
  }
});

test('ACKind', () => {
  assert.equal(checkACKind('PodManifest'), null);
  assert.equal(checkACKind('ImageManifest'), null);
  assert.equal(checkACKind(''), 'ACKind must be set');
  assert.equal(checkACKind('podmanifest'), 'bad ACKind: podmanifest');
});

test('SemVer as go-semver parses it', () => {
  for (const ok of ['1.0.0', '0.8.11', '1.30.0+git171c416f', '0.0.0-alpha', '01.02.03', '1.0.0-a-b', '1.0.0+a+b',
    '9223372036854775807.0.0', '0.0.1', '1.0.0- spaces allowed']) {
    assert.equal(checkSemVer(ok), null, ok);
  }
  for (const zero of ['0.0.0', '00.0.0', '0.0.0-', '0.0.0+', '0.0.0-+']) assert.equal(checkSemVer(zero), 'SemVer cannot be zero', zero);
  for (const bad of ['', '1.0', '1.0.0.0', ' 1.0.0', 'v1.0.0', '1..0', '1.0.', '9223372036854775808.0.0', '1.0.-0', '+1.0.0']) {
    assert.equal(checkSemVer(bad), 'SemVer is bad', bad);
  }
  assert.deepEqual(parseSemVer('1.2.3-rc.1+build.5'), { major: 1n, minor: 2n, patch: 3n, preRelease: 'rc.1', metadata: 'build.5' });
});

test('Hash (image IDs)', () => {
  assert.equal(checkHash('sha512-0123abcd'), null);
  assert.equal(checkHash('sha512-...'), null);
  for (const bad of ['', 'sha512', 'sha512-a-b', 'a-b-c']) assert.equal(checkHash(bad), 'badly formatted hash string', bad);
  assert.equal(checkHash('-abc'), 'unexpected empty hash type');
  assert.equal(checkHash('sha256-abc'), 'unrecognized hash type: sha256');
  assert.equal(checkHash('SHA512-abc'), 'unrecognized hash type: SHA512');
  assert.equal(checkHash('sha512-'), 'unexpected empty hash value');
});
