// The wildcard matcher behind LIKE and search terms.
import type { PatternChar } from './wildcard.ts';
import { wildcardMatch } from './wildcard.ts';

/** `%` → any run, `_` → one character (LIKE notation), everything else literal. */
const like = (pattern: string): PatternChar[] =>
  Array.from(pattern, (char) => ({ char, wildcard: char === '%' ? 'any' : char === '_' ? 'one' : null }));

describe('wildcardMatch', () => {
  it.each([
    ['acme%', 'Acme Corporation', true],
    ['%corp%', 'Acme Corporation', true],
    ['%tion', 'Acme Corporation', true],
    ['acme', 'Acme Corporation', false],
    ['a_me', 'ACME', true],
    ['a_me', 'ame', false],
    ['%', '', true],
    ['_', '', false],
    ['%a%b%c', 'xaxbxc', true],
    ['%a%b%c', 'xaxcxb', false],
    ['café', 'CAFÉ', true]
  ])('%s against %s → %s', (pattern, text, expected) => {
    expect(wildcardMatch(like(pattern), text)).toBe(expected);
  });

  it('stays fast on patterns that make a backtracking regular expression explode', () => {
    const pattern = like(`${'%a'.repeat(30)}%b`);
    const started = Date.now();
    expect(wildcardMatch(pattern, 'a'.repeat(255))).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
