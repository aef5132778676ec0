// Writing a bundle to its target: one .tar.gz file, or a directory tree. Both are reproducible:
// fixed mtimes and owners in the archive, sorted entries, the same bytes for the same plan.
import { gzipSync } from 'node:zlib';
import { lstatSync, mkdirSync, readdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ChannelResponse } from '../../shared/ipc/contract.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import type { Plan } from '../../shared/plan.js';
import { confinedPath } from '../ipc/confine.js';
import { bundleEntries, sha256Hex } from './bundle.js';
import { tarArchive, type TarEntry } from './tar.js';

export type WriteFileAtomic = (dir: string, relPath: string, data: Uint8Array | string, mode: number) => void;

/** The .tar.gz bytes of a plan's bundle. */
export function bundleTarGz(plan: Plan): Uint8Array {
  return gzipSync(tarArchive(bundleEntries(plan)), { level: 9 });
}

export function exportBundle(
  plan: Plan, target: string, format: 'tar.gz' | 'dir', overwrite: boolean, writeFileAtomic: WriteFileAtomic,
): ChannelResponse<'bundle.export'> {
  const abs = resolve(target);
  const entries = bundleEntries(plan);
  const files = entries
    .filter((e) => e.kind === 'file')
    .map((e) => ({ path: e.path, size: e.data!.length, sha256: sha256Hex(e.data!) }));
  if (format === 'tar.gz') {
    const existing = lstatOrNull(abs);
    if (existing?.isDirectory()) throw new IpcError('exists', `${abs} is a directory; choose a file name for the .tar.gz.`);
    if (existing && !overwrite) throw new IpcError('exists', `${abs} already exists. Choose another name or allow overwriting.`);
    if (existing?.isSymbolicLink()) throw new IpcError('outside-root', `${abs} is a symlink; refusing to write through it.`);
    const parent = lstatOrNull(dirname(abs));
    if (!parent?.isDirectory()) throw new IpcError('not-found', `The folder ${dirname(abs)} does not exist.`);
    const data = gzipSync(tarArchive(entries), { level: 9 });
    writeFileAtomic(dirname(abs), basename(abs), data, 0o644);
    return { target: abs, format, files, bytes: data.length };
  }
  writeDirectory(abs, entries, overwrite, writeFileAtomic);
  return { target: abs, format, files, bytes: files.reduce((n, f) => n + f.size, 0) };
}

function writeDirectory(dir: string, entries: TarEntry[], overwrite: boolean, writeFileAtomic: WriteFileAtomic): void {
  const existing = lstatOrNull(dir);
  if (existing && !existing.isDirectory()) throw new IpcError('exists', `${dir} exists and is not a directory.`);
  if (existing && readdirSync(dir).length > 0 && !overwrite) {
    throw new IpcError('exists', `${dir} is not empty. Choose an empty or new folder, or allow overwriting.`);
  }
  if (!existing) {
    const parent = lstatOrNull(dirname(dir));
    if (!parent?.isDirectory()) throw new IpcError('not-found', `The folder ${dirname(dir)} does not exist.`);
    mkdirSync(dir, { mode: 0o755 });
  }
  for (const entry of entries) {
    if (entry.kind === 'dir') {
      const abs = confinedPath(dir, entry.path);
      if (!lstatOrNull(abs)) mkdirSync(abs, { mode: entry.mode });
    } else if (entry.kind === 'file') {
      writeFileAtomic(dir, entry.path, entry.data!, entry.mode);
    } else {
      const abs = confinedPath(dir, entry.path);
      if (lstatOrNull(abs)) unlinkSync(abs);
      symlinkSync(entry.target!, abs);
    }
  }
}

function lstatOrNull(p: string) {
  try { return lstatSync(p); } catch { return null; }
}
