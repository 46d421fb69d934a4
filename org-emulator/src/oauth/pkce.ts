// PKCE (RFC 7636) as Salesforce applies it to the web-server flow: the authorize request carries code_challenge
// (S256 unless code_challenge_method says plain), the token request must carry the matching code_verifier.
import { createHash, timingSafeEqual } from 'node:crypto';

export type ChallengeMethod = 'S256' | 'plain';

// RFC 7636 says 43-128 characters, but Salesforce asks for 128 random bytes base64url-encoded (171 characters),
// which is what jsforce sends; accept up to 256.
const VERIFIER_SHAPE = /^[A-Za-z0-9\-._~]{43,256}$/;
const CHALLENGE_SHAPE = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isChallengeMethod(value: string): value is ChallengeMethod {
  return value === 'S256' || value === 'plain';
}

export function isWellFormedChallenge(challenge: string): boolean {
  return CHALLENGE_SHAPE.test(challenge);
}

export function verifierMatches(verifier: string, challenge: string, method: ChallengeMethod): boolean {
  if (!VERIFIER_SHAPE.test(verifier)) return false;
  const derived = method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  const a = Buffer.from(derived);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
