// The login token: every request carries it as a Bearer token or in the cookie `/login?token=` sets.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const COOKIE_NAME = 'omni_console_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE_NAME) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** True when the request carries the token (Authorization: Bearer, or the console cookie). */
export function isAuthorized(req: IncomingMessage, token: string): boolean {
  const auth = req.headers.authorization ?? '';
  if (auth.startsWith('Bearer ') && sameToken(auth.slice(7).trim(), token)) return true;
  const fromCookie = cookieToken(req.headers.cookie);
  return fromCookie !== undefined && sameToken(fromCookie, token);
}

/** `/login?token=…`: sets the cookie and sends the browser to the console; 401 on a wrong token. */
export function handleLogin(url: URL, res: ServerResponse, token: string): boolean {
  const given = url.searchParams.get('token') ?? '';
  if (!sameToken(given, token)) return false;
  res.writeHead(303, {
    location: '/',
    'set-cookie': `${COOKIE_NAME}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
    'cache-control': 'no-store',
  });
  res.end();
  return true;
}

export const UNAUTHORIZED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>omni — sign in</title>
<style>body{font:15px/1.5 system-ui,sans-serif;color:#1f2933;background:#f7f8fa;display:grid;place-items:center;height:100vh;margin:0}
main{background:#fff;border:1px solid #e4e7eb;border-radius:10px;padding:32px 40px;max-width:440px}h1{font-size:18px;margin:0 0 8px}code{background:#f0f2f5;padding:1px 5px;border-radius:4px}</style></head>
<body><main><h1>Sign in required</h1><p>This console needs its login token. Open the URL that <code>omni serve</code> or <code>omni demo</code> printed when it started (it ends in <code>/login?token=…</code>).</p></main></body></html>`;
