/**
 * @module @innspill/text-analysis
 * Pure Norwegian/English text analysis: language, text pipeline, near-duplicates, themes, suggestions.
 * No database, no HTTP, no other workspace. Readers take text chunks; the caller does file I/O.
 *
 * - normalize, tokenize: Unicode normalisation, tokens, stop words, Snowball stems, `toTerms`
 * - language: `detectLanguage` (nb / nn / en / und)
 * - duplicates: exact and MinHash/LSH near-duplicate groups (`findDuplicateGroups`, `DuplicateDetector`)
 * - vectorize: uni+bigram TF-IDF in CSR typed arrays (`TfidfBuilder`), LSA (`reduceDimensions`)
 * - themes: `discoverThemes` (LSA + spherical k-means + self-training, c-TF-IDF labels, groups)
 * - suggest: `suggestThemes` / `trainSuggester` (calibrated one-vs-rest linear SVMs, active learning)
 * - evaluate: NMI, ARI, accuracy, macro/micro-F1, Jaccard, `stratifiedSplit`
 * - pipeline: `analyze`, `evaluate`, `readJsonl`, `readCsv`
 * - parallel: `startWorkerPool` / `withWorkerPool` (a second thread for discovery's LSA and k-means)
 *
 * @example
 * import { analyze, arraySource } from '@innspill/text-analysis';
 * const analysis = await analyze(arraySource([{ id: '1', text: 'Behold skolen i bygda' }]), { seed: 1 });
 */
export * from './normalize/index.ts';
export * from './tokenize/index.ts';
export * from './language/index.ts';
export * from './duplicates/index.ts';
export * from './vectorize/index.ts';
export * from './themes/index.ts';
export * from './suggest/index.ts';
export * from './evaluate/index.ts';
export * from './pipeline/index.ts';
export { MIN_POOL_TEXTS, startWorkerPool, withWorkerPool, type WorkerPool } from './parallel/pool.ts';
