// pod.listDataDir: the pods of an rkt data dir, through the diagnostics module's discovery.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChannelResponse } from '../../shared/ipc/contract.js';
import { IpcError } from '../../shared/ipc/envelope.js';
import type { Engine } from './engine.js';

export async function listDataDir(engine: Engine, dataDir: string): Promise<ChannelResponse<'pod.listDataDir'>> {
  const abs = resolve(dataDir);
  if (!isDir(abs)) throw new IpcError('not-found', `The rkt data dir ${abs} does not exist or is not a directory.`);
  if (!isDir(join(abs, 'pods'))) {
    const hint = exists(join(abs, 'pod')) ? ' It looks like a pod root: open it as one.' : '';
    throw new IpcError('not-a-pod', `${abs} is not an rkt data dir: it has no pods/ directory.${hint}`);
  }
  const listing = await engine.listPods(abs);
  return {
    dataDir: listing.dataDir,
    warnings: listing.warnings,
    pods: listing.pods.map((p) => ({
      uuid: p.uuid,
      dirState: p.stateDir,
      state: p.stateText,
      root: p.root,
      apps: p.apps,
      images: p.images,
      createdAt: p.created,
      startedAt: p.started,
      locked: p.locked,
      error: p.error,
    })),
  };
}

function isDir(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

function exists(p: string): boolean {
  try { statSync(p); return true; } catch { return false; }
}
