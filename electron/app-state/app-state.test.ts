import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../ipc/test-support.js';
import { defaultConfigDir } from './config-dir.js';
import { fileRecentStore, RECENT_LIMIT } from './recent.js';
import { DEFAULT_WINDOW, fitToDisplays, loadWindowState, saveWindowState } from './window-state.js';

const tmp = tempDir();
after(tmp.cleanup);

test('config dir follows XDG', () => {
  assert.equal(defaultConfigDir({ XDG_CONFIG_HOME: '/x/cfg' }), '/x/cfg/podunit');
  assert.equal(defaultConfigDir({ PODUNIT_CONFIG_DIR: '/y' }), '/y');
  assert.match(defaultConfigDir({ XDG_CONFIG_HOME: 'relative' }), /\.config\/podunit$/);
});

test('recent pods persist, newest first, without duplicates, bounded', () => {
  const dir = join(tmp.dir, 'recent');
  let clock = 0;
  const store = fileRecentStore(dir, () => new Date(Date.UTC(2024, 0, 1, 0, 0, clock++)));
  store.add('/a', 'pod-root');
  store.add('/b', 'data-dir');
  store.add('/a', 'pod-root');
  const again = fileRecentStore(dir);
  assert.deepEqual(again.list().map((r) => [r.path, r.kind]), [['/a', 'pod-root'], ['/b', 'data-dir']]);
  for (let i = 0; i < 20; i++) store.add(`/p${i}`, 'pod-root');
  assert.equal(again.list().length, RECENT_LIMIT);
  again.clear();
  assert.deepEqual(store.list(), []);
});

test('a corrupt recent file reads as empty', () => {
  const dir = join(tmp.dir, 'corrupt');
  const store = fileRecentStore(dir);
  store.add('/a', 'pod-root');
  writeFileSync(join(dir, 'recent.json'), '{"version":1,"items":[{"path":5}]}');
  assert.deepEqual(store.list(), []);
});

test('window state round-trips and stays on a visible display', () => {
  const dir = join(tmp.dir, 'window');
  assert.deepEqual(loadWindowState(dir), DEFAULT_WINDOW);
  const state = { x: 100, y: 80, width: 1000, height: 700, maximized: false };
  saveWindowState(dir, state);
  assert.deepEqual(loadWindowState(dir), state);
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };
  assert.deepEqual(fitToDisplays(state, [screen]), state);
  assert.deepEqual(fitToDisplays({ ...state, x: 5000, y: 5000 }, [screen]), { width: 1000, height: 700, maximized: false });
  assert.deepEqual(fitToDisplays({ x: 0, y: 0, width: 4000, height: 3000, maximized: true }, [{ x: 3000, y: 0, width: 800, height: 600 }]),
    { x: 0, y: 0, width: 800, height: 600, maximized: true });
});
