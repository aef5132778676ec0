// The pod tree as a flat list of visible rows (what the virtualized list renders): manifests,
// generated files by group with their state against disk, files only on disk, problems.
import { classifyPath, GROUP_LABELS, GROUP_ORDER, type FileGroup } from './fileGroups';
import type { ChangeKind } from './fileSets';

export type RowState = ChangeKind | 'same' | 'unknown';

export type TreeRow =
  | { type: 'section'; id: string; label: string; depth: number; expanded: boolean; count?: number }
  | { type: 'doc'; id: string; docId: string; label: string; detail?: string; depth: number; edited: boolean; problem: boolean }
  | { type: 'file'; id: string; path: string; label: string; depth: number; state: RowState; fileKind: 'file' | 'symlink' }
  | { type: 'disk-only'; id: string; path: string; label: string; depth: number; backup?: boolean }
  | { type: 'problems'; id: string; label: string; depth: number; errors: number; warnings: number };

export interface TreeDoc { id: string; label: string; detail?: string; edited: boolean; problem: boolean }
export interface TreeFile { path: string; kind: 'file' | 'symlink' }

export interface TreeInput {
  docs: TreeDoc[];
  apps: readonly string[];
  files: readonly TreeFile[];
  /** Generated paths that differ from disk; paths not covered by the disk snapshot are 'unknown'. */
  stateOf: (path: string) => RowState;
  diskOnly: readonly string[];
  /** Copies podunit kept of files it replaced (`*.podunit-bak`). */
  backups?: readonly string[];
  problems: { errors: number; warnings: number };
  /** Expansion the user chose, by node id; other nodes use their default. */
  expanded: ReadonlyMap<string, boolean>;
}

/** Apps get their own folder under "Per-app units"; large pods start with them closed. */
const OPEN_APPS_UP_TO = 12;
/** Flat groups (env files, sysusers …) of large pods start closed too. */
const OPEN_GROUP_UP_TO = 100;

export interface GroupedFiles {
  byGroup: Map<FileGroup, TreeFile[]>;
  byApp: Map<string, TreeFile[]>;
  labels: Map<string, string>;
}

export function groupFiles(files: readonly TreeFile[], apps: readonly string[]): GroupedFiles {
  const byGroup = new Map<FileGroup, TreeFile[]>();
  const byApp = new Map<string, TreeFile[]>();
  const labels = new Map<string, string>();
  for (const f of files) {
    const c = classifyPath(f.path, apps);
    labels.set(f.path, c.label);
    if (c.group === 'app-units' && c.app) {
      const list = byApp.get(c.app);
      if (list) list.push(f);
      else byApp.set(c.app, [f]);
    }
    const list = byGroup.get(c.group);
    if (list) list.push(f);
    else byGroup.set(c.group, [f]);
  }
  return { byGroup, byApp, labels };
}

export function buildRows(input: TreeInput, grouped: GroupedFiles): TreeRow[] {
  const rows: TreeRow[] = [];
  const open = (id: string, byDefault: boolean) => input.expanded.get(id) ?? byDefault;

  const manifestsOpen = open('sec:manifests', input.docs.length <= OPEN_GROUP_UP_TO);
  rows.push({ type: 'section', id: 'sec:manifests', label: 'Manifests', depth: 0, expanded: manifestsOpen, count: input.docs.length });
  if (manifestsOpen) {
    for (const d of input.docs) {
      rows.push({ type: 'doc', id: `doc:${d.id}`, docId: d.id, label: d.label, detail: d.detail, depth: 1, edited: d.edited, problem: d.problem });
    }
  }

  const genOpen = open('sec:generated', true);
  rows.push({ type: 'section', id: 'sec:generated', label: 'Generated files', depth: 0, expanded: genOpen, count: input.files.length });
  if (genOpen) {
    for (const group of GROUP_ORDER) {
      const files = grouped.byGroup.get(group);
      if (!files || files.length === 0) continue;
      const gid = `grp:${group}`;
      const gOpen = open(gid, group === 'app-units' || files.length <= OPEN_GROUP_UP_TO);
      rows.push({ type: 'section', id: gid, label: GROUP_LABELS[group], depth: 1, expanded: gOpen, count: files.length });
      if (!gOpen) continue;
      if (group === 'app-units') {
        const appsOpenByDefault = input.apps.length <= OPEN_APPS_UP_TO;
        for (const app of input.apps) {
          const appFiles = grouped.byApp.get(app);
          if (!appFiles) continue;
          const aid = `app:${app}`;
          const aOpen = open(aid, appsOpenByDefault);
          rows.push({ type: 'section', id: aid, label: app, depth: 2, expanded: aOpen, count: appFiles.length });
          if (!aOpen) continue;
          for (const f of appFiles) rows.push(fileRow(f, grouped, input, 3, app));
        }
      } else {
        for (const f of files) rows.push(fileRow(f, grouped, input, 2));
      }
    }
  }

  if (input.diskOnly.length > 0) {
    const dOpen = open('sec:disk-only', true);
    rows.push({ type: 'section', id: 'sec:disk-only', label: 'Only on disk', depth: 0, expanded: dOpen, count: input.diskOnly.length });
    if (dOpen) {
      for (const path of input.diskOnly) {
        rows.push({ type: 'disk-only', id: `disk:${path}`, path, label: diskLabel(path), depth: 1 });
      }
    }
  }

  const backups = input.backups ?? [];
  if (backups.length > 0) {
    const bOpen = open('sec:backups', backups.length <= OPEN_GROUP_UP_TO);
    rows.push({ type: 'section', id: 'sec:backups', label: 'Backups', depth: 0, expanded: bOpen, count: backups.length });
    if (bOpen) {
      for (const path of backups) rows.push({ type: 'disk-only', id: `backup:${path}`, path, label: diskLabel(path), depth: 1, backup: true });
    }
  }

  const { errors, warnings } = input.problems;
  rows.push({ type: 'problems', id: 'problems', label: 'Problems', depth: 0, errors, warnings });
  return rows;
}

function diskLabel(path: string): string {
  return path.replace(/^stage1\/rootfs\/(usr\/lib\/systemd\/system\/)?/, '');
}

function fileRow(f: TreeFile, grouped: GroupedFiles, input: TreeInput, depth: number, app?: string): TreeRow {
  let label = grouped.labels.get(f.path) ?? f.path;
  if (app && label.includes('/')) label = label.slice(label.lastIndexOf('/') + 1) + ' (want)';
  return { type: 'file', id: `file:${f.path}`, path: f.path, label, depth, state: input.stateOf(f.path), fileKind: f.kind };
}

/** Parent node ids of a generated file, to open them when the file is revealed. */
export function ancestorsOf(path: string, apps: readonly string[]): string[] {
  const c = classifyPath(path, apps);
  const out = ['sec:generated', `grp:${c.group}`];
  if (c.group === 'app-units' && c.app) out.push(`app:${c.app}`);
  return out;
}
