// The app's env files up to v1.11.0: rkt's defaults the app does not set, then the app's
// variables, each terminated by NUL (read by the exec wrapper) or by a newline (read by
// systemd's EnvironmentFile=). Unlike later releases, stage1/rootfs/rkt/env must exist.
import type { LineProvenance, Provenance } from '../../../shared/plan.js';
import type { App, RuntimeApp } from '../../appc/types.js';
import { DEFAULT_ENV, type EnvVarWithSource } from '../envfile.js';
import { S1, type GenContext } from '../pod.js';
import { fieldSource, runtimeOption } from '../sources.js';
import { recordProvenance, shiftFiles } from '../unit-writer.js';
import { CONSTANT_SOURCES } from '../unit-option.js';

/** appc's Environment.Set of AC_APP_NAME and AC_METADATA_URL: replaced in place, else appended. */
export function composeEnv(ctx: GenContext, ra: RuntimeApp, app: App): EnvVarWithSource[] {
  const env: EnvVarWithSource[] = app.environment.map((e) => ({ name: e.name, value: e.value, source: fieldSource(e) }));
  const set = (name: string, value: string, source: Provenance) => {
    const existing = env.find((e) => e.name === name);
    if (existing) Object.assign(existing, { value, source });
    else env.push({ name, value, source });
  };
  set('AC_APP_NAME', ra.name, fieldSource(ra, 'name'));
  if (ctx.profile.metadataURL === 'always' || ctx.pod.metadataURL !== '') {
    set('AC_METADATA_URL', ctx.pod.metadataURL, runtimeOption('metadata service URL'));
  }
  return env;
}

/** Writes `<S1><file>` (`file` as stage1 sees it) and chowns it to the private-users shift. */
export function writeEnvFile(ctx: GenContext, env: EnvVarWithSource[], file: string, terminator: '\n' | '\0'): void {
  const set = new Set(env.map((e) => e.name));
  const entries: string[] = [];
  const prov: LineProvenance[] = [];
  for (const [name, value] of DEFAULT_ENV) {
    if (set.has(name)) continue;
    entries.push(`${name}=${value}${terminator}`);
    prov.push({ line: entries.length, key: name, sources: CONSTANT_SOURCES });
  }
  const defaults = entries.length;
  for (const e of env) {
    entries.push(`${e.name}=${e.value}${terminator}`);
    prov.push({ line: entries.length, key: e.name, sources: [e.source] });
  }
  const path = S1 + file;
  ctx.fs.writeFile(path, entries.join(''), ctx.profile.envFileMode);
  recordProvenance(ctx, path, prov);
  ctx.envPrefixLines[path] = defaults;
  if (ctx.profile.privateUsers) shiftFiles(ctx, [path]);
}
