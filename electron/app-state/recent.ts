// The recent pods list (pod roots and data dirs), newest first, persisted as recent.json.
import { join } from 'node:path';
import { z } from 'zod';
import { recentPodSchema, type RecentPod } from '../../shared/ipc/contract.js';
import { readJsonFile, writeJsonFile } from './json-file.js';

export const RECENT_LIMIT = 12;
const fileSchema = z.object({ version: z.literal(1), items: z.array(recentPodSchema) });

export interface RecentStore {
  list(): RecentPod[];
  add(path: string, kind: RecentPod['kind']): RecentPod[];
  clear(): void;
}

export function fileRecentStore(configDir: string, now: () => Date = () => new Date()): RecentStore {
  const file = join(configDir, 'recent.json');
  const read = () => readJsonFile(file, fileSchema, { version: 1 as const, items: [] }).items;
  const save = (items: RecentPod[]) => {
    try { writeJsonFile(file, { version: 1, items }); } catch { /* a read-only config dir only loses the list */ }
  };
  return {
    list: read,
    add(path, kind) {
      const items = [{ path, kind, openedAt: now().toISOString() }, ...read().filter((r) => r.path !== path)].slice(0, RECENT_LIMIT);
      save(items);
      return items;
    },
    clear() { save([]); },
  };
}

/** A store that forgets everything (tests, or a read-only setup). */
export function memoryRecentStore(): RecentStore {
  let items: RecentPod[] = [];
  return {
    list: () => items,
    add(path, kind) {
      items = [{ path, kind, openedAt: new Date().toISOString() }, ...items.filter((r) => r.path !== path)].slice(0, RECENT_LIMIT);
      return items;
    },
    clear() { items = []; },
  };
}
