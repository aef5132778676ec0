// Who may talk to the browser-mode host: requests that name this host exactly (Host, against
// DNS rebinding), come from this origin (Origin, Sec-Fetch-Site, against other pages), and carry
// the session token (URL query or the cookie set from it).
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { TOKEN_PARAM } from '../../shared/ipc/ws-protocol.js';

export interface GuardConfig {
  token: string;
  port: number;
  /** The address bound to. */
  bindHost: string;
}

export type Verdict = { ok: true } | { ok: false; status: number; reason: string };

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackAddress(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}

export function isWildcardAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** Names this machine answers to: a wildcard bind is reachable through any of them. */
function machineNames(): string[] {
  const names = [hostname()];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.push(a.address);
  return names;
}

/** `host:port` forms a client may put in the Host header for this server (lower case). */
export function allowedHosts(config: GuardConfig): Set<string> {
  const { bindHost, port } = config;
  const bare = bindHost.replace(/^\[|\]$/g, '');
  const names = new Set<string>([bare]);
  if (isLoopbackAddress(bindHost) || isWildcardAddress(bindHost)) for (const n of LOOPBACK_NAMES) names.add(n);
  if (isWildcardAddress(bindHost)) for (const n of machineNames()) names.add(n);
  const hosts = new Set<string>();
  for (const n of names) {
    const name = n.replace(/^\[|\]$/g, '').toLowerCase();
    hosts.add(`${isIP(name) === 6 ? `[${name}]` : name}:${port}`);
  }
  return hosts;
}

export function cookieName(port: number): string {
  return `podunit_token_${port}`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export interface RequestFacts {
  url: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  cookie: string | undefined;
}

/** Where the token was found, so the host can set the cookie on first use. */
export type TokenSource = 'query' | 'cookie';

export function checkRequest(config: GuardConfig, req: RequestFacts, options: { requireOrigin: boolean }): Verdict & { tokenFrom?: TokenSource } {
  const hosts = allowedHosts(config);
  if (!req.host || !hosts.has(req.host.toLowerCase())) {
    return { ok: false, status: 421, reason: `Host ${JSON.stringify(req.host ?? '')} is not this server` };
  }
  if (req.origin !== undefined || options.requireOrigin) {
    const allowedOrigins = new Set([...hosts].map((h) => `http://${h}`));
    if (!req.origin || !allowedOrigins.has(req.origin.toLowerCase())) {
      return { ok: false, status: 403, reason: `Origin ${JSON.stringify(req.origin ?? '')} is not allowed` };
    }
  }
  if (req.secFetchSite && req.secFetchSite !== 'same-origin' && req.secFetchSite !== 'none') {
    return { ok: false, status: 403, reason: `cross-site request (${req.secFetchSite}) refused` };
  }
  let query: string | null = null;
  try {
    query = new URL(req.url, 'http://placeholder').searchParams.get(TOKEN_PARAM);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (query !== null) {
    return sameSecret(query, config.token) ? { ok: true, tokenFrom: 'query' } : { ok: false, status: 401, reason: 'wrong token' };
  }
  const cookie = cookieValue(req.cookie, cookieName(config.port));
  if (cookie !== null && sameSecret(cookie, config.token)) return { ok: true, tokenFrom: 'cookie' };
  return { ok: false, status: 401, reason: cookie === null ? 'missing token' : 'wrong token' };
}
