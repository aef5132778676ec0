// The app's environment file (stage1/rootfs/rkt/env/<app>): rkt's defaults the app does not
// set, then the app's variables, one raw NAME=VALUE per line.
import type { LineProvenance, Provenance } from '../../shared/plan.js';
import { S1, type GenContext } from './pod.js';
import { recordProvenance, shiftFiles } from './unit-writer.js';
import { CONSTANT_SOURCES } from './unit-option.js';

export const DEFAULT_ENV: ReadonlyArray<readonly [string, string]> = [
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  ['SHELL', '/bin/sh'],
  ['USER', 'root'],
  ['LOGNAME', 'root'],
  ['HOME', '/root'],
];

export interface EnvVarWithSource {
  name: string;
  value: string;
  source: Provenance;
}

export function envFilePath(app: string): string {
  return `${S1}/rkt/env/${app}`;
}

/** Writes the env file; returns how many leading default lines rkt orders arbitrarily. */
export function writeEnvFile(ctx: GenContext, app: string, env: EnvVarWithSource[]): number {
  const set = new Set(env.map((e) => e.name));
  const lines: string[] = [];
  const prov: LineProvenance[] = [];
  for (const [name, value] of DEFAULT_ENV) {
    if (set.has(name)) continue;
    lines.push(`${name}=${value}\n`);
    prov.push({ line: lines.length, key: name, sources: CONSTANT_SOURCES });
  }
  const defaults = lines.length;
  for (const e of env) {
    lines.push(`${e.name}=${e.value}\n`);
    prov.push({ line: lines.length, key: e.name, sources: [e.source] });
  }
  const path = envFilePath(app);
  ctx.fs.mkdirAll(`${S1}/rkt/env`, 0o755);
  ctx.fs.writeFile(path, lines.join(''), 0o644);
  recordProvenance(ctx, path, prov);
  shiftFiles(ctx, [path]);
  return defaults;
}
