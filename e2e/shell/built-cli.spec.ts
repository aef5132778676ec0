// The desktop app and `npm start` run the built bundle; the other tests run the TypeScript
// sources. The bundle must generate exactly what the sources do, for every sample pod.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PODS = join(REPO, 'assets/pods/data/pods');

function samplePods(): string[] {
  return readdirSync(PODS).flatMap((state) => readdirSync(join(PODS, state)).map((uuid) => join(PODS, state, uuid)));
}

function generate(root: string, fromBuild: boolean) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/podunit'), 'generate', '--json', '--host-cgroups', 'memory,cpu', root], {
    cwd: REPO, encoding: 'utf8', env: { ...process.env, PODUNIT_FROM_BUILD: fromBuild ? '1' : '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

for (const root of samplePods()) {
  test(`the built CLI generates ${root.slice(PODS.length + 1)} as the sources do`, () => {
    const built = generate(root, true);
    const source = generate(root, false);
    expect(built.stderr).toBe(source.stderr);
    expect(built.status).toBe(source.status);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(source.stdout));
  });
}
