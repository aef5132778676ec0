// Browser-mode transport: the contract over one WebSocket to the page's own origin.
// Calls made while disconnected wait for the next connection; calls in flight when the
// socket drops fail with an 'io' envelope (the host may or may not have run them).
// The host keeps the open pod per socket, so after a reconnect the last pod.open is replayed
// before anything else is sent.
import type { Envelope } from './envelope.js';
import { createClient, type PodunitClient } from './client.js';
import { TOKEN_PARAM, WS_PATH, type WsCallFrame, type WsServerFrame } from './ws-protocol.js';

/** The part of the browser's WebSocket this client uses (shared/ compiles without the DOM library). */
export interface MinimalSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export interface SocketConstructor {
  new (url: string): MinimalSocket;
  readonly OPEN: number;
}
export interface PageLocation { protocol: string; host: string; search: string }

export interface WsClientOptions {
  /** Page location; defaults to `globalThis.location`. */
  location?: PageLocation;
  /** WebSocket constructor; defaults to the global one. */
  WebSocketImpl?: SocketConstructor;
  /** Reconnect delays in ms, the last one repeating. */
  backoffMs?: number[];
  /** Told whenever the connection opens or closes. */
  onStatus?: (status: 'connecting' | 'open' | 'closed') => void;
}

export interface WsClient extends PodunitClient {
  close(): void;
}

/** The token the host put in the page URL (`?token=…`). */
export function tokenFromLocation(search: string): string | null {
  return new URLSearchParams(search).get(TOKEN_PARAM);
}

export function socketUrl(loc: { protocol: string; host: string }, token: string): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

export function createWsClient(options: WsClientOptions = {}): WsClient {
  const g = globalThis as unknown as { location?: PageLocation; WebSocket?: SocketConstructor };
  const loc = options.location ?? g.location;
  const Impl = options.WebSocketImpl ?? g.WebSocket;
  if (!loc || !Impl) throw new Error('createWsClient needs a page location and a WebSocket implementation');
  const backoff = options.backoffMs ?? [250, 500, 1000, 2000, 5000];
  const token = tokenFromLocation(loc.search) ?? '';
  const url = socketUrl(loc, token);

  const pending = new Map<number, (result: Envelope<unknown>) => void>();
  const queued: Array<{ id: number; text: string }> = [];
  /** Calls sent on the current socket: the ones a drop leaves without an answer. */
  const sent = new Set<number>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: MinimalSocket | null = null;
  let nextId = 1;
  let attempt = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastOpen: unknown = null;
  let everOpened = false;

  const connect = () => {
    if (closed) return;
    options.onStatus?.('connecting');
    const ws = new Impl(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      if (everOpened && lastOpen !== null) {
        const replay: WsCallFrame = { type: 'call', id: nextId++, channel: 'pod.open', payload: lastOpen };
        ws.send(JSON.stringify(replay));
      }
      everOpened = true;
      options.onStatus?.('open');
      for (const { id, text } of queued.splice(0)) {
        sent.add(id);
        ws.send(text);
      }
    };
    ws.onmessage = (msg) => {
      if (typeof msg.data !== 'string') return;
      let frame: WsServerFrame;
      try { frame = JSON.parse(msg.data) as WsServerFrame; } catch { return; }
      if (frame.type === 'result') {
        const resolve = pending.get(frame.id);
        pending.delete(frame.id);
        sent.delete(frame.id);
        resolve?.(frame.result);
      } else if (frame.type === 'event') {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      }
    };
    // A failed connection or a dropped socket is followed by a close event; handled there.
    ws.onerror = () => {};
    ws.onclose = (ev) => {
      socket = null;
      options.onStatus?.('closed');
      for (const id of sent) {
        const resolve = pending.get(id);
        pending.delete(id);
        resolve?.({ ok: false, error: { code: 'io', message: `connection to podunit closed (${ev.code}${ev.reason ? `: ${ev.reason}` : ''})` } });
      }
      sent.clear();
      if (closed) return;
      const delay = backoff[Math.min(attempt, backoff.length - 1)];
      attempt += 1;
      timer = setTimeout(connect, delay);
    };
  };

  const send = (channel: string, payload: unknown) => new Promise<Envelope<unknown>>((resolve) => {
    const id = nextId++;
    const frame: WsCallFrame = { type: 'call', id, channel, payload };
    pending.set(id, (result) => {
      if (channel === 'pod.open' && result.ok) lastOpen = payload;
      if (channel === 'pod.close' && result.ok) lastOpen = null;
      resolve(result);
    });
    const text = JSON.stringify(frame);
    if (socket && socket.readyState === Impl.OPEN) {
      sent.add(id);
      socket.send(text);
    } else {
      queued.push({ id, text });
    }
  });

  const subscribe = (event: string, listener: (payload: unknown) => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => { set.delete(listener); };
  };

  connect();
  const client = createClient(send, subscribe);
  return {
    ...client,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'io', message: 'the podunit client was closed' } });
      }
      queued.length = 0;
    },
  };
}
