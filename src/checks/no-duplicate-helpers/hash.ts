/**
 * Fast non-cryptographic hashing for fingerprints. Tokens are mixed as 32-bit words (murmur3's block
 * step); a fingerprint keeps two independent lanes and folds them into one 53-bit integer, so it is a
 * plain JSON number and collisions stay negligible across hundreds of thousands of functions.
 */

/** FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit integer. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One murmur3 block step: folds the 32-bit word `value` into the running hash `h`. */
export function mix(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** A second, independent mixing function for the other lane. */
export function mixAlt(h: number, value: number): number {
  let k = Math.imul(value ^ 0x9e3779b9, 0x85ebca6b);
  k = (k << 13) | (k >>> 19);
  k = Math.imul(k, 0xc2b2ae35);
  h ^= k;
  h = (h << 17) | (h >>> 15);
  return (Math.imul(h, 9) + 0x7f4a7c15) | 0;
}

/** murmur3's finalizer: spreads the last bits over the whole word. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folds two lanes into a non-negative integer below 2^53. */
export function combine(lane1: number, lane2: number): number {
  return finish(lane1) * 0x200000 + (finish(lane2) >>> 11);
}

export const SEED_1 = 0x2545f491;
export const SEED_2 = 0x6c8e9cf5;
