// The diagnostics module's reports turned into the contract's wire shapes: evidence paths
// made relative to the pod root (the renderer names files that way), absent fields as null.
import path from 'node:path';
import type { ChannelResponse } from '../../shared/ipc/contract.js';
import type { JournalEntryView } from '../../shared/ipc/diagnostics-schemas.js';
import type { DoctorReport, Evidence, Finding, JournalEntry, PodStatus } from '../diagnostics/index.js';
import { isInside } from './confine.js';

/** `p` relative to `root` ('/'-separated), or null when it is the root itself or outside it. */
export function relativeTo(root: string, p: string | null | undefined): string | null {
  if (!p || !path.isAbsolute(p) || !isInside(root, p)) return null;
  const rel = path.relative(root, p);
  return rel === '' ? null : rel.split(path.sep).join('/');
}

function evidenceWire(root: string, e: Evidence) {
  return {
    kind: e.kind,
    path: e.path ?? null,
    rel: relativeTo(root, e.path),
    line: e.line ?? null,
    text: e.text,
    time: e.time ?? null,
    cursor: e.cursor ?? null,
  };
}

function findingWire(root: string, f: Finding) {
  return {
    code: f.code,
    severity: f.severity,
    app: f.app ?? null,
    title: f.title,
    detail: f.detail,
    evidence: f.evidence.map((e) => evidenceWire(root, e)),
    nextStep: f.nextStep,
    likelihood: f.likelihood,
  };
}

export function doctorWire(report: DoctorReport): ChannelResponse<'diagnostics.doctor'> {
  const root = report.pod.root;
  const v = report.verify;
  return {
    root,
    uuid: report.pod.uuid,
    state: report.pod.state,
    findings: report.findings.map((f) => findingWire(root, f)),
    journal: report.journal,
    verify: v
      ? {
          available: v.verifyAvailable,
          analyzerVersion: v.analyzerVersion,
          diagnostics: v.diagnostics.map((d) => ({ level: d.level, unit: d.unit, rel: relativeTo(root, d.path), line: d.line, message: d.message })),
        }
      : null,
    notes: report.notes,
  };
}

export function statusWire(st: PodStatus): ChannelResponse<'diagnostics.status'> {
  return {
    root: st.root,
    uuid: st.uuid,
    state: st.state,
    locked: st.locked,
    created: st.created,
    started: st.started,
    apps: st.apps.map((a) => ({
      name: a.name,
      image: a.image,
      exitCode: a.exitCode,
      exit: a.exit?.summary ?? null,
      finished: a.finished,
      problem: a.problem,
    })),
    warnings: st.warnings,
  };
}

export function entryWire(e: JournalEntry): JournalEntryView {
  return { time: e.time, priority: e.priority, identifier: e.identifier, unit: e.unit, pid: e.pid, message: e.message, cursor: e.cursor };
}
