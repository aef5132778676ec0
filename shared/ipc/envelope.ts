// The result shape of every IPC call. Errors travel as values because Electron strips
// custom properties from rejected invokes, and a WebSocket has no rejections at all.

export const ERROR_CODES = [
  /** Payload does not match the channel's request schema, or is not JSON. */
  'bad-request',
  /** Payload larger than MAX_PAYLOAD_BYTES. */
  'too-large',
  /** No such channel. */
  'unknown-channel',
  /** Caller is not the app's own page (sender frame, token, Origin or Host). */
  'forbidden',
  /** The channel needs an open pod and none is open. */
  'no-pod',
  /** The path is not a pod root (no `pod` file), or not an rkt data dir. */
  'not-a-pod',
  /** The path does not exist (any more): e.g. the pod root was deleted while open. */
  'not-found',
  /** A path would leave the pod root or export target (`..`, absolute, symlink escape). */
  'outside-root',
  /** The export target already exists and overwriting was not asked for. */
  'exists',
  /** plan.write without a valid, unexpired confirmation token. */
  'confirmation-required',
  /** Files on disk changed between the write preview and the write. */
  'conflict',
  /** Not available in this mode (e.g. native dialogs in browser mode). */
  'unsupported',
  /** A manifest edit refers to a text the host does not hold (a new connection, another pod): send the full text. */
  'unknown-base',
  /** An operating-system error while reading or writing. */
  'io',
  /** A bug: the handler threw or answered outside its response schema. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcErrorValue {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcErrorValue };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** Thrown by handlers (and by client.call) to carry a code; the dispatcher turns it into an envelope. */
export class IpcError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'IpcError';
  }
}

/** Largest accepted request, measured as JSON text in UTF-8 (edited manifests can be big, not this big). */
export const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;
