// SetupAppIO: StandardInput/Output/Error= from the stage2 stdio annotations, the stream socket
// units and the iottymux env file that tell stage1's muxer what to attach.
import type { Provenance } from '../../shared/plan.js';
import type { RuntimeApp } from '../appc/types.js';
import { fail } from './gen-error.js';
import { getFlavor } from './flavor.js';
import { S1, UNIT_DIR } from './pod.js';
import { fieldSource, hostFact, runtimeOption } from './sources.js';
import { CONSTANT, unitOption, type UnitOption } from './unit-option.js';
import type { UnitWriter } from './unit-writer.js';

type Stream = 'stdin' | 'stdout' | 'stderr';
const STREAMS: Stream[] = ['stdin', 'stdout', 'stderr'];
const KEY: Record<Stream, string> = { stdin: 'StandardInput', stdout: 'StandardOutput', stderr: 'StandardError' };

function annotation(ra: RuntimeApp, name: string): { value: string; source?: Provenance } | null {
  const a = ra.annotations.find((x) => x.name === name);
  return a ? { value: a.value, source: fieldSource(a, 'value') } : null;
}

export function setupAppIO(uw: UnitWriter, ra: RuntimeApp): UnitOption[] {
  const ctx = uw.ctx;
  const opts: UnitOption[] = [];
  if (uw.err) return opts;
  if (ctx.pod.runtime.Interactive) {
    const src = runtimeOption('Interactive');
    for (const s of STREAMS) opts.push(unitOption('Service', KEY[s], 'tty', src));
    return opts;
  }
  let flavor: string;
  let version: number;
  try {
    ({ flavor, systemdVersion: version } = getFlavor(ctx.fs, ctx.host));
  } catch (e) {
    uw.fail(e);
    return opts;
  }
  const modes = STREAMS.map((s) => annotation(ra, `coreos.com/rkt/stage2/${s}`));
  const value = (i: number) => modes[i]?.value ?? '';
  const flavorSrc = hostFact('stage1 flavor and systemd version');
  const legacy = ((flavor === 'src' || flavor === 'host') && version < 232) || ((flavor === 'coreos' || flavor === 'kvm') && version < 231);
  if (legacy) {
    if (value(0) !== '' || value(1) !== '' || value(2) !== '') {
      uw.fail(fail(`stage1 systemd ${version} does not support attachable I/O`, modes.find((m) => m && m.value !== '')?.source));
      return opts;
    }
    opts.push(unitOption('Service', 'StandardInput', 'null', flavorSrc));
    opts.push(unitOption('Service', 'StandardOutput', 'journal+console', flavorSrc));
    opts.push(unitOption('Service', 'StandardError', 'journal+console', flavorSrc));
    return opts;
  }

  const flags: string[] = [];
  let ioMux = false;
  let ttyMux = false;
  STREAMS.forEach((s, i) => {
    const mode = value(i);
    const src = modes[i]?.source ?? CONSTANT;
    const upper = s.toUpperCase();
    if (mode === 'stream') {
      ioMux = true;
      writeStreamSocket(uw, ra.name, s);
      flags.push(`STAGE2_${upper}=true`);
      opts.push(unitOption('Service', KEY[s], 'fd', src));
      opts.push(unitOption('Service', 'Sockets', `${ra.name}-${s}.socket`, src));
    } else if (mode === 'tty') {
      ttyMux = true;
      flags.push(`STAGE2_${upper}=true`);
      opts.push(unitOption('Service', KEY[s], s === 'stdin' ? 'tty-force' : 'tty', src));
    } else if (mode === 'interactive') {
      opts.push(unitOption('Service', KEY[s], 'tty', src));
    } else if (mode === 'null' && s !== 'stdin') {
      opts.push(unitOption('Service', KEY[s], 'null', src));
    } else {
      opts.push(unitOption('Service', KEY[s], s === 'stdin' ? 'null' : 'journal+console', src));
    }
  });
  if (!ioMux && !ttyMux) return opts;

  const dir = `${S1}/rkt/iottymux/${ra.name}`;
  try {
    ctx.fs.mkdirAll(dir, 0o644);
  } catch {
    /* rkt ignores this error; opening the file below reports it */
  }
  let content = `STAGE2_TTY=${ttyMux}\nSTAGE1_DEBUG=${ctx.pod.runtime.Debug}\n` + flags.map((f) => f + '\n').join('');
  const writeEnv = () => ctx.fs.writeFile(`${dir}/env`, content, 0o644);
  // From here on an error replaces one the socket units may have recorded, as in rkt.
  try {
    writeEnv();
  } catch (e) {
    uw.replaceError(e);
    return opts;
  }
  if (ioMux) {
    opts.push(unitOption('Unit', 'Requires', `iomux@${ra.name}.service`));
    opts.push(unitOption('Unit', 'Before', `iomux@${ra.name}.service`));
    const logMode = ctx.pod.manifest.annotations.find((a) => a.name === 'coreos.com/rkt/experiment/logmode');
    if (logMode) content += `STAGE1_LOGMODE=${logMode.value}\n`;
    if (logMode?.value === 'k8s-plain') {
      const logPath = annotation(ra, 'coreos.com/rkt/experiment/kubernetes-log-path');
      if (!logPath) {
        writeEnv();
        uw.replaceError(fail('kubernetes-log-path annotation needs to be specified when k8s-plain logging mode is used', fieldSource(ra, 'annotations')));
        return opts;
      }
      content += `KUBERNETES_LOG_PATH=${logPath.value}\n`;
    }
    writeEnv();
  } else {
    opts.push(unitOption('Service', 'TTYPath', `/rkt/iottymux/${ra.name}/stage2-pts`));
    opts.push(unitOption('Unit', 'Requires', `ttymux@${ra.name}.service`));
    opts.push(unitOption('Unit', 'After', `ttymux@${ra.name}.service`));
  }
  return opts;
}

function writeStreamSocket(uw: UnitWriter, app: string, stream: Stream): void {
  uw.writeUnit(`${UNIT_DIR}/${app}-${stream}.socket`, `failed to write ${stream} socket for "${app}" service`, [
    unitOption('Unit', 'Description', `${stream} socket for ${app}`),
    unitOption('Unit', 'DefaultDependencies', 'no'),
    unitOption('Unit', 'StopWhenUnneeded', 'yes'),
    unitOption('Unit', 'RefuseManualStart', 'yes'),
    unitOption('Unit', 'RefuseManualStop', 'yes'),
    unitOption('Unit', 'BindsTo', `${app}.service`),
    unitOption('Socket', 'RemoveOnStop', 'yes'),
    unitOption('Socket', 'Service', `${app}.service`),
    unitOption('Socket', 'FileDescriptorName', stream),
    unitOption('Socket', 'ListenFIFO', `/rkt/iottymux/${app}/stage2-${stream}`),
  ]);
}
