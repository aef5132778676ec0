// Which renderer frames may call the contract in Electron: only pages of the app's own
// `app://podunit` origin. Kept free of Electron imports so tests can exercise it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'podunit';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True only for URLs of the app's own scheme and host, without credentials or port. */
export function isTrustedSender(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:`
    && parsed.hostname === APP_HOST
    && parsed.port === ''
    && parsed.username === ''
    && parsed.password === '';
}

/** What main knows about the frame behind an IPC call. */
export interface SenderFacts {
  /** The call came from the app's own window (not another webContents). */
  fromAppWindow: boolean;
  /** From that window's top frame (no subframe, no destroyed frame). */
  fromMainFrame: boolean;
  url: string | null | undefined;
}

/** Every condition must hold; anything unknown is refused. */
export function acceptSender(facts: SenderFacts): boolean {
  return facts.fromAppWindow === true && facts.fromMainFrame === true && isTrustedSender(facts.url);
}
