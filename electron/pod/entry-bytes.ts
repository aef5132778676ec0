// The bytes a plan's file entry stands for: its text as UTF-8, or its base64 content decoded.
import type { PlanEntry } from '../../shared/plan.js';

export function entryBytes(e: PlanEntry): Uint8Array {
  return e.encoding === 'base64' ? Buffer.from(e.content ?? '', 'base64') : Buffer.from(e.content ?? '', 'utf8');
}
