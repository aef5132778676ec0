// The app's uid and gid as the exec-wrapper releases and v1.5.0 resolved them: only numbers
// (and "root") up to v1.0.0; from v1.1.0 also names from the image's etc/passwd and etc/group
// and file owners, each id unshifted on its own (so the other id is taken as 0).
import type { RuntimeApp } from '../../appc/types.js';
import { fail, GenError, wrap } from '../gen-error.js';
import { lookupGidFromFile, lookupUidFromFile } from '../etc-files.js';
import { atoi } from '../goparse.js';
import { goQuote } from '../goquote.js';
import { join } from '../gopath.js';
import type { GenContext, UidRange } from '../pod.js';
import { ERRNO_TEXT, FsError } from '../podfs.js';

export interface Ids {
  uid: bigint;
  gid: bigint;
}

function numericId(s: string): bigint | null {
  if (s === 'root') return 0n;
  const n = atoi(s);
  return n.ok ? n.value : null;
}

/** Up to v1.0.0: "root" or a decimal number. */
export function numericUserGroup(user: string, group: string): Ids {
  const uid = numericId(user);
  if (uid === null) throw fail('non-numerical user id not supported yet');
  const gid = numericId(group);
  if (gid === null) throw fail('non-numerical group id not supported yet');
  return { uid, gid };
}

/** uid.UnshiftRange (uint32 arithmetic). */
function unshift(r: UidRange, uid: number, gid: number): [number, number] {
  const end = (r.shift + r.count) >>> 0;
  if (uid < r.shift || gid < r.shift || (r.count > 0 && (uid >= end || gid >= end))) {
    throw fail(`uid ${uid} or gid ${gid} are out of range ${r.count} after unshifting`);
  }
  return [uid - r.shift, gid - r.shift];
}

type Kind = { what: 'user' | 'group'; id: 'uid' | 'gid' };
const USER: Kind = { what: 'user', id: 'uid' };
const GROUP: Kind = { what: 'group', id: 'gid' };

function resolveOne(ctx: GenContext, rootfs: string, name: string, k: Kind, rootBuiltIn: boolean, range: UidRange): bigint {
  if (rootBuiltIn && name === 'root') return 0n;
  if (name.startsWith('/')) {
    let st;
    try {
      st = ctx.fs.lstat(join(rootfs, name));
    } catch (e) {
      const text = e instanceof FsError ? ERRNO_TEXT[e.code] : String(e);
      throw wrap(`unable to get ${k.id} from file ${goQuote(name)}`, new GenError(text));
    }
    const owner = (k.id === 'uid' ? st.uid : st.gid) >>> 0;
    try {
      const [u, g] = k.id === 'uid' ? unshift(range, owner, 0) : unshift(range, 0, owner);
      return BigInt(k.id === 'uid' ? u : g);
    } catch (e) {
      throw wrap(`unable to determine real ${k.id}`, e);
    }
  }
  const n = atoi(name);
  if (n.ok) return n.value;
  try {
    const file = join(rootfs, k.what === 'user' ? 'etc/passwd' : 'etc/group');
    return k.what === 'user' ? lookupUidFromFile(ctx.fs, file, file, name) : lookupGidFromFile(ctx.fs, file, file, name);
  } catch (e) {
    throw wrap(`cannot lookup ${k.what} ${goQuote(name)}`, e);
  }
}

/** v1.1.0 – v1.5.0; `rootBuiltIn` from v1.5.0 (before, "root" is looked up in etc/passwd). */
export function etcOrPathUserGroup(ctx: GenContext, ra: RuntimeApp, rootfs: string, rootBuiltIn: boolean, range: UidRange): Ids {
  const app = ra.app!;
  return {
    uid: resolveOne(ctx, rootfs, app.user, USER, rootBuiltIn, range),
    gid: resolveOne(ctx, rootfs, app.group, GROUP, rootBuiltIn, range),
  };
}
