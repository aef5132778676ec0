// Runs the real `systemd-analyze verify` and `systemd-analyze security --offline=yes` on a
// pod's units and sorts what they say. Some complaints are artefacts of checking rkt units
// outside the pod: systemd-analyze looks for ExecStart= programs on this host instead of
// inside RootDirectory=, and the stage1 image's own units are not in the unit directory
// when only what stage1 wrote is at hand. Those become notes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plan } from '../../shared/plan.js';
import type { PodLayout } from './overlay.js';
import { runTool } from './run-tool.js';
import { UNIT_DIR, readDiskUnit } from './units-on-disk.js';

export type VerifyLevel = 'error' | 'warning' | 'deprecation' | 'note';

export interface VerifyDiagnostic {
  level: VerifyLevel;
  unit: string | null;
  /** Host path and line of the unit file line the message is about. */
  path: string | null;
  line: number | null;
  message: string;
  /** For notes: why this is not a real problem in an rkt pod. */
  reason?: string;
  /** For deprecations: the option to use instead. */
  replacement?: string;
}

export interface SecurityIssue {
  name: string;
  description: string;
  exposure: number | null;
}

export interface SecurityReport {
  unit: string;
  exposure: number | null;
  rating: string | null;
  issues: SecurityIssue[];
}

export interface VerifyResult {
  units: string[];
  verifyAvailable: boolean;
  securityAvailable: boolean;
  /** Why a tool could not be used ("systemd-analyze is not installed …"). */
  problems: string[];
  /** First line of `systemd-analyze --version`. */
  analyzerVersion: string | null;
  diagnostics: VerifyDiagnostic[];
  security: SecurityReport[];
  notes: string[];
}

/** Units every rkt stage1 image ships (or systemd itself provides inside the pod). */
export const STAGE1_BUILTIN_UNITS = new Set([
  'exit.target',
  'iomux@.service',
  'local-fs.target',
  'poweroff.target',
  'reboot.target',
  'ctrl-alt-del.target',
  'sockets.target',
  'supervisor-ready.service',
  'systemd-reboot.service',
  'sysusers.service',
  'ttymux@.service',
  'systemd-journald.service',
  'systemd-journal-flush.service',
]);

/** Programs unit files run from stage1's own root rather than an app's. */
const STAGE1_PROGRAMS = ['/reaper.sh', '/prepare-app', '/appexec', '/diagexec', '/usr/bin/systemctl', '/iottymux', '/diagnostic'];

const MISSING = 'systemd-analyze is not installed (Debian package "systemd"), so the units were not checked by systemd itself';

function builtinName(unit: string): boolean {
  const templ = unit.replace(/@[^.]*\./, '@.');
  return STAGE1_BUILTIN_UNITS.has(unit) || STAGE1_BUILTIN_UNITS.has(templ) || unit.startsWith('systemd-');
}

/** An rkt-specific false positive, kept as a note with the reason it does not apply. */
function note(unit: string | null, message: string, reason: string): VerifyDiagnostic {
  return { level: 'note', unit, path: null, line: null, message, reason };
}

export function classifyVerifyLine(line: string, layout: PodLayout | null): VerifyDiagnostic | null {
  const t = line.trim();
  if (!t) return null;
  let m = /^(\/[^:]+):(\d+): (.*)$/.exec(t);
  if (m) {
    const [, p, ln, msg] = m;
    const dep = /uses (\w+)=; please use (\w+)= instead/.exec(msg);
    if (dep) {
      return { level: 'deprecation', unit: path.basename(p), path: p, line: Number(ln), message: msg, replacement: dep[2] };
    }
    return { level: 'warning', unit: path.basename(p), path: p, line: Number(ln), message: msg };
  }
  m = /^([^\s:]+\.(?:service|socket|target|mount|path|timer|slice|scope)): (.*)$/.exec(t);
  const unit = m ? m[1] : null;
  const msg = m ? m[2] : t;
  const notFound = /Unit ([^\s]+) not found/.exec(msg);
  if (notFound && builtinName(notFound[1])) {
    return note(unit, msg, `${notFound[1]} is part of the stage1 image (or of the pod's systemd) and is not among the units stage1 wrote`);
  }
  const notExec = /Command (\S+) is not executable/.exec(msg);
  if (notExec) {
    const prog = notExec[1];
    if (STAGE1_PROGRAMS.includes(prog)) {
      const there = layout?.stage1.exists(prog);
      return note(unit, msg, `${prog} runs from stage1's root, not this host's${layout ? there ? ' (it is present there)' : ' (it is not in the stage1 files at hand either)' : ''}`);
    }
    const disk = unit && layout ? readDiskUnit(layout, unit) : null;
    if (!disk || disk.unit.first('Service', 'RootDirectory')) {
      return note(unit, msg, "systemd-analyze looks for ExecStart= on this host and ignores RootDirectory=; the program is checked inside the app's root by the doctor instead");
    }
  }
  return { level: /^Failed|error/i.test(msg) ? 'error' : 'warning', unit, path: null, line: null, message: msg };
}

export function parseSecurity(unit: string, text: string): SecurityReport {
  const issues: SecurityIssue[] = [];
  let exposure: number | null = null;
  let rating: string | null = null;
  for (const line of text.split('\n')) {
    const overall = /Overall exposure level for \S+: ([\d.]+) (\S+)/.exec(line);
    if (overall) {
      exposure = Number(overall[1]);
      rating = overall[2];
      continue;
    }
    const m = /^✗ (\S+)\s{2,}(.*?)\s{2,}([\d.]+)\s*$/.exec(line);
    if (m) issues.push({ name: m[1], description: m[2].trim(), exposure: Number(m[3]) });
  }
  return { unit, exposure, rating, issues };
}

export interface VerifyOptions {
  systemdAnalyze?: string;
  /** Also run `security --offline=yes` on the app services (default true). */
  security?: boolean;
  timeoutMs?: number;
}

/** The generated units present on disk, by name, and the host directories that hold them. */
export function podUnitFiles(layout: PodLayout, appKeys: string[]): { names: string[]; dirs: string[] } {
  const candidates = ['default.target', 'halt.target', 'shutdown.service', 'prepare-app@.service'];
  for (const k of appKeys) {
    candidates.push(`${k}.service`, `reaper-${k}.service`, `${k}.socket`, `${k}-stdin.socket`, `${k}-stdout.socket`, `${k}-stderr.socket`);
  }
  const names = candidates.filter((n) => layout.stage1.lstat(`${UNIT_DIR}/${n}`)?.kind === 'file');
  const dirs = layout.overlay.stage1Layers.map((l) => path.join(l, UNIT_DIR));
  return { names, dirs };
}

export interface UnitFileRef {
  name: string;
  hostPath: string;
}

/** Checks unit files in the given host unit directories (upper first). */
export async function verifyUnitFiles(
  dirs: string[],
  files: UnitFileRef[],
  appServices: string[],
  layout: PodLayout | null,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const bin = opts.systemdAnalyze ?? 'systemd-analyze';
  const result: VerifyResult = {
    units: files.map((f) => f.name),
    verifyAvailable: false,
    securityAvailable: false,
    problems: [],
    analyzerVersion: null,
    diagnostics: [],
    security: [],
    notes: [],
  };
  if (files.length === 0) {
    result.problems.push('no generated units to check');
    return result;
  }
  const ver = await runTool(bin, ['--version'], { timeoutMs: 10_000 });
  if (ver.missing) {
    result.problems.push(MISSING);
    return result;
  }
  result.analyzerVersion = ver.stdout.split('\n')[0] ?? null;
  const env = { ...process.env, SYSTEMD_UNIT_PATH: dirs.join(':'), SYSTEMD_LOG_COLOR: '0', SYSTEMD_LOG_TARGET: 'console', SYSTEMD_PAGER: '' };
  const r = await runTool(bin, ['verify', '--man=no', '--generators=no', '--recursive-errors=no', ...files.map((f) => f.hostPath)], {
    env,
    timeoutMs: opts.timeoutMs ?? 60_000,
  });
  if (r.timedOut) result.problems.push('systemd-analyze verify took too long and was stopped');
  else if (/unrecognized option|invalid option/i.test(r.stderr)) result.problems.push(`systemd-analyze verify: ${r.stderr.trim()}`);
  else {
    result.verifyAvailable = true;
    const seen = new Set<string>();
    for (const line of r.stderr.split('\n').concat(r.stdout.split('\n'))) {
      const d = classifyVerifyLine(line, layout);
      if (!d) continue;
      const key = `${d.level}|${d.unit}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.diagnostics.push(d);
    }
  }
  if (opts.security !== false) {
    for (const s of appServices) {
      const f = files.find((x) => x.name === s);
      if (!f) continue;
      const sr = await runTool(bin, ['security', '--offline=yes', '--no-pager', f.hostPath], { env, timeoutMs: opts.timeoutMs ?? 60_000 });
      if (/unrecognized option|invalid option|Unknown command/i.test(sr.stderr)) {
        result.problems.push(`this systemd-analyze cannot review unit files offline (needs systemd 250 or later): ${sr.stderr.trim().split('\n')[0]}`);
        break;
      }
      const rep = parseSecurity(s, sr.stdout);
      if (rep.exposure === null && rep.issues.length === 0) {
        result.problems.push(`systemd-analyze security gave no report for ${s}: ${sr.stderr.trim().split('\n').pop() ?? ''}`);
        continue;
      }
      result.securityAvailable = true;
      result.security.push(rep);
    }
    if (result.securityAvailable) {
      result.notes.push(
        'systemd-analyze security rates app units as if they ran on this host; rkt apps also get private mount, PID and network namespaces from systemd-nspawn, which the rating cannot see',
      );
    }
  }
  result.notes.push(
    `checked with ${result.analyzerVersion ?? 'systemd-analyze'}; the pod runs the systemd of its stage1, which may accept or reject options differently`,
  );
  return result;
}

/** Checks the units stage1 wrote into a pod. */
export function verifyPodUnits(layout: PodLayout, appKeys: string[], opts: VerifyOptions = {}): Promise<VerifyResult> {
  const { names, dirs } = podUnitFiles(layout, appKeys);
  const files = names.map((n) => ({ name: n, hostPath: layout.stage1.hostPath(`${UNIT_DIR}/${n}`)! }));
  return verifyUnitFiles(dirs, files, appKeys.map((k) => `${k}.service`), layout, opts);
}

/** Checks the units of a generator plan (e.g. a live preview) by writing them to a temporary directory. */
export async function verifyPlan(plan: Plan, opts: VerifyOptions & { layout?: PodLayout } = {}): Promise<VerifyResult> {
  const prefix = `stage1/rootfs${UNIT_DIR}/`;
  const units = plan.entries.filter((e) => e.kind === 'file' && e.path.startsWith(prefix) && !e.path.slice(prefix.length).includes('/'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podunit-verify-'));
  try {
    const files: UnitFileRef[] = units.map((e) => {
      const name = e.path.slice(prefix.length);
      const hostPath = path.join(dir, name);
      fs.writeFileSync(hostPath, e.content ?? '');
      return { name, hostPath };
    });
    const appServices = files
      .filter((f) => f.name.endsWith('.service') && !f.name.startsWith('reaper-') && !['shutdown.service', 'prepare-app@.service'].includes(f.name))
      .map((f) => f.name);
    const res = await verifyUnitFiles([dir], files, appServices, opts.layout ?? null, opts);
    // Evidence paths point at the temporary copies; give the pod-relative names instead.
    for (const d of res.diagnostics) if (d.path?.startsWith(dir)) d.path = prefix + path.basename(d.path);
    return res;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
