// Frames of the browser-mode WebSocket. One JSON object per text frame.
import type { Envelope } from './envelope.js';

/** Client → host: call a channel. `id` pairs the answer with the call. */
export interface WsCallFrame { type: 'call'; id: number; channel: string; payload: unknown }
/** Host → client: the answer to one call. */
export interface WsResultFrame { type: 'result'; id: number; result: Envelope<unknown> }
/** Host → client: a push event. */
export interface WsEventFrame { type: 'event'; event: string; payload: unknown }
/** Host → client: a frame that could not be read at all (bad JSON, no id). */
export interface WsErrorFrame { type: 'error'; error: { code: string; message: string } }

export type WsServerFrame = WsResultFrame | WsEventFrame | WsErrorFrame;

/** The socket lives here, under the page's own origin; the token travels as `?token=`. */
export const WS_PATH = '/ipc';
export const TOKEN_PARAM = 'token';
