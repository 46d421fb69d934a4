// Binds an OAuth connect attempt to the browser that started it. The start sets a cookie holding the attempt's
// state; the callback takes a state only from a browser that sends it back (double submit, compared in constant
// time). Someone who starts an attempt in their own browser and sends the Salesforce authorize link to a victim
// gets nowhere: the victim's browser has no such cookie.
//
// The cookie is HttpOnly, SameSite=Lax (Salesforce's redirect back to the callback is a cross-site top-level GET,
// which Lax lets through and Strict would not) and lives as long as the attempt. Over https it is a `__Host-`
// cookie (Secure, Path=/, no Domain), which a sibling subdomain cannot plant; a local http service (localhost)
// gets a plain cookie scoped to the OAuth routes.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export interface BrowserBinding {
  readonly cookieName: string;
  /** Binds the attempt with this state to the browser the response goes to. */
  bind(res: Response, state: string, expiresAt: number, now: number): void;
  /** True when the request comes from the browser bound to this state. */
  isBound(req: Request, state: string | undefined): boolean;
  /** Forgets the binding (the attempt is over). */
  clear(res: Response): void;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The value of one cookie in a Cookie header; undefined when absent or sent more than once. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const values = header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
  return values.length === 1 ? values[0] : undefined;
}

export function createBrowserBinding(publicBaseUrl: string): BrowserBinding {
  const secure = publicBaseUrl.startsWith('https://');
  const cookieName = secure ? '__Host-switchboard-oauth' : 'switchboard-oauth';
  const attributes = secure
    ? 'Path=/; Secure; HttpOnly; SameSite=Lax'
    : 'Path=/oauth/salesforce/; HttpOnly; SameSite=Lax';
  return {
    cookieName,
    bind(res, state, expiresAt, now) {
      const maxAge = Math.max(1, Math.ceil((expiresAt - now) / 1000));
      res.append('Set-Cookie', `${cookieName}=${state}; Max-Age=${maxAge}; ${attributes}`);
    },
    isBound(req, state) {
      const presented = cookieValue(req.get('cookie'), cookieName);
      if (presented === undefined || state === undefined) return false;
      // Digests have one length, so the comparison takes the same time whatever was presented.
      return timingSafeEqual(digest(presented), digest(state));
    },
    clear(res) {
      res.append('Set-Cookie', `${cookieName}=; Max-Age=0; ${attributes}`);
    }
  };
}
