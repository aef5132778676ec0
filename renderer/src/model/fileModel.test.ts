import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyPath, UNIT_DIR } from './fileGroups';
import { summarize } from './fileSets';
import { buildRows, groupFiles } from './treeModel';
import { changedLineNumbers, minimalTextEdit } from './lineChanges';
import { diskBackups, diskBaseline, diskFileSet, isBackup, restrictToCoverage, DISK_COVERAGE } from './planFiles';
import { looksBinary, makeDoc, MAX_EDIT_CHARS } from './manifestDocs';
import { jsonSyntaxErrors } from './syntax';
import { appsOf } from './podApps';

const U = UNIT_DIR;

test('paths are grouped as the tree shows them', () => {
  const apps = ['a', 'a-b'];
  assert.deepEqual(classifyPath(`${U}/default.target`, apps), { group: 'pod-units', label: 'default.target' });
  assert.equal(classifyPath(`${U}/a.service`, apps).app, 'a');
  assert.equal(classifyPath(`${U}/a-b-stdin.socket`, apps).app, 'a-b');
  assert.equal(classifyPath(`${U}/reaper-a-b.service`, apps).app, 'a-b');
  assert.equal(classifyPath(`${U}/default.target.wants/a.service`, apps).group, 'app-units');
  assert.equal(classifyPath(`${U}/default.target.wants/systemd-journal-flush.service`, apps).group, 'pod-units');
  assert.equal(classifyPath('stage1/rootfs/rkt/env/a', apps).group, 'env');
  assert.equal(classifyPath('stage1/rootfs/rkt/iottymux/a/env', apps).group, 'env');
  assert.equal(classifyPath('stage1/rootfs/usr/lib/sysusers.d/a.service.conf', apps).group, 'sysusers');
  assert.equal(classifyPath('runtime-config', apps).group, 'other');
});

test('summaries list added, removed and changed files', () => {
  const before = new Map([['x', { kind: 'file' as const, content: '1' }], ['y', { kind: 'file' as const, content: '2' }], ['l', { kind: 'symlink' as const, target: 'a' }]]);
  const after = new Map([['x', { kind: 'file' as const, content: '1' }], ['y', { kind: 'file' as const, content: '3' }], ['z', { kind: 'file' as const, content: '' }], ['l', { kind: 'symlink' as const, target: 'b' }]]);
  const s = summarize(before, after);
  assert.deepEqual(s.changed, ['l', 'y']);
  assert.deepEqual(s.added, ['z']);
  assert.deepEqual(s.removed, []);
  assert.equal(s.unchanged, 1);
  assert.equal(s.byPath.get('z'), 'added');
});

test('disk sets skip .keep files and restrict to the covered places', () => {
  const disk = diskFileSet([[
    { path: `${U}/a.service`, kind: 'file', mode: '0644', size: 1, content: 'x', target: null },
    { path: `${U}/default.target.wants/.keep`, kind: 'file', mode: '0644', size: 0, content: '', target: null },
  ]], '{}');
  assert.deepEqual([...disk.keys()], [`${U}/a.service`, 'runtime-config']);
  const plan = new Map([[`${U}/a.service`, { kind: 'file' as const, content: 'x' }], ['stage1/rootfs/etc/hostname', { kind: 'file' as const, content: 'h' }]]);
  assert.deepEqual([...restrictToCoverage(plan, DISK_COVERAGE).keys()], [`${U}/a.service`]);
});

test('tree rows: sections, per-app folders, states, disk-only files, problems', () => {
  const files = [`${U}/default.target`, `${U}/reaper-web.service`, `${U}/web.service`, 'stage1/rootfs/rkt/env/web'].map((path) => ({ path, kind: 'file' as const }));
  const grouped = groupFiles(files, ['web']);
  const rows = buildRows({
    docs: [{ id: 'pod', label: 'Pod manifest', edited: false, problem: false }],
    apps: ['web'],
    files,
    stateOf: (p) => (p === `${U}/web.service` ? 'changed' : 'same'),
    diskOnly: [`${U}/old.service`],
    problems: { errors: 1, warnings: 0 },
    expanded: new Map(),
  }, grouped);
  const labels = rows.map((r) => `${'  '.repeat(r.depth)}${r.label}${r.type === 'file' && r.state !== 'same' ? ` [${r.state}]` : ''}`);
  assert.deepEqual(labels, [
    'Manifests', '  Pod manifest',
    'Generated files', '  Pod-level units', '    default.target', '  Per-app units', '    web', '      reaper-web.service', '      web.service [changed]',
    '  Env files', '    rkt/env/web',
    'Only on disk', '  old.service',
    'Problems',
  ]);
  const collapsed = buildRows({ docs: [], apps: ['web'], files, stateOf: () => 'same', diskOnly: [], problems: { errors: 0, warnings: 0 }, expanded: new Map([['sec:generated', false]]) }, grouped);
  assert.deepEqual(collapsed.map((r) => r.label), ['Manifests', 'Generated files', 'Problems']);
});

test('podunit backups are not "only on disk": the tree lists them as backups', () => {
  const disk = diskFileSet([[
    { path: `${U}/web.service`, kind: 'file', mode: '0644', size: 1, content: 'new', target: null },
    { path: `${U}/web.service.podunit-bak`, kind: 'file', mode: '0644', size: 1, content: 'old', target: null },
    { path: `${U}/web.service.podunit-bak.1`, kind: 'file', mode: '0644', size: 1, content: 'older', target: null },
    { path: `${U}/stray.service`, kind: 'file', mode: '0644', size: 1, content: 's', target: null },
  ]], null);
  const planned = new Map([[`${U}/web.service`, { kind: 'file' as const, content: 'new' }]]);
  assert.deepEqual(summarize(diskBaseline(disk, planned), planned).removed, [`${U}/stray.service`]);
  assert.deepEqual(diskBackups(disk), [`${U}/web.service.podunit-bak`, `${U}/web.service.podunit-bak.1`]);
  assert.equal(isBackup(`${U}/web.service.podunit-bakery`), false);
  const files = [{ path: `${U}/web.service`, kind: 'file' as const }];
  const rows = buildRows({
    docs: [], apps: ['web'], files, stateOf: () => 'same', diskOnly: [`${U}/stray.service`], backups: diskBackups(disk),
    problems: { errors: 0, warnings: 0 }, expanded: new Map(),
  }, groupFiles(files, ['web']));
  const tail = rows.slice(rows.findIndex((r) => r.id === 'sec:disk-only')).map((r) => `${'  '.repeat(r.depth)}${r.label}${r.type === 'disk-only' && r.backup ? ' [backup]' : ''}`);
  assert.deepEqual(tail, ['Only on disk', '  stray.service', 'Backups', '  web.service.podunit-bak [backup]', '  web.service.podunit-bak.1 [backup]', 'Problems']);
});

test('a 1000-app tree builds quickly and starts with app folders closed', () => {
  const apps = Array.from({ length: 1000 }, (_, i) => `app-${String(i).padStart(4, '0')}`);
  const files = apps.flatMap((a) => [`${U}/${a}.service`, `${U}/reaper-${a}.service`, `${U}/${a}.socket`, `stage1/rootfs/rkt/env/${a}`]).map((path) => ({ path, kind: 'file' as const }));
  const t0 = performance.now();
  const grouped = groupFiles(files, apps);
  const rows = buildRows({ docs: [], apps, files, stateOf: () => 'unknown', diskOnly: [], problems: { errors: 0, warnings: 0 }, expanded: new Map() }, grouped);
  const ms = performance.now() - t0;
  assert.ok(rows.length < 1020, `rows: ${rows.length}`);
  assert.ok(rows.some((r) => r.type === 'section' && r.label === 'Env files' && !r.expanded));
  assert.ok(ms < 1500, `took ${ms} ms`);
});

test('changed lines and minimal edits', () => {
  assert.deepEqual(changedLineNumbers('a\nb\nc\n', 'a\nB\nc\n'), [2]);
  assert.deepEqual(changedLineNumbers('a\nc\n', 'a\nb\nc\n'), [2]);
  const e = minimalTextEdit('User=0\nGroup=0\n', 'User=33\nGroup=0\n')!;
  assert.deepEqual(e, { start: 5, end: 6, text: '33' });
  assert.equal(minimalTextEdit('x', 'x'), null);
});

test('manifest documents: binary, too large and unreadable files are read-only with a reason', () => {
  assert.equal(looksBinary('{"a": 1}'), false);
  assert.equal(looksBinary('\u007fELF\u0002\u0001\u0001\u0000\u0000'), true);
  const bin = makeDoc('pod', 'pod', 'pod', '\u0000\u0001binary', null);
  assert.equal(bin.readOnly, true);
  assert.match(bin.notice!, /binary/);
  const big = makeDoc('pod', 'pod', 'pod', ' '.repeat(MAX_EDIT_CHARS + 1), null);
  assert.equal(big.readOnly, true);
  assert.ok(big.text.length < MAX_EDIT_CHARS);
  assert.match(big.notice!, /read-only/);
  const missing = makeDoc('image:a', 'a', 'x', null, 'open x: no such file or directory');
  assert.match(missing.notice!, /no such file/);
  assert.equal(makeDoc('pod', 'pod', 'pod', '{}', null).readOnly, false);
});

test('syntax errors are located', () => {
  assert.deepEqual(jsonSyntaxErrors('{"a": 1}'), []);
  const errs = jsonSyntaxErrors('{\n  "a": 1,\n  "b" 2\n}');
  assert.equal(errs[0].line, 3);
  assert.match(errs[0].message, /Colon expected/);
});

test('app names follow the edited pod manifest', () => {
  assert.deepEqual(appsOf('{"apps":[{"name":"x"},{"name":"y"}]}', ['x']), ['x', 'y']);
  assert.deepEqual(appsOf('{not json', ['x']), ['x']);
  const fallback = ['x'];
  assert.equal(appsOf('{"apps":[{"name":"x"}]}', fallback), fallback);
});

test('unit folding: sections and long runs of one key', async () => {
  const { unitFoldingRanges } = await import('./unitText');
  const text = ['[Unit]', 'A=1', 'B=2', '', '[Service]', 'X=1', 'F=a', 'F=b', 'F=c', 'F=d', 'Y=2', ''].join('\n');
  assert.deepEqual(unitFoldingRanges(text), [{ start: 1, end: 3 }, { start: 5, end: 11 }, { start: 7, end: 10 }]);
});
