import { createHash } from 'node:crypto';
import { isWellFormedChallenge, verifierMatches } from './pkce.ts';

const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const s256 = createHash('sha256').update(verifier).digest('base64url');

describe('PKCE', () => {
  it('matches an S256 challenge with its verifier (RFC 7636 appendix B)', () => {
    expect(s256).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(verifierMatches(verifier, s256, 'S256')).toBe(true);
  });

  it('matches a plain challenge only with the identical verifier', () => {
    expect(verifierMatches(verifier, verifier, 'plain')).toBe(true);
    expect(verifierMatches(verifier, s256, 'plain')).toBe(false);
  });

  it('refuses a wrong or malformed verifier', () => {
    expect(verifierMatches(verifier.replace('d', 'e'), s256, 'S256')).toBe(false);
    expect(verifierMatches('short', 'short', 'plain')).toBe(false);
    expect(verifierMatches(`${verifier} `, s256, 'S256')).toBe(false);
  });

  it('checks the challenge shape', () => {
    expect(isWellFormedChallenge(s256)).toBe(true);
    expect(isWellFormedChallenge('abc')).toBe(false);
    expect(isWellFormedChallenge(`${s256}=`)).toBe(false);
  });
});
