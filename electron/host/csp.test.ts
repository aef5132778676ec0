import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from './csp.js';

test('the policy allows only the app itself, plus inline styles for Monaco', () => {
  const csp = contentSecurityPolicy();
  assert.match(csp, /^default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';/);
  assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  assert.match(contentSecurityPolicy({ socketOrigin: 'ws://127.0.0.1:1' }), /connect-src 'self' ws:\/\/127\.0\.0\.1:1;/);
});

test('main.ts spells out the same policy for its response headers', () => {
  const main = readFileSync(fileURLToPath(new URL('../main.ts', import.meta.url)), 'utf8');
  const literal = /'Content-Security-Policy': \["([^"]+)"\]/.exec(main);
  assert.ok(literal, 'main.ts sets Content-Security-Policy from a literal');
  assert.equal(literal[1], contentSecurityPolicy());
});
