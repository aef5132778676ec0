import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  QUANTITY_FORMAT_ERROR, QUANTITY_NUMERIC_ERROR, QUANTITY_SUFFIX_ERROR, quantityFromText,
} from './quantity.js';
import type { Quantity } from './types.js';

function q(text: string): Quantity {
  const r = quantityFromText(text);
  if (typeof r === 'string') assert.fail(`${text}: ${r}`);
  return r;
}

const MAX_INT64 = (1n << 63n) - 1n;

// [text, canonical, Value(), MilliValue()]
const EXAMPLES: Array<[string, string, bigint, bigint]> = [
  ['0', '0', 0n, 0n],
  ['1', '1', 1n, 1000n],
  ['2', '2', 2n, 2000n],
  ['500m', '500m', 1n, 500n],
  ['1.5', '1500m', 2n, 1500n],
  ['0.33', '330m', 1n, 330n],
  ['0.5', '500m', 1n, 500n],
  ['1m', '1m', 1n, 1n],
  ['15m', '15m', 1n, 15n],
  ['1n', '1n', 1n, 1n],
  ['1.0001m', '1000100n', 1n, 2n],
  ['100m', '100m', 1n, 100n],
  ['1000m', '1', 1n, 1000n],
  ['1k', '1k', 1000n, 1000000n],
  ['1G', '1G', 1000000000n, 1000000000000n],
  ['10P', '10P', 10n ** 16n, 0n], // an int64Amount that overflows int64 is 0
  ['1E', '1E', 10n ** 18n, 0n],
  ['10E', '10E', 0n, 0n],
  ['1Ki', '1Ki', 1024n, 1024000n],
  ['1Gi', '1Gi', 1073741824n, 1073741824000n],
  ['512Mi', '512Mi', 536870912n, 536870912000n],
  ['123Mi', '123Mi', 128974848n, 128974848000n],
  ['1024Mi', '1Gi', 1073741824n, 1073741824000n],
  ['1.1Ki', '1126400m', 1127n, 1126400n],
  ['1.5Gi', '1536Mi', 1610612736n, 1610612736000n],
  ['0.5Ki', '512', 512n, 512000n],
  ['2e3', '2e3', 2000n, 2000000n],
  ['1E3', '1E3', 1000n, 1000000n],
  ['1.5e3', '1500', 1500n, 1500000n],
  ['1e-3', '1e-3', 1n, 1n],
  ['-1', '-1', -1n, -1000n],
  ['-0.5', '-500m', -1n, -500n],
  ['+1', '+1', 1n, 1000n],
  ['.', '0', 0n, 0n],
  ['-', '0', 0n, 0n],
  ['Mi', '0', 0n, 0n],
  ['1.', '1.', 1n, 1000n],
  ['.5', '500m', 1n, 500n],
  ['0.0000000001', '1n', 1n, 1n],
  // An inf.Dec wraps like Go's int64 arithmetic instead.
  ['8Ei', '9223372036854775807', MAX_INT64, -1000n],
  ['12345678901234567890', '12345678901234567890', 12345678901234567890n - 2n ** 64n, BigInt.asIntN(64, 12345678901234567890000n)],
  // Go's int32 exponent: 2^32 wraps to 0.
  ['1e4294967296', '1e4294967296', 1n, 1000n],
  // Kubernetes has no suffix for 10^21 and prints none.
  ['1000E', '1', 0n, 0n],
];

test('quantities: canonical string, Value and MilliValue', () => {
  for (const [text, canonical, value, milli] of EXAMPLES) {
    const got = q(text);
    assert.equal(got.text, text);
    assert.equal(got.canonical, canonical, `${text} canonical`);
    assert.equal(got.value, value, `${text} Value`);
    assert.equal(got.milliValue, milli, `${text} MilliValue`);
  }
});

test('quantities: negative amounts in inf.Dec form round as Go does', () => {
  // trunc + 1 on a remainder, not away from zero
  assert.equal(q('-1.1Ki').value, -1125n);
  assert.equal(q('-1.1Ki').milliValue, -1126400n);
  assert.equal(q('-1.1Ki').canonical, '-1126400m');
  assert.equal(q('-0.0000000001').value, 1n);
  assert.equal(q('-0.0000000001').canonical, '-1n');
});

test('quantities: the units.md CPU example', () => {
  const limit = q('10P');
  assert.ok(limit.value > 9223372036854775n);
  assert.equal(`cpu limit exceeds the maximum millivalue: ${limit.canonical}`, 'cpu limit exceeds the maximum millivalue: 10P');
});

test('quantities: rejected texts', () => {
  for (const bad of ['', 'abc', '1.5.5', '1e3m', 'true', '{', ' 1', 'x1', '1x', '1 ', '1KiB']) {
    assert.equal(quantityFromText(bad), QUANTITY_FORMAT_ERROR, bad);
  }
  for (const bad of ['1K', 'K', '1ki', '1e', '1mm', '1M5', '1e9223372036854775808', '1E+', '--1', '1-']) {
    assert.equal(quantityFromText(bad), QUANTITY_SUFFIX_ERROR, bad);
  }
  // reachable despite the comment in the Go source: binary suffixes without digits take the inf.Dec path
  for (const bad of ['Ei', '.Ei', '-Pi', '.e-20']) assert.equal(quantityFromText(bad), QUANTITY_NUMERIC_ERROR, bad);
});

test('quantities outside int64 come out as Go computes them (the limits rkt writes)', () => {
  // Values from Go's ScaledValue: an inf.Dec keeps the low 64 bits (big.Int.Int64), and a
  // negative one wraps before its division.
  assert.equal(q('9223372036854775808').value, -(2n ** 63n));
  assert.equal(q('10000000000000000000').milliValue, 1864712049423024128n);
  assert.equal(q('20000000000000000000').value, 1553255926290448384n);
  assert.equal(q('-20000000000.000000000').value, -1553255925n);
  assert.equal(q('-20000000000.000000000').milliValue, -1553255926289n);
  assert.equal(q('-1000000000000000000').value, 6930898828n);
  assert.equal(q('20000000000000000000').canonical, '20E');
});

test('quantities: huge exponents stay cheap and ordered', () => {
  const big = q('1e999999999');
  assert.equal(big.canonical, '1e999999999');
  assert.equal(big.value, 0n);
  assert.equal(q('1e-999999999').canonical, '1e-9');
  assert.equal(q('1e-999999999').value, 1n);
});
