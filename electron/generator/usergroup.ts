// ParseUserGroup: the app's uid and gid from `user`/`group`, resolved like rkt does:
// "root", then a Go integer, then a path in the app rootfs (its owner, unshifted), then a name
// in the app's /etc/passwd or /etc/group. Docker-converted images fall back to gid = uid.
import type { RuntimeApp } from '../appc/types.js';
import { atoi } from './goparse.js';
import { FsError, ERRNO_TEXT } from './podfs.js';
import { GenError, fail, wrap } from './gen-error.js';
import { goQuote } from './goquote.js';
import { join } from './gopath.js';
import { lookupGidFromFile, lookupUidFromFile } from './etc-files.js';
import { appRootfs, shown, type GenContext } from './pod.js';
import { convertedFromDocker } from './mounts.js';
import { fieldSource } from './sources.js';

type Resolved = { ok: true; uid: bigint; gid: bigint } | { ok: false; error: GenError };

function numeric(id: string): bigint | null {
  if (id === 'root') return 0n;
  const n = atoi(id);
  return n.ok ? n.value : null;
}

function fromStat(ctx: GenContext, root: string, file: string): Resolved {
  const rel = join(root, file);
  let st;
  try {
    st = ctx.fs.lstat(rel);
  } catch (e) {
    const text = e instanceof FsError ? ERRNO_TEXT[e.code] : String(e);
    return { ok: false, error: wrap(`unable to stat file ${goQuote(shown(ctx.pod, rel))}`, new GenError(text)) };
  }
  const { shift, count } = ctx.pod.uidRange;
  const uid = st.uid >>> 0;
  const gid = st.gid >>> 0;
  const end = (shift + count) >>> 0;
  if (uid < shift || gid < shift || (count > 0 && (uid >= end || gid >= end))) {
    return {
      ok: false,
      error: wrap('unable to determine real uid', fail(`uid ${uid} or gid ${gid} are out of range ${count} after unshifting`)),
    };
  }
  return { ok: true, uid: BigInt(uid - shift), gid: BigInt(gid - shift) };
}

function resolve(ctx: GenContext, root: string, id: string, what: 'user' | 'group'): Resolved {
  const n = numeric(id);
  if (n !== null) return { ok: true, uid: n, gid: n };
  if (id.startsWith('/')) return fromStat(ctx, root, id);
  const passwd = join(root, 'etc/passwd');
  const group = join(root, 'etc/group');
  try {
    if (what === 'user') {
      const uid = lookupUidFromFile(ctx.fs, passwd, shown(ctx.pod, passwd), id);
      return { ok: true, uid, gid: -1n };
    }
    const gid = lookupGidFromFile(ctx.fs, group, shown(ctx.pod, group), id);
    return { ok: true, uid: -1n, gid };
  } catch (e) {
    return { ok: false, error: e as GenError };
  }
}

export function parseUserGroup(ctx: GenContext, ra: RuntimeApp): { uid: bigint; gid: bigint } {
  const app = ra.app!;
  const root = appRootfs(ra.name);
  const u = resolve(ctx, root, app.user, 'user');
  if (!u.ok) throw wrap(`failed to configure user ${goQuote(app.user)}`, u.error, fieldSource(app, 'user'));
  const uid = u.uid;
  const g = resolve(ctx, root, app.group, 'group');
  if (g.ok) return { uid, gid: g.gid };
  const img = ctx.pod.images.get(ra.name);
  const dockerFallback = ctx.profile.users === 'resolvers-docker-fallback';
  if (dockerFallback && img && convertedFromDocker(img) && img.app && img.app.user === img.app.group && app.group === img.app.group) {
    return { uid, gid: uid };
  }
  throw wrap(`failed to configure group ${goQuote(app.group)}`, g.error, fieldSource(app, 'group'));
}
