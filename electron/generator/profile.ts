// Generator profiles: the decisions that differ between rkt releases, named and isolated.
// A profile is a set of switches; the generator consults them where rkt's behaviour changed.
// Each release is written as the release before it plus the switches that changed, so the
// definitions below double as a changelog of stage1's unit generation.

export interface Profile {
  name: string;
  /** rkt release it reproduces. */
  release: string;
  /** Which generator runs: rkt's appToSystemd (up to v1.15, stage1 flags) or its UnitWriter (v1.16 on, runtime-config). */
  generator: 'app-to-systemd' | 'unit-writer';
  /** What app images, units and env files are named after. */
  naming: 'image-id' | 'app-name';
  /** What the app's ExecStart= runs: a privilege-dropping wrapper or the app's binary itself. */
  execWrapper: 'diagexec' | 'appexec' | 'appexec-dashdash' | 'none';
  /** Exec quoting: the first element bare and v0.7's escapes, or Go's %q for every element. */
  execQuoting: 'bare-first' | 'go-quoted';
  /** Exec arguments after the first write '%' as '%%' (rkt after v1.30.0). */
  escapePercent: boolean;
  /** The app's env file: NUL-terminated entries, that plus a newline `-systemd` twin, or newline only. */
  envFile: 'nul' | 'nul-and-systemd-twin' | 'newline';
  /** Permission bits of the env file. */
  envFileMode: number;
  /** AC_METADATA_URL: always set (empty without a metadata service) or only when there is one. */
  metadataURL: 'always' | 'when-set';
  /** Error text: every layer appended after a colon (one message), or layered errors. */
  errorStyle: 'flat' | 'wrapped';
  /** What rkt's logger puts before warnings. */
  logPrefix: 'rkt: ' | 'stage1: ';
  /** stage1 takes a --private-users uid range (chowns the app's files to its shift). */
  privateUsers: boolean;
  /**
   * Accepted user/group: numbers and "root"; numbers, names and file owners (each id unshifted
   * alone), with "root" only as a name; the same with "root" built in; the pkg/user resolvers;
   * those plus docker's group fallback.
   */
  users: 'numeric-only' | 'etc-or-path' | 'root-etc-or-path' | 'resolvers' | 'resolvers-docker-fallback';
  /** The prepare-app@ instance name: hand-escaped, go-systemd path escape, or that with a leading '-'. */
  prepareAppInstance: 'manual-escape' | 'path-escape' | 'path-escape-dash';
  /** The app service's Description=: the app name, or the app and image names. */
  description: 'app-name' | 'app-and-image';
  /** Failure handling: OnFailure=reaper.service with an exit watcher, or OnFailure=halt.target with per-app reapers. */
  supervision: 'reaper-exit-watcher' | 'halt-target';
  /** Arguments of the per-app reaper's /reaper.sh. */
  appReaper: 'none' | 'app' | 'app-rootfs-bin';
  /** Journal output for apps: only with stage1 systemd v219, v220 or master, or always. */
  journalLinking: 'systemd-version-whitelist' | 'always';
  syslogIdentifier: 'exec-basename' | 'app-name';
  /** Memory and cpu limits: the quantity's text, or bytes and a percentage of millicores. */
  isolatorValues: 'quantity-text' | 'bytes-and-millicores';
  /**
   * Capabilities: an nspawn argument per retain set; all retain sets on one nspawn argument;
   * the retain sets plus the defaults as the bounding set; or retain/remove against the defaults.
   */
  capabilities: 'nspawn-retain-sets' | 'nspawn-retain-joined' | 'bounding-retain-plus-defaults' | 'retain-or-remove';
  /** The port a socket unit listens on. */
  socketPort: 'manifest' | 'host-port';
  /**
   * Mount points: matched to pod volumes by name only; or with implicit empty volumes named
   * after the mount point; or after app and mount point, with mount targets resolved through
   * symlinks inside the app.
   */
  mounts: 'mountpoints-by-name' | 'implicit-shared-name' | 'implicit-per-app';
  /**
   * Symlinks in a binary's or mount target's path inside the app: replaced one component at a
   * time, or resolved like EvalSymlinks after a chroot.
   */
  pathResolution: 'component-walk' | 'chroot-evalsymlinks';
  /** Which annotations mark a docker-converted image (whose implicit volumes copy the image's files). */
  dockerVolumesFrom: 'runtime-app-annotations' | 'image-annotations';
  /**
   * kvm flavor: a 9p mount unit per host volume and bind mount units per app mount, with 9p
   * tags and /mnt directories named after the volume, or (v1.2–v1.3) after its name's md5.
   */
  kvmMountUnits: 'none' | 'volume-name' | 'md5-tag';
  /** default.target listing the app services. */
  defaultTarget: boolean;
  shutdownService: boolean;
  /** sysusers.d files and Requires/After=sysusers.service. */
  sysusers: boolean;
  /**
   * Path protection: none; v1.6–v1.11's MountFlags=shared, fixed InaccessibleDirectories= and
   * ReadOnlyDirectories= for /proc and /sys, a read-only rootfs and a ReadWriteDirectories= list;
   * or today's, chosen by the stage1 systemd version.
   */
  protection: 'none' | 'directories' | 'paths-by-systemd-version';
  noNewPrivileges: boolean;
  /** stage1 systemd version: only its text (must exist), or parsed as a number. */
  systemdVersion: 'text' | 'number';
  /** Unit file layout: an empty line after every section (and section order unspecified), or between sections. */
  unitLayout: 'blank-after-every-section' | 'blank-between-sections';
  /** The appc spec whose validation the manifests go through on load. */
  appcSpec: 'v0.6.1' | 'current';
  /** How load errors name an image manifest. */
  imageManifestWord: 'app' | 'image';
}

const RKT_V0_7_0: Profile = {
  name: 'rkt-v0.7.0',
  release: 'v0.7.0',
  generator: 'app-to-systemd',
  naming: 'image-id',
  execWrapper: 'diagexec',
  execQuoting: 'bare-first',
  escapePercent: false,
  envFile: 'nul',
  envFileMode: 0o640,
  metadataURL: 'always',
  errorStyle: 'flat',
  logPrefix: 'rkt: ',
  privateUsers: false,
  users: 'numeric-only',
  prepareAppInstance: 'manual-escape',
  description: 'app-name',
  supervision: 'reaper-exit-watcher',
  appReaper: 'none',
  journalLinking: 'systemd-version-whitelist',
  syslogIdentifier: 'exec-basename',
  isolatorValues: 'quantity-text',
  capabilities: 'nspawn-retain-sets',
  socketPort: 'manifest',
  mounts: 'mountpoints-by-name',
  pathResolution: 'component-walk',
  dockerVolumesFrom: 'runtime-app-annotations',
  kvmMountUnits: 'none',
  defaultTarget: false,
  shutdownService: false,
  sysusers: false,
  protection: 'none',
  noNewPrivileges: false,
  systemdVersion: 'text',
  unitLayout: 'blank-after-every-section',
  appcSpec: 'v0.6.1',
  imageManifestWord: 'app',
};

const RKT_V0_16_0: Profile = {
  ...RKT_V0_7_0,
  name: 'rkt-v0.16.0',
  release: 'v0.16.0',
  naming: 'app-name',
  execWrapper: 'appexec',
  execQuoting: 'go-quoted',
  envFileMode: 0o644,
  metadataURL: 'when-set',
  privateUsers: true,
  prepareAppInstance: 'path-escape',
  description: 'app-and-image',
  supervision: 'halt-target',
  appReaper: 'app',
  journalLinking: 'always',
  isolatorValues: 'bytes-and-millicores',
  mounts: 'implicit-shared-name',
  kvmMountUnits: 'volume-name',
  defaultTarget: true,
  unitLayout: 'blank-between-sections',
  appcSpec: 'current',
};

const RKT_V1_0_0: Profile = { ...RKT_V0_16_0, name: 'rkt-v1.0.0', release: 'v1.0.0', errorStyle: 'wrapped', logPrefix: 'stage1: ' };

const RKT_V1_3_0: Profile = {
  ...RKT_V1_0_0,
  name: 'rkt-v1.3.0',
  release: 'v1.3.0',
  execWrapper: 'appexec-dashdash',
  users: 'etc-or-path',
  socketPort: 'host-port',
  mounts: 'implicit-per-app',
  kvmMountUnits: 'md5-tag',
  shutdownService: true,
  systemdVersion: 'number',
  imageManifestWord: 'image',
};

const RKT_V1_4_0: Profile = {
  ...RKT_V1_3_0,
  name: 'rkt-v1.4.0',
  release: 'v1.4.0',
  capabilities: 'nspawn-retain-joined',
  dockerVolumesFrom: 'image-annotations',
  kvmMountUnits: 'none',
};

const RKT_V1_5_0: Profile = {
  ...RKT_V1_4_0,
  name: 'rkt-v1.5.0',
  release: 'v1.5.0',
  execWrapper: 'none',
  envFile: 'nul-and-systemd-twin',
  users: 'root-etc-or-path',
  capabilities: 'bounding-retain-plus-defaults',
  sysusers: true,
};

const RKT_V1_11_0: Profile = {
  ...RKT_V1_5_0,
  name: 'rkt-v1.11.0',
  release: 'v1.11.0',
  envFile: 'newline',
  users: 'resolvers',
  prepareAppInstance: 'path-escape-dash',
  appReaper: 'app-rootfs-bin',
  syslogIdentifier: 'app-name',
  capabilities: 'retain-or-remove',
  protection: 'directories',
  noNewPrivileges: true,
};

const RKT_V1_30_0: Profile = {
  ...RKT_V1_11_0,
  name: 'rkt-v1.30.0',
  release: 'v1.30.0',
  generator: 'unit-writer',
  users: 'resolvers-docker-fallback',
  protection: 'paths-by-systemd-version',
  pathResolution: 'chroot-evalsymlinks',
};

const RKT_TIP: Profile = { ...RKT_V1_30_0, name: 'rkt-tip', release: 'v1.30.0 plus later commits', escapePercent: true };

/** Newest release first. */
export const PROFILES: Record<string, Profile> = Object.fromEntries(
  [RKT_TIP, RKT_V1_30_0, RKT_V1_11_0, RKT_V1_5_0, RKT_V1_4_0, RKT_V1_3_0, RKT_V1_0_0, RKT_V0_16_0, RKT_V0_7_0].map((p) => [p.name, p]),
);

export const DEFAULT_PROFILE = RKT_TIP.name;

/** Not a profile: `--profile auto` picks one from the pod root's evidence. */
export const AUTO_PROFILE = 'auto';

export function getProfile(name: string): Profile | null {
  return Object.hasOwn(PROFILES, name) ? PROFILES[name] : null;
}

/** Profile names, newest release first. */
export function profileNames(): string[] {
  return Object.keys(PROFILES);
}

/** What a --profile option or a Profile control accepts: every profile, then `auto`. */
export function profileChoices(): string[] {
  return [...profileNames(), AUTO_PROFILE];
}
