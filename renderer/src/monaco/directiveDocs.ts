// Hover documentation for every unit directive the generator can write, and for the
// keys of the env and iottymux files. Each text says what systemd does with the setting
// and why the generator writes it. Plain data: usable from tests without Monaco.

export interface DirectiveDoc {
  /** Sections the generator writes this key in. */
  sections: string[];
  /** One or two sentences of Markdown. */
  doc: string;
}

export const SECTION_DOCS: Record<string, string> = {
  Unit: '**[Unit]** — generic unit settings: description and dependency/ordering edges shared by every unit type.',
  Service: '**[Service]** — how systemd starts, runs and confines the process of a service unit.',
  Socket: '**[Socket]** — what a socket unit listens on and which service receives the connections or file descriptors.',
  Install: '**[Install]** — read by `systemctl enable`: the dependency links the unit installs for itself.',
  Mount: '**[Mount]** — a mount point managed by systemd (mount units of early kvm stage1 profiles).',
};

const d = (sections: string[], doc: string): DirectiveDoc => ({ sections, doc });

export const DIRECTIVE_DOCS: Record<string, DirectiveDoc> = {
  // [Unit]
  Description: d(['Unit'], 'Human-readable name shown by systemctl and in logs. App units use `Application=<app> Image=<image name>`.'),
  DefaultDependencies: d(['Unit'], 'When `false`/`no`, systemd adds none of its implicit dependencies (basic.target, shutdown.target conflicts); the pod supervisor orders everything explicitly.'),
  Wants: d(['Unit'], 'Weak requirement: starting this unit also starts the listed units, but their failure does not stop it. Apps want their `reaper-<app>.service`.'),
  Requires: d(['Unit'], 'Strong requirement: the listed units are started too, and if one fails to start or is stopped, this unit is stopped. Carries no ordering by itself.'),
  Before: d(['Unit'], 'Ordering only: if both units start, this one finishes starting before the listed units begin.'),
  After: d(['Unit'], 'Ordering only: this unit starts after the listed units have finished starting (and stops before them).'),
  Conflicts: d(['Unit'], 'Starting this unit stops the listed units and vice versa. Reapers conflict with `exit.target`, `halt.target` and `poweroff.target` so they run at pod shutdown.'),
  BindsTo: d(['Unit'], 'Like `Requires=`, and additionally this unit stops as soon as the listed unit stops. Stream sockets are bound to their app service.'),
  OnFailure: d(['Unit'], 'Units activated when this unit enters the failed state. Immutable pods use `halt.target`, so a failing app stops the pod.'),
  OnFailureJobMode: d(['Unit'], 'Job mode for the `OnFailure=` units; `fail` refuses to queue them if that would conflict with pending jobs.'),
  AllowIsolate: d(['Unit'], 'Permits `systemctl isolate` on this unit, which stops every unit it does not pull in.'),
  StopWhenUnneeded: d(['Unit'], '`yes`: systemd stops the unit once no active unit depends on it any more.'),
  RefuseManualStart: d(['Unit'], '`yes`: the unit can only be started as a dependency, never by an explicit start request.'),
  RefuseManualStop: d(['Unit'], '`yes`: the unit can only be stopped as a dependency, never by an explicit stop request.'),

  // [Service]
  Type: d(['Service'], 'Start-up notification. `oneshot`: started when the process exits. `notify`: started when the process sends `READY=1` (images annotated `appc.io/executor/supports-systemd-notify`). Absent: `simple`, started once forked.'),
  Restart: d(['Service'], 'Whether systemd restarts the process when it exits. rkt always writes `no`: an exited app stays exited and its reaper runs.'),
  RemainAfterExit: d(['Service'], 'Keep the service active after its processes exit, so its stop commands still run later (reapers, shutdown service).'),
  ExecStart: d(['Service'], 'The command run as the main process. rkt writes the resolved binary path and the arguments, each double-quoted with `$` written as `$$` (and `%` as `%%` after the first, in the tip profile).'),
  ExecStartPre: d(['Service'], 'Command run before `ExecStart=`; a failure fails the unit. Written for each `pre-start` event handler, quoted like `ExecStart=`.'),
  ExecStartPost: d(['Service'], 'Command run after the main process started. kvm interface units add one route per line.'),
  ExecStop: d(['Service'], 'Command run when the unit stops. Reapers call `/reaper.sh` with the app name, app root and binary path (written without escaping).'),
  ExecStopPost: d(['Service'], 'Command run after the service stopped, whether it succeeded or not. Written for each `post-stop` event handler.'),
  Environment: d(['Service'], 'Sets environment variables for the processes. Immutable reapers get `"EXIT_POD=true"` so their exit also ends the pod.'),
  EnvironmentFile: d(['Service'], 'Reads `NAME=VALUE` lines from a file into the environment. Points at `/rkt/env/<app>`, which the generator writes next to the unit.'),
  User: d(['Service'], 'Numeric uid the process runs as, resolved by rkt from the app\'s `user` (number, name in the image\'s /etc/passwd, or owner of a path).'),
  Group: d(['Service'], 'Numeric gid the process runs as, resolved from the app\'s `group` (number, name in /etc/group, or owner of a path).'),
  SupplementaryGroups: d(['Service'], 'Extra groups of the process. One line per entry of the app\'s `supplementaryGIDs`, in manifest order; the lines accumulate.'),
  PermissionsStartOnly: d(['Service'], '`true`: the `User=`/`Group=` and related restrictions apply only to `ExecStart=`; the pre/post commands run with full privileges.'),
  WorkingDirectory: d(['Service'], 'Directory the process starts in, relative to `RootDirectory=`. From the app\'s `workingDirectory`, defaulting to `/`.'),
  RootDirectory: d(['Service'], 'chroot for the process: the app\'s root filesystem `/opt/stage2/<app>/rootfs` as seen inside stage1.'),
  SyslogIdentifier: d(['Service'], 'Name the process\'s log lines carry in the journal; the app name.'),
  StandardInput: d(['Service'], 'Where stdin comes from: `null`, `tty` (interactive), `tty-force` (the app\'s own pseudo-terminal), or `fd` (a FIFO from `Sockets=`). From the `coreos.com/rkt/stage2/stdin` app annotation.'),
  StandardOutput: d(['Service'], 'Where stdout goes: `journal+console` (default), `null`, `tty`, or `fd` (a FIFO from `Sockets=`). From the `coreos.com/rkt/stage2/stdout` app annotation.'),
  StandardError: d(['Service'], 'Where stderr goes; same values as `StandardOutput=`. From the `coreos.com/rkt/stage2/stderr` app annotation.'),
  Sockets: d(['Service'], 'Socket units whose file descriptors are passed to the process. Used for the `<app>-<stream>.socket` FIFOs of streamed stdin/stdout/stderr.'),
  TTYPath: d(['Service'], 'Terminal device used when a standard stream is a tty: the pseudo-terminal that ttymux creates under `/rkt/iottymux/<app>/`.'),
  TimeoutStartSec: d(['Service'], 'How long start-up may take before the unit fails; `0` disables the timeout.'),
  CapabilityBoundingSet: d(['Service'], 'Capabilities the process can ever hold, space-separated; everything else is dropped. The default rkt set, the retain set, or the default minus the remove set; empty means none.'),
  NoNewPrivileges: d(['Service'], '`true`: the process and its children can never gain privileges (setuid bits, file capabilities are ignored). Forced for non-root apps under a seccomp filter.'),
  SystemCallFilter: d(['Service'], 'Seccomp filter, one entry per line; the lines accumulate. Plain names are an allow list; `~name` entries form a deny list; `@group` names a systemd syscall group.'),
  SystemCallErrorNumber: d(['Service'], 'errno returned by filtered system calls instead of killing the process (the `errno` of the seccomp isolator).'),
  ReadWriteDirectories: d(['Service'], 'Paths that stay writable inside a read-only tree: one line per writable mount of an app with `readOnlyRootFS`.'),
  ReadOnlyDirectories: d(['Service'], 'Paths mounted read-only for the process: the app root with `readOnlyRootFS`, or the kernel-tunable paths on systemd older than 231.'),
  InaccessibleDirectories: d(['Service'], 'Paths made inaccessible to the process (systemd older than 231). The leading `-` ignores paths that do not exist.'),
  InaccessiblePaths: d(['Service'], 'Files and directories made inaccessible to the process, e.g. `/proc/kcore`, `/sys/firmware` under the app root (systemd 231 and later). `-` ignores missing paths.'),
  ReadOnlyPaths: d(['Service'], 'Files and directories mounted read-only for the process, e.g. `/proc/sys/kernel/core_pattern`, `/sys/kernel` (systemd 231 and later). `-` ignores missing paths.'),
  ProtectKernelTunables: d(['Service'], '`true`: /proc/sys, /sys and similar kernel tunables become read-only. Written by older profiles instead of `MountAPIVFS=false`.'),
  MountAPIVFS: d(['Service'], '`false`: systemd does not mount fresh /proc, /sys and /dev into the root directory; stage1\'s prepare-app has set them up (systemd 233 and later).'),
  MountFlags: d(['Service'], 'Mount propagation of the service\'s mount namespace; `shared` lets mounts propagate between the app and stage1.'),
  DevicePolicy: d(['Service'], '`closed`: only the standard pseudo devices (/dev/null, zero, full, random, urandom) plus the `DeviceAllow=` entries may be opened.'),
  DeviceAllow: d(['Service'], 'A device node the process may access, with `r`/`w` access. One line per host device volume, via its `/dev/.rkt/<volume>` link; `w` unless read-only.'),
  MemoryLimit: d(['Service'], 'Memory cgroup limit in bytes: the `limit` of `resource/memory`, rounded up. Omitted when the memory controller is not available.'),
  CPUQuota: d(['Service'], 'CPU time limit as a percentage of one CPU: the `limit` of `resource/cpu` in millicores divided by 10. Omitted without the cpu controller.'),
  CPUShares: d(['Service'], 'Relative CPU weight of the cgroup (2–262144), from `os/linux/cpu-shares`.'),
  OOMScoreAdjust: d(['Service'], 'Adjusts how likely the kernel\'s OOM killer picks the process (-1000 to 1000), from `os/linux/oom-score-adj`.'),

  // [Socket]
  BindIPv6Only: d(['Socket'], '`both`: an IPv6 listening socket also accepts IPv4 connections.'),
  Service: d(['Socket'], 'The service activated by this socket and given its file descriptors: `<app>.service`.'),
  ListenStream: d(['Socket'], 'A TCP port (or stream socket) to listen on: the host port of the pod\'s `ports` entry, else the app\'s own port.'),
  ListenDatagram: d(['Socket'], 'A UDP port (or datagram socket) to listen on; chosen like `ListenStream=`.'),
  ListenFIFO: d(['Socket'], 'A named pipe created and opened by systemd; iottymux uses it to carry one standard stream of the app.'),
  RemoveOnStop: d(['Socket'], '`yes`: the FIFO or socket file is deleted when the socket unit stops.'),
  FileDescriptorName: d(['Socket'], 'Name passed with the file descriptor (`$LISTEN_FDNAMES`): `stdin`, `stdout` or `stderr`.'),

  // [Install]
  RequiredBy: d(['Install'], 'Units that get a `Requires=` on this unit when it is enabled; kvm interface units are required by `default.target`.'),
  WantedBy: d(['Install'], 'Units that get a `Wants=` on this unit when it is enabled.'),

  // [Mount] (kvm mount units of old profiles)
  What: d(['Mount'], 'The source of the mount: a device, directory or file.'),
  Where: d(['Mount'], 'Absolute path of the mount point; must match the unit\'s name.'),
  Options: d(['Mount'], 'Mount options, e.g. `bind`.'),
};

/** Keys whose meaning depends on the section they are in ("Section/Key"). */
const SECTION_DIRECTIVE_DOCS: Record<string, DirectiveDoc> = {
  'Mount/Type': d(['Mount'], 'File system type passed to mount(8); `bind` for the bind mounts of early kvm stage1 profiles.'),
};

/** Keys of the environment files (`/rkt/env/<app>`) and the iottymux env file. */
export const ENV_DOCS: Record<string, string> = {
  PATH: 'Default search path rkt adds when the app does not set `PATH`.',
  SHELL: 'Default shell rkt adds when the app does not set `SHELL`.',
  USER: 'Default user name rkt adds when the app does not set `USER` (always `root`, whatever the app\'s user).',
  LOGNAME: 'Default login name rkt adds when the app does not set `LOGNAME` (always `root`).',
  HOME: 'Default home directory rkt adds when the app does not set `HOME` (always `/root`).',
  AC_APP_NAME: 'The app\'s name, set by rkt (replaces a manifest value of the same name in place).',
  AC_METADATA_URL: 'URL of the pod metadata service, set only when a metadata token was given.',
  STAGE2_TTY: 'iottymux: `true` when some stream of the app uses a pseudo-terminal (`tty` mode).',
  STAGE1_DEBUG: 'iottymux: the pod\'s debug flag.',
  STAGE2_STDIN: 'iottymux: stdin is attachable (`stream` or `tty`).',
  STAGE2_STDOUT: 'iottymux: stdout is attachable (`stream` or `tty`).',
  STAGE2_STDERR: 'iottymux: stderr is attachable (`stream` or `tty`).',
  STAGE1_LOGMODE: 'iottymux: log mode from the pod annotation `coreos.com/rkt/experiment/logmode`.',
  KUBERNETES_LOG_PATH: 'iottymux: log file for `k8s-plain` mode, from the app annotation `coreos.com/rkt/experiment/kubernetes-log-path`.',
};

/** Line types of sysusers.d files. */
export const SYSUSERS_DOCS: Record<string, string> = {
  g: '`g NAME GID` — systemd-sysusers creates the group `NAME` with this gid if it does not exist.',
  u: '`u NAME UID "GECOS"` — systemd-sysusers creates the user `NAME` with this uid (and a group of the same id) if it does not exist.',
};

export function directiveDoc(key: string, section?: string): DirectiveDoc | undefined {
  const specific = section !== undefined ? SECTION_DIRECTIVE_DOCS[`${section}/${key}`] : undefined;
  if (specific) return specific;
  return Object.prototype.hasOwnProperty.call(DIRECTIVE_DOCS, key) ? DIRECTIVE_DOCS[key] : undefined;
}
