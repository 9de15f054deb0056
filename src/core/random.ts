/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a32(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/**
 * mulberry32: a small, fast, well-spread generator; the same seed (a number, or a string hashed with
 * FNV-1a) always gives the same sequence in [0, 1). Used for avatars and the demo datasets.
 */
export function seededRandom(seed: number | string): () => number {
  let state = (typeof seed === 'string' ? fnv1a32(seed) : seed) | 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
