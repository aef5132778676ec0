import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptSender, isTrustedSender } from './sender.js';

test('the app page is a trusted sender', () => {
  assert.equal(isTrustedSender('app://podunit/index.html'), true);
  assert.equal(isTrustedSender('app://podunit/'), true);
  assert.equal(isTrustedSender('app://podunit/index.html?x=1#units'), true);
});

test('anything else is rejected', () => {
  for (const url of [
    undefined, null, '', 'about:blank', 'file:///index.html', 'https://podunit/',
    'http://127.0.0.1:5173/', 'app://evil/index.html', 'app://podunit.evil.com/',
    'app://podunit:8080/', 'app://user@podunit/', 'app://user:pw@podunit/',
    'devtools://devtools/bundled/inspector.html', 'chrome-extension://podunit/',
    'javascript:alert(1)', 'data:text/html,<b>x</b>', 'app:podunit', 'not a url',
    'app://podunit' + '/a'.repeat(5000),
  ]) {
    assert.equal(isTrustedSender(url), false, String(url));
  }
});

test('a call is accepted only from the top frame of the app window showing the app page', () => {
  const good = { fromAppWindow: true, fromMainFrame: true, url: 'app://podunit/index.html' };
  assert.equal(acceptSender(good), true);
  assert.equal(acceptSender({ ...good, fromAppWindow: false }), false);
  assert.equal(acceptSender({ ...good, fromMainFrame: false }), false);
  assert.equal(acceptSender({ ...good, url: null }), false);
  assert.equal(acceptSender({ ...good, url: 'https://example.org/' }), false);
});
