// Wildcard matching for LIKE (`%`, `_`) and search terms (`*`, `?`), case-insensitive. A linear greedy matcher
// rather than a regular expression: a pattern with many wildcards cannot make it backtrack exponentially.

/** One pattern position: a character, or a wildcard for any run of characters or exactly one. */
export interface PatternChar {
  char: string;
  wildcard: 'any' | 'one' | null;
}

function fold(char: string): string {
  return char.toLowerCase();
}

export function wildcardMatch(pattern: readonly PatternChar[], text: string): boolean {
  const chars = Array.from(text, fold);
  const wanted = pattern.map((p) => (p.wildcard === null ? { ...p, char: fold(p.char) } : p));
  let p = 0;
  let t = 0;
  let starAt = -1;
  let starText = 0;
  while (t < chars.length) {
    const current = wanted[p];
    if (
      current !== undefined &&
      (current.wildcard === 'one' || (current.wildcard === null && current.char === chars[t]))
    ) {
      p++;
      t++;
    } else if (current !== undefined && current.wildcard === 'any') {
      starAt = p++;
      starText = t;
    } else if (starAt !== -1) {
      p = starAt + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (wanted[p]?.wildcard === 'any') p++;
  return p === wanted.length;
}
