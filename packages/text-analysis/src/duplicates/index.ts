/**
 * Exact and near-duplicate detection for mass campaigns: exact duplicates by a hash of the
 * normalised text, near-duplicates by MinHash over 1–3-word shingles with LSH banding, candidates
 * verified by estimated Jaccard similarity and grouped with union-find.
 *
 * Memory per distinct text: `numPermutations` bytes of 8-bit MinHash signature (b-bit minwise
 * hashing) + 4 bytes per LSH band + a few integers; texts themselves are not kept.
 *
 * @module duplicates
 */
import { normalizeForHash } from '../normalize/index.ts';
import { chooseBands, fnv1a, MinHasher, mix32 } from './minhash.ts';
import { UnionFind } from './union-find.ts';

/**
 * A group of duplicate texts (always two or more). `exact`: all members have the same normalised
 * text ({@link normalizeForHash}); `near`: members are near-duplicates (Jaccard similarity of
 * their word shingles at or above the threshold, transitively), possibly including exact copies.
 *
 * @example
 * const group: DuplicateGroup = { kind: 'near', size: 2, representativeId: 'a', memberIds: ['a', 'b'] };
 */
export interface DuplicateGroup {
  kind: 'exact' | 'near';
  size: number;
  /** The member whose exact wording is most common in the group (earliest added on ties). */
  representativeId: string;
  /** All members, in the order they were added. */
  memberIds: string[];
}

/**
 * Options for duplicate detection.
 *
 * @example
 * const options: DuplicateOptions = { threshold: 0.8, numPermutations: 128, seed: 1 };
 */
export interface DuplicateOptions {
  /** Jaccard similarity (0–1] at or above which two texts are near-duplicates. Default 0.8. */
  threshold?: number;
  /** Number of MinHash functions. Default 128. */
  numPermutations?: number;
  /** Seed of the MinHash functions; same seed and input → same groups. Default 0. */
  seed?: number;
}

/** Longest shingle, in words. */
const MAX_SHINGLE_WORDS = 3;
/** Only the first this many words of a text are shingled (bounds the cost of huge texts). */
const MAX_WORDS = 10_000;
/** Bits kept per MinHash value (b-bit minwise hashing). */
const STORED_BITS = 8;
const STORED_COLLISION = 1 / (1 << STORED_BITS);
const SPACE = 32;
const GOLDEN = 0x9e3779b1;
const SHINGLE_SALTS = [0x1b873593, 0x2c1b3c6d, 0x297a2d39] as const;

function nextPowerOfTwo(value: number): number {
  let power = 1;
  while (power < value) {
    power *= 2;
  }
  return power;
}

function growUint32(array: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  if (array.length >= needed) {
    return array;
  }
  const grown = new Uint32Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

function growInt32(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (array.length >= needed) {
    return array;
  }
  const grown = new Int32Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

function growUint8(array: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  if (array.length >= needed) {
    return array;
  }
  const grown = new Uint8Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Streaming duplicate detector: `add` texts one at a time (only hashes and signatures are kept),
 * then ask for `groups()`. Suitable for a million short texts in one process.
 *
 * Texts are compared on {@link normalizeForHash} (case, punctuation, spacing and Unicode form are
 * ignored). Texts with no words are ignored. Each text is in at most one group.
 *
 * @example
 * const detector = new DuplicateDetector({ threshold: 0.8 });
 * detector.add('1', 'Stopp nedleggelsen av Ålesund sykehus!');
 * detector.add('2', 'stopp nedleggelsen av ålesund sykehus');
 * detector.add('3', 'Noe helt annet om veier og trafikk');
 * detector.groups(); // [{ kind: 'exact', size: 2, representativeId: '1', memberIds: ['1', '2'] }]
 */
export class DuplicateDetector {
  /** The Jaccard threshold in use. */
  readonly threshold: number;
  /** The number of MinHash functions in use. */
  readonly numPermutations: number;
  /** LSH bands × rows chosen for the threshold. */
  readonly bands: number;
  readonly rows: number;

  private readonly hasher: MinHasher;
  private readonly ids: string[] = [];
  /** Per text: index of its distinct wording ("class"), or -1 for texts without words. */
  private textClass = new Int32Array(1024);
  /** Exact-hash → class index. */
  private readonly classByHash = new Map<number, number>();
  /** Per class: first text, number of texts. */
  private classFirstText = new Int32Array(1024);
  private classTextCount = new Int32Array(1024);
  /** Per class: low bits of each MinHash value. */
  private storedSignatures = new Uint8Array(0);
  /** Per class: one hash per LSH band. */
  private bandKeys = new Uint32Array(0);
  private classCount = 0;
  private shingles = new Uint32Array(1024);
  private readonly signature: Uint32Array;

  constructor(options: DuplicateOptions = {}) {
    const threshold = options.threshold ?? 0.8;
    const numPermutations = options.numPermutations ?? 128;
    const seed = options.seed ?? 0;
    if (!(threshold > 0 && threshold <= 1)) {
      throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
    }
    if (!Number.isInteger(numPermutations) || numPermutations < 1 || numPermutations > 4096) {
      throw new RangeError(`numPermutations must be an integer from 1 to 4096, got ${numPermutations}`);
    }
    if (!Number.isInteger(seed)) {
      throw new RangeError(`seed must be an integer, got ${seed}`);
    }
    this.threshold = threshold;
    this.numPermutations = numPermutations;
    const { bands, rows } = chooseBands(threshold, numPermutations);
    this.bands = bands;
    this.rows = rows;
    this.hasher = new MinHasher(numPermutations, seed);
    this.signature = new Uint32Array(numPermutations);
    this.storedSignatures = new Uint8Array(1024 * numPermutations);
    this.bandKeys = new Uint32Array(1024 * bands);
  }

  /** Number of texts added. */
  get size(): number {
    return this.ids.length;
  }

  /** Number of distinct normalised wordings among the added texts (each has one stored signature). */
  get distinctCount(): number {
    return this.classCount;
  }

  /**
   * Adds one text. Ids are reported back as given; they need not be unique, but should be.
   *
   * @example
   * detector.add('response-17', 'Vi vil beholde skulen i bygda!');
   */
  add(id: string, text: string): void {
    const textIndex = this.ids.length;
    this.ids.push(id);
    this.textClass = growInt32(this.textClass, textIndex + 1);
    const key = normalizeForHash(text);
    if (key.length === 0) {
      this.textClass[textIndex] = -1;
      return;
    }
    const exactHash = fnv1a(key) * 0x200000 + (fnv1a(key, 0x7f4a7c15) & 0x1fffff);
    const existing = this.classByHash.get(exactHash);
    if (existing !== undefined) {
      this.textClass[textIndex] = existing;
      this.classTextCount[existing] = (this.classTextCount[existing] ?? 0) + 1;
      return;
    }
    const classIndex = this.classCount++;
    this.classByHash.set(exactHash, classIndex);
    this.textClass[textIndex] = classIndex;
    this.classFirstText = growInt32(this.classFirstText, classIndex + 1);
    this.classTextCount = growInt32(this.classTextCount, classIndex + 1);
    this.classFirstText[classIndex] = textIndex;
    this.classTextCount[classIndex] = 1;
    this.storeSignature(classIndex, key);
  }

  /**
   * Adds an exact copy of an earlier text (the `original`-th added, from 0) without normalising and
   * hashing it again: it joins that text's group.
   *
   * @example
   * detector.add('1', 'Stopp nedleggelsen!');
   * detector.addCopy('2', 0); // same as detector.add('2', 'Stopp nedleggelsen!')
   */
  addCopy(id: string, original: number): void {
    if (!Number.isInteger(original) || original < 0 || original >= this.ids.length) {
      throw new RangeError(`No text number ${original} to copy`);
    }
    const textIndex = this.ids.length;
    this.ids.push(id);
    this.textClass = growInt32(this.textClass, textIndex + 1);
    const classIndex = this.textClass[original] as number;
    this.textClass[textIndex] = classIndex;
    if (classIndex >= 0) {
      this.classTextCount[classIndex] = (this.classTextCount[classIndex] as number) + 1;
    }
  }

  private storeSignature(classIndex: number, key: string): void {
    const shingleCount = this.shingle(key);
    const signature = this.signature;
    this.hasher.signature(this.shingles, shingleCount, signature);
    const permutations = this.numPermutations;
    this.storedSignatures = growUint8(this.storedSignatures, (classIndex + 1) * permutations);
    const stored = this.storedSignatures;
    const offset = classIndex * permutations;
    for (let index = 0; index < permutations; index++) {
      stored[offset + index] = (signature[index] ?? 0) & 0xff;
    }
    const bands = this.bands;
    const rows = this.rows;
    this.bandKeys = growUint32(this.bandKeys, (classIndex + 1) * bands);
    for (let band = 0; band < bands; band++) {
      let hash = Math.imul(band + 1, GOLDEN);
      for (let row = 0; row < rows; row++) {
        hash = Math.imul(hash ^ (signature[band * rows + row] ?? 0), 0x01000193);
      }
      this.bandKeys[classIndex * bands + band] = mix32(hash);
    }
  }

  /** Writes the 1–3-word shingle hashes of a normalised key into `this.shingles`; returns the count. */
  private shingle(key: string): number {
    this.shingles = growUint32(this.shingles, Math.min(key.length + 1, MAX_WORDS) * MAX_SHINGLE_WORDS);
    const shingles = this.shingles;
    let count = 0;
    let words = 0;
    let previous1 = 0;
    let previous2 = 0;
    let hash = 0x811c9dc5;
    let wordLength = 0;
    for (let index = 0; index <= key.length && words < MAX_WORDS; index++) {
      const code = index < key.length ? key.charCodeAt(index) : SPACE;
      if (code !== SPACE) {
        hash = Math.imul(hash ^ code, 0x01000193);
        wordLength++;
        continue;
      }
      if (wordLength === 0) {
        continue;
      }
      const word = mix32(hash);
      shingles[count++] = mix32(word ^ SHINGLE_SALTS[0]);
      if (words >= 1) {
        shingles[count++] = mix32((Math.imul(previous1, GOLDEN) + word) ^ SHINGLE_SALTS[1]);
      }
      if (words >= 2) {
        shingles[count++] = mix32(
          (Math.imul(Math.imul(previous2, GOLDEN) + previous1, GOLDEN) + word) ^ SHINGLE_SALTS[2],
        );
      }
      previous2 = previous1;
      previous1 = word;
      words++;
      hash = 0x811c9dc5;
      wordLength = 0;
    }
    return count;
  }

  /** Whether the stored signatures of two classes estimate a Jaccard similarity ≥ threshold. */
  private isSimilar(classA: number, classB: number): boolean {
    const permutations = this.numPermutations;
    // Stored values collide by chance with probability 2^-bits, so P(equal) = J + (1 - J)·c.
    const neededMatches = Math.ceil(
      permutations * (this.threshold + (1 - this.threshold) * STORED_COLLISION) - 1e-9,
    );
    const allowedMismatches = permutations - neededMatches;
    const stored = this.storedSignatures;
    const offsetA = classA * permutations;
    const offsetB = classB * permutations;
    let mismatches = 0;
    for (let index = 0; index < permutations; index++) {
      if (stored[offsetA + index] !== stored[offsetB + index]) {
        mismatches++;
        if (mismatches > allowedMismatches) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The duplicate groups among the texts added so far, largest first (ties: earliest first
   * member). Can be called repeatedly; adding more texts afterwards is allowed.
   *
   * @example
   * for (const group of detector.groups()) console.log(group.kind, group.size, group.representativeId);
   */
  groups(): DuplicateGroup[] {
    const classCount = this.classCount;
    const sets = new UnionFind(classCount);
    const tableSize = nextPowerOfTwo(Math.max(2, classCount * 2));
    const mask = tableSize - 1;
    const tableKeys = new Uint32Array(tableSize);
    const tableFirst = new Int32Array(tableSize);
    const tableLast = new Int32Array(tableSize);
    const bands = this.bands;
    const bandKeys = this.bandKeys;
    for (let band = 0; band < bands; band++) {
      tableFirst.fill(-1);
      for (let classIndex = 0; classIndex < classCount; classIndex++) {
        const key = bandKeys[classIndex * bands + band] ?? 0;
        let slot = key & mask;
        let first = tableFirst[slot] ?? -1;
        while (first !== -1 && tableKeys[slot] !== key) {
          slot = (slot + 1) & mask;
          first = tableFirst[slot] ?? -1;
        }
        if (first === -1) {
          tableKeys[slot] = key;
          tableFirst[slot] = classIndex;
          tableLast[slot] = classIndex;
          continue;
        }
        const last = tableLast[slot] ?? first;
        tableLast[slot] = classIndex;
        if (sets.find(first) !== sets.find(classIndex) && this.isSimilar(first, classIndex)) {
          sets.union(first, classIndex);
        }
        if (last !== first && sets.find(last) !== sets.find(classIndex) && this.isSimilar(last, classIndex)) {
          sets.union(last, classIndex);
        }
      }
    }
    return this.collectGroups(sets);
  }

  private collectGroups(sets: UnionFind): DuplicateGroup[] {
    const textCount = this.ids.length;
    const classCount = this.classCount;
    // Texts and distinct wordings per component root.
    const textsPerRoot = new Int32Array(classCount);
    const classesPerRoot = new Int32Array(classCount);
    const representativeClass = new Int32Array(classCount).fill(-1);
    for (let classIndex = 0; classIndex < classCount; classIndex++) {
      const root = sets.find(classIndex);
      textsPerRoot[root] = (textsPerRoot[root] ?? 0) + (this.classTextCount[classIndex] ?? 0);
      classesPerRoot[root] = (classesPerRoot[root] ?? 0) + 1;
      const current = representativeClass[root] ?? -1;
      // Classes are visited in order of first appearance, so ">" keeps the earliest on ties.
      if (current === -1 || (this.classTextCount[classIndex] ?? 0) > (this.classTextCount[current] ?? 0)) {
        representativeClass[root] = classIndex;
      }
    }
    const groupByRoot = new Map<number, DuplicateGroup>();
    const groups: DuplicateGroup[] = [];
    for (let textIndex = 0; textIndex < textCount; textIndex++) {
      const classIndex = this.textClass[textIndex] ?? -1;
      if (classIndex === -1) {
        continue;
      }
      const root = sets.find(classIndex);
      const size = textsPerRoot[root] ?? 0;
      if (size < 2) {
        continue;
      }
      let group = groupByRoot.get(root);
      if (!group) {
        const representative = representativeClass[root] ?? classIndex;
        group = {
          kind: (classesPerRoot[root] ?? 1) > 1 ? 'near' : 'exact',
          size,
          representativeId: this.ids[this.classFirstText[representative] ?? textIndex] ?? '',
          memberIds: [],
        };
        groupByRoot.set(root, group);
        groups.push(group);
      }
      group.memberIds.push(this.ids[textIndex] ?? '');
    }
    // Stable sort: equal sizes keep the order of their first member.
    return groups.sort((a, b) => b.size - a.size);
  }
}

/**
 * Finds exact and near-duplicate groups in a collection of texts (see {@link DuplicateDetector}).
 * Only groups of two or more texts are returned, largest first.
 *
 * @example
 * findDuplicateGroups([
 *   { id: 'a', text: 'Save our local library from closure now' },
 *   { id: 'b', text: 'Save our local library from closure now please' },
 *   { id: 'c', text: 'Fix the potholes on the high street' },
 * ], { threshold: 0.6 });
 * // [{ kind: 'near', size: 2, representativeId: 'a', memberIds: ['a', 'b'] }]
 */
export function findDuplicateGroups(
  texts: Iterable<{ id: string; text: string }>,
  options?: DuplicateOptions,
): DuplicateGroup[] {
  const detector = new DuplicateDetector(options);
  for (const { id, text } of texts) {
    detector.add(id, text);
  }
  return detector.groups();
}
