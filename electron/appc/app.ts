// appc App (the `app` section of an image, or of a pod's RuntimeApp) with its event handlers,
// mount points and ports. A repeated `app` key decodes into the App already there: Go's
// App.UnmarshalJSON starts from a copy of the current value.

import { fail, Scope } from './failure.js';
import {
  decodeBool, decodeInteger, decodeSlice, decodeString, decodeStringMap, decodeStruct, field, fieldNode,
  mapToRecord, relocate, srcOf, stringElement, StructType, type GoSlice, type Located, type Output,
} from './godecode.js';
import { decodeEnvironment, checkEnvironment } from './environment.js';
import { goQuote } from './gotext.js';
import { checkAppIsolators, isolatorElement, toIsolators, type GoIsolator } from './isolators.js';
import type { JsonDoc } from './jsondoc.js';
import { decodeACName } from './names.js';
import { toNameValues, type GoNameValue } from './namevalue.js';
import type { App, EventHandler, MountPoint, Port } from './types.js';

// --- Exec

/** Exec.UnmarshalJSON: a fresh []string in its own scope. */
export function decodeExec(doc: JsonDoc, node: number): string[] | null {
  const scope = new Scope();
  const slice = decodeSlice<string>(null, doc, node, scope, stringElement, 'types.exec');
  scope.settle();
  return slice === null ? null : slice.items();
}

// --- EventHandler

export interface GoEventHandler extends Located {
  name: string;
  exec: string[] | null;
}

const EVENT_HANDLER = new StructType<GoEventHandler>('types.eventHandler', [
  field('name', (t, doc, node, scope) => {
    t.name = decodeString(t.name, doc, node, scope);
  }),
  field('exec', (t, doc, node) => {
    t.exec = decodeExec(doc, node);
  }),
]);

/** EventHandler.UnmarshalJSON */
export function decodeEventHandler(_current: GoEventHandler | undefined, doc: JsonDoc, node: number): GoEventHandler {
  const scope = new Scope();
  const h: GoEventHandler = { node: node, earlier: null, keys: {}, name: '', exec: null };
  decodeStruct(h, doc, node, scope, EVENT_HANDLER);
  scope.settle();
  if (h.name === '') fail('eventHandler "name" cannot be empty', fieldNode(doc, h, 'name'));
  if (h.name !== 'pre-start' && h.name !== 'post-stop') fail(`bad eventHandler "name": ${goQuote(h.name)}`, fieldNode(doc, h, 'name'));
  return h;
}

// --- MountPoint (no UnmarshalJSON of its own: decoded in place)

export interface GoMountPoint extends Located {
  name: string;
  path: string;
  readOnly: boolean;
}

const MOUNT_POINT = new StructType<GoMountPoint>('types.MountPoint', [
  field('name', (t, doc, node) => {
    t.name = decodeACName(doc, node);
  }),
  field('path', (t, doc, node, scope) => {
    t.path = decodeString(t.path, doc, node, scope);
  }),
  field('readOnly', (t, doc, node, scope) => {
    t.readOnly = decodeBool(t.readOnly, doc, node, scope);
  }),
]);

function mountPointElement(current: GoMountPoint | undefined, doc: JsonDoc, node: number, scope: Scope): GoMountPoint {
  const mp = current ?? { node: node, earlier: null, keys: {}, name: '', path: '', readOnly: false };
  relocate(mp, node);
  decodeStruct(mp, doc, node, scope, MOUNT_POINT);
  return mp;
}

// --- Port

export interface GoPort extends Located {
  name: string;
  protocol: string;
  port: bigint;
  count: bigint;
  socketActivated: boolean;
}

const PORT = new StructType<GoPort>('types.port', [
  field('name', (t, doc, node) => {
    t.name = decodeACName(doc, node);
  }),
  field('protocol', (t, doc, node, scope) => {
    t.protocol = decodeString(t.protocol, doc, node, scope);
  }),
  field('port', (t, doc, node, scope) => {
    t.port = decodeInteger(t.port, doc, node, scope, true);
  }),
  field('count', (t, doc, node, scope) => {
    t.count = decodeInteger(t.count, doc, node, scope, true);
  }),
  field('socketActivated', (t, doc, node, scope) => {
    t.socketActivated = decodeBool(t.socketActivated, doc, node, scope);
  }),
]);

/** Port.UnmarshalJSON: range checks (port+count wraps around as uint64), then count 0 → 1. */
export function decodePort(doc: JsonDoc, node: number): GoPort {
  const scope = new Scope();
  const p: GoPort = { node: node, earlier: null, keys: {}, name: '', protocol: '', port: 0n, count: 0n, socketActivated: false };
  decodeStruct(p, doc, node, scope, PORT);
  scope.settle();
  if (p.port > 65535n || p.port < 1n) fail('port must be in 1-65535 range', fieldNode(doc, p, 'port'));
  if (BigInt.asUintN(64, p.port + p.count) > 65536n) {
    fail('end of port range must be in 1-65535 range', fieldNode(doc, p, p.keys.count === undefined ? 'port' : 'count'));
  }
  if (p.count === 0n) p.count = 1n;
  return p;
}

function portElement(_current: GoPort | undefined, doc: JsonDoc, node: number): GoPort {
  return decodePort(doc, node);
}

export function toPort(p: GoPort, out: Output): Port {
  return {
    name: p.name,
    protocol: p.protocol,
    port: Number(p.port),
    count: Number(p.count),
    socketActivated: p.socketActivated,
    src: srcOf(out, p),
  };
}

// --- App

export interface GoApp extends Located {
  exec: string[] | null;
  eventHandlers: GoSlice<GoEventHandler> | null;
  user: string;
  group: string;
  supplementaryGIDs: GoSlice<bigint> | null;
  workingDirectory: string;
  environment: GoNameValue[] | null;
  mountPoints: GoSlice<GoMountPoint> | null;
  ports: GoSlice<GoPort> | null;
  isolators: GoSlice<GoIsolator> | null;
  userAnnotations: Map<string, string> | null;
  userLabels: Map<string, string> | null;
}

function gidElement(current: bigint | undefined, doc: JsonDoc, node: number, scope: Scope): bigint {
  return decodeInteger(current ?? 0n, doc, node, scope, false);
}

const APP = new StructType<GoApp>('types.app', [
  field('exec', (t, doc, node) => {
    t.exec = decodeExec(doc, node);
  }),
  field('eventHandlers', (t, doc, node, scope) => {
    t.eventHandlers = decodeSlice(t.eventHandlers, doc, node, scope, decodeEventHandler, '[]types.EventHandler');
  }),
  field('user', (t, doc, node, scope) => {
    t.user = decodeString(t.user, doc, node, scope);
  }),
  field('group', (t, doc, node, scope) => {
    t.group = decodeString(t.group, doc, node, scope);
  }),
  field('supplementaryGIDs', (t, doc, node, scope) => {
    t.supplementaryGIDs = decodeSlice(t.supplementaryGIDs, doc, node, scope, gidElement, '[]int');
  }),
  field('workingDirectory', (t, doc, node, scope) => {
    t.workingDirectory = decodeString(t.workingDirectory, doc, node, scope);
  }),
  field('environment', (t, doc, node) => {
    t.environment = decodeEnvironment(doc, node);
  }),
  field('mountPoints', (t, doc, node, scope) => {
    t.mountPoints = decodeSlice(t.mountPoints, doc, node, scope, mountPointElement, '[]types.MountPoint');
  }),
  field('ports', (t, doc, node, scope) => {
    t.ports = decodeSlice(t.ports, doc, node, scope, portElement, '[]types.Port');
  }),
  field('isolators', (t, doc, node, scope) => {
    t.isolators = decodeSlice(t.isolators, doc, node, scope, isolatorElement, 'types.Isolators');
  }),
  field('userAnnotations', (t, doc, node, scope) => {
    t.userAnnotations = decodeStringMap(t.userAnnotations, doc, node, scope, 'types.UserAnnotations');
  }),
  field('userLabels', (t, doc, node, scope) => {
    t.userLabels = decodeStringMap(t.userLabels, doc, node, scope, 'types.UserLabels');
  }),
]);

/** App.assertValid */
function checkApp(doc: JsonDoc, app: GoApp): void {
  if (app.user === '') fail('user is required', fieldNode(doc, app, 'user'));
  if (app.group === '') fail('group is required', fieldNode(doc, app, 'group'));
  if (app.workingDirectory !== '' && !app.workingDirectory.startsWith('/')) {
    fail('workingDirectory must be an absolute path', fieldNode(doc, app, 'workingDirectory'));
  }
  const handlers = new Set<string>();
  for (const h of app.eventHandlers?.items() ?? []) {
    if (handlers.has(h.name)) fail(`Only one eventHandler of name ${goQuote(h.name)} allowed`, fieldNode(doc, h, 'name'));
    handlers.add(h.name);
  }
  checkEnvironment(doc, app.environment ?? []);
  checkAppIsolators(doc, app.isolators?.items() ?? []);
}

/** App.UnmarshalJSON, into `current` when the field already holds an App. */
export function decodeApp(current: GoApp | null, doc: JsonDoc, node: number): GoApp {
  const scope = new Scope();
  const app: GoApp = current ?? {
    node: node, earlier: null, keys: {}, exec: null, eventHandlers: null, user: '', group: '', supplementaryGIDs: null, workingDirectory: '',
    environment: null, mountPoints: null, ports: null, isolators: null, userAnnotations: null, userLabels: null,
  };
  decodeStruct(app, doc, node, scope, APP);
  scope.settle();
  checkApp(doc, app);
  app.environment ??= [];
  return app;
}

export function toApp(app: GoApp, out: Output): App {
  return {
    exec: app.exec,
    eventHandlers: (app.eventHandlers?.items() ?? []).map((h): EventHandler => ({
      name: h.name, exec: h.exec, src: srcOf(out, h),
    })),
    user: app.user,
    group: app.group,
    supplementaryGIDs: [...(app.supplementaryGIDs?.items() ?? [])],
    workingDirectory: app.workingDirectory,
    environment: toNameValues(app.environment, out),
    mountPoints: (app.mountPoints?.items() ?? []).map((m): MountPoint => ({
      name: m.name, path: m.path, readOnly: m.readOnly, src: srcOf(out, m),
    })),
    ports: (app.ports?.items() ?? []).map((p) => toPort(p, out)),
    isolators: toIsolators(app.isolators, out),
    userAnnotations: mapToRecord(app.userAnnotations),
    userLabels: mapToRecord(app.userLabels),
    src: srcOf(out, app),
  };
}
