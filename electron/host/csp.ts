// The Content-Security-Policy of the renderer page, the same in Electron (app://) and in browser
// mode (http://127.0.0.1). Monaco needs inline styles; everything else comes from the app's
// own origin, and nothing may frame, post forms, or load plugins.

export function contentSecurityPolicy(options: { socketOrigin?: string } = {}): string {
  const connect = ["'self'", ...(options.socketOrigin ? [options.socketOrigin] : [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Features the page never uses, switched off. Only names Chromium's Permissions-Policy parser
 * knows: an unknown one (e.g. `bluetooth`, which is not a policy feature) makes it print a
 * warning in the console of every page load.
 */
export const DISABLED_FEATURES = ['camera', 'microphone', 'geolocation', 'usb', 'serial', 'hid'] as const;

/** Headers sent with every response of the renderer, beside the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': DISABLED_FEATURES.map((f) => `${f}=()`).join(', '),
};
