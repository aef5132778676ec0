/** @jsxRuntime automatic */
import '../../test/dom';
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ChannelResponse, DataDirPod } from '../../../shared/ipc/contract';
import { IpcError } from '../../../shared/ipc/envelope';
import { createAppStore } from '../store/appState';
import { createController } from '../store/controller';
import { AppContext } from '../app/context';
import { fakeClient, makePlan, makeSnapshot, UNIT } from '../../test/fakeClient';
import { ProblemsPanel } from './ProblemsPanel';
import { DataDirPods, groupByState } from './DataDirPods';

afterEach(() => cleanup());

const ROOT = '/pods/p';
const CURSOR = 's=1;i=3';

function report(): ChannelResponse<'diagnostics.doctor'> {
  const ev = { path: null, rel: null, line: null, time: null, cursor: null };
  return {
    root: ROOT, uuid: null, state: 'exited',
    findings: [
      {
        code: 'exec-binary-missing', severity: 'error', app: 'web', title: 'web: The program to run does not exist in the app image',
        detail: 'exit 203', nextStep: 'Fix app.exec.', likelihood: 95,
        evidence: [
          { ...ev, kind: 'unit-line', path: `${ROOT}/${UNIT}/web.service`, rel: `${UNIT}/web.service`, line: 2, text: 'Description=x' },
          { ...ev, kind: 'status', path: `${ROOT}/stage1/rootfs/rkt/status/web`, rel: 'stage1/rootfs/rkt/status/web', text: '203' },
          { ...ev, kind: 'file', path: `${ROOT}/stage1/rootfs/opt/stage2/web/rootfs/bin/web`, rel: 'stage1/rootfs/opt/stage2/web/rootfs/bin/web', text: 'ELF' },
          { ...ev, kind: 'journal', text: 'cannot start', time: '2024-03-01T10:00:02.000Z', cursor: CURSOR },
        ],
      },
      { code: 'debug-off', severity: 'info', app: null, title: 'Debug off', detail: 'd', nextStep: 'n', likelihood: 12, evidence: [] },
    ],
    journal: { directory: null, entries: 0, problem: null },
    verify: {
      available: true, analyzerVersion: 'systemd 252',
      diagnostics: [
        { level: 'note', unit: 'prepare-app@.service', rel: null, line: null, message: 'not a problem in a pod' },
        { level: 'warning', unit: 'web.service', rel: `${UNIT}/web.service`, line: 2, message: 'Unknown key name \'Descriptio\'' },
      ],
    },
    notes: ['systemd-analyze is not installed'],
  };
}

const status: ChannelResponse<'diagnostics.status'> = {
  root: ROOT, uuid: null, state: 'running', locked: true, created: null, started: null, warnings: [],
  apps: [{ name: 'web', image: 'example.com/web', exitCode: null, exit: null, finished: null, problem: null }],
};

const entry = (message: string, cursor: string, priority = 6) => ({ time: '2024-03-01T10:00:00.000Z', priority, identifier: 'web', unit: 'web.service', pid: 7, message, cursor });

async function setup(journal: () => ChannelResponse<'diagnostics.journal'> = () => ({ directory: '/j', entries: [entry('starting', 's=1;i=2'), entry('cannot start', CURSOR, 3)], problem: null, warnings: [] })) {
  const store = createAppStore();
  const plan = makePlan({ [`${UNIT}/web.service`]: '[Unit]\nDescription=x\n' });
  const client = fakeClient({
    'app.info': () => ({ name: 'podunit', version: '0', mode: 'browser', platform: 'linux', initialPod: ROOT, samples: [], recent: [], profiles: ['v1.30.0'], defaultProfile: 'v1.30.0', nativeDialogs: false }),
    'pod.open': () => makeSnapshot().summary,
    'pod.snapshot': () => makeSnapshot({ units: [{ path: `${UNIT}/web.service`, kind: 'file', mode: '0644', size: 10, content: '[Unit]\nDescription=x\n', target: null }] }),
    'plan.generate': (req) => ({ seq: req.seq, superseded: false, plan, diagnostics: [] }),
    'diagnostics.doctor': () => report(),
    'diagnostics.status': () => status,
    'diagnostics.journal': journal,
    'diagnostics.followJournal': () => ({ followId: 'f1' }),
    'diagnostics.unfollowJournal': () => ({}),
    'diagnostics.file': ({ path }) => {
      if (path.endsWith('/status/web')) return { path, kind: 'file', mode: '0644', size: 4, content: '203\n', target: null };
      if (path.endsWith('/bin/web')) return { path, kind: 'file', mode: '0755', size: 4096, content: null, target: null };
      throw new IpcError('not-found', path);
    },
  });
  const controller = createController(store, client, { stage1Overrides: false });
  await controller.init();
  await controller.idle();
  const wrap = (node: ReactNode) => <AppContext.Provider value={{ store, controller }}>{node}</AppContext.Provider>;
  render(wrap(<ProblemsPanel collapsed={false} onToggle={() => {}} />));
  return { store, client, controller };
}

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name: new RegExp(name) }));

test('the Diagnostics tab runs the doctor and lists findings, most likely first', async () => {
  const { client } = await setup();
  openTab('Diagnostics');
  const list = await screen.findByRole('list', { name: 'Findings' });
  const items = [...list.querySelectorAll(':scope > li')];
  assert.deepEqual(items.map((li) => li.getAttribute('data-code')), ['exec-binary-missing', 'debug-off']);
  assert.match(items[0].textContent!, /Next step: Fix app\.exec\./);
  assert.match(screen.getByRole('list', { name: 'Notes' }).textContent!, /systemd-analyze is not installed/);
  assert.match(screen.getByRole('tab', { name: /Diagnostics/ }).textContent!, /1/);
  assert.equal(client.calls.filter((c) => c.channel === 'diagnostics.doctor').length, 1);
});

test('systemd-analyze complaints are listed and lead to their unit line', async () => {
  const { store } = await setup();
  openTab('Diagnostics');
  const notes = await screen.findByRole('list', { name: 'Notes' });
  assert.match(notes.textContent!, /systemd-analyze verify \(systemd 252\): 1 complaint/);
  assert.doesNotMatch(notes.textContent!, /not a problem in a pod/);
  fireEvent.click(screen.getByRole('button', { name: 'web.service:2' }));
  await waitFor(() => assert.deepEqual(store.getState().lineReveal?.lines, [2]));
});

test('evidence: a unit line is revealed in the unit viewer', async () => {
  const { store } = await setup();
  openTab('Diagnostics');
  fireEvent.click(await screen.findByRole('button', { name: 'Open evidence web.service:2' }));
  await waitFor(() => assert.deepEqual(store.getState().lineReveal?.lines, [2]));
  assert.equal(store.getState().selectedFile, `${UNIT}/web.service`);
  assert.equal(store.getState().evidenceView, null);
});

test('evidence: a file outside the snapshot is read and shown as it is on disk', async () => {
  const { store, client } = await setup();
  openTab('Diagnostics');
  fireEvent.click(await screen.findByRole('button', { name: 'Open evidence status rkt/status/web' }));
  await waitFor(() => assert.equal(store.getState().evidenceView?.side.content, '203\n'));
  assert.equal(store.getState().selectedFile, 'stage1/rootfs/rkt/status/web');
  fireEvent.click(screen.getByRole('button', { name: 'Open evidence opt/stage2/web/rootfs/bin/web' }));
  await waitFor(() => assert.match(store.getState().evidenceView?.side.content ?? '', /^Binary file, 4096 bytes, mode 0755\./));
  assert.deepEqual(client.calls.filter((c) => c.channel === 'diagnostics.file').map((c) => (c.request as { path: string }).path),
    ['stage1/rootfs/rkt/status/web', 'stage1/rootfs/opt/stage2/web/rootfs/bin/web']);
  // Choosing a file in the tree again shows it as generated.
  act(() => store.getState().selectFile(`${UNIT}/web.service`));
  assert.equal(store.getState().evidenceView, null);
});

test('evidence: a journal entry opens the journal panel at that entry', async () => {
  const { store } = await setup();
  openTab('Diagnostics');
  fireEvent.click(await screen.findByRole('button', { name: /Open evidence journal 2024-03-01 10:00:02/ }));
  await waitFor(() => assert.equal(store.getState().problemsTab, 'journal'));
  const entries = await screen.findByRole('list', { name: 'Journal entries' });
  await waitFor(() => assert.equal(entries.querySelector('[aria-current="true"]')?.textContent?.includes('cannot start'), true));
  assert.equal(store.getState().journal.app, 'web');
});

test('journal panel: filters, follow for a running pod, unfollow when it closes', async () => {
  const { store, client } = await setup();
  openTab('Journal');
  const entries = await screen.findByRole('list', { name: 'Journal entries' });
  await waitFor(() => assert.equal(entries.querySelectorAll('li').length, 2));
  fireEvent.change(screen.getByRole('combobox', { name: 'Journal priority' }), { target: { value: '3' } });
  await waitFor(() => assert.deepEqual(client.calls.filter((c) => c.channel === 'diagnostics.journal').at(-1)!.request, { priority: '3', lines: 1000 }));
  const follow = screen.getByRole('checkbox', { name: 'Follow' }) as HTMLInputElement;
  await waitFor(() => assert.equal(follow.disabled, false));
  fireEvent.click(follow);
  await waitFor(() => assert.ok(client.calls.some((c) => c.channel === 'diagnostics.followJournal')));
  await new Promise((r) => setTimeout(r, 10)); // the follow id arrives with the answer
  act(() => {
    client.emit('journal.entries', { followId: 'other', entries: [entry('not ours', 'x')], ended: false, problem: null });
    client.emit('journal.entries', { followId: 'f1', entries: [entry('cannot start', CURSOR), entry('new line', 's=1;i=9')], ended: false, problem: null });
  });
  await waitFor(() => assert.deepEqual(store.getState().journal.entries.map((e) => e.message).slice(-1), ['new line']));
  assert.ok(!store.getState().journal.entries.some((e) => e.message === 'not ours'));
  assert.equal(store.getState().journal.entries.filter((e) => e.cursor === CURSOR).length, 1);
  openTab('Problems');
  await waitFor(() => assert.deepEqual(client.calls.filter((c) => c.channel === 'diagnostics.unfollowJournal').map((c) => c.request), [{ followId: 'f1' }]));
  assert.equal(store.getState().journal.following, false);
});

test('journal panel: a lost connection ends following', async () => {
  const { store, client } = await setup();
  openTab('Journal');
  const follow = await screen.findByRole('checkbox', { name: 'Follow' }) as HTMLInputElement;
  await waitFor(() => assert.equal(follow.disabled, false));
  fireEvent.click(follow);
  await waitFor(() => assert.ok(client.calls.some((c) => c.channel === 'diagnostics.followJournal')));
  await new Promise((r) => setTimeout(r, 10)); // the follow id arrives with the answer
  await waitFor(() => assert.equal(store.getState().journal.following, true));
  act(() => store.getState().setConnection('closed'));
  assert.equal(store.getState().journal.following, false);
  assert.equal(follow.checked, false);
});

test('journal panel: without journalctl it says so', async () => {
  await setup(() => ({ directory: '/j', entries: [], problem: { code: 'journalctl-missing', message: 'journalctl is not installed, so the pod journal cannot be read' }, warnings: [] }));
  openTab('Journal');
  const note = await screen.findByText(/journalctl is not installed/);
  assert.equal(note.getAttribute('role'), 'status');
});

test('data-dir pods are grouped by state with times and lock state', () => {
  const base: DataDirPod = { uuid: '', dirState: 'run', state: 'exited', root: '', apps: ['web'], images: ['example.com/web:1'], createdAt: '2024-03-01T10:00:00.000Z', startedAt: null, locked: false, error: null };
  const pods: DataDirPod[] = [
    { ...base, uuid: 'aaaaaaaa-0000', root: '/d/a', state: 'running', locked: true, startedAt: '2024-03-01T10:01:00.000Z' },
    { ...base, uuid: 'bbbbbbbb-0000', root: '/d/b' },
    { ...base, uuid: 'cccccccc-0000', root: '/d/c', state: 'running', locked: true },
  ];
  assert.deepEqual(groupByState(pods).map((g) => [g.state, g.pods.map((p) => p.uuid.slice(0, 1))]), [['running', ['a', 'c']], ['exited', ['b']]]);
  let opened = '';
  render(<DataDirPods dir="/d" pods={pods} busy={false} onOpen={(r) => { opened = r; }} />);
  const running = screen.getByRole('region', { name: 'Pods running' });
  assert.match(running.textContent!, /aaaaaaaa.*web \(example\.com\/web:1\).*created 2024-03-01 10:00:00 · started 2024-03-01 10:01:00 · locked/);
  fireEvent.click(screen.getByRole('button', { name: 'Open pod bbbbbbbb-0000 (exited)' }));
  assert.equal(opened, '/d/b');
});
