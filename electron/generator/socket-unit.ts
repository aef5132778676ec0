// The socket-activation unit <app>.socket for the app's socketActivated ports.
import type { ExposedPort, Port } from '../appc/types.js';
import { fail, wrap } from './gen-error.js';
import { goQuote } from './goquote.js';
import { UNIT_DIR, type GenContext } from './pod.js';
import { serializeUnit } from './serialize.js';
import { fieldSource } from './sources.js';
import { unitOption, type UnitOption } from './unit-option.js';
import { recordProvenance } from './unit-writer.js';

/** The pod's ports by name (the last of each name), built once per manifest: pods of many apps ask once per app. */
const lastPortByName = new WeakMap<readonly ExposedPort[], Map<string, ExposedPort>>();

/** The last pod-level port of that name, or null. */
function findHostPort(ctx: GenContext, name: string): ExposedPort | null {
  const ports = ctx.pod.manifest.ports;
  let byName = lastPortByName.get(ports);
  if (!byName) {
    byName = new Map();
    for (const p of ports) byName.set(p.name, p);
    lastPortByName.set(ports, byName);
  }
  return byName.get(name) ?? null;
}

/** What the socket unit and the service it activates are called (rkt v0.7.0 named them after the image). */
export interface SocketNames {
  socket: string;
  service: string;
  description: string;
}

export function writeSocketActivationUnit(ctx: GenContext, app: string, img: string, ports: Port[], names?: SocketNames): void {
  const { socket, service, description } = names ?? { socket: `${app}.socket`, service: `${app}.service`, description: `Application=${app} Image=${img}` };
  const opts: UnitOption[] = [
    unitOption('Unit', 'Description', `${description} socket-activated ports`),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Socket', 'BindIPv6Only', 'both'),
    unitOption('Socket', 'Service', service),
  ];
  for (const p of ports) {
    const key = p.protocol === 'tcp' ? 'ListenStream' : p.protocol === 'udp' ? 'ListenDatagram' : null;
    if (!key) throw fail(`unrecognized protocol: ${p.protocol}`, fieldSource(p, 'protocol'));
    let port = p.port;
    let src = fieldSource(p, 'port');
    // Up to rkt v1.0.0 the socket listened on the manifest's port, not the pod's host port.
    if (ctx.profile.socketPort === 'host-port') {
      const exposed = findHostPort(ctx, p.name);
      if (exposed && exposed.hostPort !== 0) {
        port = exposed.hostPort;
        src = fieldSource(exposed, 'hostPort');
      } else {
        ctx.log.push(`${ctx.profile.logPrefix}warning: no --port option for socket-activated port ${goQuote(p.name)}, assuming port ${p.port} as specified in the manifest`);
      }
    }
    opts.push(unitOption('Socket', key, String(port), src));
  }
  const path = `${UNIT_DIR}/${socket}`;
  const unit = serializeUnit(opts, ctx.profile.unitLayout);
  try {
    ctx.fs.writeFile(path, unit.content, 0o644, false);
  } catch (e) {
    throw wrap('failed to create socket file', e);
  }
  recordProvenance(ctx, path, unit);
  try {
    ctx.fs.symlink(`../${socket}`, `${UNIT_DIR}/sockets.target.wants/${socket}`);
  } catch (e) {
    throw wrap('failed to link socket want', e);
  }
}
