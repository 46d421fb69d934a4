// The source of chance for rate-based faults. Seeded when a test wants a reproducible sequence.
export type RandomSource = () => number;

/** mulberry32: a small, fast, well-distributed 32-bit generator; plenty for fault dice. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
