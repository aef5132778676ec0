// GetFlavor: the stage1 flavor (target text of the stage1/rootfs/flavor symlink) and the
// systemd version it runs (stage1/rootfs/systemd-version, or the host's systemctl for 'host').
// rkt re-reads both at every use, so callers call this each time rather than caching.
import type { HostFacts } from '../../shared/runtime.js';
import { atoi } from './goparse.js';
import { FsError } from './podfs.js';
import { GenError, panicError, wrap } from './gen-error.js';
import type { PlanFs } from './plan-fs.js';
import { join, splitList } from './gopath.js';
import { goQuote } from './goquote.js';

export const STAGE1_ROOTFS = 'stage1/rootfs';

/** The flavors stage1 runs systemd-nspawn for (kvm and fly do not). */
export const NSPAWN_FLAVORS: ReadonlySet<string> = new Set(['coreos', 'src', 'host']);

export interface Flavor {
  flavor: string;
  systemdVersion: number;
}

type Memo = { ok: Flavor } | { err: unknown };
const memo = new WeakMap<PlanFs, Memo>();

/**
 * rkt re-reads the flavor and version at every use; within one generation neither file can
 * change (the generator never writes them), so the first answer — value or error — is reused.
 */
export function getFlavor(fs: PlanFs, host: HostFacts): Flavor {
  let m = memo.get(fs);
  if (!m) {
    try {
      m = { ok: readFlavor(fs, host) };
    } catch (e) {
      m = { err: e };
    }
    memo.set(fs, m);
  }
  if ('err' in m) throw m.err;
  return m.ok;
}

/**
 * GetFlavor up to rkt v1.0.0: the systemd version is only the trimmed text of systemd-version
 * (which must exist unless the flavor is 'host'); nothing parses it and the host is not asked.
 */
export function getFlavorText(fs: PlanFs): { flavor: string; systemdVersion: string } {
  let flavor: string;
  try {
    flavor = readFlavorLink(fs);
  } catch (e) {
    throw wrap('unable to determine stage1 flavor', e, { kind: 'host', fact: 'stage1/rootfs/flavor' });
  }
  if (flavor === 'host') return { flavor, systemdVersion: '' };
  try {
    return { flavor, systemdVersion: fs.readText(join(STAGE1_ROOTFS, 'systemd-version')).replace(/^[ \n]+|[ \n]+$/g, '') };
  } catch (e) {
    throw wrap("unable to determine stage1's systemd version", e);
  }
}

function readFlavor(fs: PlanFs, host: HostFacts): Flavor {
  let flavor: string;
  try {
    flavor = readFlavorLink(fs);
  } catch (e) {
    throw wrap('unable to determine stage1 flavor', e, { kind: 'host', fact: 'stage1/rootfs/flavor' });
  }
  if (flavor === 'host') return { flavor, systemdVersion: hostSystemdVersion(host) };

  let text: string;
  try {
    text = fs.readText(join(STAGE1_ROOTFS, 'systemd-version'));
  } catch (e) {
    throw wrap("unable to determine stage1's systemd version", e);
  }
  const trimmed = text.replace(/^[ \n]+|[ \n]+$/g, '');
  if (trimmed === '') {
    throw panicError('stage1/rootfs/systemd-version is empty (rkt panics here: slice bounds out of range [1:0])');
  }
  const rest = [...trimmed].slice(1).join('');
  const n = atoi(rest);
  if (n.ok) return { flavor, systemdVersion: Number(n.value) };
  if (n.error === 'syntax') return { flavor, systemdVersion: 0 };
  throw wrap("error parsing stage1's systemd version", new GenError(n.text));
}

/**
 * The target text of stage1/rootfs/flavor. rkt requires a symlink; a regular file holding the
 * flavor name (what a checkout without symlink support leaves behind) is read by its content,
 * with a note, since the flavor it names is unambiguous.
 */
function readFlavorLink(fs: PlanFs): string {
  const path = join(STAGE1_ROOTFS, 'flavor');
  try {
    return fs.readlink(path);
  } catch (e) {
    if (!(e instanceof FsError) || e.code !== 'EINVAL' || fs.lstat(path).kind !== 'file') throw e;
    const name = fs.readText(path).replace(/\n$/, '');
    if (name === '' || name.includes('\n') || name.length > 64) throw e;
    fs.notes.add(`stage1/rootfs/flavor is a regular file, not a symlink; rkt would fail to read it (readlink: invalid argument). Using its content, ${JSON.stringify(name)}, as the flavor.`);
    return name;
  }
}

function hostSystemdVersion(host: HostFacts): number {
  if (host.systemctlVersionOutput === null) {
    throw new GenError(`unable to find "systemctl" in ${goQuote(splitList(host.path).join(':'))}`);
  }
  const firstLine = host.systemctlVersionOutput.split('\n')[0];
  const m = /^systemd[ \t\r]*([+-]?[0-9]+)/.exec(firstLine);
  const n = m ? atoi(m[1]) : null;
  if (!n || !n.ok) {
    throw wrap('error finding systemctl version', new GenError(`cannot parse version: ${goQuote(firstLine)}`), {
      kind: 'host',
      fact: 'systemctl --version',
    });
  }
  return Number(n.value);
}
