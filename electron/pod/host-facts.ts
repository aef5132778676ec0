// Probing the facts rkt's generator reads from the host: cgroup controllers, the host's
// systemctl version, the umask, the architecture and which volume sources are device nodes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { HostFacts } from '../../shared/runtime.js';

const CGROUP_ROOT = '/sys/fs/cgroup';

export function probeCgroupControllers(): string[] | null {
  try {
    const v2 = path.join(CGROUP_ROOT, 'cgroup.controllers');
    if (fs.existsSync(v2)) return fs.readFileSync(v2, 'utf8').split('\n')[0].split(' ').filter(Boolean);
    if (!fs.statSync(CGROUP_ROOT).isDirectory()) return null;
    return ['memory', 'cpu'].filter((c) => fs.existsSync(path.join(CGROUP_ROOT, c, 'cgroup.procs')));
  } catch {
    return null;
  }
}

/** First executable non-directory `name` on PATH, as rkt's lookup finds it. */
export function lookPath(name: string, pathVar: string): string | null {
  for (const dir of pathVar.split(':')) {
    const candidate = path.resolve(dir === '' ? '.' : dir, name);
    try {
      const st = fs.statSync(candidate);
      if (!st.isDirectory() && (st.mode & 0o111) !== 0) return candidate;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

const systemctlCache = new Map<string, string | null>();

/** `systemctl --version` of the host (cached per PATH: the host does not change under us). */
export function probeSystemctlVersion(pathVar: string): string | null {
  if (!systemctlCache.has(pathVar)) systemctlCache.set(pathVar, runSystemctlVersion(pathVar));
  return systemctlCache.get(pathVar)!;
}

function runSystemctlVersion(pathVar: string): string | null {
  const bin = lookPath('systemctl', pathVar);
  if (!bin) return null;
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    return typeof out === 'string' ? out : '';
  }
}

export function goArch(nodeArch: string): string {
  const map: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };
  return map[nodeArch] ?? nodeArch;
}

export function currentUmask(): number {
  // process.umask() with no argument reads the mask without changing it.
  return process.umask();
}

/** Which of these host paths are device nodes (lstat: a symlink to a device is not one). */
export function probeDevices(paths: Iterable<string>): Record<string, 'char' | 'block'> {
  const out: Record<string, 'char' | 'block'> = {};
  for (const p of paths) {
    try {
      const st = fs.lstatSync(p);
      if (st.isCharacterDevice()) out[p] = 'char';
      else if (st.isBlockDevice()) out[p] = 'block';
    } catch {
      /* not a device */
    }
  }
  return out;
}

export function probeHostFacts(deviceCandidates: Iterable<string> = []): HostFacts {
  const pathVar = process.env.PATH ?? '';
  return {
    cgroupControllers: probeCgroupControllers(),
    systemctlVersionOutput: probeSystemctlVersion(pathVar),
    path: pathVar,
    umask: currentUmask(),
    arch: goArch(process.arch),
    devices: probeDevices(deviceCandidates),
  };
}
