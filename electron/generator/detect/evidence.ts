// What a pod root shows about the rkt release that prepared and ran it. Every finding names
// the profile switch value it reveals, so the profiles it fits follow from profile.ts.
import { decodePodManifest } from '../../appc/decode.js';
import type { RuntimeApp } from '../../appc/types.js';
import { execEscape } from '../escape.js';
import { base } from '../gopath.js';
import { S1, UNIT_DIR } from '../pod.js';
import type { PodFs } from '../podfs.js';
import { PROFILES, type Profile } from '../profile.js';
import { shortImageID } from '../app-to-systemd/naming.js';
import { execWords, readUnitText, unquoted, type UnitText } from './unit-text.js';

export interface Finding {
  /** Pod-relative path of the file or directory that shows it. */
  path: string;
  /** What was seen. */
  seen: string;
  /** Names of the profiles that write what was seen (newest first). */
  fits: string[];
}

export function profilesWhere(test: (p: Profile) => boolean): string[] {
  return Object.values(PROFILES).filter(test).map((p) => p.name);
}

const decoder = new TextDecoder();

function readText(fs: PodFs, path: string): string | null {
  try {
    return decoder.decode(fs.readFile(path));
  } catch {
    return null;
  }
}

function exists(fs: PodFs, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function podApps(fs: PodFs): RuntimeApp[] {
  const text = readText(fs, 'pod');
  if (text === null) return [];
  const decoded = decodePodManifest(text);
  return decoded.ok ? decoded.value.apps : [];
}

/** The stage1 image's version label, if the pod has its manifest. */
export function stage1VersionLabel(fs: PodFs): string | null {
  const text = readText(fs, 'stage1/manifest');
  if (text === null) return null;
  try {
    const labels = (JSON.parse(text) as { labels?: { name?: unknown; value?: unknown }[] }).labels ?? [];
    const v = labels.find((l) => l.name === 'version')?.value;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Everything on disk that tells generations apart, app by app; `generated`: stage1 has written app units. */
export function collectFindings(fs: PodFs): { findings: Finding[]; generated: boolean } {
  const findings: Finding[] = [];
  const add = (path: string, seen: string, test: (p: Profile) => boolean) => findings.push({ path, seen, fits: profilesWhere(test) });
  const apps = podApps(fs);
  let generated = false;

  for (const ra of apps) {
    const id = shortImageID(ra.image?.id ?? '');
    const byName = `${S1}/opt/stage2/${ra.name}`;
    const byId = `${S1}/opt/stage2/${id}`;
    if (exists(fs, byName)) add(byName, `app ${ra.name}'s image directory is named after the app`, (p) => p.naming === 'app-name');
    else if (id !== '' && exists(fs, byId)) add(byId, `app ${ra.name}'s image directory is named after its image ID`, (p) => p.naming === 'image-id');

    const key = exists(fs, `${UNIT_DIR}/${ra.name}.service`) ? ra.name : exists(fs, `${UNIT_DIR}/${id}.service`) ? id : null;
    if (key === null) continue;
    generated = true;
    const servicePath = `${UNIT_DIR}/${key}.service`;
    const unit = readUnitText(readText(fs, servicePath) ?? '');
    serviceFindings(ra, servicePath, unit, add);
    envFindings(fs, key, add);
    appFileFindings(fs, ra.name, add);
  }

  if (generated) {
    const has = (path: string) => exists(fs, path);
    add('runtime-config', has('runtime-config') ? 'runtime-config saved in the pod' : 'units written without a runtime-config', (p) => has('runtime-config') === (p.generator === 'unit-writer'));
    const shutdown = `${UNIT_DIR}/shutdown.service`;
    add(shutdown, has(shutdown) ? 'a shutdown.service' : 'no shutdown.service', (p) => p.shutdownService === has(shutdown));
    const target = `${UNIT_DIR}/default.target`;
    add(target, has(target) ? 'a default.target' : 'no default.target', (p) => p.defaultTarget === has(target));
    const mountUnit = listUnits(fs).find((u) => /^mnt-.*\.mount$/.test(u));
    if (mountUnit) add(`${UNIT_DIR}/${mountUnit}`, 'kvm mount units for the volumes', (p) => p.kvmMountUnits !== 'none');
  }
  return { findings, generated };
}

type Add = (path: string, seen: string, test: (p: Profile) => boolean) => void;

function serviceFindings(ra: RuntimeApp, path: string, unit: UnitText, add: Add): void {
  const exec = unit.first('Service', 'ExecStart') ?? '';
  const words = execWords(exec);
  const first = unquoted(words[0] ?? '');
  if (first === '/diagexec') add(path, 'apps started through /diagexec', (p) => p.execWrapper === 'diagexec');
  else if (first === '/appexec') {
    const dashes = unquoted(words[6] ?? '') === '--';
    add(path, dashes ? "apps started through /appexec … --" : "apps started through /appexec without '--'", (p) => p.execWrapper === (dashes ? 'appexec-dashdash' : 'appexec'));
  } else if (unit.first('Service', 'RootDirectory') !== undefined) {
    add(path, 'apps started by systemd itself (RootDirectory=)', (p) => p.execWrapper === 'none');
    const pso = unit.first('Service', 'PermissionsStartOnly') !== undefined;
    add(path, pso ? 'PermissionsStartOnly=true' : 'no PermissionsStartOnly=', (p) => (p.generator === 'unit-writer') === pso);
  }

  if (unit.all('Unit', 'OnFailure').includes('reaper.service')) add(path, 'OnFailure=reaper.service', (p) => p.supervision === 'reaper-exit-watcher');
  else if (unit.all('Unit', 'Wants').includes(`reaper-${ra.name}.service`)) add(path, `Wants=reaper-${ra.name}.service`, (p) => p.supervision === 'halt-target');

  const prepare = unit.all('Unit', 'Requires').find((v) => v.startsWith('prepare-app@'));
  if (prepare) {
    const dash = prepare.startsWith('prepare-app@-');
    add(path, `prepare-app instance ${prepare}`, (p) => (p.prepareAppInstance === 'path-escape') !== dash);
  }

  const syslog = unit.first('Service', 'SyslogIdentifier');
  const exec0 = ra.app?.exec?.[0];
  if (syslog === undefined) add(path, 'no SyslogIdentifier=', (p) => p.syslogIdentifier === 'exec-basename');
  else if (exec0 && base(exec0) !== ra.name) {
    if (syslog === ra.name) add(path, 'SyslogIdentifier= is the app name', (p) => p.syslogIdentifier === 'app-name');
    else if (syslog === base(exec0)) add(path, "SyslogIdentifier= is the exec's base name", (p) => p.syslogIdentifier === 'exec-basename');
  }

  // '%' in the app's arguments: written as '%%' only after v1.30.0.
  const args = ra.app?.exec?.slice(1) ?? [];
  args.forEach((arg, i) => {
    if (!arg.includes('%')) return;
    const doubled = execEscape(i + 1, arg, { escapePercent: true });
    const single = execEscape(i + 1, arg, { escapePercent: false });
    if (words.includes(doubled)) add(path, `'%' doubled in exec argument ${doubled}`, (p) => p.escapePercent);
    else if (words.includes(single)) add(path, `'%' not doubled in exec argument ${single}`, (p) => !p.escapePercent);
  });
}

function envFindings(fs: PodFs, key: string, add: Add): void {
  const path = `${S1}/rkt/env/${key}`;
  const text = readText(fs, path);
  if (text === null) return;
  const twin = exists(fs, `${path}-systemd`);
  if (twin) add(`${path}-systemd`, 'a NUL env file with a newline -systemd twin', (p) => p.envFile === 'nul-and-systemd-twin');
  else if (text.includes('\0')) add(path, 'a NUL-separated env file', (p) => p.envFile === 'nul');
  else if (text !== '') add(path, 'a newline-separated env file', (p) => p.envFile === 'newline');
  try {
    const mode = fs.lstat(path).mode & 0o777;
    if (mode === 0o640 || mode === 0o644) add(path, `env file mode ${mode.toString(8)}`, (p) => p.envFileMode === mode);
  } catch {
    /* read above; a race at most */
  }
}

function appFileFindings(fs: PodFs, app: string, add: Add): void {
  const reaperPath = `${UNIT_DIR}/reaper-${app}.service`;
  const reaperText = readText(fs, reaperPath);
  if (reaperText === null) {
    add(reaperPath, 'no reaper unit for the app', (p) => p.appReaper === 'none');
  } else {
    const reaper = readUnitText(reaperText);
    const stop = reaper.first('Service', 'ExecStop') ?? '';
    const argc = execWords(stop).length - 1;
    add(reaperPath, `/reaper.sh with ${argc} argument${argc === 1 ? '' : 's'}`, (p) => p.appReaper === (argc === 1 ? 'app' : 'app-rootfs-bin'));
    const before = reaper.all('Unit', 'Before').includes('halt.target');
    add(reaperPath, before ? 'reaper ordered Before=halt.target' : 'reaper without Before=halt.target', (p) => (p.generator === 'unit-writer') === before);
  }
  const sysusers = `${S1}/usr/lib/sysusers.d/${app}.service.conf`;
  const hasSysusers = exists(fs, sysusers);
  add(sysusers, hasSysusers ? 'a sysusers.d file for the app' : 'no sysusers.d file for the app', (p) => p.sysusers === hasSysusers);
}

function listUnits(fs: PodFs): string[] {
  try {
    return fs.readdir(UNIT_DIR);
  } catch {
    return [];
  }
}
