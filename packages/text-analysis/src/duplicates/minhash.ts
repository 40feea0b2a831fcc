/**
 * MinHash over 32-bit shingle hashes, LSH band parameters, and the hashing helpers the duplicate
 * detector uses. All hashing is 32-bit integer arithmetic on typed arrays.
 *
 * @module duplicates/minhash
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A 32-bit finaliser (murmur3 fmix32): spreads every input bit over the output.
 *
 * @example
 * mix32(1) !== mix32(2); // true
 */
export function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * FNV-1a of a string with a given seed (as offset basis).
 *
 * @example
 * fnv1a('abc', 0x811c9dc5) !== fnv1a('abd', 0x811c9dc5); // true
 */
export function fnv1a(text: string, seed: number = FNV_OFFSET): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  }
  return hash >>> 0;
}

/** A deterministic 32-bit generator (mulberry32) for permutation parameters. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return (value ^ (value >>> 14)) >>> 0;
  };
}

/**
 * MinHash with `numPermutations` hash functions `h_i(x) = (x xor b_i)·a_i mod 2^32` with odd `a_i`
 * (a bijection of 32-bit values; shingle hashes are already well mixed). The same
 * seed always gives the same functions, so signatures are deterministic.
 *
 * @example
 * const hasher = new MinHasher(128, 42);
 * const signature = new Uint32Array(128);
 * hasher.signature(Uint32Array.of(1, 2, 3), 3, signature);
 */
export class MinHasher {
  readonly numPermutations: number;
  private readonly multipliers: Uint32Array;
  private readonly addends: Uint32Array;

  constructor(numPermutations: number, seed: number) {
    if (!Number.isInteger(numPermutations) || numPermutations < 1) {
      throw new RangeError(`numPermutations must be a positive integer, got ${numPermutations}`);
    }
    this.numPermutations = numPermutations;
    this.multipliers = new Uint32Array(numPermutations);
    this.addends = new Uint32Array(numPermutations);
    const random = createRandom(seed ^ 0x5bd1e995);
    for (let index = 0; index < numPermutations; index++) {
      this.multipliers[index] = (random() | 1) >>> 0;
      this.addends[index] = random();
    }
  }

  /**
   * Writes the signature of the first `count` shingle hashes into `out` (length ≥
   * numPermutations). An empty set gets all 0xffffffff.
   */
  signature(shingles: Uint32Array, count: number, out: Uint32Array): void {
    const permutations = this.numPermutations;
    const multipliers = this.multipliers;
    const addends = this.addends;
    let index = 0;
    // Four hash functions per pass over the shingles (fewer loads and loop iterations).
    for (; index + 4 <= permutations; index += 4) {
      const multiplier0 = multipliers[index] ?? 1;
      const multiplier1 = multipliers[index + 1] ?? 1;
      const multiplier2 = multipliers[index + 2] ?? 1;
      const multiplier3 = multipliers[index + 3] ?? 1;
      const addend0 = addends[index] ?? 0;
      const addend1 = addends[index + 1] ?? 0;
      const addend2 = addends[index + 2] ?? 0;
      const addend3 = addends[index + 3] ?? 0;
      let minimum0 = 0xffffffff;
      let minimum1 = 0xffffffff;
      let minimum2 = 0xffffffff;
      let minimum3 = 0xffffffff;
      for (let shingleIndex = 0; shingleIndex < count; shingleIndex++) {
        const shingle = shingles[shingleIndex] ?? 0;
        const value0 = Math.imul(shingle ^ addend0, multiplier0) >>> 0;
        const value1 = Math.imul(shingle ^ addend1, multiplier1) >>> 0;
        const value2 = Math.imul(shingle ^ addend2, multiplier2) >>> 0;
        const value3 = Math.imul(shingle ^ addend3, multiplier3) >>> 0;
        if (value0 < minimum0) {
          minimum0 = value0;
        }
        if (value1 < minimum1) {
          minimum1 = value1;
        }
        if (value2 < minimum2) {
          minimum2 = value2;
        }
        if (value3 < minimum3) {
          minimum3 = value3;
        }
      }
      out[index] = minimum0;
      out[index + 1] = minimum1;
      out[index + 2] = minimum2;
      out[index + 3] = minimum3;
    }
    for (; index < permutations; index++) {
      const multiplier = multipliers[index] ?? 1;
      const addend = addends[index] ?? 0;
      let minimum = 0xffffffff;
      for (let shingleIndex = 0; shingleIndex < count; shingleIndex++) {
        const value = Math.imul((shingles[shingleIndex] ?? 0) ^ addend, multiplier) >>> 0;
        if (value < minimum) {
          minimum = value;
        }
      }
      out[index] = minimum;
    }
  }
}

/**
 * Share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity
 * of the underlying sets.
 *
 * @example
 * estimateJaccard(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(1, 2, 0, 4)); // 0.75
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) {
    return 0;
  }
  let equal = 0;
  for (let index = 0; index < length; index++) {
    if (a[index] === b[index]) {
      equal++;
    }
  }
  return equal / length;
}

/** LSH banding: `bands` bands of `rows` signature positions each. */
export interface BandParameters {
  readonly bands: number;
  readonly rows: number;
}

/**
 * Chooses bands × rows ≤ numPermutations for a Jaccard threshold by minimising the weighted area
 * of false positives (below the threshold) and false negatives (above it) of the LSH S-curve
 * `1 - (1 - s^rows)^bands`. False negatives weigh more (0.9 vs 0.1): a missed campaign member
 * cannot be recovered, while a false candidate is rejected by verification.
 *
 * @example
 * const { bands, rows } = chooseBands(0.8, 128);
 */
export function chooseBands(threshold: number, numPermutations: number): BandParameters {
  const steps = 200;
  const probability = (similarity: number, bands: number, rows: number): number =>
    1 - Math.pow(1 - Math.pow(similarity, rows), bands);
  let best: BandParameters = { bands: 1, rows: numPermutations };
  let bestCost = Number.POSITIVE_INFINITY;
  for (let bands = 1; bands <= numPermutations; bands++) {
    const rows = Math.floor(numPermutations / bands);
    if (rows < 1) {
      break;
    }
    let falsePositive = 0;
    let falseNegative = 0;
    for (let step = 0; step < steps; step++) {
      const similarity = (step + 0.5) / steps;
      const candidate = probability(similarity, bands, rows);
      if (similarity < threshold) {
        falsePositive += candidate / steps;
      } else {
        falseNegative += (1 - candidate) / steps;
      }
    }
    const cost = 0.1 * falsePositive + 0.9 * falseNegative;
    if (cost < bestCost - 1e-12) {
      bestCost = cost;
      best = { bands, rows };
    }
  }
  return best;
}
