/**
 * A second thread for the dense arithmetic of theme discovery (k-means, LSA), used synchronously.
 *
 * A parallel step is a {@link Kernel} over a fixed number of chunks. The caller's thread and the
 * worker both claim chunks from a shared counter (`Atomics.add`) until none is left, then the caller
 * waits (`Atomics.wait`) for the chunks the worker took. Every chunk writes its own part of the
 * output and every output value is computed by the same operations in the same order whichever
 * thread runs it, so the result does not depend on whether the worker helped: a worker still
 * starting, busy or gone only means the caller runs more chunks itself. The data lives in
 * `SharedArrayBuffer`s ({@link sharedFloat64} etc.), so nothing large is copied.
 * @module
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { KERNELS, type KernelArgs, type KernelName } from './kernels.ts';

/**
 * Texts with terms from which theme discovery starts the worker. Below it the gain measured on
 * petition titles (1,000–2,000 texts) was within the noise, and starting the worker costs ~0.4 s CPU.
 */
export const MIN_POOL_TEXTS = 5000;

/** Fewest multiply-adds a step needs before it is shared with the worker (below: serial). */
export const MIN_PARALLEL_WORK = 2_000_000;

/** Slots of a step's control block. */
export const NEXT_CHUNK = 0;
export const DONE_CHUNKS = 1;
export const FAILED = 2;
/** Chunks of the step the worker ran. */
export const WORKER_CHUNKS = 3;

/** A step the worker gave no sign of life on for this long is reported as an error. */
const STALL_MS = 60_000;

/** A step posted to the worker. */
export interface StepMessage {
  readonly name: KernelName;
  readonly args: unknown;
  readonly chunkCount: number;
  /** Int32 slots {@link NEXT_CHUNK}, {@link DONE_CHUNKS}, {@link FAILED}, {@link WORKER_CHUNKS}. */
  readonly control: Int32Array;
}

/** The discovery worker (one extra thread). */
export interface WorkerPool {
  readonly worker: Worker;
  /** Where the worker reports a failed chunk (read synchronously). */
  readonly errors: MessagePort;
  /** Settles when the worker can take chunks (rejects when it failed to start). */
  readonly ready: Promise<void>;
  /** Set when the worker failed outside a step (e.g. could not start): steps then run serially. */
  failure?: Error;
  /** Chunks the worker has run so far (all steps). */
  workerChunks: number;
  /** Set once the worker has loaded and can take chunks. */
  isReady: boolean;
  close(): Promise<void>;
}

/**
 * Starts a worker thread that runs a TypeScript module through tsx, or returns undefined when tsx
 * cannot be resolved here (e.g. a bundled build). The worker is unref'd: it never keeps the
 * process alive.
 *
 * @example
 * const worker = startTypeScriptWorker(new URL('./worker.ts', import.meta.url));
 */
export function startTypeScriptWorker(target: URL): Worker | undefined {
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  const worker = new Worker(
    `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target.href)}); })`,
    { eval: true },
  );
  worker.unref();
  return worker;
}

/**
 * Starts the discovery worker, or returns undefined when workers cannot load TypeScript here
 * (callers then pass no pool and everything runs on the calling thread, with the same result).
 *
 * @example
 * const pool = startWorkerPool();
 * try { discoverThemes(model, { pool }); } finally { await pool?.close(); }
 */
export function startWorkerPool(): WorkerPool | undefined {
  const worker = startTypeScriptWorker(new URL('./worker.ts', import.meta.url));
  if (!worker) {
    return undefined;
  }
  const { port1, port2 } = new MessageChannel();
  port1.unref();
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  // A failed start is reported through `failure` (steps then run serially), not as a rejection.
  ready.catch(() => undefined);
  const pool: WorkerPool = {
    worker,
    errors: port1,
    ready,
    workerChunks: 0,
    isReady: false,
    close: async () => {
      port1.close();
      await worker.terminate();
    },
  };
  ready.then(
    () => {
      pool.isReady = true;
    },
    () => undefined,
  );
  worker.on('error', (error) => {
    pool.failure = error;
  });
  worker.postMessage({ kind: 'errors', port: port2 }, [port2]);
  return pool;
}

/**
 * Runs `work` with a discovery worker when there are at least {@link MIN_POOL_TEXTS} texts and one
 * can start (else with none: same result), and terminates the worker afterwards. `prepare` (e.g.
 * reading more features) runs while the worker loads; `work` starts once the worker is ready.
 * Waiting matters: discovery is synchronous, and a worker still loading when it starts may join
 * late or not at all (on 10,000 long reviews it never did: the main thread did every chunk).
 *
 * @example
 * const result = await withWorkerPool(rows, (pool) => discoverThemes(model, { ...(pool ? { pool } : {}) }));
 */
export async function withWorkerPool<T, P = undefined>(
  texts: number,
  work: (pool: WorkerPool | undefined, prepared: P) => Promise<T> | T,
  prepare?: () => Promise<P>,
): Promise<T> {
  const pool = texts >= MIN_POOL_TEXTS ? startWorkerPool() : undefined;
  try {
    const prepared = (await prepare?.()) as P;
    await pool?.ready.catch(() => undefined);
    return await work(pool, prepared);
  } finally {
    await pool?.close();
  }
}

/**
 * The pool when a step of `work` multiply-adds is worth sharing, else undefined (serial).
 *
 * @example
 * runChunks(poolFor(pool, n * k * dims), 'assignRows', args, chunks);
 */
export function poolFor(pool: WorkerPool | undefined, work: number): WorkerPool | undefined {
  return pool && !pool.failure && work >= MIN_PARALLEL_WORK ? pool : undefined;
}

/** Whether every typed array in `args` (and in the objects it holds) is in a SharedArrayBuffer. */
function isShared(args: object): boolean {
  return Object.values(args).every((value: unknown) =>
    ArrayBuffer.isView(value)
      ? value.buffer instanceof SharedArrayBuffer
      : typeof value !== 'object' || value === null || Array.isArray(value) || isShared(value),
  );
}

/**
 * Runs chunks 0 … chunkCount − 1 of a kernel, with the worker's help when a pool is given and every
 * array in `args` is shared. Throws when a chunk failed in the worker.
 *
 * @example
 * runChunks(pool, 'multiplyRows', { matrix, w, l, y, chunkRows: 256 }, Math.ceil(n / 256));
 */
export function runChunks<K extends KernelName>(
  pool: WorkerPool | undefined,
  name: K,
  args: KernelArgs<K>,
  chunkCount: number,
): void {
  const kernel = KERNELS[name] as (args: KernelArgs<K>, chunk: number) => void;
  if (!pool || pool.failure || chunkCount < 2 || !isShared(args)) {
    for (let chunk = 0; chunk < chunkCount; chunk++) {
      kernel(args, chunk);
    }
    return;
  }
  const control = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  const message: StepMessage = { name, args, chunkCount, control };
  pool.worker.postMessage(message);
  for (let chunk = Atomics.add(control, NEXT_CHUNK, 1); chunk < chunkCount;) {
    kernel(args, chunk);
    Atomics.add(control, DONE_CHUNKS, 1);
    chunk = Atomics.add(control, NEXT_CHUNK, 1);
  }
  waitForChunks(pool, control, chunkCount);
  pool.workerChunks += Atomics.load(control, WORKER_CHUNKS);
}

/**
 * Blocks until every chunk of a step is done; throws when the worker reported a failed chunk or
 * made no progress for a minute.
 *
 * @example
 * waitForChunks(pool, control, chunkCount);
 */
export function waitForChunks(pool: WorkerPool, control: Int32Array, chunkCount: number): void {
  let seen = Atomics.load(control, DONE_CHUNKS);
  let since = Date.now();
  while (seen < chunkCount) {
    if (Atomics.load(control, FAILED) !== 0) {
      const report = receiveMessageOnPort(pool.errors)?.message as { message?: string } | undefined;
      throw new Error(`discovery worker failed: ${report?.message ?? 'unknown error'}`);
    }
    Atomics.wait(control, DONE_CHUNKS, seen, 1000);
    const done = Atomics.load(control, DONE_CHUNKS);
    if (done !== seen) {
      seen = done;
      since = Date.now();
    } else if (Date.now() - since > STALL_MS) {
      throw new Error(`discovery worker stopped answering (${chunkCount - done} chunk(s) unfinished)`);
    }
  }
}

/**
 * A zero-filled Float64Array, in a SharedArrayBuffer when `isShared` (to hand to {@link runChunks}).
 *
 * @example
 * const y = sharedFloat64(n * l, pool !== undefined);
 */
export function sharedFloat64(length: number, isShared: boolean): Float64Array {
  return isShared
    ? new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT))
    : new Float64Array(length);
}

/**
 * A zero-filled Float32Array, in a SharedArrayBuffer when `isShared`.
 *
 * @example
 * const embedding = sharedFloat32(n * k, pool !== undefined);
 */
export function sharedFloat32(length: number, isShared: boolean): Float32Array {
  return isShared
    ? new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT))
    : new Float32Array(length);
}

/**
 * A zero-filled Int32Array, in a SharedArrayBuffer when `isShared`.
 *
 * @example
 * const counts = sharedInt32(k, pool !== undefined);
 */
export function sharedInt32(length: number, isShared: boolean): Int32Array {
  return isShared
    ? new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT))
    : new Int32Array(length);
}

/**
 * A copy of an Int32Array / Float32Array in a SharedArrayBuffer (or the array itself when it is
 * shared already or `isShared` is false).
 *
 * @example
 * const points = shareArray(embedding, pool !== undefined);
 */
export function shareArray<T extends Int32Array | Float32Array | Float64Array>(
  array: T,
  isShared: boolean,
): T {
  if (!isShared || array.buffer instanceof SharedArrayBuffer) {
    return array;
  }
  const Constructor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Constructor(new SharedArrayBuffer(array.byteLength));
  copy.set(array as never);
  return copy;
}
