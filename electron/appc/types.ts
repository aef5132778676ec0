// Decoded appc v0.8.11 manifests, as rkt v1.30.0 holds them after json.Unmarshal.
// Every object remembers where it came from (`src`), so generated unit lines can point
// back at the manifest field that produced them.

/** Which document an object was decoded from. */
export type ManifestDoc = { kind: 'pod' } | { kind: 'image'; app: string };

/** Location of a decoded object: its JSON pointer, and the key spelling actually used for each canonical field. */
export interface Src {
  doc: ManifestDoc;
  /** RFC 6901 pointer of the object in its document ('' for the root). */
  readonly ptr: string;
  /** canonical field name -> key as written in the document (Go folds key case). */
  keys: Record<string, string>;
}

export interface NameValue { name: string; value: string; src: Src }
export type Annotation = NameValue;
export type Label = NameValue;
export type EnvVar = NameValue;

export interface EventHandler { name: string; exec: string[] | null; src: Src }
export interface MountPoint { name: string; path: string; readOnly: boolean; src: Src }
export interface Port {
  name: string; protocol: string; port: number; count: number; socketActivated: boolean; src: Src;
}

/** A resource quantity (appc's copy of Kubernetes resource.Quantity). */
export interface Quantity {
  /** The text as given (JSON string contents, or the raw JSON number text), trimmed. */
  text: string;
  /** Kubernetes canonical string form (e.g. "1.5" -> "1500m"); equals `text` when already canonical. */
  canonical: string;
  /**
   * Value(): the amount rounded up (away from zero) to an integer, exact (no int64 wrap-around).
   * As in Go, a negative fractional amount held in inf.Dec form (binary suffix with a fraction,
   * more than 18 digits, or finer than nanounits) rounds to trunc+1 instead.
   */
  value: bigint;
  /** MilliValue(): amount * 1000 rounded the same way, exact. */
  milliValue: bigint;
}

export interface ResourceValue { default: boolean; request: Quantity | null; limit: Quantity | null }
export interface CapabilitySetValue { set: string[] }
export interface SeccompSetValue { set: string[]; errno: string }
export interface SELinuxValue { user: string; role: string; type: string; level: string }

/** Isolator value by registered type; `unknown` for names appc v0.8.11 does not register. */
export type IsolatorValue =
  | { type: 'resource/cpu' | 'resource/memory'; value: ResourceValue }
  | { type: 'resource/block-bandwidth' | 'resource/block-iops' | 'resource/network-bandwidth'; value: { default: boolean; limit: Quantity | null } }
  | { type: 'os/linux/capabilities-retain-set' | 'os/linux/capabilities-remove-set'; value: CapabilitySetValue }
  | { type: 'os/linux/no-new-privileges'; value: boolean }
  | { type: 'os/linux/seccomp-remove-set' | 'os/linux/seccomp-retain-set'; value: SeccompSetValue }
  | { type: 'os/linux/oom-score-adj' | 'os/linux/cpu-shares'; value: number }
  | { type: 'os/linux/selinux-context'; value: SELinuxValue }
  | { type: 'os/unix/sysctl'; value: Record<string, string> }
  | { type: 'unknown'; value: unknown };

export interface Isolator { name: string; parsed: IsolatorValue; src: Src }

export interface App {
  exec: string[] | null;
  eventHandlers: EventHandler[];
  user: string;
  group: string;
  supplementaryGIDs: bigint[];
  workingDirectory: string;
  environment: EnvVar[];
  mountPoints: MountPoint[];
  ports: Port[];
  isolators: Isolator[];
  userAnnotations: Record<string, string>;
  userLabels: Record<string, string>;
  src: Src;
}

export interface Dependency { imageName: string; imageID: string | null; labels: Label[]; size: number; src: Src }

export interface ImageManifest {
  acKind: 'ImageManifest';
  acVersion: string;
  name: string;
  labels: Label[];
  app: App | null;
  annotations: Annotation[];
  dependencies: Dependency[];
  pathWhitelist: string[];
  src: Src;
}

export interface Volume {
  name: string;
  kind: string;
  source: string;
  readOnly: boolean | null;
  recursive: boolean | null;
  mode: string | null;
  uid: number | null;
  gid: number | null;
  src: Src;
}

export interface Mount { volume: string; path: string; appVolume: Volume | null; src: Src }

export interface RuntimeImage { name: string | null; id: string; labels: Label[]; src: Src }

export interface RuntimeApp {
  name: string;
  image: RuntimeImage | null;
  app: App | null;
  readOnlyRootFS: boolean;
  mounts: Mount[];
  annotations: Annotation[];
  src: Src;
}

export interface ExposedPort { name: string; hostPort: number; hostIP: string; podPort: Port | null; src: Src }

export interface PodManifest {
  acKind: 'PodManifest';
  acVersion: string;
  apps: RuntimeApp[];
  volumes: Volume[];
  isolators: Isolator[];
  annotations: Annotation[];
  ports: ExposedPort[];
  userAnnotations: Record<string, string>;
  userLabels: Record<string, string>;
  src: Src;
}

/** Result of decoding: the value, or Go's error text (and where it arose, when known). */
export type DecodeResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: string;
      pointer: string | null;
      /** For JSON syntax errors: character offset in the text where Go's scanner stopped. */
      offset?: number;
    };
