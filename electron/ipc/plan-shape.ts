// Structural checks of plan.generate and plan.provenance answers, used by the dispatcher
// instead of their zod schemas. The answer is the generator's own output, megabytes of it for large pods, sent on
// every keystroke; zod's parse (a validating deep copy) cost more than generating it. This
// walks the same shape without copying: every field and entry, not the content of each
// provenance line (checked by zod in the tests, plan-shape.test.ts).
import { z } from 'zod';
import { diagnosticSchema } from '../../shared/ipc/contract.js';
import type { Plan } from '../../shared/plan.js';

type Check = (v: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isBoolean: Check = (v) => typeof v === 'boolean';
const isIndex: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const optional = (c: Check): Check => (v) => v === undefined || c(v);
const nullable = (c: Check): Check => (v) => v === null || c(v);
const arrayOf = (c: Check): Check => (v) => Array.isArray(v) && v.every(c);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object with exactly these keys (absent optional ones allowed), each passing its check. */
function shape(fields: Record<string, Check>): Check {
  return (v) => {
    if (!isRecord(v)) return false;
    for (const key of Object.keys(v)) if (!Object.hasOwn(fields, key)) return false;
    for (const [key, check] of Object.entries(fields)) if (!check(v[key])) return false;
    return true;
  };
}

const ENTRY_KINDS = new Set(['file', 'dir', 'symlink']);
const isEntry = shape({
  path: isString,
  kind: (v) => typeof v === 'string' && ENTRY_KINDS.has(v),
  mode: optional(isString),
  uid: isNumber,
  gid: isNumber,
  content: optional(isString),
  encoding: optional((v) => v === 'base64'),
  target: optional(isString),
  unorderedPrefixLines: optional(isNumber),
});

const isPlanError = shape({
  message: isString,
  chain: arrayOf(isString),
  panic: isBoolean,
  source: optional(isRecord),
});

const isLine = (v: unknown) => isRecord(v) && isNumber(v.line) && Array.isArray(v.sources);
const isProvenance: Check = (v) => isRecord(v) && Object.values(v).every(arrayOf(isLine));

const isPlan = shape({
  profile: isString,
  podRoot: isString,
  error: nullable(isPlanError),
  errorStage: nullable(isString),
  entries: arrayOf(isEntry),
  stderr: isString,
  nspawnArgs: nullable(arrayOf(isString)),
  nspawnError: nullable(isPlanError),
  nspawnEntries: nullable(arrayOf(isEntry)),
  nspawnStderr: isString,
  warnings: arrayOf(isString),
  provenance: isProvenance,
  elapsedMs: isNumber,
});

const diagnostics = z.array(diagnosticSchema);

/** null when `value` has the shape of a plan.generate answer, else what is wrong with it. */
export function generateAnswerProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'the answer is not an object';
  const extra = Object.keys(value).filter((k) => !['seq', 'superseded', 'plan', 'diagnostics', 'sameEntries', 'sameContent', 'sameProvenance'].includes(k));
  if (extra.length > 0) return `unexpected fields: ${extra.join(', ')}`;
  if (!isNumber(value.seq)) return 'seq is not a number';
  if (!isBoolean(value.superseded)) return 'superseded is not a boolean';
  if (!optional(arrayOf(isIndex))(value.sameContent)) return 'sameContent is not a list of indices';
  if (!optional(arrayOf((r) => Array.isArray(r) && r.length === 2 && isIndex(r[0]) && isIndex(r[1]) && (r[1] as number) > 0))(value.sameEntries)) {
    return 'sameEntries is not a list of [index, count] runs';
  }
  if (!optional(arrayOf(isString))(value.sameProvenance)) return 'sameProvenance is not a list of paths';
  if (value.plan !== null && !isPlan(value.plan)) return `the plan does not have the shape of a Plan (${planProblem(value.plan)})`;
  const d = diagnostics.safeParse(value.diagnostics);
  if (!d.success) return `diagnostics: ${z.prettifyError(d.error)}`;
  return null;
}

/** null when `value` has the shape of a plan.provenance answer, else what is wrong with it. */
export function provenanceAnswerProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'the answer is not an object';
  if (!shape({ seq: isNumber, provenance: isProvenance })(value)) return 'the answer is not {seq, provenance}';
  return null;
}

/** The first field of a plan that fails its check, for the error message. */
function planProblem(plan: unknown): string {
  if (!isRecord(plan)) return 'not an object';
  const p = plan as Partial<Record<keyof Plan, unknown>>;
  const checks: Array<[string, boolean]> = [
    ['entries', arrayOf(isEntry)(p.entries)],
    ['nspawnEntries', nullable(arrayOf(isEntry))(p.nspawnEntries)],
    ['provenance', isProvenance(p.provenance)],
    ['error', nullable(isPlanError)(p.error)],
    ['nspawnError', nullable(isPlanError)(p.nspawnError)],
  ];
  const bad = checks.find(([, ok]) => !ok);
  return bad ? bad[0] : 'a field is missing, mistyped or unknown';
}
