// rkt's UnitWriter: writes units and want-symlinks, remembering the first error; once an
// error is recorded every later step of the same writer does nothing.
import type { LineProvenance } from '../../shared/plan.js';
import type { LinesOnDemand } from './lazy-provenance.js';
import { FsError } from './podfs.js';
import { GenError, toGenError, wrap } from './gen-error.js';
import type { GenContext } from './pod.js';
import { serializeUnit } from './serialize.js';
import type { UnitEntry } from './unit-option.js';

export class UnitWriter {
  err: GenError | null = null;

  constructor(readonly ctx: GenContext) {}

  /** open(O_WRONLY|O_CREAT|O_TRUNC, 0644), write, then the uid shift. */
  writeUnit(path: string, errmsg: string, options: readonly UnitEntry[]): void {
    if (this.err) return;
    const unit = serializeUnit(options);
    try {
      this.ctx.fs.writeFile(path, unit.content, 0o644);
      recordProvenance(this.ctx, path, unit);
      shiftFiles(this.ctx, [path]);
    } catch (e) {
      this.err = wrap(errmsg, e);
    }
  }

  /** A want-symlink `../<unit>`; an existing entry is fine. */
  activate(unit: string, wantPath: string): void {
    if (this.err) return;
    try {
      this.ctx.fs.symlink('../' + unit, wantPath);
    } catch (e) {
      if (e instanceof FsError && e.code === 'EEXIST') return;
      this.err = wrap('failed to link service want', e);
    }
  }

  /** Records an error that is not wrapped by a write step. */
  fail(e: unknown): void {
    if (!this.err) this.err = toGenError(e);
  }

  /** rkt's plain `uw.err = err`: replaces an error an earlier step recorded (SetupAppIO does this). */
  replaceError(e: unknown): void {
    this.err = toGenError(e);
  }
}

/** Keeps a file's line provenance; given a serialized unit, it is computed only when read. */
export function recordProvenance(ctx: GenContext, path: string, lines: LineProvenance[] | LinesOnDemand): void {
  if (Array.isArray(lines)) ctx.provenance[path] = lines;
  else ctx.provenanceLater(path, lines);
}

/** rkt's user.ShiftFiles: chown to the shift when both shift and count are set. */
export function shiftFiles(ctx: GenContext, paths: string[]): void {
  const { shift, count } = ctx.pod.uidRange;
  if (shift === 0 || count === 0) return;
  for (const p of paths) ctx.fs.chown(p, shift, shift);
}
