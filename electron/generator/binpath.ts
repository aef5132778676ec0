// FindBinPath: the path ExecStart= runs, looked up inside the app rootfs like exec(3) would.
import type { RuntimeApp } from '../appc/types.js';
import { fail, wrap } from './gen-error.js';
import { isAbs, join, splitList } from './gopath.js';
import { goQuote } from './goquote.js';
import { appRootfs, type GenContext } from './pod.js';
import { evaluateSymlinksInside } from './symlinks.js';
import { evaluateAppPath } from './app-to-systemd/symlinks.js';
import { execSource, envSource } from './sources.js';

/** `workDir`: the app's working directory, defaulted to '/' (rkt up to v1.15 kept it apart from the app). */
export function findBinPath(ctx: GenContext, ra: RuntimeApp, workDir = ra.app!.workingDirectory): string {
  const app = ra.app!;
  if (!app.exec || app.exec.length === 0) throw fail('app has no executable', execSource(app));
  const bin = app.exec[0];
  if (isAbs(bin)) return bin;
  if (bin.includes('/')) return join(workDir, bin);

  const pathVar = app.environment.find((e) => e.name === 'PATH');
  const searchDirs = pathVar ? pathVar.value.split(':') : [workDir, '/bin', '/usr/bin'];
  const joined = searchDirs.join(':');
  try {
    return lookupPathInsideApp(ctx, ra.name, bin, joined, workDir);
  } catch (e) {
    throw wrap(`error looking up ${goQuote(bin)}`, e, pathVar ? envSource(app, pathVar) : execSource(app, 0));
  }
}

function lookupPathInsideApp(ctx: GenContext, name: string, bin: string, paths: string, workDir: string): string {
  const evaluate = ctx.profile.pathResolution === 'component-walk' ? evaluateAppPath : evaluateSymlinksInside;
  const rootRel = appRootfs(name);
  const rootAbs = join(ctx.pod.absRoot, rootRel);
  for (let p of splitList(paths)) {
    if (!isAbs(p)) p = join(workDir, p);
    const dirAbs = join(rootAbs, p);
    const binAbs = join(dirAbs, bin);
    const stage2Path = binAbs.startsWith(rootAbs) ? binAbs.slice(rootAbs.length) : binAbs;
    let real: string;
    try {
      real = evaluate(ctx.fs, rootRel, rootAbs, stage2Path);
    } catch (e) {
      throw wrap(`could not evaluate path ${stage2Path}`, e);
    }
    if (isExecutable(ctx, join(rootRel, real))) return stage2Path;
  }
  throw fail(`unable to find ${goQuote(bin)} in ${goQuote(paths)}`);
}

function isExecutable(ctx: GenContext, rel: string): boolean {
  try {
    const st = ctx.fs.stat(rel);
    return st.kind !== 'dir' && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
