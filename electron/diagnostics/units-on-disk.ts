// The units stage1 wrote into the pod, read back through the pod layout.
import type { PodLayout } from './overlay.js';
import type { PeekRuntimeApp } from './manifest-peek.js';
import { imageShortHash } from './manifest-peek.js';
import { parseUnit, type UnitFile } from './unit-file.js';

export const UNIT_DIR = '/usr/lib/systemd/system';

export interface DiskUnit {
  name: string;
  /** Path inside stage1 (/usr/lib/systemd/system/<name>). */
  path: string;
  hostPath: string;
  text: string;
  unit: UnitFile;
}

export function readDiskUnit(layout: PodLayout, name: string): DiskUnit | null {
  const p = `${UNIT_DIR}/${name}`;
  const st = layout.stage1.lstat(p);
  if (!st || st.kind !== 'file') return null;
  const text = layout.stage1.readText(p) ?? '';
  return { name, path: p, hostPath: st.hostPath, text, unit: parseUnit(text) };
}

/**
 * An app's main unit and the name its files go by: the app name, or for rkt before v0.8.0
 * the image ID cut to 39 characters.
 */
export function findAppUnit(layout: PodLayout, app: PeekRuntimeApp): { key: string; unit: DiskUnit } | null {
  for (const key of [app.name, imageShortHash(app.imageID)]) {
    if (!key) continue;
    const u = readDiskUnit(layout, `${key}.service`);
    if (u) return { key, unit: u };
  }
  return null;
}

/** Whether stage1 wrote any of the pod-level units (the first thing its generator writes). */
export function podUnitsWritten(layout: PodLayout): boolean {
  return ['default.target', 'prepare-app@.service', 'halt.target', 'shutdown.service'].some((n) => layout.stage1.exists(`${UNIT_DIR}/${n}`));
}

/** The app's environment file as a map (newline files since v1.5.0, NUL-separated before). */
export function readAppEnv(layout: PodLayout, key: string): { vars: Record<string, string>; nulSeparated: boolean; hostPath: string } | null {
  const p = `/rkt/env/${key}`;
  const buf = layout.stage1.readFile(p);
  if (!buf) return null;
  const text = buf.toString('utf8');
  const nul = text.includes('\0');
  const vars: Record<string, string> = {};
  for (const item of text.split(nul ? '\0' : '\n')) {
    const eq = item.indexOf('=');
    if (eq > 0) vars[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return { vars, nulSeparated: nul, hostPath: layout.stage1.hostPath(p)! };
}
