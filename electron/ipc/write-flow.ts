// Writing a plan into the open pod in two steps. The preview lists what would change and hands
// out a single-use token; the write needs that token, refuses if the disk changed in between,
// and goes through the one writer (Engine.applyPlan), which keeps backups of what it replaces.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ChannelResponse, WriteChange } from '../../shared/ipc/contract.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import type { Plan } from '../../shared/plan.js';
import type { PreviewItem } from '../pod/apply.js';
import type { Engine } from './engine.js';
import type { Session } from './session.js';

export const CONFIRM_TTL_MS = 5 * 60 * 1000;
export const BACKUP_SUFFIX = '.podunit-bak';

function toChange(item: PreviewItem): WriteChange {
  return {
    path: item.path,
    kind: item.kind,
    action: item.action,
    before: item.current ?? null,
    after: item.planned ?? null,
    backup: item.action === 'conflict' ? `${item.path}${BACKUP_SUFFIX}` : null,
  };
}

function fingerprintOf(items: PreviewItem[]): string {
  return createHash('sha256').update(JSON.stringify(items)).digest('hex');
}

export function previewWrite(
  session: Session, engine: Engine, root: string, plan: Plan, now = Date.now(),
): ChannelResponse<'plan.previewWrite'> {
  const items = engine.previewApply(plan, root);
  const token = randomBytes(24).toString('base64url');
  const expiresAt = now + CONFIRM_TTL_MS;
  session.pendingWrite = { token, root, plan, fingerprint: fingerprintOf(items), expiresAt };
  const failure = plan.error ?? plan.nspawnError;
  return {
    token,
    root,
    expiresAt,
    changes: items.map(toChange),
    planError: failure?.message ?? null,
    conflicts: items.filter((i) => i.action === 'conflict').map((i) => i.path),
    warnings: plan.warnings,
  };
}

export function confirmWrite(
  session: Session, engine: Engine, token: string, force: boolean, now = Date.now(),
): ChannelResponse<'plan.write'> {
  const pending = session.pendingWrite;
  if (!pending || !sameToken(pending.token, token)) {
    throw new IpcError('confirmation-required', 'No write is waiting for this confirmation. Preview the write first.');
  }
  session.pendingWrite = null; // single use, whatever happens next
  if (now > pending.expiresAt) {
    throw new IpcError('confirmation-required', 'The write confirmation expired. Preview the write again.');
  }
  const root = session.requireRoot();
  if (root !== pending.root) {
    throw new IpcError('confirmation-required', 'A different pod was opened since the preview. Preview the write again.');
  }
  const failure = pending.plan.error ?? pending.plan.nspawnError;
  if (failure) throw new IpcError('bad-request', `Generation failed (${failure.message}); nothing written.`);
  if (fingerprintOf(engine.previewApply(pending.plan, root)) !== pending.fingerprint) {
    throw new IpcError('conflict', 'Files in the pod changed on disk since the preview. Review the preview again before writing.');
  }
  const report = engine.applyPlan(pending.plan, root, { force });
  return { root, ...report };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
