// The one dispatcher behind both transports (Electron ipcMain and the browser-mode WebSocket):
// size limit, channel lookup, request validation, the handler, response validation, and every
// outcome turned into an envelope.
import { z } from 'zod';
import { channels, isChannelName, type ChannelName } from '../../shared/ipc/contract.js';
import { fail, IpcError, MAX_PAYLOAD_BYTES, ok, type Envelope } from '../../shared/ipc/envelope.js';
import type { CallContext, Handlers } from './handlers.js';
import { generateAnswerProblem, provenanceAnswerProblem } from './plan-shape.js';

export interface DispatchOptions {
  /** Size of the payload as received, when the transport knows it (WebSocket frame length). */
  payloadBytes?: number;
  maxBytes?: number;
  /** Where unexpected handler failures are reported. */
  log?: (message: string, err: unknown) => void;
}

export async function dispatch(
  handlers: Handlers, ctx: CallContext, channel: unknown, payload: unknown, options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  if (!isChannelName(channel)) {
    return fail('unknown-channel', `Unknown channel ${JSON.stringify(String(channel).slice(0, 100))}.`);
  }
  const maxBytes = options.maxBytes ?? MAX_PAYLOAD_BYTES;
  const bytes = options.payloadBytes ?? jsonBytes(payload);
  if (bytes === null) return fail('bad-request', `The request to ${channel} is not plain JSON data.`);
  if (bytes > maxBytes) {
    return fail('too-large', `The request to ${channel} is ${formatBytes(bytes)}; the limit is ${formatBytes(maxBytes)}.`);
  }
  const spec = channels[channel];
  const request = spec.request.safeParse(payload);
  if (!request.success) {
    return fail('bad-request', `Invalid request to ${channel}: ${z.prettifyError(request.error)}`);
  }
  let value: unknown;
  try {
    const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
    value = await handler(request.data, ctx);
  } catch (err) {
    return errorEnvelope(channel, err, options.log);
  }
  const light = LIGHT_RESPONSE_CHECKS[channel];
  if (light) {
    const problem = light(value);
    if (problem === null) return ok(value);
    options.log?.(`${channel} answered outside its response schema`, new Error(problem));
    return fail('internal', `${channel} produced an invalid answer: ${problem}`);
  }
  const response = spec.response.safeParse(value);
  if (!response.success) {
    options.log?.(`${channel} answered outside its response schema`, response.error);
    return fail('internal', `${channel} produced an invalid answer: ${z.prettifyError(response.error)}`);
  }
  return ok(response.data);
}

/**
 * Answers checked by hand-written shape checks instead of their zod schema: the large, hot
 * ones made of the generator's own output (see plan-shape.ts). Requests are always checked in full.
 */
const LIGHT_RESPONSE_CHECKS: Partial<Record<ChannelName, (value: unknown) => string | null>> = {
  'plan.generate': generateAnswerProblem,
  'plan.provenance': provenanceAnswerProblem,
};

function errorEnvelope(channel: ChannelName, err: unknown, log?: DispatchOptions['log']): Envelope<never> {
  if (err instanceof IpcError) return fail(err.code, err.message);
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ENOENT') return fail('not-found', message);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC' || code === 'EIO') return fail('io', message);
  log?.(`${channel} failed`, err);
  return fail('internal', `${channel} failed: ${message}`);
}

/** UTF-8 length of the payload as JSON, or null when it is not JSON data. */
export function jsonBytes(payload: unknown): number | null {
  try {
    const text = JSON.stringify(payload);
    return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
  } catch {
    return null;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
