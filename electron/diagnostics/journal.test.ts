import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { followJournal, journalctlArgs, parseJournalLine, readJournal, type JournalEntry } from './journal.js';
import { podLayout } from './overlay.js';
import { buildPod, helloApp } from './fixtures/pod-builder.js';
import { journalToolsMissing, writeJournalFile, type JournalSpecEntry } from './fixtures/journal-builder.js';
import { makeElf } from './fixtures/elf-builder.js';
import { machineIdOf } from './pod-states.js';
import { tempRoot } from './fixtures/temp.js';

const tmp = tempRoot();
after(tmp.cleanup);
const missing = journalToolsMissing();
const skip = missing ? `cannot make or read journal files: ${missing}` : false;
const bin = { '/bin/hello': { data: makeElf(), mode: 0o755 } };

const T0 = Date.parse('2024-03-01T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);
const ENTRIES: JournalSpecEntry[] = [
  { time: at(0), identifier: 'systemd-journald', priority: 6, message: 'Journal started' },
  { time: at(1), identifier: 'hello', unit: 'hello.service', pid: 12, priority: 6, message: 'hello starting' },
  { time: at(2), identifier: 'web', unit: 'web.service', pid: 13, priority: 6, message: 'web listening on :80' },
  { time: at(3), identifier: 'hello', unit: 'hello.service', pid: 12, priority: 3, message: 'config /etc/hello.conf: no such file' },
  { time: at(4), identifier: 'systemd', priority: 4, message: 'hello.service: Main process exited, code=exited, status=1/FAILURE', fields: { UNIT: 'hello.service' } },
  { time: at(5), identifier: 'hello', unit: 'hello.service', pid: 12, priority: 6, message: 'line one\nline two' },
];

function pod(journal: JournalSpecEntry[] | null = ENTRIES) {
  const b = buildPod(tmp.sub('pod'), { apps: [helloApp(bin)], written: 'v1.30-hello', journal: journal ?? undefined });
  return { ...b, layout: podLayout(b.root) };
}

test('journalctl arguments', () => {
  const a = journalctlArgs('/j', { app: 'hello', since: '2024-03-01T10:00:02Z', priority: 'err', lines: 5 }, true);
  assert.deepEqual(a, [
    '--directory=/j', '--output=json', '--all', '--no-pager', '--quiet', '--since=@1709287202.000', '--priority=err', '--lines=5', '--follow',
    'SYSLOG_IDENTIFIER=hello', '+', '_SYSTEMD_UNIT=hello.service', '+', 'UNIT=hello.service',
  ]);
});

test('journal JSON lines, including binary fields', () => {
  const e = parseJournalLine(JSON.stringify({ __REALTIME_TIMESTAMP: '1709287200000000', PRIORITY: '3', SYSLOG_IDENTIFIER: 'x', MESSAGE: [104, 105], _PID: '5' }))!;
  assert.deepEqual([e.time, e.priority, e.identifier, e.message, e.pid], ['2024-03-01T10:00:00.000Z', 3, 'x', 'hi', 5]);
  assert.equal(parseJournalLine('not json'), null);
});

test('reads the whole pod journal through journalctl', { skip }, async () => {
  const p = pod();
  const r = await readJournal(p.layout);
  assert.equal(r.problem, null);
  assert.equal(r.directory, path.join(p.stage1Dir, 'var/log/journal', machineIdOf(p.uuid)));
  assert.equal(r.entries.length, ENTRIES.length);
  assert.equal(r.entries[1].message, 'hello starting');
  assert.equal(r.entries[1].time, at(1).toISOString());
  assert.equal(r.entries[5].message, 'line one\nline two');
});

test('filters: app, priority, time range, last lines', { skip }, async () => {
  const p = pod();
  const msgs = async (q: Parameters<typeof readJournal>[1]) => (await readJournal(p.layout, q)).entries.map((e) => e.message);
  assert.deepEqual(await msgs({ app: 'hello' }), [
    'hello starting',
    'config /etc/hello.conf: no such file',
    'hello.service: Main process exited, code=exited, status=1/FAILURE',
    'line one\nline two',
  ]);
  assert.deepEqual(await msgs({ app: 'web' }), ['web listening on :80']);
  assert.deepEqual(await msgs({ priority: 'err' }), ['config /etc/hello.conf: no such file']);
  assert.deepEqual(await msgs({ priority: '3..4' }), ['config /etc/hello.conf: no such file', 'hello.service: Main process exited, code=exited, status=1/FAILURE']);
  assert.deepEqual(await msgs({ since: at(2).toISOString(), until: at(3).toISOString() }), ['web listening on :80', 'config /etc/hello.conf: no such file']);
  assert.deepEqual(await msgs({ lines: 1 }), ['line one\nline two']);
});

test('bad queries are refused before journalctl runs, or reported from it', { skip }, async () => {
  const p = pod();
  assert.equal((await readJournal(p.layout, { priority: 'loud' })).problem?.code, 'bad-query');
  const r = await readJournal(p.layout, { since: 'not a time' });
  assert.equal(r.problem?.code, 'bad-query');
  assert.match(r.problem!.message, /timestamp/);
});

test('follow mode streams entries written later', { skip }, async () => {
  const p = pod(ENTRIES.slice(0, 2));
  const seen: JournalEntry[] = [];
  let wake: () => void = () => {};
  const f = followJournal(p.layout, { app: 'hello' }, (e) => {
    seen.push(e);
    wake();
  });
  const waitFor = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`saw ${seen.length} entries, wanted ${n}`)), 10_000);
      const check = () => {
        if (seen.length >= n) {
          clearTimeout(timer);
          resolve();
        }
      };
      wake = check;
      check();
    });
  try {
    await waitFor(1);
    writeJournalFile(path.dirname(p.journalFile!), [{ time: at(10), identifier: 'hello', message: 'later line' }], machineIdOf(p.uuid), 'second');
    await waitFor(2);
    assert.deepEqual(seen.map((e) => e.message), ['hello starting', 'later line']);
  } finally {
    f.stop();
  }
  assert.equal(await f.done, null);
});

test('a missing journalctl is named, with where the files are', { skip }, async () => {
  const p = pod();
  const r = await readJournal(p.layout, {}, { journalctl: '/nonexistent/journalctl' });
  assert.equal(r.problem?.code, 'journalctl-missing');
  assert.match(r.problem!.message, /journalctl is not installed.*package "systemd".*var\/log\/journal/);
  const f = followJournal(p.layout, {}, () => {}, { journalctl: '/nonexistent/journalctl' });
  assert.equal((await f.done)?.code, 'journalctl-missing');
});

test('a pod without a journal, and journal files journalctl cannot read', async () => {
  const p = pod(null);
  const none = await readJournal(p.layout);
  assert.equal(none.problem?.code, 'no-journal');
  assert.match(none.problem!.message, /no var\/log\/journal\/<machine-id> directory/);
  const dir = path.join(p.stage1Dir, 'var/log/journal', machineIdOf(p.uuid));
  fs.mkdirSync(dir, { recursive: true });
  assert.match((await readJournal(p.layout)).problem!.message, /holds no journal files/);
  if (!missing) {
    fs.writeFileSync(path.join(dir, 'system.journal'), Buffer.alloc(4096, 7));
    const bad = await readJournal(p.layout);
    assert.equal(bad.problem?.code, 'unreadable');
    assert.match(bad.problem!.message, /corrupt/);
  }
});
