// The pod's journal, read through the real journalctl: journald inside the pod writes to
// var/log/journal/<machine-id>/ of the stage1 root (machine ID = pod UUID without dashes).
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import type { PodLayout } from './overlay.js';
import { machineIdOf } from './pod-states.js';
import { runTool } from './run-tool.js';

export interface JournalQuery {
  /** Only this app: its SyslogIdentifier, its unit's processes, and systemd's messages about its unit. */
  app?: string;
  /** ISO 8601 times, or anything journalctl's --since/--until accept. */
  since?: string;
  until?: string;
  /** Highest priority number to show, a name (err, warning, …) or a range (emerg..err). */
  priority?: string | number;
  /** Only the last N entries. */
  lines?: number;
}

export interface JournalEntry {
  /** ISO time from __REALTIME_TIMESTAMP. */
  time: string | null;
  realtimeUsec: string | null;
  priority: number | null;
  identifier: string | null;
  /** _SYSTEMD_UNIT of the writer, else the UNIT the message is about. */
  unit: string | null;
  pid: number | null;
  message: string;
  cursor: string | null;
  fields: Record<string, string>;
}

export type JournalProblemCode = 'journalctl-missing' | 'no-journal' | 'unreadable' | 'bad-query' | 'failed';

export interface JournalProblem {
  code: JournalProblemCode;
  message: string;
}

export interface JournalRead {
  directory: string | null;
  entries: JournalEntry[];
  problem: JournalProblem | null;
  /** journalctl's complaints that did not stop it (a corrupted file it skipped, …). */
  warnings: string[];
}

export interface JournalOptions {
  /** journalctl executable (tests point it at a missing one). */
  journalctl?: string;
  timeoutMs?: number;
}

const PRIORITY_NAMES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

export function priorityNumber(p: string | number): number | null {
  if (typeof p === 'number') return Number.isInteger(p) && p >= 0 && p <= 7 ? p : null;
  if (/^[0-7]$/.test(p)) return Number(p);
  const i = PRIORITY_NAMES.indexOf(p.toLowerCase());
  return i >= 0 ? i : null;
}

function validPriority(p: string | number): boolean {
  if (typeof p === 'number') return priorityNumber(p) !== null;
  const parts = p.split('..');
  return parts.length <= 2 && parts.every((x) => priorityNumber(x) !== null);
}

/** ISO times become @<seconds>, which journalctl reads as a UTC instant; other text passes through. */
function timeArg(t: string): string {
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return `@${(ms / 1000).toFixed(3)}`;
  }
  return t;
}

export function journalDirectory(layout: PodLayout): { directory: string | null; looked: string } {
  const base = '/var/log/journal';
  const looked = layout.overlay.stage1Layers.map((l) => `${l}${base}`).join(', ') || `${layout.root}/stage1/rootfs${base}`;
  if (layout.uuid) {
    const dir = layout.stage1.hostPath(`${base}/${machineIdOf(layout.uuid)}`);
    if (dir) return { directory: dir, looked };
  }
  // The pod root may not be named after its UUID (a copied pod): take the only machine directory.
  const names = (layout.stage1.readdir(base) ?? []).filter((n) => /^[0-9a-f]{32}$/.test(n));
  if (names.length === 1) return { directory: layout.stage1.hostPath(`${base}/${names[0]}`), looked };
  return { directory: null, looked };
}

export function journalctlArgs(directory: string, q: JournalQuery, follow = false): string[] {
  const args = [`--directory=${directory}`, '--output=json', '--all', '--no-pager', '--quiet'];
  if (q.since) args.push(`--since=${timeArg(q.since)}`);
  if (q.until) args.push(`--until=${timeArg(q.until)}`);
  if (q.priority !== undefined && q.priority !== '') args.push(`--priority=${q.priority}`);
  if (q.lines !== undefined) args.push(`--lines=${q.lines}`);
  if (follow) args.push('--follow');
  if (q.app) {
    // Matches on different fields are ORed with '+'.
    args.push(`SYSLOG_IDENTIFIER=${q.app}`, '+', `_SYSTEMD_UNIT=${q.app}.service`, '+', `UNIT=${q.app}.service`);
  }
  return args;
}

function fieldText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((b) => typeof b === 'number')) return Buffer.from(v as number[]).toString('utf8');
  if (Array.isArray(v)) return v.map(fieldText).join('\n');
  return v === null || v === undefined ? '' : String(v);
}

export function parseJournalLine(line: string): JournalEntry | null {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(line);
  } catch {
    return null;
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc)) fields[k] = fieldText(v);
  const usec = fields.__REALTIME_TIMESTAMP ?? null;
  const prio = fields.PRIORITY !== undefined && /^[0-7]$/.test(fields.PRIORITY) ? Number(fields.PRIORITY) : null;
  const pid = fields._PID ?? fields.SYSLOG_PID;
  return {
    time: usec && /^\d+$/.test(usec) ? new Date(Number(BigInt(usec) / 1000n)).toISOString() : null,
    realtimeUsec: usec,
    priority: prio,
    identifier: fields.SYSLOG_IDENTIFIER ?? null,
    unit: fields._SYSTEMD_UNIT ?? fields.UNIT ?? null,
    pid: pid && /^\d+$/.test(pid) ? Number(pid) : null,
    message: fields.MESSAGE ?? '',
    cursor: fields.__CURSOR ?? null,
    fields,
  };
}

function hasJournalFiles(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((n) => n.endsWith('.journal') || n.endsWith('.journal~'));
  } catch {
    return false;
  }
}

/** Sorts journalctl's stderr into fatal problems and warnings. */
function classifyStderr(stderr: string): { fatal: string | null; warnings: string[] } {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  let fatal: string | null = null;
  const warnings: string[] = [];
  for (const l of lines) {
    if (/insufficient permissions|Permission denied|Failed to open/i.test(l)) fatal ??= l;
    else warnings.push(l);
  }
  return { fatal, warnings };
}

const MISSING_MESSAGE =
  'journalctl is not installed, so the pod journal cannot be read (install the Debian package "systemd"); ' +
  'the journal files themselves are at ';

function precheck(layout: PodLayout, q: JournalQuery): { directory: string | null; problem: JournalProblem | null } {
  if (q.priority !== undefined && q.priority !== '' && !validPriority(q.priority)) {
    return { directory: null, problem: { code: 'bad-query', message: `priority "${q.priority}": expected 0-7, a name (${PRIORITY_NAMES.join(', ')}) or a range like emerg..err` } };
  }
  for (const [k, v] of [['since', q.since], ['until', q.until]] as const) {
    if (v && /^\d{4}-\d{2}-\d{2}T/.test(v) && Number.isNaN(Date.parse(v))) {
      return { directory: null, problem: { code: 'bad-query', message: `${k} "${v}" is not a valid time` } };
    }
  }
  const { directory, looked } = journalDirectory(layout);
  if (!directory) {
    return {
      directory: null,
      problem: { code: 'no-journal', message: `the pod has no journal: no var/log/journal/<machine-id> directory in ${looked}` },
    };
  }
  if (!hasJournalFiles(directory)) {
    return { directory, problem: { code: 'no-journal', message: `${directory} holds no journal files` } };
  }
  return { directory, problem: null };
}

export async function readJournal(layout: PodLayout, q: JournalQuery = {}, opts: JournalOptions = {}): Promise<JournalRead> {
  const pre = precheck(layout, q);
  if (pre.problem) return { directory: pre.directory, entries: [], problem: pre.problem, warnings: [] };
  const directory = pre.directory!;
  const r = await runTool(opts.journalctl ?? 'journalctl', journalctlArgs(directory, q), { timeoutMs: opts.timeoutMs ?? 60_000 });
  if (r.missing) {
    return { directory, entries: [], problem: { code: 'journalctl-missing', message: MISSING_MESSAGE + directory }, warnings: [] };
  }
  const entries: JournalEntry[] = [];
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const e = parseJournalLine(line);
    if (e) entries.push(e);
  }
  const { fatal, warnings } = classifyStderr(r.stderr);
  if (r.timedOut) return { directory, entries, problem: { code: 'failed', message: 'journalctl took too long and was stopped' }, warnings };
  if (r.code !== 0 || (fatal && entries.length === 0)) {
    const why = fatal ?? (r.stderr.trim() || `journalctl exited with ${r.code}`);
    const code: JournalProblemCode = /permission/i.test(why) ? 'unreadable' : /parse|Unknown log level/i.test(why) ? 'bad-query' : 'failed';
    return { directory, entries, problem: { code, message: `journalctl could not read ${directory}: ${why}` }, warnings };
  }
  const corrupt = warnings.filter((w) => /corrupt/i.test(w));
  if (corrupt.length > 0 && entries.length === 0) {
    return { directory, entries, problem: { code: 'unreadable', message: `journalctl could not read ${directory}: ${corrupt.join('; ')}` }, warnings };
  }
  return { directory, entries, problem: null, warnings };
}

export interface JournalFollow {
  stop(): void;
  /** Resolves when journalctl ends (after stop(), or by itself), with the problem if any. */
  done: Promise<JournalProblem | null>;
}

/** Streams entries as journalctl --follow prints them (running pods). */
export function followJournal(
  layout: PodLayout,
  q: JournalQuery,
  onEntry: (e: JournalEntry) => void,
  opts: JournalOptions = {},
): JournalFollow {
  const pre = precheck(layout, q);
  if (pre.problem) return { stop() {}, done: Promise.resolve(pre.problem) };
  const directory = pre.directory!;
  const child = spawn(opts.journalctl ?? 'journalctl', journalctlArgs(directory, q, true), { stdio: ['ignore', 'pipe', 'pipe'] });
  let buf = '';
  let stderr = '';
  let stopped = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const e = line ? parseJournalLine(line) : null;
      if (e) onEntry(e);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => (stderr += c));
  const done = new Promise<JournalProblem | null>((resolve) => {
    child.on('error', (e: NodeJS.ErrnoException) => {
      resolve(
        e.code === 'ENOENT'
          ? { code: 'journalctl-missing', message: MISSING_MESSAGE + directory }
          : { code: 'failed', message: `journalctl: ${e.message}` },
      );
    });
    child.on('close', (code) => {
      if (stopped || code === 0) resolve(null);
      else {
        const { fatal } = classifyStderr(stderr);
        const why = fatal ?? (stderr.trim() || `journalctl exited with ${code}`);
        resolve({ code: /permission/i.test(why) ? 'unreadable' : 'failed', message: `journalctl could not read ${directory}: ${why}` });
      }
    });
  });
  return {
    stop() {
      stopped = true;
      child.kill('SIGTERM');
    },
    done,
  };
}
