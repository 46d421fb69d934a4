import type { Request, Response } from 'express';
import { cookieValue, createBrowserBinding } from './browserBinding.ts';

function fakeResponse() {
  const setCookies: string[] = [];
  const res = { append: (name: string, value: string) => void (name === 'Set-Cookie' && setCookies.push(value)) };
  return { res: res as unknown as Response, setCookies };
}
const fakeRequest = (cookie?: string) =>
  ({ get: (name: string) => (name === 'cookie' ? cookie : undefined) }) as Request;
const STATE = 'S'.repeat(43);

describe('the OAuth browser binding', () => {
  it('when the service is public over https, then the cookie is a __Host- cookie: Secure, Path=/, HttpOnly, SameSite=Lax', () => {
    const binding = createBrowserBinding('https://switchboard.example.com');
    const { res, setCookies } = fakeResponse();
    binding.bind(res, STATE, 1_600_000, 1_000_000);
    binding.clear(res);
    expect(setCookies).toEqual([
      `__Host-switchboard-oauth=${STATE}; Max-Age=600; Path=/; Secure; HttpOnly; SameSite=Lax`,
      '__Host-switchboard-oauth=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax'
    ]);
  });

  it('when a request carries the cookie, then only the state it holds is bound to it', () => {
    const binding = createBrowserBinding('https://switchboard.example.com');
    expect(binding.isBound(fakeRequest(`a=1; __Host-switchboard-oauth=${STATE}; b=2`), STATE)).toBe(true);
    expect(binding.isBound(fakeRequest(`__Host-switchboard-oauth=${STATE}`), 'T'.repeat(43))).toBe(false);
    expect(binding.isBound(fakeRequest(`switchboard-oauth=${STATE}`), STATE)).toBe(false);
    expect(binding.isBound(fakeRequest(`__Host-switchboard-oauth=${STATE}`), undefined)).toBe(false);
    expect(binding.isBound(fakeRequest(undefined), STATE)).toBe(false);
    expect(binding.isBound(fakeRequest(`__Host-switchboard-oauth=${STATE}x`), STATE)).toBe(false);
  });

  it('reads one cookie out of a Cookie header, and nothing when it is missing or sent twice', () => {
    expect(cookieValue('a=1; b=2', 'b')).toBe('2');
    expect(cookieValue('ab=1', 'b')).toBeUndefined();
    expect(cookieValue('b=1; b=2', 'b')).toBeUndefined();
    expect(cookieValue(undefined, 'b')).toBeUndefined();
  });
});
