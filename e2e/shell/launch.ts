// Starting podunit the way a user does (`node scripts/start.mjs`, i.e. `npm start`) and reading
// the URL it prints; temporary copies of the sample pods for tests that change or delete them.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_TWO_APPS = join(REPO, 'assets/pods/data/pods/run/3f6d2a1c-8b4e-4f1a-9c2d-5e7b8a9c0d1e');

export interface Started {
  url: string;
  origin: string;
  token: string;
  output: () => string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startPodunit(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const config = mkdtempSync(join(tmpdir(), 'podunit-e2e-config-'));
  const child = spawn(process.execPath, [join(REPO, 'scripts/start.mjs'), ...args], {
    cwd: REPO,
    env: { ...process.env, PODUNIT_CONFIG_DIR: config, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => { output += c; });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { output += c; });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`podunit printed no URL within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) { clearTimeout(timer); resolveUrl(m[1]); }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`podunit exited with ${code}:\n${output}`)); });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    output: () => output,
    child,
    stop: () => new Promise<void>((done) => {
      const finish = () => { rmSync(config, { recursive: true, force: true }); done(); };
      if (child.exitCode !== null) return finish();
      child.once('exit', finish);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }),
  };
}

export function copyPod(src: string): { root: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'podunit-e2e-pod-'));
  const root = join(dir, 'pods', 'run', src.split('/').pop()!);
  cpSync(src, root, { recursive: true, verbatimSymlinks: true });
  return { root, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
