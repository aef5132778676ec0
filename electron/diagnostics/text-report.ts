// Plain-text renderings of listings, statuses, journal entries and doctor reports (the CLI's
// default output; --json prints the objects themselves).
import type { PodListing } from './discovery.js';
import type { PodStatus } from './status.js';
import type { JournalEntry } from './journal.js';
import type { DoctorReport } from './explain.js';
import type { Evidence } from './findings.js';

export function localTime(iso: string | null): string {
  if (!iso) return '-';
  const d = new Date(iso);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}

export function listingText(l: PodListing, full: boolean): string {
  const rows: string[][] = [['UUID', 'APP', 'IMAGE NAME', 'STATE', 'LOCKED', 'CREATED', 'STARTED']];
  for (const p of l.pods) {
    const uuid = full ? p.uuid : p.uuid.slice(0, 8);
    const locked = p.locked === null ? '-' : p.locked ? 'yes' : 'no';
    const apps = p.apps.length ? p.apps : [p.error ? '(manifest unreadable)' : '-'];
    apps.forEach((a, i) => {
      rows.push(
        i === 0
          ? [uuid, a, p.images[i] ?? '-', p.stateText, locked, localTime(p.created), localTime(p.started)]
          : ['', a, p.images[i] ?? '-', '', '', '', ''],
      );
    });
  }
  let out = l.pods.length ? table(rows) : `no pods in ${l.dataDir}/pods\n`;
  for (const w of l.warnings) out += `warning: ${w}\n`;
  for (const p of l.pods) if (p.error) out += `warning: ${p.uuid}: ${p.error}\n`;
  return out;
}

export function statusText(s: PodStatus): string {
  const lines: string[] = [];
  lines.push(`root=${s.root}`);
  if (s.uuid) lines.push(`uuid=${s.uuid}`);
  lines.push(`state=${s.state ?? (s.locked ? 'locked' : 'unknown (not in an rkt data directory)')}`);
  lines.push(`created=${localTime(s.created)}`);
  if (s.started) lines.push(`started=${localTime(s.started)}`);
  if (s.pid !== null) lines.push(`pid=${s.pid}`);
  if (s.ppid !== null) lines.push(`ppid=${s.ppid}${s.podPid1 !== null ? ` (pod PID 1: ${s.podPid1})` : ''}`);
  lines.push(`exited=${s.state === 'exited' || s.state === 'exited garbage'}`);
  lines.push(`supervisor=${s.supervisor.ready ? 'ready' : s.supervisor.target ?? 'not ready'}`);
  lines.push(`stage1=${s.stage1.imageName ?? '?'}${s.stage1.rktVersion ? ` ${s.stage1.rktVersion}` : ''} flavor=${s.stage1.flavor ?? '?'} systemd=${s.stage1.systemdVersionText ?? '?'}`);
  if (s.overlay.enabled) {
    lines.push(`overlay=true mounted=${s.overlay.mounted} stage1 files from ${s.overlay.stage1Layers.join(', ') || '(nowhere)'}`);
  }
  if (s.runtimeConfig) {
    const rc = s.runtimeConfig;
    const insecure = Object.entries(rc.InsecureOptions).filter(([, v]) => v).map(([k]) => k);
    lines.push(`runtime-config: Debug=${rc.Debug} Mutable=${rc.Mutable} Interactive=${rc.Interactive}${rc.PrivateUsers ? ` PrivateUsers=${rc.PrivateUsers}` : ''}${insecure.length ? ` Insecure=${insecure.join(',')}` : ''}`);
  } else lines.push('runtime-config: absent (stage1 never started)');
  for (const a of s.apps) {
    const times = [a.created && `created ${localTime(a.created)}`, a.started && `started ${localTime(a.started)}`, a.finished && `finished ${localTime(a.finished)}`].filter(Boolean);
    const what = a.exitCode === null ? 'no exit status' : `${a.exitCode} (${a.exit!.summary})`;
    lines.push(`app-${a.name}=${what}${a.image ? ` image=${a.image}` : ''}${times.length ? ` ${times.join(', ')}` : ''}`);
  }
  if (s.debugNote) lines.push(`note: ${s.debugNote}`);
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  if (s.manifestError) lines.push(`warning: ${s.manifestError}`);
  return lines.join('\n') + '\n';
}

export function journalLine(e: JournalEntry): string {
  const who = `${e.identifier ?? e.unit ?? '?'}${e.pid !== null ? `[${e.pid}]` : ''}`;
  return `${localTime(e.time)} ${who}: ${e.message}`;
}

function evidenceText(e: Evidence): string {
  if (e.kind === 'journal') return `journal${e.time ? ` ${localTime(e.time)}` : ''}: ${e.text}`;
  const where = e.path ? `${e.path}${e.line ? `:${e.line}` : ''}: ` : '';
  return `${where}${e.text}`;
}

export function doctorText(r: DoctorReport): string {
  const out: string[] = [];
  out.push(`pod ${r.pod.uuid ?? r.pod.root} (${r.pod.state ?? 'state unknown'})`);
  r.findings.forEach((f, i) => {
    out.push('');
    out.push(`${i + 1}. [${f.severity}] ${f.code}: ${f.title}`);
    out.push(`   ${f.detail}`);
    for (const e of f.evidence) out.push(`   - ${evidenceText(e)}`);
    out.push(`   next: ${f.nextStep}`);
  });
  if (r.verify) {
    const real = r.verify.diagnostics.filter((d) => d.level !== 'note');
    const notes = r.verify.diagnostics.filter((d) => d.level === 'note');
    if (r.verify.verifyAvailable) {
      out.push('');
      out.push(`systemd-analyze verify: ${real.length ? `${real.length} message${real.length > 1 ? 's' : ''}` : 'no problems'}${notes.length ? `, ${notes.length} rkt-specific note${notes.length > 1 ? 's' : ''}` : ''}`);
      for (const d of real) out.push(`   - [${d.level}] ${d.path ? `${d.path}:${d.line}: ` : d.unit ? `${d.unit}: ` : ''}${d.message}`);
      for (const d of notes) out.push(`   - [note] ${d.unit ? `${d.unit}: ` : ''}${d.message} (${d.reason})`);
    }
    for (const s of r.verify.security) out.push(`systemd-analyze security ${s.unit}: exposure ${s.exposure ?? '?'} ${s.rating ?? ''}`);
  }
  for (const n of r.notes) out.push(`note: ${n}`);
  return out.join('\n') + '\n';
}
