// Meanings of the number rkt's reaper stores in rkt/status/<app>.
//
// The reaper writes systemd's ExecMainStatus for the app's service. systemd puts either
// the exit code or, when the process was killed, the signal number in that property, so the
// file alone cannot tell "exit(9)" from "killed by SIGKILL". The decoder therefore returns
// every reading that fits and lets the caller weigh them against other evidence.

/** Codes the service manager itself returns when it fails to start a process (systemd's EXIT_* names). */
export const SYSTEMD_EXIT_CODES: Record<number, { name: string; meaning: string }> = {
  200: { name: 'CHDIR', meaning: 'could not change to the WorkingDirectory=' },
  201: { name: 'NICE', meaning: 'could not set the scheduling priority (Nice=)' },
  202: { name: 'FDS', meaning: 'could not close unwanted file descriptors' },
  203: { name: 'EXEC', meaning: 'the program in ExecStart= could not be executed' },
  204: { name: 'MEMORY', meaning: 'out of memory while setting up the process' },
  205: { name: 'LIMITS', meaning: 'could not apply the resource limits (Limit*=)' },
  206: { name: 'OOM_ADJUST', meaning: 'could not set OOMScoreAdjust=' },
  207: { name: 'SIGNAL_MASK', meaning: 'could not set the signal mask' },
  208: { name: 'STDIN', meaning: 'could not set up standard input' },
  209: { name: 'STDOUT', meaning: 'could not set up standard output' },
  210: { name: 'CHROOT', meaning: 'could not change into RootDirectory=' },
  211: { name: 'IOPRIO', meaning: 'could not set the I/O priority' },
  212: { name: 'TIMERSLACK', meaning: 'could not set the timer slack' },
  213: { name: 'SECUREBITS', meaning: 'could not set the process secure bits' },
  214: { name: 'SETSCHEDULER', meaning: 'could not set the CPU scheduling policy' },
  215: { name: 'CPUAFFINITY', meaning: 'could not set the CPU affinity' },
  216: { name: 'GROUP', meaning: 'could not set up the group (Group= or SupplementaryGroups=)' },
  217: { name: 'USER', meaning: 'could not set up the user (User=): unknown user or failed setuid' },
  218: { name: 'CAPABILITIES', meaning: 'could not drop capabilities (CapabilityBoundingSet=)' },
  219: { name: 'CGROUP', meaning: 'could not set up the control group' },
  220: { name: 'SETSID', meaning: 'could not create a new session' },
  221: { name: 'CONFIRM', meaning: 'execution was refused at the confirmation prompt' },
  222: { name: 'STDERR', meaning: 'could not set up standard error' },
  224: { name: 'PAM', meaning: 'could not set up the PAM session' },
  225: { name: 'NETWORK', meaning: 'could not set up the private network' },
  226: { name: 'NAMESPACE', meaning: 'could not set up the mount namespace (ReadOnlyPaths=, InaccessiblePaths=, …)' },
  227: { name: 'NO_NEW_PRIVILEGES', meaning: 'could not set NoNewPrivileges=' },
  228: { name: 'SECCOMP', meaning: 'could not install the system call filter (SystemCallFilter=)' },
  229: { name: 'SELINUX_CONTEXT', meaning: 'could not set the SELinux context' },
  230: { name: 'PERSONALITY', meaning: 'could not set the execution domain (Personality=)' },
  231: { name: 'APPARMOR_PROFILE', meaning: 'could not apply the AppArmor profile' },
  232: { name: 'ADDRESS_FAMILIES', meaning: 'could not restrict address families' },
  233: { name: 'RUNTIME_DIRECTORY', meaning: 'could not create RuntimeDirectory=' },
  235: { name: 'CHOWN', meaning: 'could not change the owner of the socket or directory' },
  236: { name: 'SMACK_PROCESS_LABEL', meaning: 'could not set the SMACK label' },
  237: { name: 'KEYRING', meaning: 'could not set up the kernel keyring' },
  238: { name: 'STATE_DIRECTORY', meaning: 'could not create StateDirectory=' },
  239: { name: 'CACHE_DIRECTORY', meaning: 'could not create CacheDirectory=' },
  240: { name: 'LOGS_DIRECTORY', meaning: 'could not create LogsDirectory=' },
  241: { name: 'CONFIGURATION_DIRECTORY', meaning: 'could not create ConfigurationDirectory=' },
  242: { name: 'NUMA_POLICY', meaning: 'could not set the NUMA policy' },
  243: { name: 'CREDENTIALS', meaning: 'could not set up the service credentials' },
  245: { name: 'BPF', meaning: 'could not set up the BPF programs' },
};

/** Conventional meanings of small exit codes (LSB init scripts, BSD sysexits, POSIX shells). */
export const CONVENTIONAL_EXIT_CODES: Record<number, { name: string; meaning: string }> = {
  1: { name: 'FAILURE', meaning: 'generic failure' },
  2: { name: 'INVALIDARGUMENT', meaning: 'invalid arguments or usage (shells: misuse of a builtin)' },
  3: { name: 'NOTIMPLEMENTED', meaning: 'unimplemented feature' },
  4: { name: 'NOPERMISSION', meaning: 'insufficient privileges' },
  5: { name: 'NOTINSTALLED', meaning: 'program is not installed' },
  6: { name: 'NOTCONFIGURED', meaning: 'program is not configured' },
  7: { name: 'NOTRUNNING', meaning: 'program is not running' },
  64: { name: 'USAGE', meaning: 'command line usage error' },
  65: { name: 'DATAERR', meaning: 'data format error' },
  66: { name: 'NOINPUT', meaning: 'cannot open input' },
  67: { name: 'NOUSER', meaning: 'addressee unknown' },
  68: { name: 'NOHOST', meaning: 'host name unknown' },
  69: { name: 'UNAVAILABLE', meaning: 'service unavailable' },
  70: { name: 'SOFTWARE', meaning: 'internal software error' },
  71: { name: 'OSERR', meaning: 'system error (e.g. cannot fork)' },
  72: { name: 'OSFILE', meaning: 'critical OS file missing' },
  73: { name: 'CANTCREAT', meaning: 'cannot create (user) output file' },
  74: { name: 'IOERR', meaning: 'input/output error' },
  75: { name: 'TEMPFAIL', meaning: 'temporary failure; user is invited to retry' },
  76: { name: 'PROTOCOL', meaning: 'remote error in protocol' },
  77: { name: 'NOPERM', meaning: 'permission denied' },
  78: { name: 'CONFIG', meaning: 'configuration error' },
  126: { name: 'NOEXEC', meaning: 'a shell found the command but could not execute it' },
  127: { name: 'NOTFOUND', meaning: 'a shell (or the dynamic loader) could not find the command or a shared library' },
};

/** Linux signal numbers as on x86, arm and most other architectures. */
export const SIGNALS: Record<number, { name: string; meaning: string }> = {
  1: { name: 'SIGHUP', meaning: 'hangup' },
  2: { name: 'SIGINT', meaning: 'interrupt' },
  3: { name: 'SIGQUIT', meaning: 'quit (core dump)' },
  4: { name: 'SIGILL', meaning: 'illegal instruction (core dump)' },
  5: { name: 'SIGTRAP', meaning: 'trace or breakpoint trap (core dump)' },
  6: { name: 'SIGABRT', meaning: 'aborted, e.g. by abort() or a failed assertion (core dump)' },
  7: { name: 'SIGBUS', meaning: 'bus error: bad memory access (core dump)' },
  8: { name: 'SIGFPE', meaning: 'arithmetic exception (core dump)' },
  9: { name: 'SIGKILL', meaning: 'killed unconditionally (also what the kernel OOM killer sends)' },
  10: { name: 'SIGUSR1', meaning: 'user-defined signal 1' },
  11: { name: 'SIGSEGV', meaning: 'segmentation fault: invalid memory reference (core dump)' },
  12: { name: 'SIGUSR2', meaning: 'user-defined signal 2' },
  13: { name: 'SIGPIPE', meaning: 'write to a pipe with no reader' },
  14: { name: 'SIGALRM', meaning: 'timer expired' },
  15: { name: 'SIGTERM', meaning: 'asked to terminate' },
  16: { name: 'SIGSTKFLT', meaning: 'coprocessor stack fault' },
  17: { name: 'SIGCHLD', meaning: 'child stopped or terminated' },
  18: { name: 'SIGCONT', meaning: 'continue' },
  19: { name: 'SIGSTOP', meaning: 'stopped' },
  20: { name: 'SIGTSTP', meaning: 'stop typed at terminal' },
  21: { name: 'SIGTTIN', meaning: 'terminal input for a background process' },
  22: { name: 'SIGTTOU', meaning: 'terminal output for a background process' },
  23: { name: 'SIGURG', meaning: 'urgent condition on a socket' },
  24: { name: 'SIGXCPU', meaning: 'CPU time limit exceeded (core dump)' },
  25: { name: 'SIGXFSZ', meaning: 'file size limit exceeded (core dump)' },
  26: { name: 'SIGVTALRM', meaning: 'virtual alarm clock' },
  27: { name: 'SIGPROF', meaning: 'profiling timer expired' },
  28: { name: 'SIGWINCH', meaning: 'window resize' },
  29: { name: 'SIGIO', meaning: 'I/O now possible' },
  30: { name: 'SIGPWR', meaning: 'power failure' },
  31: { name: 'SIGSYS', meaning: 'bad system call: the seccomp filter refused a system call (core dump)' },
};

const SIGRTMIN = 34;
const SIGRTMAX = 64;

export function signalName(n: number): string | null {
  if (SIGNALS[n]) return SIGNALS[n].name;
  if (n >= SIGRTMIN && n <= SIGRTMAX) return n === SIGRTMIN ? 'SIGRTMIN' : `SIGRTMIN+${n - SIGRTMIN}`;
  return null;
}

/** Looks a signal up by number or by name (with or without the SIG prefix). */
export function signalNumber(name: string): number | null {
  const up = name.toUpperCase().replace(/^SIG/, '');
  for (const [n, s] of Object.entries(SIGNALS)) if (s.name === `SIG${up}`) return Number(n);
  return null;
}

/**
 * Signals that a failing program rarely uses as an exit code: when ExecMainStatus holds one of
 * these numbers, "killed by that signal" is the more likely reading.
 */
export const LIKELY_SIGNALS = new Set([4, 6, 7, 8, 9, 11, 13, 15, 31]);

export interface ExitReading {
  kind: 'success' | 'exit' | 'systemd' | 'signal' | 'shell-signal';
  /** e.g. "203/EXEC", "SIGSYS", "1/FAILURE". */
  label: string;
  meaning: string;
  signal?: string;
}

export interface DecodedExit {
  status: number;
  /** Every plausible reading, most likely first. */
  readings: ExitReading[];
  /** One line for people, e.g. "203/EXEC: the program in ExecStart= could not be executed". */
  summary: string;
}

/** Decodes an ExecMainStatus value as stored by the reaper. */
export function decodeExitStatus(status: number): DecodedExit {
  const readings: ExitReading[] = [];
  const sig = signalName(status);
  const sigReading = (): ExitReading => ({
    kind: 'signal',
    label: sig!,
    meaning: `killed by ${sig}${SIGNALS[status] ? ` (${SIGNALS[status].meaning})` : ''}`,
    signal: sig!,
  });
  if (status === 0) {
    readings.push({ kind: 'success', label: '0/SUCCESS', meaning: 'exited successfully' });
  } else if (SYSTEMD_EXIT_CODES[status]) {
    const c = SYSTEMD_EXIT_CODES[status];
    readings.push({ kind: 'systemd', label: `${status}/${c.name}`, meaning: c.meaning });
  } else {
    if (sig && LIKELY_SIGNALS.has(status)) readings.push(sigReading());
    const conv = CONVENTIONAL_EXIT_CODES[status];
    readings.push({
      kind: 'exit',
      label: conv ? `${status}/${conv.name}` : String(status),
      meaning: conv ? `exited with code ${status} (${conv.meaning})` : `exited with code ${status}`,
    });
    if (sig && !LIKELY_SIGNALS.has(status)) readings.push(sigReading());
    const shellSig = status > 128 ? signalName(status - 128) : null;
    if (shellSig) {
      readings.unshift({
        kind: 'shell-signal',
        label: `${status}=128+${status - 128}`,
        meaning: `a shell or wrapper reporting that its child was killed by ${shellSig}`,
        signal: shellSig,
      });
    }
  }
  const first = readings[0];
  let summary = `${first.label}: ${first.meaning}`;
  if (readings.length > 1) summary += `; or ${readings.slice(1).map((r) => r.meaning).join('; or ')}`;
  return { status, readings, summary };
}

/** Parses the content of rkt/status/<app>: a decimal number and a newline. */
export function parseStatusFile(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return null;
  return Number(t);
}
