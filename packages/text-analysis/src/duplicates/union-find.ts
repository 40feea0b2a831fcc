/**
 * Disjoint-set forest (union by size, path halving) over the integers `0 … size-1`, in typed arrays.
 *
 * @module duplicates/union-find
 */

/**
 * Union-find over `0 … size-1`. Grows on demand with {@link UnionFind.ensureSize}.
 *
 * @example
 * const sets = new UnionFind(4);
 * sets.union(0, 2);
 * sets.find(2) === sets.find(0); // true
 * sets.find(1) === sets.find(0); // false
 */
export class UnionFind {
  private parent: Int32Array;
  private sizes: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.sizes = new Int32Array(size).fill(1);
    for (let index = 0; index < size; index++) {
      this.parent[index] = index;
    }
  }

  /** Number of elements. */
  get size(): number {
    return this.parent.length;
  }

  /** The representative of `element`'s set. */
  find(element: number): number {
    const parent = this.parent;
    let current = element;
    let next = parent[current] ?? current;
    while (next !== current) {
      const grandparent = parent[next] ?? next;
      parent[current] = grandparent;
      current = grandparent;
      next = parent[current] ?? current;
    }
    return current;
  }

  /** Merges the sets of `a` and `b`; returns whether they were separate. */
  union(a: number, b: number): boolean {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) {
      return false;
    }
    if ((this.sizes[rootA] ?? 1) < (this.sizes[rootB] ?? 1)) {
      const swap = rootA;
      rootA = rootB;
      rootB = swap;
    }
    this.parent[rootB] = rootA;
    this.sizes[rootA] = (this.sizes[rootA] ?? 1) + (this.sizes[rootB] ?? 1);
    return true;
  }

  /** Size of `element`'s set. */
  setSize(element: number): number {
    return this.sizes[this.find(element)] ?? 1;
  }
}
