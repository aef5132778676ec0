// Journals followed by one client: each follow runs `journalctl --follow` on the open pod and
// pushes its entries in small batches; all of them stop when the pod is closed.
import { randomUUID } from 'node:crypto';
import type { JournalQueryView } from '../../shared/ipc/diagnostics-schemas.js';
import type { JournalEntryView } from '../../shared/ipc/diagnostics-schemas.js';
import { followPodJournal, type JournalFollow } from '../diagnostics/index.js';
import { entryWire } from './diagnostics-wire.js';
import type { Session } from './session.js';

/** A client follows a few panels' worth at most; the oldest follow gives way. */
const MAX_FOLLOWS = 4;
const BATCH_MS = 100;

interface Running { follow: JournalFollow; flush(): void }

const bySession = new WeakMap<Session, Map<string, Running>>();

function followsOf(session: Session): Map<string, Running> {
  let map = bySession.get(session);
  if (!map) {
    const created = new Map<string, Running>();
    map = created;
    bySession.set(session, created);
    session.onPodClose(() => {
      for (const id of [...created.keys()]) stopFollow(session, id);
      bySession.delete(session);
    });
  }
  return map;
}

export function startFollow(session: Session, root: string, q: Omit<JournalQueryView, 'lines' | 'until'>, journalctl?: string): string {
  const follows = followsOf(session);
  while (follows.size >= MAX_FOLLOWS) stopFollow(session, follows.keys().next().value!);
  const followId = randomUUID();
  let pending: JournalEntryView[] = [];
  let timer: NodeJS.Timeout | null = null;
  let over = false;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const entries = pending;
    pending = [];
    session.emit('journal.entries', { followId, entries, ended: false, problem: null });
  };
  const follow = followPodJournal(root, { ...q }, (e) => {
    if (over) return;
    pending.push(entryWire(e));
    timer ??= setTimeout(flush, BATCH_MS);
  }, { journalctl });
  follows.set(followId, { follow, flush });
  void follow.done.then((problem) => {
    if (over) return;
    over = true;
    flush();
    follows.delete(followId);
    session.emit('journal.entries', { followId, entries: [], ended: true, problem });
  });
  return followId;
}

/** Stops a follow; unknown ids (already ended) are fine. */
export function stopFollow(session: Session, followId: string): void {
  const follows = bySession.get(session);
  const running = follows?.get(followId);
  if (!running) return;
  follows!.delete(followId);
  running.flush();
  running.follow.stop();
}
