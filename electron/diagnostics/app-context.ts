// Everything the doctor knows about one app, gathered once.
import fs from 'node:fs';
import path from 'node:path';
import type { PodLayout } from './overlay.js';
import type { RootView } from './root-view.js';
import type { AppStatus } from './status.js';
import type { JournalEntry } from './journal.js';
import { effectiveApp, peekImageManifest, type PeekApp, type PeekImage, type PeekRuntimeApp } from './manifest-peek.js';
import { findAppUnit, readAppEnv, readDiskUnit, type DiskUnit } from './units-on-disk.js';
import { appExecOf, type AppExec } from './unit-file.js';

/** What systemd said about the app's main process, when Debug was on. */
export interface SystemdExit {
  code: 'exited' | 'killed' | 'dumped';
  status: number;
  name: string | null;
  entry: JournalEntry;
}

export interface AppContext {
  rt: PeekRuntimeApp;
  image: PeekImage | null;
  app: PeekApp | null;
  /** The name the app's files go by (the app name; the image hash before rkt v0.8.0). */
  key: string;
  unit: DiskUnit | null;
  reaper: DiskUnit | null;
  exec: AppExec | null;
  env: { vars: Record<string, string>; nulSeparated: boolean; hostPath: string } | null;
  status: AppStatus;
  root: RootView;
  /** The app's root file system has anything in it (it may be unreachable for overlay pods). */
  rootAvailable: boolean;
  journal: JournalEntry[];
  systemdExit: SystemdExit | null;
}

function readImage(layout: PodLayout, key: string, name: string): PeekImage | null {
  const candidates: string[] = [];
  const inStage1 = layout.stage1.hostPath(`${layout.appDir(key)}/manifest`);
  if (inStage1) candidates.push(inStage1);
  candidates.push(path.join(layout.root, 'appsinfo', name, 'manifest'));
  for (const c of candidates) {
    try {
      return peekImageManifest(fs.readFileSync(c, 'utf8'));
    } catch {
      // next
    }
  }
  return null;
}

export function appJournal(all: JournalEntry[], app: string): JournalEntry[] {
  const unit = `${app}.service`;
  return all.filter((e) => e.identifier === app || e.fields._SYSTEMD_UNIT === unit || e.fields.UNIT === unit);
}

export function systemdExitOf(entries: JournalEntry[], app: string): SystemdExit | null {
  let last: SystemdExit | null = null;
  for (const e of entries) {
    if (e.fields.UNIT !== `${app}.service` && !e.message.startsWith(`${app}.service:`)) continue;
    const m = /code=(exited|killed|dumped), status=(\d+)(?:\/(\w+))?/.exec(e.message);
    if (m) last = { code: m[1] as SystemdExit['code'], status: Number(m[2]), name: m[3] ?? null, entry: e };
  }
  return last;
}

export function buildAppContext(layout: PodLayout, rt: PeekRuntimeApp, status: AppStatus, journal: JournalEntry[]): AppContext {
  const found = findAppUnit(layout, rt);
  const key = found?.key ?? rt.name;
  const image = readImage(layout, key, rt.name);
  const unit = found?.unit ?? null;
  const root = layout.appRoot(key);
  const entries = appJournal(journal, rt.name);
  return {
    rt,
    image,
    app: effectiveApp(rt, image),
    key,
    unit,
    reaper: readDiskUnit(layout, `reaper-${key}.service`),
    exec: unit ? appExecOf(unit.unit) : null,
    env: readAppEnv(layout, key),
    status,
    root,
    rootAvailable: (root.readdir('/') ?? []).length > 0,
    journal: entries,
    systemdExit: systemdExitOf(journal, rt.name),
  };
}
