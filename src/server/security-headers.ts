import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { overTls } from './request-origin';

/**
 * The app loads nothing from elsewhere: its scripts and styles are files from our own origin
 * (the Vite build emits no inline script or style; React sets styles through the DOM, which
 * CSP does not govern), it talks only to its own API, and it is never framed.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; " +
  "base-uri 'self'; form-action 'self'; object-src 'none'";

/** One year; browsers then refuse plain HTTP for this host and its subdomains. */
export const HSTS = 'max-age=31536000; includeSubDomains';

const baseHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
  },
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  referrerPolicy: 'no-referrer',
  xContentTypeOptions: 'nosniff',
  xFrameOptions: 'DENY',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  // Set below, and only over TLS: over plain HTTP it is meaningless, and on a LAN test
  // install it would pin a host name to HTTPS by mistake.
  strictTransportSecurity: false,
});

/**
 * Security headers on every response (API, app files, errors). API answers carry personal
 * data, so neither the browser's HTTP cache nor the service worker may keep them.
 */
export function securityHeaders(options: { trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await baseHeaders(c, async () => {
      await next();
    });
    if (overTls(c, options.trustProxy)) c.res.headers.set('strict-transport-security', HSTS);
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      c.res.headers.set('cache-control', 'no-store');
    }
  };
}
