// Assembling what the handlers need from the installation: version, sample pods, the recent
// list, the engine. Shared by Electron main and browser mode.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { fileRecentStore } from '../app-state/recent.js';
import type { Engine } from './engine.js';
import type { HandlerEnv, Sample } from './handlers.js';

/** The directory holding package.json, found upwards from this module (source or dist/). */
export function findAppRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'podunit') return dir;
      } catch { /* keep looking */ }
    }
    if (dirname(dir) === dir) throw new Error('cannot find podunit\'s package.json above ' + from);
  }
}

const samplesFileSchema = z.array(z.object({
  id: z.string(), title: z.string(), description: z.string(), path: z.string(),
}));

/** The sample pods listed in `<podsDir>/samples.json`, with absolute real roots. */
export function loadSamples(podsDir: string): Sample[] {
  try {
    const list = samplesFileSchema.parse(JSON.parse(readFileSync(join(podsDir, 'samples.json'), 'utf8')));
    return list
      .filter((s) => existsSync(join(podsDir, s.path, 'pod')))
      .map((s) => ({ id: s.id, title: s.title, description: s.description, root: realpathSync(join(podsDir, s.path)) }));
  } catch {
    return [];
  }
}

export interface AppEnvOptions {
  appRoot: string;
  /** Where the sample pods are; defaults to `<appRoot>/assets/pods`. */
  podsDir?: string;
  configDir: string;
  initialPod?: string | null;
  engine: Engine;
}

export function appEnv(options: AppEnvOptions): Omit<HandlerEnv, 'mode' | 'chooseDialog'> {
  const pkg = JSON.parse(readFileSync(join(options.appRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const podsDir = options.podsDir ?? join(options.appRoot, 'assets', 'pods');
  return {
    name: pkg.name,
    version: pkg.version,
    engine: options.engine,
    samples: loadSamples(podsDir),
    samplesDir: existsSync(podsDir) ? realpathSync(podsDir) : null,
    initialPod: options.initialPod ? resolve(options.initialPod) : null,
    recent: fileRecentStore(options.configDir),
  };
}
