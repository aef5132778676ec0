// The socket-activation unit <app>.socket for the app's socketActivated ports.
import type { Port } from '../appc/types.js';
import { fail, wrap } from './gen-error.js';
import { goQuote } from './goquote.js';
import { UNIT_DIR, type GenContext } from './pod.js';
import { serializeUnit } from './serialize.js';
import { fieldSource } from './sources.js';
import { unitOption, type UnitOption } from './unit-option.js';
import { recordProvenance } from './unit-writer.js';

/** The hostPort of the last pod-level port of that name (0 when none). */
function findHostPort(ctx: GenContext, name: string) {
  let found = null;
  for (const p of ctx.pod.manifest.ports) if (p.name === name) found = p;
  return found;
}

export function writeSocketActivationUnit(ctx: GenContext, app: string, img: string, ports: Port[]): void {
  const opts: UnitOption[] = [
    unitOption('Unit', 'Description', `Application=${app} Image=${img} socket-activated ports`),
    unitOption('Unit', 'DefaultDependencies', 'false'),
    unitOption('Socket', 'BindIPv6Only', 'both'),
    unitOption('Socket', 'Service', `${app}.service`),
  ];
  for (const p of ports) {
    const key = p.protocol === 'tcp' ? 'ListenStream' : p.protocol === 'udp' ? 'ListenDatagram' : null;
    if (!key) throw fail(`unrecognized protocol: ${p.protocol}`, fieldSource(p, 'protocol'));
    const exposed = findHostPort(ctx, p.name);
    let port = exposed ? exposed.hostPort : 0;
    let src = exposed ? fieldSource(exposed, 'hostPort') : fieldSource(p, 'port');
    if (port === 0) {
      ctx.log.push(`stage1: warning: no --port option for socket-activated port ${goQuote(p.name)}, assuming port ${p.port} as specified in the manifest`);
      port = p.port;
      src = fieldSource(p, 'port');
    }
    opts.push(unitOption('Socket', key, String(port), src));
  }
  const path = `${UNIT_DIR}/${app}.socket`;
  const unit = serializeUnit(opts);
  try {
    ctx.fs.writeFile(path, unit.content, 0o644, false);
  } catch (e) {
    throw wrap('failed to create socket file', e);
  }
  recordProvenance(ctx, path, unit.lines);
  try {
    ctx.fs.symlink(`../${app}.socket`, `${UNIT_DIR}/sockets.target.wants/${app}.socket`);
  } catch (e) {
    throw wrap('failed to link socket want', e);
  }
}
