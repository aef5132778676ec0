// rkt's RuntimePod record (stage1 runtime parameters), field for field with rkt's JSON names,
// and the host facts the generator reads. Plain data only.

export interface InsecureOptions {
  DisablePaths: boolean;
  DisableCapabilities: boolean;
  DisableSeccomp: boolean;
}

export interface RuntimePod {
  MetadataServiceURL: string;
  PrivateUsers: string;
  MDSToken: string;
  Hostname: string;
  Debug: boolean;
  Mutable: boolean;
  ResolvConfMode: string;
  EtcHostsMode: string;
  NetList: Record<string, never>;
  Interactive: boolean;
  InsecureOptions: InsecureOptions;
  IPCMode: string;
}

export function defaultRuntimePod(): RuntimePod {
  return {
    MetadataServiceURL: '',
    PrivateUsers: '',
    MDSToken: '',
    Hostname: '',
    Debug: false,
    Mutable: false,
    ResolvConfMode: 'default',
    EtcHostsMode: 'default',
    NetList: {},
    Interactive: false,
    InsecureOptions: { DisablePaths: false, DisableCapabilities: false, DisableSeccomp: false },
    IPCMode: '',
  };
}

/** Everything rkt's generator reads from the host rather than the pod. */
export interface HostFacts {
  /** Available cgroup controllers; null when the check itself fails. */
  cgroupControllers: string[] | null;
  /** Output of `systemctl --version`; null when systemctl is not on PATH. */
  systemctlVersionOutput: string | null;
  /** The host PATH used to look systemctl up (for the error text). */
  path: string;
  /** Process umask applied to created files and directories. */
  umask: number;
  /** Architecture rkt was built for; arm/arm64 add syscalls to the default seccomp whitelist. */
  arch: string;
  /** Host paths (volume sources) that are device nodes. */
  devices: Record<string, 'char' | 'block'>;
}
