// The OAuth client the org knows: Switchboard's External Client App. A real app lists several callback URLs;
// tests on ephemeral ports register theirs through the control surface.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface ConnectedAppConfig {
  clientId: string;
  clientSecret: string;
  callbackUrls: string[];
  /** Scopes the app may be granted; `refresh_token`/`offline_access` allow a refresh token. */
  scopes: string[];
}

export const SEEDED_CONNECTED_APP: Readonly<ConnectedAppConfig> = Object.freeze({
  clientId: 'switchboard-local',
  clientSecret: 'switchboard-local-secret',
  callbackUrls: ['http://127.0.0.1:3000/oauth/salesforce/callback'],
  scopes: ['api', 'refresh_token', 'offline_access', 'id', 'web', 'full']
});

export class ConnectedApp {
  readonly clientId: string;
  private readonly secretDigest: Buffer;
  /** The secret signs token responses (HMAC); it is never logged or returned. */
  readonly clientSecret: string;
  private readonly callbacks: Set<string>;
  readonly scopes: ReadonlySet<string>;

  constructor(config: ConnectedAppConfig) {
    this.clientId = config.clientId;
    this.clientSecret = config.clientSecret;
    this.secretDigest = digest(config.clientSecret);
    this.callbacks = new Set(config.callbackUrls);
    this.scopes = new Set(config.scopes);
  }

  /** Constant-time comparison (over digests, so lengths never leak either). */
  secretMatches(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), this.secretDigest);
  }

  /** Exact match, as Salesforce compares the redirect_uri with the app's callback URLs. */
  hasCallback(url: string): boolean {
    return this.callbacks.has(url);
  }

  addCallback(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`callback URL is not a valid absolute URL: ${JSON.stringify(url)}`);
    }
    if (parsed.hash) throw new Error('callback URL must not contain a fragment');
    this.callbacks.add(url);
  }

  callbackUrls(): string[] {
    return [...this.callbacks];
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
