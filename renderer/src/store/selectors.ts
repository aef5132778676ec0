// Derived views of the state. Each is memoized on the identity of its inputs, so components
// can call them on every render of a 1000-app pod.
import { memoLast } from '../model/memo';
import { diskBaseline, planFileSet, restrictToCoverage } from '../model/planFiles';
import { EMPTY_SUMMARY, sideText, summarize, type DiffSummary, type FileSet, type FileSide } from '../model/fileSets';
import type { Plan } from '../../../shared/plan';
import type { AppState } from './appState';
import { docIdOf, type DocId, type PodDisk, type Problem } from './types';
import type { Diagnostic, PodSummary } from '../../../shared/ipc/contract';
import { isEdited } from './editorsSlice';

const EMPTY: FileSet = new Map();

export const planFiles = memoLast((plan: Plan | null) => planFileSet(plan));

/**
 * What the unit viewer shows for a path: a finding's evidence as it is on disk when that was
 * asked for, else the plan's file, else the disk's (files only on disk).
 */
export function shownFile(s: AppState, path: string | null): { side: FileSide; from: 'plan' | 'disk' | 'evidence' } | null {
  if (!path) return null;
  if (s.evidenceView?.path === path) return { side: s.evidenceView.side, from: 'evidence' };
  const gen = planFiles(s.plan).get(path);
  if (gen) return { side: gen, from: 'plan' };
  const disk = s.disk?.files.get(path);
  return disk ? { side: disk, from: 'disk' } : null;
}

/** A file's text as the unit viewer shows it. */
export function shownText(side: FileSide): string {
  return side.kind === 'symlink' ? `symlink → ${side.target ?? ''}\n` : sideText(side);
}

/** The text of the selected file as the unit viewer shows it (null when there is none). */
export function selectedFileText(s: AppState): string | null {
  const file = shownFile(s, s.selectedFile);
  return file ? shownText(file.side) : null;
}

/** The text of the manifest shown in the manifest editor (null when there is none). */
export function activeDocText(s: AppState): string | null {
  return s.activeDoc ? s.docs[s.activeDoc]?.text ?? null : null;
}

const coveredPlanFiles = memoLast((files: FileSet, disk: PodDisk | null) => (disk ? restrictToCoverage(files, disk.coverage) : EMPTY));

const diskSide = memoLast((files: FileSet, disk: PodDisk | null) => (disk ? diskBaseline(disk.files, files) : EMPTY));

/**
 * Generated vs on disk, over the paths the snapshot covers. A failed generation holds only
 * what rkt wrote before failing, so files missing from it are not reported as "only on disk".
 */
export const diskSummary = memoLast((plan: Plan | null, disk: PodDisk | null): DiffSummary => {
  if (!plan || !disk) return EMPTY_SUMMARY;
  const summary = summarize(diskSide(planFiles(plan), disk), coveredPlanFiles(planFiles(plan), disk));
  if (!plan.error) return summary;
  const byPath = new Map([...summary.byPath].filter(([, c]) => c !== 'removed'));
  return { ...summary, removed: [], byPath };
});

const onlyPaths = memoLast((files: FileSet, keep: FileSet): FileSet => new Map([...files].filter(([p]) => keep.has(p))));

const baselineFiles = memoLast((plan: Plan | null) => planFileSet(plan));
const compareFiles = memoLast((plan: Plan | null) => planFileSet(plan));

export interface DiffSides {
  before: FileSet;
  after: FileSet;
  beforeLabel: string;
  afterLabel: string;
  /** The baseline is still being generated. */
  pending: boolean;
}

export function diffSides(s: AppState): DiffSides {
  const after = planFiles(s.plan);
  if (s.diffBase === 'disk') {
    const covered = s.disk ? coveredPlanFiles(after, s.disk) : EMPTY;
    // A failed generation holds only what rkt wrote before failing: compare just those files.
    const before = s.plan?.error ? onlyPaths(diskSide(after, s.disk), covered) : diskSide(after, s.disk);
    return { before, after: covered, beforeLabel: 'On disk', afterLabel: 'Generated', pending: false };
  }
  if (s.diffBase === 'original') {
    const edited = s.docOrder.some((id) => s.docs[id] && isEdited(s.docs[id]));
    if (!edited) return { before: after, after, beforeLabel: 'Original manifests', afterLabel: 'Edited manifests', pending: false };
    return { before: baselineFiles(s.baselinePlan), after, beforeLabel: 'Original manifests', afterLabel: 'Edited manifests', pending: !s.baselinePlan };
  }
  return {
    before: compareFiles(s.comparePlan),
    after,
    beforeLabel: `Profile ${s.compareProfile ?? '—'}`,
    afterLabel: `Profile ${s.whatIf.profile ?? s.appInfo?.defaultProfile ?? 'default'}`,
    pending: !s.comparePlan,
  };
}

export const diffSummaryOf = memoLast((before: FileSet, after: FileSet) => summarize(before, after));

function errorText(err: NonNullable<Plan['error']>): string {
  const chain = err.chain.length > 1 ? err.chain.join(' ⇐ ') : err.message;
  return (err.panic ? 'rkt would crash here: ' : '') + chain;
}

const planProblems = memoLast((plan: Plan | null, diagnostics: Diagnostic[]): Problem[] => {
  const out: Problem[] = [];
  if (!plan) return out;
  const located = new Set<string>();
  diagnostics.forEach((d, i) => {
    located.add(d.message);
    // The host locates the error by its outer message; show the whole chain at that place.
    const err = [plan.error, plan.nspawnError].find((e) => e && e.message === d.message);
    out.push({ id: `diag:${i}`, severity: d.severity, origin: 'generator', message: err ? errorText(err) : d.message, doc: docIdOf(d.doc), pointer: d.pointer });
  });
  const push = (id: string, severity: Problem['severity'], err: { message: string; text: string; source?: NonNullable<Plan['error']>['source'] }) => {
    if (located.has(err.message)) return;
    const p: Problem = { id, severity, origin: 'generator', message: err.text };
    if (err.source?.kind === 'manifest') { p.doc = docIdOf(err.source.doc); p.pointer = err.source.pointer; }
    out.push(p);
  };
  if (plan.error) push('plan-error', 'error', { message: plan.error.message, text: errorText(plan.error), source: plan.error.source });
  if (plan.nspawnError) push('nspawn-error', 'error', { message: plan.nspawnError.message, text: `nspawn arguments: ${errorText(plan.nspawnError)}`, source: plan.nspawnError.source });
  plan.warnings.forEach((w, i) => push(`warning:${i}`, 'warning', { message: w, text: w }));
  return out;
});

const podProblems = memoLast((summary: PodSummary | null): Problem[] =>
  (summary?.warnings ?? []).map((w, i) => ({ id: `pod:${i}`, severity: 'warning' as const, origin: 'pod' as const, message: w })));

const docProblems = memoLast((docs: AppState['docs'], order: DocId[]): Problem[] =>
  order.flatMap((id) => {
    const doc = docs[id];
    return doc?.notice ? [{ id: `doc:${id}`, severity: doc.original === null ? 'error' as const : 'info' as const, origin: 'pod' as const, message: doc.notice, doc: id }] : [];
  }));

const flattenSyntax = memoLast((byDoc: Record<DocId, Problem[]>) => Object.values(byDoc).flat());
/** The JSON language reports syntax errors too; while a document does not parse, ours suffice. */
const flattenSchema = memoLast((byDoc: Record<DocId, Problem[]>, syntax: Record<DocId, Problem[]>) =>
  Object.entries(byDoc).flatMap(([doc, list]) => ((syntax[doc]?.length ?? 0) > 0 ? [] : list)));

export const allProblems = memoLast((
  plan: Problem[], pod: Problem[], docs: Problem[], syntax: Problem[], schema: Problem[], generateError: string | null,
): Problem[] => {
  const out = [...syntax, ...plan, ...schema, ...docs, ...pod];
  if (generateError) out.unshift({ id: 'generate-error', severity: 'error', origin: 'app', message: generateError });
  return out;
});

export function problems(s: AppState): Problem[] {
  return allProblems(
    planProblems(s.plan, s.planDiagnostics),
    podProblems(s.summary),
    docProblems(s.docs, s.docOrder),
    flattenSyntax(s.syntaxProblems),
    flattenSchema(s.schemaProblems, s.syntaxProblems),
    s.generateError,
  );
}

export function problemCounts(list: Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of list) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

export function appNames(s: AppState): string[] {
  return appNamesOf(s.summary);
}
const appNamesOf = memoLast((summary: PodSummary | null) => summary?.apps.map((a) => a.name) ?? []);

export function isDark(s: AppState): boolean {
  return s.themePref === 'dark' || (s.themePref === 'system' && s.systemDark);
}

export function selectedContent(s: AppState): string | undefined {
  const path = s.selectedFile;
  if (!path) return undefined;
  return planFiles(s.plan).get(path)?.content;
}

const NO_PROFILES: string[] = [];
export function profileNames(s: AppState): string[] {
  return s.appInfo?.profiles ?? NO_PROFILES;
}
