import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../vectorize/random.ts';
import type { CsrMatrix } from '../vectorize/index.ts';
import { reduceDimensions } from '../vectorize/lsa.ts';
import { bestOfRestarts, sampledSilhouette, sphericalKMeans } from '../themes/kmeans.ts';
import {
  FAILED,
  MIN_POOL_TEXTS,
  startWorkerPool,
  waitForChunks,
  withWorkerPool,
  type StepMessage,
  type WorkerPool,
} from './pool.ts';

/** n unit rows around `clusters` random directions (enough work to be shared with the worker). */
function clusteredPoints(n: number, dims: number, clusters: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const centres = Float32Array.from({ length: clusters * dims }, () => random.nextGaussian());
  const points = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    const centre = random.nextInt(clusters);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const value = (centres[centre * dims + d] as number) + 0.8 * random.nextGaussian();
      points[i * dims + d] = value;
      norm += value * value;
    }
    for (let d = 0; d < dims; d++) {
      points[i * dims + d] = (points[i * dims + d] as number) / Math.sqrt(norm);
    }
  }
  return points;
}

function randomSparse(rows: number, columns: number, perRow: number, seed: number): CsrMatrix {
  const random = createRandom(seed);
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let row = 0; row < rows; row++) {
    const picked = new Set<number>();
    while (picked.size < perRow) {
      picked.add(random.nextInt(columns));
    }
    for (const column of [...picked].sort((a, b) => a - b)) {
      indices.push(column);
      values.push(random.next());
    }
    indptr[row + 1] = indices.length;
  }
  return {
    rowCount: rows,
    columnCount: columns,
    indptr,
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
  };
}

describe('discovery worker pool', () => {
  let pool: WorkerPool | undefined;
  beforeAll(async () => {
    pool = startWorkerPool();
    await pool?.ready;
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('starts a worker here (tsx resolves)', () => {
    expect(pool).toBeDefined();
  });

  it('sphericalKMeans gives bit-identical results with and without the worker', () => {
    const [n, dims, k] = [3000, 48, 20];
    const points = clusteredPoints(n, dims, 12, 7);
    const serial = sphericalKMeans(points, n, dims, k, createRandom(3));
    const before = pool?.workerChunks ?? 0;
    const shared = sphericalKMeans(points, n, dims, k, createRandom(3), 40, undefined, pool);
    expect(pool?.workerChunks ?? 0).toBeGreaterThan(before);
    expect(Array.from(shared.assignments)).toEqual(Array.from(serial.assignments));
    expect(Array.from(shared.centroids)).toEqual(Array.from(serial.centroids));
    expect(Array.from(shared.similarities)).toEqual(Array.from(serial.similarities));
    expect(shared.objective).toBe(serial.objective);
  });

  it('bestOfRestarts and sampledSilhouette give the same results with and without the worker', () => {
    const [n, dims, k] = [10_000, 40, 15];
    const points = clusteredPoints(n, dims, 10, 11);
    const serial = bestOfRestarts(points, n, dims, k, 3, createRandom(5));
    const shared = bestOfRestarts(points, n, dims, k, 3, createRandom(5), { pool });
    expect(Array.from(shared.assignments)).toEqual(Array.from(serial.assignments));
    expect(shared.objective).toBe(serial.objective);
    expect(sampledSilhouette(points, n, dims, shared, 1000, pool)).toBe(
      sampledSilhouette(points, n, dims, serial, 1000),
    );
  });

  it('reduceDimensions gives the same embedding with and without the worker', () => {
    const matrix = randomSparse(4000, 800, 20, 13);
    const serial = reduceDimensions(matrix, { dimensions: 40, seed: 2, isComputingComponents: false });
    const before = pool?.workerChunks ?? 0;
    const shared = reduceDimensions(matrix, {
      dimensions: 40,
      seed: 2,
      isComputingComponents: false,
      ...(pool ? { pool } : {}),
    });
    expect(pool?.workerChunks ?? 0).toBeGreaterThan(before);
    expect(Array.from(shared.embedding)).toEqual(Array.from(serial.embedding));
    expect(Array.from(shared.singularValues)).toEqual(Array.from(serial.singularValues));
  });

  it('reports a chunk that failed in the worker as an error', async () => {
    if (!pool) {
      throw new Error('no worker');
    }
    const control = new Int32Array(new SharedArrayBuffer(16));
    const step = { name: 'noSuchKernel', args: {}, chunkCount: 2, control } as unknown as StepMessage;
    pool.worker.postMessage(step);
    for (let wait = 0; wait < 100 && Atomics.load(control, FAILED) === 0; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(() => waitForChunks(pool as WorkerPool, control, 2)).toThrow(
      /discovery worker failed: .*not a function/,
    );
  });
});

describe(withWorkerPool.name, () => {
  it('hands the work a worker that has loaded (discovery is synchronous: a loading one may never join)', async () => {
    const order: string[] = [];
    const seen = await withWorkerPool(
      MIN_POOL_TEXTS,
      (pool, prepared) => {
        order.push('work');
        return { isReady: pool?.isReady, prepared };
      },
      async () => {
        order.push('prepare');
        return 'features';
      },
    );
    expect(seen).toEqual({ isReady: true, prepared: 'features' });
    expect(order).toEqual(['prepare', 'work']);
  });

  it('a synchronous step right after it starts is shared with the worker from its first chunks', async () => {
    const matrix = randomSparse(4000, 800, 20, 17);
    const shares = await withWorkerPool(MIN_POOL_TEXTS, (pool) => {
      const before = pool?.workerChunks ?? 0;
      reduceDimensions(matrix, {
        dimensions: 40,
        seed: 3,
        isComputingComponents: false,
        ...(pool ? { pool } : {}),
      });
      return (pool?.workerChunks ?? 0) - before;
    });
    expect(shares).toBeGreaterThan(0);
  });

  it('starts no worker below the threshold', async () => {
    expect(await withWorkerPool(MIN_POOL_TEXTS - 1, (pool) => pool)).toBeUndefined();
  });
});
