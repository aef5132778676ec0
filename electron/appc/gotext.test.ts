import assert from 'node:assert/strict';
import { test } from 'node:test';

import { goQuote, trimGoSpace } from './gotext.js';
import { isValidIP } from './ip.js';
import { rfc3339Error } from './rfc3339.js';
import { checkHttpUrl } from './url.js';
import { seccompErrnoError } from './isolators.js';

test('goQuote is strconv.Quote', () => {
  assert.equal(goQuote('web'), '"web"');
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote('tab\there\n'), '"tab\\there\\n"');
  assert.equal(goQuote('\u0001\u007f'), '"\\x01\\x7f"');
  assert.equal(goQuote('é😀'), '"é😀"');
  assert.equal(goQuote('\u00a0\u00ad\u200b'), '"\\u00a0\\u00ad\\u200b"');
  assert.equal(goQuote('\ufffd'), '"\ufffd"');
});

test('trimGoSpace is strings.TrimSpace', () => {
  assert.equal(trimGoSpace(' \t\n1G\u00a0\u3000'), '1G');
  assert.equal(trimGoSpace('\ufeff1'), '\ufeff1', 'BOM is not white space for Go');
  assert.equal(trimGoSpace('\u00851\u0085'), '1');
});

test('RFC 3339 times as time.Parse accepts them', () => {
  for (const ok of ['2014-10-27T19:32:27Z', '2014-10-27T19:32:27.123456789Z', '2014-10-27T19:32:27+02:00',
    '2014-10-27T19:32:27,5Z', '2016-02-29T00:00:00Z', '2014-10-27T9:32:27Z', '2014-10-27T19:32:27+99:99']) {
    assert.equal(rfc3339Error(ok), null, ok);
  }
  const layout = '"2006-01-02T15:04:05Z07:00"';
  assert.equal(rfc3339Error('yesterday'), `parsing time "yesterday" as ${layout}: cannot parse "yesterday" as "2006"`);
  assert.equal(rfc3339Error('2014-10-27 19:32:27Z'), `parsing time "2014-10-27 19:32:27Z" as ${layout}: cannot parse " 19:32:27Z" as "T"`);
  assert.equal(rfc3339Error('2014-10-27T19:32:27z'), `parsing time "2014-10-27T19:32:27z" as ${layout}: cannot parse "z" as "Z07:00"`);
  assert.equal(rfc3339Error('2014-02-30T19:32:27Z'), 'parsing time "2014-02-30T19:32:27Z": day out of range');
  assert.equal(rfc3339Error('2015-02-29T00:00:00Z'), 'parsing time "2015-02-29T00:00:00Z": day out of range');
  assert.equal(rfc3339Error('2014-13-01T00:00:00Z'), 'parsing time "2014-13-01T00:00:00Z": month out of range');
  assert.equal(rfc3339Error('2014-10-27T24:00:00Z'), 'parsing time "2014-10-27T24:00:00Z": hour out of range');
  assert.equal(rfc3339Error('2014-10-27T19:32:27Zx'), 'parsing time "2014-10-27T19:32:27Zx": extra text: "x"');
  assert.equal(rfc3339Error('2014-1-27T19:32:27Z'), `parsing time "2014-1-27T19:32:27Z" as ${layout}: cannot parse "1-27T19:32:27Z" as "01"`);
  assert.equal(rfc3339Error('é'), `parsing time "\\xc3\\xa9" as ${layout}: cannot parse "\\xc3\\xa9" as "2006"`);
  // Go 1.19 takes the year's and the offset's bytes before checking them, so their errors quote
  // what follows; the offset's hour and minute may carry a sign; a fraction without seconds passes.
  assert.equal(rfc3339Error('2x14-10-27T19:32:27Z'), `parsing time "2x14-10-27T19:32:27Z" as ${layout}: cannot parse "-10-27T19:32:27Z" as "2006"`);
  assert.equal(rfc3339Error('2014-10-27T19:32:27+ab:00'), `parsing time "2014-10-27T19:32:27+ab:00" as ${layout}: cannot parse "" as "Z07:00"`);
  assert.equal(rfc3339Error('2014-10-27T19:32:27x01:00Z'), `parsing time "2014-10-27T19:32:27x01:00Z" as ${layout}: cannot parse "Z" as "Z07:00"`);
  for (const ok of ['2014-10-27T19:32:27+-1:00', '2014-10-27T19:32:27+01:-5', '2014-10-27T19:32:.5Z', '2014-10-27T19:32:,5+01:00']) assert.equal(rfc3339Error(ok), null, ok);
  assert.equal(rfc3339Error('2014-10-27T19:32:Z'), `parsing time "2014-10-27T19:32:Z" as ${layout}: cannot parse "Z" as "05"`);
});

test('homepage / documentation URLs as url.Parse sees them', () => {
  for (const ok of ['http://example.com', 'https://example.com/a?b#c', 'HTTPS://x', 'http://[::1]:80/', 'http://u:p@h/']) {
    assert.equal(checkHttpUrl(ok), null, ok);
  }
  const scheme = 'bad URL scheme, must be http/https';
  for (const bad of ['', 'ftp://x', 'example.com', 'mailto:a@b']) assert.equal(checkHttpUrl(bad), scheme, bad);
  assert.equal(checkHttpUrl('http://%zz'), 'bad URL: parse "http://%zz": invalid URL escape "%zz"');
  assert.equal(checkHttpUrl('http://a b'), 'bad URL: parse "http://a b": invalid character " " in host name');
  assert.equal(checkHttpUrl(':x'), 'bad URL: parse ":x": missing protocol scheme');
  assert.equal(checkHttpUrl('http://h:port'), 'bad URL: parse "http://h:port": invalid port ":port" after host');
  assert.equal(checkHttpUrl('http://[::1'), `bad URL: parse "http://[::1": missing ']' in host`);
  assert.equal(checkHttpUrl('http://x/\u0001'), 'bad URL: parse "http://x/\\x01": net/url: invalid control character in URL');
  assert.equal(checkHttpUrl('http://x/#%'), 'bad URL: parse "http://x/#%": invalid URL escape "%"');
  assert.equal(checkHttpUrl('a:b/c:d'), scheme);
  assert.equal(checkHttpUrl('a/b:c'), scheme);
  assert.equal(checkHttpUrl('1a:b'), 'bad URL: parse "1a:b": first path segment in URL cannot contain colon');
});

test('IP addresses as net.ParseIP accepts them', () => {
  for (const ok of ['1.2.3.4', '0.0.0.0', '255.255.255.255', '::', '::1', 'fe80::1', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8']) {
    assert.ok(isValidIP(ok), ok);
  }
  for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', ':::', 'localhost', '1::2::3']) {
    assert.ok(!isValidIP(bad), bad);
  }
});

test("Go's character classes follow its Unicode 13 tables, not the newer ones JavaScript has", () => {
  // U+2C2F (Glagolitic, Unicode 14) and U+1FAE0 (Unicode 14) are unassigned for Go 1.19.
  assert.equal(goQuote('\u2c2f'), '"\\u2c2f"');
  assert.equal(goQuote('A\u{1fae0}'), '"A\\U0001fae0"');
  assert.equal(goQuote('é😀'), '"é😀"');
  assert.equal(seccompErrnoError('E\u2c2f'), 'errno can only contain upper case or numeric characters, got E\u2c2f');
  assert.equal(seccompErrnoError('EPERM1'), null);
});
