// Access tokens, refresh tokens and authorization codes of one org.
// - An access token is `<orgId15>!<opaque>` and dies at its expiry, when revoked, or when its refresh token's
//   family is revoked.
// - Refresh tokens belong to a family (one authorization). With rotation on, each refresh returns a new refresh
//   token and retires the old one; presenting a retired token again revokes the whole family (reuse detection).
// - Authorization codes are single-use and expire after 15 minutes.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../http/clock.ts';
import type { ChallengeMethod } from './pkce.ts';

const CODE_LIFETIME_MS = 15 * 60 * 1000;
const SWEEP_THRESHOLD = 5000;

export interface AccessToken {
  token: string;
  userId: string;
  clientId: string;
  scope: string;
  issuedAt: number;
  expiresAt: number;
  familyId: string | null;
}

export interface RefreshToken {
  token: string;
  familyId: string;
  userId: string;
  clientId: string;
  scope: string;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  scope: string;
  challenge: { value: string; method: ChallengeMethod } | null;
  expiresAt: number;
}

interface Family {
  id: string;
  current: string;
  revoked: boolean;
  accessTokens: Set<string>;
}

export type RefreshLookup =
  | { ok: true; refresh: RefreshToken }
  /** Unknown, revoked, or a rotated-out token presented again (which has now revoked its family). */
  | { ok: false };

export type CodeLookup = { ok: true; code: AuthorizationCode } | { ok: false; reason: 'invalid' | 'expired' };

export class TokenStore {
  private readonly clock: Clock;
  private readonly orgId15: string;
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  /** Rotated-out refresh tokens → their family, for reuse detection. */
  private readonly retired = new Map<string, string>();
  private readonly families = new Map<string, Family>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(clock: Clock, organizationId: string) {
    this.clock = clock;
    this.orgId15 = organizationId.slice(0, 15);
  }

  issueAccessToken(input: {
    userId: string;
    clientId: string;
    scope: string;
    ttlSeconds: number;
    familyId: string | null;
  }): AccessToken {
    this.sweep();
    const issuedAt = this.clock.now();
    const record: AccessToken = {
      token: `${this.orgId15}!AQ${opaque(72)}`,
      userId: input.userId,
      clientId: input.clientId,
      scope: input.scope,
      issuedAt,
      expiresAt: issuedAt + input.ttlSeconds * 1000,
      familyId: input.familyId
    };
    this.access.set(record.token, record);
    if (record.familyId) this.families.get(record.familyId)?.accessTokens.add(record.token);
    return record;
  }

  /** A new authorization's first refresh token (a new family). */
  issueRefreshToken(input: { userId: string; clientId: string; scope: string }): RefreshToken {
    const familyId = opaque(16);
    const record: RefreshToken = { token: `5Aep${opaque(80)}`, familyId, ...input };
    this.refresh.set(record.token, record);
    this.families.set(familyId, { id: familyId, current: record.token, revoked: false, accessTokens: new Set() });
    return record;
  }

  /** Replaces a family's refresh token with a new one; the old one is retired. */
  rotate(old: RefreshToken): RefreshToken {
    const family = this.families.get(old.familyId)!;
    const next: RefreshToken = { ...old, token: `5Aep${opaque(80)}` };
    this.refresh.delete(old.token);
    this.retired.set(old.token, old.familyId);
    this.refresh.set(next.token, next);
    family.current = next.token;
    return next;
  }

  /** A live access token, or undefined when unknown, revoked or expired. */
  validAccessToken(token: string): AccessToken | undefined {
    const record = this.access.get(token);
    if (!record) return undefined;
    if (record.expiresAt <= this.clock.now()) return undefined;
    if (record.familyId && this.families.get(record.familyId)?.revoked) return undefined;
    return record;
  }

  lookupRefreshToken(token: string): RefreshLookup {
    const record = this.refresh.get(token);
    if (record) {
      return this.families.get(record.familyId)?.revoked ? { ok: false } : { ok: true, refresh: record };
    }
    const reusedFamily = this.retired.get(token);
    if (reusedFamily) this.revokeFamily(reusedFamily);
    return { ok: false };
  }

  issueCode(input: Omit<AuthorizationCode, 'code' | 'expiresAt'>): AuthorizationCode {
    const record: AuthorizationCode = {
      ...input,
      code: `aPrx${opaque(60)}==`,
      expiresAt: this.clock.now() + CODE_LIFETIME_MS
    };
    this.codes.set(record.code, record);
    return record;
  }

  /** Redeems a code: single use, whatever the outcome. */
  redeemCode(code: string): CodeLookup {
    const record = this.codes.get(code);
    if (!record) return { ok: false, reason: 'invalid' };
    this.codes.delete(code);
    if (record.expiresAt <= this.clock.now()) return { ok: false, reason: 'expired' };
    return { ok: true, code: record };
  }

  /**
   * Revokes an access token, or a refresh token together with every access token of its family.
   * Returns false when the token is not known (or already dead).
   */
  revoke(token: string): boolean {
    const refresh = this.refresh.get(token);
    if (refresh) {
      if (this.families.get(refresh.familyId)?.revoked) return false;
      this.revokeFamily(refresh.familyId);
      return true;
    }
    if (this.validAccessToken(token)) {
      this.access.delete(token);
      return true;
    }
    return false;
  }

  /** Every access token expires now; refresh tokens stay valid (what a session timeout does). */
  expireAllSessions(): number {
    const now = this.clock.now();
    let expired = 0;
    for (const record of this.access.values()) {
      if (record.expiresAt > now) {
        record.expiresAt = now;
        expired++;
      }
    }
    return expired;
  }

  liveAccessTokenCount(): number {
    let n = 0;
    for (const token of this.access.keys()) if (this.validAccessToken(token)) n++;
    return n;
  }

  private revokeFamily(familyId: string): void {
    const family = this.families.get(familyId);
    if (!family) return;
    family.revoked = true;
    for (const token of family.accessTokens) this.access.delete(token);
    family.accessTokens.clear();
    this.refresh.delete(family.current);
  }

  /** Forgets dead access tokens and expired codes once there are many (long-running emulators). */
  private sweep(): void {
    if (this.access.size < SWEEP_THRESHOLD) return;
    const now = this.clock.now();
    for (const [token, record] of this.access) {
      if (record.expiresAt <= now) {
        this.access.delete(token);
        if (record.familyId) this.families.get(record.familyId)?.accessTokens.delete(token);
      }
    }
    for (const [code, record] of this.codes) if (record.expiresAt <= now) this.codes.delete(code);
  }
}

/** URL-safe random text (base64url has no characters that need escaping in headers or forms). */
function opaque(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64url')
    .slice(0, length);
}
