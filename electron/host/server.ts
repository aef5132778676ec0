// Browser mode: one loopback HTTP server that serves the built renderer and carries the IPC
// contract over a WebSocket at /ipc, on the same origin. Every request and every upgrade is
// checked (Host, Origin, token) before anything else happens.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isEventName } from '../../shared/ipc/contract.js';
import { fail, MAX_PAYLOAD_BYTES } from '../../shared/ipc/envelope.js';
import { TOKEN_PARAM, WS_PATH, type WsServerFrame } from '../../shared/ipc/ws-protocol.js';
import { dispatch } from '../ipc/dispatch.js';
import { createHandlers, type HandlerEnv } from '../ipc/handlers.js';
import { Session, type Emit } from '../ipc/session.js';
import { contentSecurityPolicy, SECURITY_HEADERS } from './csp.js';
import { checkRequest, cookieName, isWildcardAddress, type GuardConfig, type RequestFacts } from './guard.js';
import { resolveStatic } from './static-files.js';

export interface HostOptions {
  /** The built renderer (dist/renderer). */
  distDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Address to bind; loopback by default. */
  host?: string;
  token?: string;
  env: Omit<HandlerEnv, 'mode' | 'chooseDialog'>;
  maxPayloadBytes?: number;
  watchDebounceMs?: number;
  log?: (message: string, err?: unknown) => void;
}

export interface RunningHost {
  /** The URL to open, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Frames a little larger than the payload limit still get a 'too-large' answer; beyond this the socket closes (1009). */
const FRAME_SLACK = 64 * 1024;

/** The build names files under assets/ by a hash of their content (name-HASH.ext). */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/**
 * The page itself is never stored; content-named assets are kept for good, so a reload reuses
 * them and the browser's compiled code for them instead of fetching and parsing Monaco again.
 */
function cacheControl(path: string, mime: string): string {
  if (mime.startsWith('text/html')) return 'no-store';
  return HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const bindHost = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxPayload = options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES;
  const log = options.log ?? ((message: string, err?: unknown) => console.error(`podunit serve: ${message}`, err ?? ''));
  const handlers = createHandlers({ ...options.env, mode: 'browser', chooseDialog: null });
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxPayload + FRAME_SLACK, perMessageDeflate: false });
  const guard: GuardConfig = { token, port: 0, bindHost };
  let csp = '';

  const facts = (req: IncomingMessage): RequestFacts => ({
    url: req.url ?? '/',
    host: req.headers.host,
    origin: req.headers.origin,
    secFetchSite: header(req, 'sec-fetch-site'),
    cookie: req.headers.cookie,
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const verdict = checkRequest(guard, facts(req), { requireOrigin: false });
    if (!verdict.ok) return plain(res, verdict.status, `${verdict.reason}\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    const path = (req.url ?? '/').split('?')[0];
    if (path === WS_PATH) return plain(res, 426, 'this path takes WebSocket connections\n');
    const file = resolveStatic(options.distDir, path);
    if (!file) {
      if (!existsSync(join(options.distDir, 'index.html'))) {
        return plain(res, 503, 'The renderer is not built yet. Run `npm run build`, then reload.\n');
      }
      return plain(res, 404, 'not found\n');
    }
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': csp,
      'Content-Type': file.mime,
      'Content-Length': String(file.body.length),
      'Cache-Control': cacheControl(path, file.mime),
    };
    if (verdict.tokenFrom === 'query') {
      headers['Set-Cookie'] = `${cookieName(guard.port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '/').split('?')[0];
    const verdict = path === WS_PATH
      ? checkRequest(guard, facts(req), { requireOrigin: true })
      : { ok: false as const, status: 404, reason: 'no WebSocket here' };
    if (!verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.status} ${reasonPhrase(verdict.status)}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${verdict.reason}\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  const serveSocket = (ws: WebSocket) => {
    const send = (frame: WsServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const emit: Emit = (event, payload) => {
      if (isEventName(event)) send({ type: 'event', event, payload });
    };
    const session = new Session(emit, { debounceMs: options.watchDebounceMs });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void onFrame(data, isBinary);
    });
    ws.on('close', () => session.dispose());
    ws.on('error', () => session.dispose());

    const onFrame = async (data: RawData, isBinary: boolean) => {
      if (isBinary) return send({ type: 'error', error: { code: 'bad-request', message: 'binary frames are not accepted; send JSON text' } });
      const text = rawToString(data);
      let frame: { type?: unknown; id?: unknown; channel?: unknown; payload?: unknown };
      try {
        frame = JSON.parse(text) as typeof frame;
      } catch {
        return send({ type: 'error', error: { code: 'bad-request', message: 'the frame is not valid JSON' } });
      }
      if (!frame || typeof frame !== 'object' || frame.type !== 'call' || !Number.isSafeInteger(frame.id)) {
        return send({ type: 'error', error: { code: 'bad-request', message: 'expected {"type":"call","id":<integer>,"channel":…,"payload":…}' } });
      }
      const id = frame.id as number;
      if (Buffer.byteLength(text) > maxPayload) {
        const result = fail('too-large', `The request is ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MiB; the limit is ${(maxPayload / 1048576).toFixed(1)} MiB.`);
        return send({ type: 'result', id, result });
      }
      const result = await dispatch(handlers, { session }, frame.channel, frame.payload, { maxBytes: maxPayload, log });
      send({ type: 'result', id, result });
    };
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
  guard.port = port;
  const wildcard = isWildcardAddress(bindHost);
  const urlHost = wildcard ? '127.0.0.1' : bindHost.replace(/^\[|\]$/g, '');
  const hostPart = urlHost.includes(':') ? `[${urlHost}]` : urlHost;
  const origin = `http://${hostPart}:${port}`;
  // 'self' covers the socket on the page's own origin; the explicit entry helps older engines.
  csp = contentSecurityPolicy(wildcard ? {} : { socketOrigin: `ws://${hostPart}:${port}` });

  return {
    url: `${origin}/?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    close: () => new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function plain(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function reasonPhrase(status: number): string {
  return ({ 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request' } as Record<number, string>)[status] ?? 'Error';
}
