/** The kernels a {@link runChunks} step can name (the same functions run on either thread). */
import {
  assignRowsChunk,
  clusterSumsChunk,
  nearestDistanceChunk,
  silhouetteChunk,
} from '../themes/kmeans-kernels.ts';
import {
  crossProductChunk,
  embedRowsChunk,
  gramChunk,
  multiplyRowsChunk,
  multiplyTransposedChunk,
  substituteRowsChunk,
} from '../vectorize/lsa-kernels.ts';

/** Kernel name → function(args, chunk). */
export const KERNELS = {
  assignRows: assignRowsChunk,
  clusterSums: clusterSumsChunk,
  nearestDistance: nearestDistanceChunk,
  silhouette: silhouetteChunk,
  multiplyRows: multiplyRowsChunk,
  multiplyTransposed: multiplyTransposedChunk,
  gram: gramChunk,
  substituteRows: substituteRowsChunk,
  crossProduct: crossProductChunk,
  embedRows: embedRowsChunk,
} as const;

/** A kernel's name. */
export type KernelName = keyof typeof KERNELS;

/** The data a kernel works on. */
export type KernelArgs<K extends KernelName> = Parameters<(typeof KERNELS)[K]>[0];
