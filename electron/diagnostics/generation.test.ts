import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectGeneration, profileForVersion, sameGeneration, type AppUnits } from './generation.js';
import { parseUnit } from './unit-file.js';
import { imageShortHash, peekPodManifest } from './manifest-peek.js';
import type { DiskUnit } from './units-on-disk.js';

// The recorded corpora live next to the repository (see the design notes); skipped when absent.
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(REPO, '../shared/conformance');
const noCorpus = fs.existsSync(CORPUS) ? false : `no conformance corpus at ${CORPUS}`;

interface Entry { path: string; kind: string; content?: string }

function unitsOf(caseDir: string): AppUnits[] {
  const exp = JSON.parse(fs.readFileSync(path.join(caseDir, 'expected.json'), 'utf8'));
  const entries: Entry[] = [...(exp.entries ?? [])];
  const byPath = new Map(entries.filter((e) => e.kind === 'file').map((e) => [e.path, e.content ?? '']));
  let pod;
  try {
    pod = peekPodManifest(fs.readFileSync(path.join(caseDir, 'input', 'pod'), 'utf8'));
  } catch {
    return [];
  }
  const U = 'stage1/rootfs/usr/lib/systemd/system';
  const disk = (name: string): DiskUnit | null => {
    const text = byPath.get(`${U}/${name}`);
    return text === undefined ? null : { name, path: `/usr/lib/systemd/system/${name}`, hostPath: `${U}/${name}`, text, unit: parseUnit(text) };
  };
  const out: AppUnits[] = [];
  for (const a of pod.apps) {
    for (const key of [a.name, imageShortHash(a.imageID)]) {
      const unit = key ? disk(`${key}.service`) : null;
      if (!unit) continue;
      const env = byPath.get(`stage1/rootfs/rkt/env/${key}`);
      out.push({ app: a.name, unit, reaper: disk(`reaper-${key}.service`), env: env === undefined ? null : { nulSeparated: env.includes('\0'), hostPath: `rkt/env/${key}` } });
      break;
    }
  }
  return out;
}

function cases(dir: string): string[] {
  return fs.readdirSync(dir).map((c) => path.join(dir, c)).filter((c) => fs.existsSync(path.join(c, 'expected.json')));
}

/** The profile whose units each legacy tag's recordings look like. */
const LEGACY: Record<string, string[]> = {
  'v0.7.0': ['rkt-v0.7.0'],
  'v0.16.0': ['rkt-v0.16.0'],
  'v1.0.0': ['rkt-v0.16.0'], // same units as v0.16.0; only error texts changed
  'v1.3.0': ['rkt-v1.3.0'],
  'v1.4.0': ['rkt-v1.3.0'], // same units as v1.3.0; only the nspawn arguments changed
  'v1.5.0': ['rkt-v1.5.0'],
  'v1.11.0': ['rkt-v1.11.0'],
  'v1.30.0': ['rkt-v1.30.0'],
};

test('every legacy recording is recognised as its generation', { skip: noCorpus }, () => {
  let checked = 0;
  for (const [tag, want] of Object.entries(LEGACY)) {
    for (const c of cases(path.join(CORPUS, 'legacy', tag, 'cases'))) {
      const apps = unitsOf(c);
      if (apps.length === 0) continue;
      const g = detectGeneration(apps);
      assert.ok(g.profile && want.includes(g.profile), `${tag}/${path.basename(c)}: detected ${g.profile} (${g.markers.map((m) => m.meaning).join('; ')})`);
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} legacy cases had app units`);
});

test('no current recording is mistaken for an older generation', { skip: noCorpus }, () => {
  let checked = 0;
  for (const c of cases(path.join(CORPUS, 'cases'))) {
    const apps = unitsOf(c);
    if (apps.length === 0) continue;
    const g = detectGeneration(apps);
    assert.ok(g.profile === null || g.profile === 'rkt-tip', `${path.basename(c)}: detected ${g.profile} (${g.markers.map((m) => m.meaning).join('; ')})`);
    checked++;
  }
  assert.ok(checked > 50);
});

test('stage1 version labels map to profiles', () => {
  assert.deepEqual(profileForVersion('0.7.0'), { profile: 'rkt-v0.7.0', approximate: false });
  assert.deepEqual(profileForVersion('0.16.0'), { profile: 'rkt-v0.16.0', approximate: false });
  assert.deepEqual(profileForVersion('1.2.1'), { profile: 'rkt-v1.3.0', approximate: false });
  assert.deepEqual(profileForVersion('1.7.0'), { profile: 'rkt-v1.5.0', approximate: true });
  assert.deepEqual(profileForVersion('1.25.0'), { profile: 'rkt-v1.30.0', approximate: true });
  assert.deepEqual(profileForVersion('1.30.0'), { profile: 'rkt-v1.30.0', approximate: false });
  assert.deepEqual(profileForVersion('v1.30.0+git'), { profile: 'rkt-v1.30.0', approximate: false });
  assert.equal(profileForVersion('master'), null);
  assert.ok(sameGeneration('rkt-tip', 'rkt-v1.30.0'));
  assert.ok(!sameGeneration('rkt-tip', 'rkt-v1.11.0'));
});
