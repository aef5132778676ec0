// appc PodManifest: the pod's `pod` file, with its RuntimeApps, volumes, pod-level isolators,
// annotations and exposed ports.

import { decodeApp, decodePort, toApp, toPort, type GoApp, type GoPort } from './app.js';
import { decodeAnnotations } from './annotations.js';
import { fail, Scope, typeError } from './failure.js';
import {
  decodeBool, decodeInteger, decodeSlice, decodeString, decodeStringMap, decodeStruct, field, fieldNode,
  mapToRecord, relocate, srcOf, StructType, type GoSlice, type Located, type Output,
} from './godecode.js';
import { goQuote } from './gotext.js';
import { isValidIP } from './ip.js';
import { isolatorElement, toIsolators, type GoIsolator } from './isolators.js';
import { K_NULL, K_STRING, type JsonDoc } from './jsondoc.js';
import { decodeLabels } from './labels.js';
import {
  decodeACIdentifier, decodeACKind, decodeACName, decodeHash, decodeSemVer, invalidKindError, POD_MANIFEST_KIND,
} from './names.js';
import { decodeFreshList, toNameValues, type GoNameValue } from './namevalue.js';
import type { ExposedPort, Mount, PodManifest, RuntimeApp, RuntimeImage } from './types.js';
import { decodeVolume, toVolume, volumeElement, type GoVolume } from './volume.js';

// --- RuntimeImage (a plain struct inside RuntimeApp)

interface GoRuntimeImage extends Located {
  name: string | null;
  id: string;
  labels: GoNameValue[] | null;
}

const RUNTIME_IMAGE = new StructType<GoRuntimeImage>('schema.RuntimeImage', [
  field('name', (t, doc, node) => {
    t.name = doc.isNull(node) ? null : decodeACIdentifier(doc, node);
  }),
  field('id', (t, doc, node) => {
    t.id = decodeHash(doc, node);
  }),
  field('labels', (t, doc, node) => {
    t.labels = decodeLabels(doc, node);
  }),
]);

// --- Mount (a plain struct)

interface GoMount extends Located {
  volume: string;
  path: string;
  appVolume: GoVolume | null;
}

const MOUNT = new StructType<GoMount>('schema.Mount', [
  field('volume', (t, doc, node) => {
    t.volume = decodeACName(doc, node);
  }),
  field('path', (t, doc, node, scope) => {
    t.path = decodeString(t.path, doc, node, scope);
  }),
  field('appVolume', (t, doc, node) => {
    t.appVolume = doc.isNull(node) ? null : decodeVolume(doc, node);
  }),
]);

function mountElement(current: GoMount | undefined, doc: JsonDoc, node: number, scope: Scope): GoMount {
  const m = current ?? { node: node, earlier: null, keys: {}, volume: '', path: '', appVolume: null };
  relocate(m, node);
  decodeStruct(m, doc, node, scope, MOUNT);
  return m;
}

// --- RuntimeApp (a plain struct, element of AppList)

interface GoRuntimeApp extends Located {
  name: string;
  /** null until an `image` object was decoded (Go holds a zero RuntimeImage). */
  image: GoRuntimeImage | null;
  app: GoApp | null;
  readOnlyRootFS: boolean;
  mounts: GoSlice<GoMount> | null;
  annotations: GoNameValue[] | null;
}

const RUNTIME_APP = new StructType<GoRuntimeApp>('schema.RuntimeApp', [
  field('name', (t, doc, node) => {
    t.name = decodeACName(doc, node);
  }),
  field('image', (t, doc, node, scope) => {
    const image = t.image ?? { node: node, earlier: null, keys: {}, name: null, id: '', labels: null };
    if (decodeStruct(image, doc, node, scope, RUNTIME_IMAGE)) t.image = image;
  }),
  field('app', (t, doc, node) => {
    t.app = doc.isNull(node) ? null : decodeApp(t.app, doc, node);
  }),
  field('readOnlyRootFS', (t, doc, node, scope) => {
    t.readOnlyRootFS = decodeBool(t.readOnlyRootFS, doc, node, scope);
  }),
  field('mounts', (t, doc, node, scope) => {
    t.mounts = decodeSlice(t.mounts, doc, node, scope, mountElement, '[]schema.Mount');
  }),
  field('annotations', (t, doc, node) => {
    t.annotations = decodeAnnotations(doc, node);
  }),
]);

function newRuntimeApp(node: number): GoRuntimeApp {
  return { node: node, earlier: null, keys: {}, name: '', image: null, app: null, readOnlyRootFS: false, mounts: null, annotations: null };
}

/** AppList.UnmarshalJSON: a fresh list in its own scope, then unique names. */
function decodeAppList(doc: JsonDoc, node: number): GoRuntimeApp[] | null {
  const apps = decodeFreshList(doc, node, 'schema.appList', newRuntimeApp, RUNTIME_APP);
  const seen = new Set<string>();
  for (const app of apps ?? []) {
    if (seen.has(app.name)) fail(`duplicate apps of name ${goQuote(app.name)}`, fieldNode(doc, app, 'name'));
    seen.add(app.name);
  }
  return apps;
}

// --- ExposedPort (a plain struct)

interface GoExposedPort extends Located {
  name: string;
  hostPort: bigint;
  hostIP: string;
  podPort: GoPort | null;
}

const EXPOSED_PORT = new StructType<GoExposedPort>('types.ExposedPort', [
  field('name', (t, doc, node) => {
    t.name = decodeACName(doc, node);
  }),
  field('hostPort', (t, doc, node, scope) => {
    t.hostPort = decodeInteger(t.hostPort, doc, node, scope, true);
  }),
  field('hostIP', (t, doc, node, scope) => {
    // net.IP decodes through UnmarshalText: only strings; "" and null mean no address. Any
    // other kind is a mismatch reported against net.IP itself.
    const kind = doc.kind[node];
    if (kind === K_NULL) {
      t.hostIP = '';
    } else if (kind !== K_STRING) {
      scope.save(typeError(doc, node, 'net.IP'));
    } else {
      const ip = doc.str(node);
      if (ip !== '' && !isValidIP(ip)) fail(`invalid IP address: ${ip}`, node);
      t.hostIP = ip;
    }
  }),
  field('podPort', (t, doc, node) => {
    t.podPort = doc.isNull(node) ? null : decodePort(doc, node);
  }),
]);

function exposedPortElement(current: GoExposedPort | undefined, doc: JsonDoc, node: number, scope: Scope): GoExposedPort {
  const p = current ?? { node: node, earlier: null, keys: {}, name: '', hostPort: 0n, hostIP: '', podPort: null };
  relocate(p, node);
  decodeStruct(p, doc, node, scope, EXPOSED_PORT);
  return p;
}

// --- PodManifest

export interface GoPod extends Located {
  acVersion: string;
  acKind: string;
  apps: GoRuntimeApp[] | null;
  volumes: GoSlice<GoVolume> | null;
  isolators: GoSlice<GoIsolator> | null;
  annotations: GoNameValue[] | null;
  ports: GoSlice<GoExposedPort> | null;
  userAnnotations: Map<string, string> | null;
  userLabels: Map<string, string> | null;
}

const POD = new StructType<GoPod>('schema.podManifest', [
  field('acVersion', (t, doc, node) => {
    t.acVersion = decodeSemVer(doc, node);
  }),
  field('acKind', (t, doc, node) => {
    t.acKind = decodeACKind(doc, node);
  }),
  field('apps', (t, doc, node) => {
    t.apps = decodeAppList(doc, node);
  }),
  field('volumes', (t, doc, node, scope) => {
    t.volumes = decodeSlice(t.volumes, doc, node, scope, volumeElement, '[]types.Volume');
  }),
  field('isolators', (t, doc, node, scope) => {
    t.isolators = decodeSlice(t.isolators, doc, node, scope, isolatorElement, '[]types.Isolator');
  }),
  field('annotations', (t, doc, node) => {
    t.annotations = decodeAnnotations(doc, node);
  }),
  field('ports', (t, doc, node, scope) => {
    t.ports = decodeSlice(t.ports, doc, node, scope, exposedPortElement, '[]types.ExposedPort');
  }),
  field('userAnnotations', (t, doc, node, scope) => {
    t.userAnnotations = decodeStringMap(t.userAnnotations, doc, node, scope, 'types.UserAnnotations');
  }),
  field('userLabels', (t, doc, node, scope) => {
    t.userLabels = decodeStringMap(t.userLabels, doc, node, scope, 'types.UserLabels');
  }),
]);

/** PodManifest.UnmarshalJSON of the document's top-level value. */
export function decodePod(doc: JsonDoc): GoPod {
  const scope = new Scope();
  const pod: GoPod = {
    node: 0, earlier: null, keys: {}, acVersion: '', acKind: '', apps: null, volumes: null, isolators: null, annotations: null,
    ports: null, userAnnotations: null, userLabels: null,
  };
  decodeStruct(pod, doc, 0, scope, POD);
  scope.settle();
  if (pod.acKind !== POD_MANIFEST_KIND) fail(invalidKindError(POD_MANIFEST_KIND), fieldNode(doc, pod, 'acKind'));
  const names = new Set<string>();
  for (const v of pod.volumes?.items() ?? []) {
    if (names.has(v.name)) fail(`duplicate volume name ${goQuote(v.name)}`, fieldNode(doc, v, 'name'));
    names.add(v.name);
  }
  return pod;
}

function toRuntimeImage(image: GoRuntimeImage, out: Output): RuntimeImage {
  return { name: image.name, id: image.id, labels: toNameValues(image.labels, out), src: srcOf(out, image) };
}

function toMount(m: GoMount, out: Output): Mount {
  return {
    volume: m.volume,
    path: m.path,
    appVolume: m.appVolume === null ? null : toVolume(m.appVolume, out),
    src: srcOf(out, m),
  };
}

function toRuntimeApp(a: GoRuntimeApp, out: Output): RuntimeApp {
  return {
    name: a.name,
    image: a.image === null ? null : toRuntimeImage(a.image, out),
    app: a.app === null ? null : toApp(a.app, out),
    readOnlyRootFS: a.readOnlyRootFS,
    mounts: (a.mounts?.items() ?? []).map((m) => toMount(m, out)),
    annotations: toNameValues(a.annotations, out),
    src: srcOf(out, a),
  };
}

function toExposedPort(p: GoExposedPort, out: Output): ExposedPort {
  return {
    name: p.name,
    hostPort: Number(p.hostPort),
    hostIP: p.hostIP,
    podPort: p.podPort === null ? null : toPort(p.podPort, out),
    src: srcOf(out, p),
  };
}

export function toPodManifest(pod: GoPod, out: Output): PodManifest {
  return {
    acKind: 'PodManifest',
    acVersion: pod.acVersion,
    apps: (pod.apps ?? []).map((a) => toRuntimeApp(a, out)),
    volumes: (pod.volumes?.items() ?? []).map((v) => toVolume(v, out)),
    isolators: toIsolators(pod.isolators, out),
    annotations: toNameValues(pod.annotations, out),
    ports: (pod.ports?.items() ?? []).map((p) => toExposedPort(p, out)),
    userAnnotations: mapToRecord(pod.userAnnotations),
    userLabels: mapToRecord(pod.userLabels),
    src: srcOf(out, pod),
  };
}
