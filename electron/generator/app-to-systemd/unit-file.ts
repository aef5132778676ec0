// Writing one unit file the way rkt up to v1.15.0 did: serialized in the release's layout,
// opened with O_CREATE and, for most units, without O_TRUNC; never chowned to the uid shift.
import { wrap } from '../gen-error.js';
import type { GenContext } from '../pod.js';
import { serializeUnit } from '../serialize.js';
import type { UnitOption } from '../unit-option.js';
import { recordProvenance } from '../unit-writer.js';

/** `errmsg` wraps a failure to create the file; null returns the bare error. */
export function writeUnitFile(ctx: GenContext, path: string, opts: UnitOption[], errmsg: string | null, truncate = false): void {
  const unit = serializeUnit(opts, ctx.profile.unitLayout);
  try {
    ctx.fs.writeFile(path, unit.content, 0o644, truncate);
  } catch (e) {
    throw errmsg === null ? e : wrap(errmsg, e);
  }
  recordProvenance(ctx, path, unit);
}
