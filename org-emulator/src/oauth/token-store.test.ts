import { ManualClock } from '../http/clock.ts';
import { TokenStore } from './token-store.ts';

const ORG = '00D5g000004ABCDEAA';
const USER = '0055g000004XYZ1AAA';

function setup() {
  const clock = new ManualClock();
  const store = new TokenStore(clock, ORG);
  const issue = (familyId: string | null = null, ttlSeconds = 60) =>
    store.issueAccessToken({ userId: USER, clientId: 'c', scope: 'api', ttlSeconds, familyId });
  return { clock, store, issue };
}

describe('the token store', () => {
  it('issues access tokens shaped <orgId15>!<opaque> that die at their expiry', () => {
    const { clock, store, issue } = setup();
    const access = issue(null, 60);
    expect(access.token).toMatch(/^00D5g000004ABCD!AQ[\w-]{72}$/);
    expect(store.validAccessToken(access.token)?.userId).toBe(USER);
    clock.advance(59_999);
    expect(store.validAccessToken(access.token)).toBeDefined();
    clock.advance(1);
    expect(store.validAccessToken(access.token)).toBeUndefined();
  });

  it('expiring all sessions kills every access token but not refresh tokens', () => {
    const { store, issue } = setup();
    const refresh = store.issueRefreshToken({ userId: USER, clientId: 'c', scope: 'api refresh_token' });
    const a = issue(refresh.familyId, 7200);
    const b = issue(null, 7200);
    expect(store.expireAllSessions()).toBe(2);
    expect(store.validAccessToken(a.token)).toBeUndefined();
    expect(store.validAccessToken(b.token)).toBeUndefined();
    expect(store.lookupRefreshToken(refresh.token).ok).toBe(true);
  });

  it('rotation retires the old refresh token; presenting it again revokes the family and its access tokens', () => {
    const { store, issue } = setup();
    const first = store.issueRefreshToken({ userId: USER, clientId: 'c', scope: 'api refresh_token' });
    const second = store.rotate(first);
    const access = issue(second.familyId, 7200);
    expect(store.lookupRefreshToken(second.token).ok).toBe(true);
    expect(store.lookupRefreshToken(first.token).ok).toBe(false);
    expect(store.lookupRefreshToken(second.token).ok).toBe(false);
    expect(store.validAccessToken(access.token)).toBeUndefined();
  });

  it('revoking a refresh token kills its access tokens; revoking an access token kills only that one', () => {
    const { store, issue } = setup();
    const refresh = store.issueRefreshToken({ userId: USER, clientId: 'c', scope: 'api refresh_token' });
    const inFamily = issue(refresh.familyId, 7200);
    const other = issue(null, 7200);
    const another = issue(null, 7200);
    expect(store.revoke(other.token)).toBe(true);
    expect(store.validAccessToken(other.token)).toBeUndefined();
    expect(store.validAccessToken(another.token)).toBeDefined();
    expect(store.revoke(refresh.token)).toBe(true);
    expect(store.validAccessToken(inFamily.token)).toBeUndefined();
    expect(store.lookupRefreshToken(refresh.token).ok).toBe(false);
    expect(store.revoke(refresh.token)).toBe(false);
    expect(store.revoke('nonsense')).toBe(false);
  });

  it('authorization codes are single-use and expire after 15 minutes', () => {
    const { clock, store } = setup();
    const input = { clientId: 'c', redirectUri: 'http://x/cb', userId: USER, scope: 'api', challenge: null };
    const code = store.issueCode(input);
    expect(store.redeemCode(code.code)).toMatchObject({ ok: true });
    expect(store.redeemCode(code.code)).toEqual({ ok: false, reason: 'invalid' });
    const late = store.issueCode(input);
    clock.advance(15 * 60_000);
    expect(store.redeemCode(late.code)).toEqual({ ok: false, reason: 'expired' });
  });
});
