/** @jsxRuntime automatic */
import '../../test/dom';
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createAppStore } from '../store/appState';
import { createController } from '../store/controller';
import { AppContext } from '../app/context';
import { fakeClient, makePlan, makeSnapshot, UNIT } from '../../test/fakeClient';
import { PodTree } from './PodTree';
import { ProblemsPanel } from './ProblemsPanel';
import { StatusBar } from './StatusBar';
import { CommandPalette } from './CommandPalette';
import { WhatIfPanel } from './WhatIfPanel';
import { Toolbar } from './Toolbar';
import { DiffFileList } from './DiffFileList';
import { summarize } from '../model/fileSets';
import type { ReactNode } from 'react';

afterEach(() => cleanup());

async function setup(plan = makePlan({
  [`${UNIT}/default.target`]: '[Unit]\n',
  [`${UNIT}/web.service`]: '[Unit]\nDescription=x\n',
  'stage1/rootfs/rkt/env/web': 'PATH=/bin\n',
}, { warnings: ['no volume specified for mount point "data"'] })) {
  const store = createAppStore();
  const client = fakeClient({
    'app.info': () => ({ name: 'podunit', version: '0', mode: 'browser', platform: 'linux', initialPod: '/pods/p', samples: [], recent: [], profiles: ['v1.30.0', 'v1.29.0'], defaultProfile: 'v1.30.0', nativeDialogs: false }),
    'pod.open': () => makeSnapshot().summary,
    'pod.snapshot': () => makeSnapshot(),
    'plan.generate': (req) => ({ seq: req.seq, superseded: false, plan, diagnostics: [] }),
  });
  const controller = createController(store, client, { stage1Overrides: false });
  await controller.init();
  await controller.idle();
  const wrap = (node: ReactNode) => <AppContext.Provider value={{ store, controller }}>{node}</AppContext.Provider>;
  return { store, client, controller, wrap };
}

test('the pod tree lists manifests, grouped files with their disk state, and problems', async () => {
  const { wrap, store } = await setup();
  render(wrap(<PodTree />));
  const tree = screen.getByRole('tree', { name: 'Pod contents' });
  const labels = [...tree.querySelectorAll('[role="treeitem"] .tree-label')].map((el) => el.textContent);
  assert.deepEqual(labels, ['Manifests', 'Pod manifest', 'web', 'Generated files', 'Pod-level units', 'default.target',
    'Per-app units', 'web', 'web.service', 'Env files', 'rkt/env/web', 'Problems']);
  const service = tree.querySelector(`[data-path="${UNIT}/web.service"] .state-mark`)!;
  assert.equal(service.getAttribute('aria-label'), 'differs from the file on disk');
  const target = tree.querySelector(`[data-path="${UNIT}/default.target"]`)!;
  assert.equal(target.querySelector('.state-mark')!.getAttribute('aria-label'), 'not on disk yet');
  fireEvent.click(target);
  assert.equal(store.getState().selectedFile, `${UNIT}/default.target`);
  assert.match(tree.querySelector('.tree-problems')!.textContent!, /0 errors · 1 warnings/);
});

test('keyboard: arrows move, Left collapses a group, Enter opens', async () => {
  const { wrap, store } = await setup();
  render(wrap(<PodTree />));
  const tree = screen.getByRole('tree', { name: 'Pod contents' });
  tree.focus();
  fireEvent.keyDown(tree, { key: 'Home' });
  fireEvent.keyDown(tree, { key: 'ArrowLeft' }); // on "Manifests": collapse
  assert.equal(tree.querySelectorAll('[role="treeitem"]')[0].getAttribute('aria-expanded'), 'false');
  fireEvent.keyDown(tree, { key: 'ArrowRight' });
  fireEvent.keyDown(tree, { key: 'ArrowDown' });
  fireEvent.keyDown(tree, { key: 'ArrowDown' });
  fireEvent.keyDown(tree, { key: 'Enter' });
  assert.equal(store.getState().activeDoc, 'image:web');
});

test('problems list shows generator warnings; a located problem reveals its field', async () => {
  const { wrap, store } = await setup();
  render(wrap(<ProblemsPanel collapsed={false} onToggle={() => {}} />));
  const region = screen.getByRole('region', { name: 'Problems' });
  assert.match(region.textContent!, /no volume specified/);
  act(() => store.getState().setPlan(makePlan({}, { error: { message: 'failed to configure user "bob"', chain: ['unable to determine app\'s uid and gid', 'failed to configure user "bob"'], panic: false, source: { kind: 'manifest', doc: { kind: 'image', app: 'web' }, pointer: '/app/user' } } }), [], 1));
  const button = screen.getByText(/failed to configure user/).closest('button')!;
  fireEvent.click(button);
  assert.deepEqual({ doc: store.getState().reveal?.doc, pointer: store.getState().reveal?.pointer }, { doc: 'image:web', pointer: '/app/user' });
});

test('status bar: pod path, profile, counts, generation time', async () => {
  const { wrap } = await setup();
  render(wrap(<StatusBar />));
  const bar = screen.getByRole('contentinfo');
  assert.match(bar.textContent!, /\/pods\/p/);
  assert.match(bar.textContent!, /profile v1\.30\.0/);
  assert.match(bar.textContent!, /coreos · systemd v233/);
  assert.match(bar.textContent!, /generated in 1\.5 ms/);
});

test('command palette filters and runs commands', async () => {
  let ran = '';
  const commands = [
    { id: 'write', title: 'Write units…', shortcut: 'Ctrl+S', run: () => { ran = 'write'; } },
    { id: 'export', title: 'Export bundle…', run: () => { ran = 'export'; } },
  ];
  let closed = false;
  render(<CommandPalette commands={commands} onClose={() => { closed = true; }} />);
  const input = screen.getByRole('combobox', { name: 'Command' });
  fireEvent.change(input, { target: { value: 'expbun' } });
  const options = screen.getAllByRole('option');
  assert.equal(options.length, 1);
  assert.match(options[0].textContent!, /Export bundle/);
  fireEvent.keyDown(input, { key: 'Enter' });
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(closed, true);
  assert.equal(ran, 'export');
});

test('what-if controls regenerate with overrides; the profile combobox switches profiles', async () => {
  const { wrap, client, controller } = await setup();
  render(wrap(<><Toolbar onOpen={() => {}} onWrite={() => {}} onExport={() => {}} onPalette={() => {}} onToggleTheme={() => {}} /><WhatIfPanel /></>));
  fireEvent.click(screen.getByLabelText('debug'));
  await controller.idle();
  let last = client.calls.filter((c) => c.channel === 'plan.generate').at(-1)!.request as { runtime?: unknown; profile?: string };
  assert.deepEqual(last.runtime, { Debug: true });
  fireEvent.change(screen.getByRole('combobox', { name: 'Profile' }), { target: { value: 'v1.29.0' } });
  await controller.idle();
  last = client.calls.filter((c) => c.channel === 'plan.generate').at(-1)!.request as { runtime?: unknown; profile?: string };
  assert.equal(last.profile, 'v1.29.0');
  assert.equal((screen.getByRole('combobox', { name: 'Flavor' }) as HTMLSelectElement).disabled, true, 'no flavor override without host support');
});

test('the diff file list renders its files only once opened, and picks the one clicked', () => {
  const picked: string[] = [];
  const summary = summarize(new Map([['a', { kind: 'file' as const, content: '1' }]]), new Map([['a', { kind: 'file' as const, content: '2' }], ['b', { kind: 'file' as const, content: '' }]]));
  const { container } = render(<DiffFileList summary={summary} onPick={(p) => picked.push(p)} />);
  assert.equal(container.querySelectorAll('li').length, 0);
  const details = container.querySelector('details')!;
  act(() => { details.open = true; fireEvent(details, new (details.ownerDocument.defaultView!.Event)('toggle')); });
  assert.deepEqual([...container.querySelectorAll('li')].map((li) => li.textContent), ['M a', 'A b']);
  fireEvent.click(screen.getByText('b'));
  assert.deepEqual(picked, ['b']);
});
