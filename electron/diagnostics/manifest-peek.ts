// Lenient reading of the pod manifest and image manifests for inspection. A failing pod may
// have a manifest the strict decoder rejects; diagnostics still want the app names, exec,
// user and isolators out of it, so this reads plain JSON and tolerates missing pieces.

export interface PeekIsolator { name: string; value: unknown }

export interface PeekApp {
  exec: string[];
  user: string | null;
  group: string | null;
  workingDirectory: string;
  environment: { name: string; value: string }[];
  isolators: PeekIsolator[];
}

export interface PeekRuntimeApp {
  name: string;
  imageName: string | null;
  imageID: string | null;
  /** The RuntimeApp's own `app` section, when it has one. */
  app: PeekApp | null;
  annotations: Record<string, string>;
}

export interface PeekPod {
  apps: PeekRuntimeApp[];
  annotations: Record<string, string>;
}

export interface PeekImage {
  name: string | null;
  version: string | null;
  app: PeekApp | null;
  annotations: Record<string, string>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function nameValues(v: unknown): { name: string; value: string }[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).map((e) => ({ name: String(e.name ?? ''), value: String(e.value ?? '') }));
}

function annotationMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of nameValues(v)) if (!(name in out)) out[name] = value;
  return out;
}

function peekApp(v: unknown): PeekApp | null {
  if (!isObj(v)) return null;
  return {
    exec: Array.isArray(v.exec) ? v.exec.map(String) : [],
    user: str(v.user),
    group: str(v.group),
    workingDirectory: str(v.workingDirectory) ?? '',
    environment: nameValues(v.environment),
    isolators: Array.isArray(v.isolators)
      ? v.isolators.filter(isObj).map((i) => ({ name: String(i.name ?? ''), value: i.value }))
      : [],
  };
}

/** Throws a SyntaxError-derived message when the text is not JSON. */
export function peekPodManifest(text: string): PeekPod {
  const doc: unknown = JSON.parse(text);
  if (!isObj(doc)) throw new Error('pod manifest is not a JSON object');
  const apps = Array.isArray(doc.apps) ? doc.apps.filter(isObj) : [];
  return {
    apps: apps.map((a) => {
      const image = isObj(a.image) ? a.image : {};
      return {
        name: String(a.name ?? ''),
        imageName: str(image.name),
        imageID: str(image.id),
        app: peekApp(a.app),
        annotations: annotationMap(a.annotations),
      };
    }),
    annotations: annotationMap(doc.annotations),
  };
}

export function peekImageManifest(text: string): PeekImage {
  const doc: unknown = JSON.parse(text);
  if (!isObj(doc)) throw new Error('image manifest is not a JSON object');
  const labels = annotationMap(doc.labels);
  return {
    name: str(doc.name),
    version: labels.version ?? null,
    app: peekApp(doc.app),
    annotations: annotationMap(doc.annotations),
  };
}

/** The app rkt runs: the RuntimeApp's own section, else the image's. */
export function effectiveApp(rt: PeekRuntimeApp, image: PeekImage | null): PeekApp | null {
  return rt.app ?? image?.app ?? null;
}

/** rkt before v0.8.0 named app directories and units after the image ID cut to 39 characters. */
export function imageShortHash(imageID: string | null): string | null {
  return imageID ? imageID.slice(0, 39) : null;
}
