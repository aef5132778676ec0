/** @jsxRuntime automatic */
import '../../test/dom';
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { act, cleanup, render, screen } from '@testing-library/react';
import { createAppStore } from '../store/appState';
import { createController } from '../store/controller';
import { AppContext } from '../app/context';
import { useEditorsMounted } from '../app/editorsGate';
import { fakeClient, makePlan, makeSnapshot, UNIT } from '../../test/fakeClient';
import { ManifestPreview, TextPreview, UnitPreview } from './TextPreview';

afterEach(() => cleanup());

async function openedPod() {
  const store = createAppStore();
  const client = fakeClient({
    'app.info': () => ({ name: 'podunit', version: '0', mode: 'browser', platform: 'linux', initialPod: '/pods/p', samples: [], recent: [], profiles: ['v1.30.0'], defaultProfile: 'v1.30.0', nativeDialogs: false }),
    'pod.open': () => makeSnapshot().summary,
    'pod.snapshot': () => makeSnapshot(),
    'plan.generate': (req) => ({ seq: req.seq, superseded: false, plan: makePlan({ [`${UNIT}/web.service`]: '[Unit]\nDescription=web\n' }), diagnostics: [] }),
  });
  const controller = createController(store, client, { stage1Overrides: false });
  return { store, controller };
}

test('a preview shows the first lines of the text, or a loading note (nothing over an editor)', () => {
  const long = Array.from({ length: 400 }, (_, i) => `line ${i}`).join('\n');
  const { container, rerender } = render(<TextPreview text={long} />);
  const pre = container.querySelector('pre.text-preview')!;
  assert.equal(pre.textContent!.split('\n').length, 150);
  assert.ok(pre.textContent!.startsWith('line 0\nline 1\n'));
  rerender(<TextPreview text={null} />);
  assert.ok(screen.getByText('Loading the editor…'));
  rerender(<TextPreview text={null} quietWhenEmpty />);
  assert.equal(container.textContent, '');
});

test('the panes preview the pod manifest and the selected unit; editors mount once both are shown', async () => {
  const { store, controller } = await openedPod();
  const seen: boolean[] = [];
  function Gate() {
    seen.push(useEditorsMounted());
    return null;
  }
  const { container } = render(
    <AppContext.Provider value={{ store, controller }}>
      <ManifestPreview />
      <UnitPreview />
      <Gate />
    </AppContext.Provider>,
  );
  assert.equal(seen.at(-1), false);
  await act(async () => {
    await controller.init();
    await controller.idle();
  });
  const [manifest, unit] = [...container.querySelectorAll('pre.text-preview')].map((e) => e.textContent);
  assert.equal(manifest, store.getState().docs.pod.text);
  assert.equal(unit, '[Unit]\nDescription=web\n');
  await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
  assert.equal(seen.at(-1), true);
});
