// Writing a bundle to its target: one .tar.gz file, or a directory tree. Both are reproducible:
// fixed mtimes and owners in the archive, sorted entries, the same bytes for the same plan.
import { gzipSync } from 'node:zlib';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ChannelResponse } from '../../shared/ipc/contract.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import type { Plan } from '../../shared/plan.js';
import { confinedPath } from '../ipc/confine.js';
import { bundleEntries, sha256Hex } from './bundle.js';
import { tarArchive, type TarEntry } from './tar.js';

export type WriteFileAtomic = (dir: string, relPath: string, data: Uint8Array | string, mode: number) => void;

/** The .tar.gz bytes of a plan's bundle. */
export function bundleTarGz(plan: Plan): Uint8Array {
  return gzip(tarArchive(bundleEntries(plan)));
}

/** gzip with a fixed header: no mtime (zlib writes none) and the OS byte set to Unix, not zlib's build default. */
function gzip(data: Uint8Array): Uint8Array {
  const out = gzipSync(data, { level: 9 });
  out[9] = 3;
  return out;
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
    requireFolder(dirname(abs));
    const data = gzip(tarArchive(entries));
    writeFileAtomic(dirname(abs), basename(abs), data, 0o644);
    return { target: abs, format, files, bytes: data.length };
  }
  writeDirectory(abs, entries, overwrite, writeFileAtomic);
  return { target: abs, format, files, bytes: files.reduce((n, f) => n + f.size, 0) };
}

function writeDirectory(dir: string, entries: TarEntry[], overwrite: boolean, writeFileAtomic: WriteFileAtomic): void {
  const existing = lstatOrNull(dir);
  if (existing && !existing.isDirectory()) throw new IpcError('exists', `${dir} exists and is not a directory.`);
  const empty = !existing || readdirSync(dir).length === 0;
  if (!empty && !overwrite) {
    throw new IpcError('exists', `${dir} is not empty. Choose an empty or new folder, or allow overwriting.`);
  }
  if (!empty) {
    // Other things in the folder stay: the bundle's files replace their namesakes one by one.
    writeTree(dir, entries, writeFileAtomic);
    return;
  }
  requireFolder(dirname(dir));
  // A new or empty folder gets the whole bundle at once: built beside it, then renamed into
  // place, so a failure (a full disk) leaves no half-written bundle behind.
  const tmp = mkdtempSync(join(dirname(dir), `.${basename(dir)}.podunit-`));
  try {
    chmodSync(tmp, 0o755);
    writeTree(tmp, entries, writeFileAtomic);
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

function writeTree(dir: string, entries: TarEntry[], writeFileAtomic: WriteFileAtomic): void {
  for (const entry of entries) {
    if (entry.kind === 'dir') {
      const abs = confinedPath(dir, entry.path);
      if (!lstatOrNull(abs)) mkdirSync(abs);
      // Exactly the bundle's mode, whatever the umask.
      chmodSync(abs, entry.mode);
    } else if (entry.kind === 'file') {
      writeFileAtomic(dir, entry.path, entry.data!, entry.mode);
    } else {
      const abs = confinedPath(dir, entry.path);
      if (lstatOrNull(abs)) unlinkSync(abs);
      symlinkSync(entry.target!, abs);
    }
  }
}

/** The folder a bundle goes into must exist; it may be reached through a symlink. */
function requireFolder(folder: string): void {
  if (!statOrNull(folder)?.isDirectory()) throw new IpcError('not-found', `The folder ${folder} does not exist.`);
}

function lstatOrNull(p: string) {
  try { return lstatSync(p); } catch { return null; }
}

function statOrNull(p: string) {
  try { return statSync(p); } catch { return null; }
}
