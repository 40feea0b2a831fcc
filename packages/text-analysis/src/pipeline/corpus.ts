/**
 * The streaming pass over the records: ids, languages, labels and the TF-IDF model (terms built on
 * a worker thread when asked), exact repeats tokenised once, duplicates grouped alongside; and the
 * second pass that builds the suggestion features of the same rows.
 * @module
 */
import type { DuplicateGroup } from '../duplicates/index.ts';
import type { Language } from '../tokenize/index.ts';
import { TfidfBuilder, type CsrMatrix, type TfidfModel, type VectorizerOptions } from '../vectorize/index.ts';
import { SuggestionFeatureBuilder, type SuggestionFeatureOptions } from '../suggest/index.ts';
import { Int32Buffer } from '../vectorize/growable.ts';
import { PairTable } from '../vectorize/pair-table.ts';
import { startStageWorker } from './parallel.ts';
import { AnalysisError, type Progress, type RecordSource } from './source.ts';
import { TextStage, type WorkerRequest, type WorkerResponse } from './terms-batch.ts';

/** How the records are read: the options `analyze` and `evaluate` share. */
export interface ReadOptions {
  readonly seed?: number;
  /** Jaccard threshold for near-duplicates (default 0.8). */
  readonly threshold?: number;
  readonly vectorizer?: VectorizerOptions;
  readonly onProgress?: (progress: Progress) => void;
  /** Detect languages and build terms on a worker thread (pays off from some 20,000 texts). */
  readonly isParallel?: boolean;
  /** Drop stop words from the terms ('remove', default) or keep them ('keep'). */
  readonly stopWords?: 'remove' | 'keep';
}

/** Options of {@link readCorpus}. */
export interface CorpusOptions extends ReadOptions {
  /** Group near-duplicates while reading (`analyze`), or not (`evaluate`). */
  readonly isDetectingDuplicates: boolean;
}

/** What the streaming pass keeps: ids, languages, labels, the TF-IDF model. */
export interface Corpus {
  readonly ids: string[];
  readonly languages: Uint8Array;
  readonly labels: (readonly string[] | undefined)[];
  /** Row → the 1-based line its record starts on. */
  readonly lines: Int32Array;
  readonly model: TfidfModel;
  readonly duplicateGroups: DuplicateGroup[];
}

export const LANGUAGE_CODES: readonly Language[] = ['nb', 'nn', 'en', 'und'];

/**
 * A 53-bit FNV-1a style hash of a string in two lanes: `out[0]` 32 bits, `out[1]` 21 bits shifted
 * left by 3, leaving room for a 3-bit tag (the given language).
 */
function textHash(text: string, out: Int32Array): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  out[0] = h1;
  out[1] = (h2 & 0x1fffff) << 3;
}

/** Decodes one document of a worker answer into terms and surfaces (when it has them). */
function decodeDocument(encoded: string): { terms: string[]; surfaces: string[] | undefined } {
  if (encoded.length > 0 && !encoded.includes('\u0003')) {
    return { terms: encoded.split('\u0001'), surfaces: undefined };
  }
  const terms: string[] = [];
  const surfaces: string[] = [];
  if (encoded.length > 0) {
    for (const pair of encoded.split('\u0001')) {
      const cut = pair.indexOf('\u0003');
      terms.push(pair.slice(0, cut));
      surfaces.push(pair.slice(cut + 1));
    }
  }
  return { terms, surfaces };
}

const BATCH_SIZE = 2000;
/** Batches sent ahead of the answers: the main thread keeps reading while the worker starts up. */
const MAX_BATCHES_IN_FLIGHT = 16;

export async function readCorpus(source: RecordSource, options: CorpusOptions): Promise<Corpus> {
  const ids: string[] = [];
  const languageList: number[] = [];
  const labels: (readonly string[] | undefined)[] = [];
  const lines = new Int32Buffer(1 << 12);
  const seenIds = new Set<string>();
  let recordCount = 0;
  const builder = new TfidfBuilder(options.vectorizer);
  const duplicateOptions = options.isDetectingDuplicates
    ? { threshold: options.threshold ?? 0.8, seed: options.seed ?? 0 }
    : undefined;
  const isKeepingStopWords = options.stopWords === 'keep';
  const worker = options.isParallel ? startStageWorker(duplicateOptions, isKeepingStopWords) : undefined;
  const localStage = worker ? undefined : new TextStage(duplicateOptions, isKeepingStopWords);
  // Text hash (+ given language) → its first row: exact repeats are not tokenised again.
  const rowOfText = new PairTable(1 << 14);
  const key = new Int32Array(2);
  // In record order: -1 = next new text (answered by the text stage), r ≥ 0 = copy of row r.
  const entries = new Int32Buffer(1 << 12);
  let drained = 0;
  let texts: string[] = [];
  let batchIds: string[] = [];
  let givenLanguages: (Language | '')[] = [];
  let newTextsSent = 0;
  let batchNewTexts = 0;
  let batchId = 0;
  const inFlight: Promise<WorkerResponse>[] = [];
  const ready: { languages: readonly Language[]; documents: string[]; next: number }[] = [];

  const drain = (): void => {
    while (drained < entries.length) {
      const entry = entries.get(drained);
      if (entry >= 0) {
        builder.addCopyOf(entry);
        languageList.push(languageList[entry] as number);
      } else {
        const batch = ready[0];
        if (!batch) {
          return;
        }
        const index = batch.next++;
        const { terms, surfaces } = decodeDocument(batch.documents[index] as string);
        builder.addTerms(terms, surfaces);
        languageList.push(LANGUAGE_CODES.indexOf(batch.languages[index] as Language));
        if (batch.next === batch.documents.length) {
          ready.shift();
        }
      }
      drained++;
    }
  };
  const accept = (response: WorkerResponse): void => {
    if (response.languages.length > 0) {
      ready.push({ languages: response.languages, documents: response.terms.split('\u0002'), next: 0 });
    }
    drain();
  };
  const flush = async (): Promise<void> => {
    if (texts.length === 0) {
      return;
    }
    const request: WorkerRequest = {
      kind: 'batch',
      id: batchId++,
      texts,
      languages: givenLanguages,
      // This batch's entries: −1 for a new text, the row it repeats otherwise.
      copyOf: entries.view().slice(entries.length - texts.length),
      isWithSurfaces: newTextsSent < builder.surfaceSampleSize,
      ...(duplicateOptions ? { recordIds: batchIds } : {}),
    };
    newTextsSent += batchNewTexts;
    batchNewTexts = 0;
    texts = [];
    batchIds = [];
    givenLanguages = [];
    if (worker) {
      inFlight.push(worker.send(request));
      if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) {
        accept(await (inFlight.shift() as Promise<WorkerResponse>));
      }
    } else {
      accept((localStage as TextStage).process(request));
    }
  };

  let duplicateGroups: DuplicateGroup[];
  let model: TfidfModel;
  try {
    for await (const record of source.open()) {
      if (seenIds.has(record.id)) {
        throw new AnalysisError(
          `${source.name}:${record.line}: duplicate id "${record.id}" (ids must be unique)`,
        );
      }
      seenIds.add(record.id);
      ids.push(record.id);
      lines.push(record.line);
      labels.push(record.labels && record.labels.length > 0 ? record.labels : undefined);
      textHash(record.text, key);
      const tag = record.language ? LANGUAGE_CODES.indexOf(record.language) + 1 : 0;
      const earlier = rowOfText.get(key[0] as number, (key[1] as number) | tag);
      if (earlier >= 0) {
        entries.push(earlier);
        texts.push(''); // the text stage needs only the record it repeats
      } else {
        rowOfText.set(key[0] as number, (key[1] as number) | tag, recordCount);
        entries.push(-1);
        texts.push(record.text);
        batchNewTexts++;
      }
      batchIds.push(record.id);
      givenLanguages.push(record.language ?? '');
      if (texts.length >= BATCH_SIZE) {
        await flush();
      }
      recordCount++;
      if (recordCount % 5000 === 0) {
        options.onProgress?.({ stage: 'reading', done: recordCount });
      }
    }
    await flush();
    while (inFlight.length > 0) {
      accept(await (inFlight.shift() as Promise<WorkerResponse>));
    }
    drain();
    options.onProgress?.({ stage: 'vectorizing', done: recordCount });
    // The worker groups the duplicates while this thread builds the TF-IDF model.
    const pendingGroups = worker?.finish();
    pendingGroups?.catch(() => undefined); // awaited below; not unhandled while build() runs
    model = builder.build();
    duplicateGroups = pendingGroups ? await pendingGroups : (localStage as TextStage).groups();
  } finally {
    await worker?.close();
  }
  return {
    ids,
    languages: Uint8Array.from(languageList),
    labels,
    lines: Int32Array.from(lines.view()),
    model,
    duplicateGroups,
  };
}

/**
 * Suggestion features (chosen on Storting written questions and NHS phase 2): stemmed words with
 * stop words kept, plus character 2–5-grams within words weighted 1.5 — LinearSVC-style classifiers
 * on short, misspelt answers gain most from sub-word features. Above {@link CHAR_NGRAM_LIMIT}
 * texts the character block is left out (memory).
 */
export const SUGGESTION_FEATURES: SuggestionFeatureOptions = {
  isKeepingStopWords: true,
  isStemming: true,
  ngramMax: 1,
  charNgrams: [2, 5],
  charWeight: 1.5,
};
/**
 * Inverse regularisation of the suggestion SVMs: 2 (vs LinearSVC's 1) had the best mean of accuracy
 * and macro-F1 at 10% / 20% over Storting written questions and NHS phase 2 (among 0.5, 1, 2).
 */
export const SUGGESTION_C = 2;
/** Largest corpus whose suggestion features include character n-grams. */
export const CHAR_NGRAM_LIMIT = 200_000;

/** A second pass over the source: the suggestion features of every row (same rows, same order). */
export async function readSuggestionFeatures(
  source: RecordSource,
  languages: Uint8Array,
  rowCount: number,
  featureOptions?: SuggestionFeatureOptions,
): Promise<CsrMatrix> {
  const { charNgrams, ...wordsOnly } = SUGGESTION_FEATURES;
  const builder = new SuggestionFeatureBuilder(
    featureOptions ?? (rowCount <= CHAR_NGRAM_LIMIT && charNgrams ? SUGGESTION_FEATURES : wordsOnly),
  );
  let row = 0;
  for await (const record of source.open()) {
    if (row >= rowCount) {
      break;
    }
    builder.add(record.text, LANGUAGE_CODES[languages[row] as number] ?? 'und');
    row++;
  }
  const matrix = builder.build();
  if (matrix.rowCount !== rowCount) {
    throw new AnalysisError(`${source.name}: the input changed while it was being read`);
  }
  return matrix;
}
