/**
 * The whole analysis: language detection, exact/near duplicates, TF-IDF, theme discovery with
 * coarse groups and (when some texts carry labels) theme suggestions with active learning — in
 * one streaming pass over the records, plus a short second pass to fetch representative texts.
 * Also the evaluation mode that compares discovery and suggestions with the input's labels.
 * @module
 */
import type { DuplicateGroup } from '../duplicates/index.ts';
import type { Language } from '../tokenize/index.ts';
import { TfidfBuilder, type TfidfModel, type VectorizerOptions } from '../vectorize/index.ts';
import {
  DISCOVERY_WORD_FEATURES,
  discoverThemes,
  usesWordFeatures,
  type ThemeResult,
  type ThemeTerm,
} from '../themes/index.ts';
import {
  SuggestionFeatureBuilder,
  suggestThemes,
  trainSuggester,
  type SuggestionFeatureOptions,
} from '../suggest/index.ts';
import type { CsrMatrix } from '../vectorize/index.ts';
import {
  accuracy,
  adjustedRandIndex,
  jaccard,
  macroF1,
  macroF1Sets,
  microF1,
  normalizedMutualInfo,
  stratifiedSplit,
} from '../evaluate/index.ts';
import type { InputRecord } from './readers.ts';
import { Int32Buffer } from '../vectorize/growable.ts';
import { PairTable } from '../vectorize/pair-table.ts';
import { startStageWorker } from './parallel.ts';
import { TextStage, type WorkerRequest, type WorkerResponse } from './terms-batch.ts';

export {
  readCsv,
  readJsonl,
  readJsonlLines,
  parseJsonlLine,
  readRecords,
  InputError,
  type InputRecord,
  type InputErrorCode,
  type ReaderOptions,
} from './readers.ts';

/** Something that can be read (more than once) as records. */
export interface RecordSource {
  /** Name used in messages (e.g. the file path). */
  readonly name: string;
  open(): AsyncIterable<InputRecord>;
  /**
   * Optional fast path: only the records that start on the given 1-based lines (JSON Lines files),
   * used to fetch the quoted texts again without parsing the whole input.
   */
  openLines?(lines: ReadonlySet<number>): AsyncIterable<InputRecord>;
}

/**
 * A record source over an in-memory array.
 *
 * @example
 * const source = arraySource([{ id: '1', text: 'Skolen må bestå' }]);
 */
export function arraySource(records: readonly Omit<InputRecord, 'line'>[], name = 'input'): RecordSource {
  return {
    name,
    async *open() {
      let line = 0;
      for (const record of records) {
        line++;
        yield { ...record, line };
      }
    },
  };
}

/**
 * A problem with the analysis request itself (not with a single line), e.g. fewer texts than themes.
 *
 * @example
 * new AnalysisError('input.jsonl: 3 text(s) with usable words, fewer than the 10 themes asked for');
 */
export class AnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** Progress of a long run. */
export interface Progress {
  readonly stage: 'reading' | 'vectorizing' | 'themes' | 'suggestions' | 'writing' | 'evaluating';
  readonly done: number;
  readonly total?: number;
}

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** Number of themes (default: chosen automatically). */
  readonly themes?: number;
  /** Number of coarse groups (default ≈ √themes). */
  readonly groups?: number;
  readonly seed?: number;
  /** Jaccard threshold for near-duplicates (default 0.8). */
  readonly threshold?: number;
  /** Characters of each representative text in the output (default 300). */
  readonly snippetLength?: number;
  readonly vectorizer?: VectorizerOptions;
  readonly onProgress?: (progress: Progress) => void;
  /** Detect languages and build terms on a worker thread (pays off from some 20,000 texts). */
  readonly isParallel?: boolean;
  /** Drop stop words from the terms ('remove', default) or keep them ('keep'). */
  readonly stopWords?: 'remove' | 'keep';
}

/** A text quoted in the output. */
export interface QuotedText {
  readonly id: string;
  readonly text: string;
}

/** The `analysis.json` document. */
export interface AnalysisDocument {
  readonly version: 1;
  readonly input: { readonly source: string; readonly records: number; readonly seed: number };
  readonly languages: { readonly counts: Record<Language, number>; readonly ids: Record<Language, string[]> };
  readonly duplicates: {
    readonly threshold: number;
    readonly groupCount: number;
    readonly textsInGroups: number;
    /** Largest first; the largest 200 carry the representative's text. */
    readonly groups: readonly (DuplicateGroup & { readonly representativeText?: string })[];
  };
  readonly themes: {
    readonly method: string;
    readonly count: number;
    readonly choice: ThemeResult['choice'];
    readonly items: readonly {
      readonly id: number;
      readonly label: string;
      readonly terms: readonly ThemeTerm[];
      readonly bigrams: readonly ThemeTerm[];
      readonly size: number;
      readonly group: number;
      readonly representatives: readonly QuotedText[];
      readonly memberIds: readonly string[];
    }[];
    readonly unassigned: { readonly count: number; readonly ids: readonly string[] };
  };
  readonly groups: readonly {
    readonly id: number;
    readonly label: string;
    readonly terms: readonly ThemeTerm[];
    readonly themeIds: readonly number[];
    readonly size: number;
  }[];
  readonly suggestions: null | {
    readonly method: string;
    readonly codedTexts: number;
    readonly classes: readonly string[];
    readonly isMultiLabel: boolean;
    readonly items: readonly {
      readonly id: string;
      readonly themes: readonly { readonly label: string; readonly confidence: number }[];
    }[];
    readonly nextToCode: readonly QuotedText[];
  };
}

/** What the streaming pass keeps: ids, languages, labels, the TF-IDF model. */
interface Corpus {
  readonly ids: string[];
  readonly languages: Uint8Array;
  readonly labels: (readonly string[] | undefined)[];
  /** Row → the 1-based line its record starts on. */
  readonly lines: Int32Array;
  readonly model: TfidfModel;
  readonly duplicateGroups: DuplicateGroup[];
}

const LANGUAGE_CODES: readonly Language[] = ['nb', 'nn', 'en', 'und'];

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
/** Duplicate groups (largest first) whose representative text is quoted in the output. */
const QUOTED_DUPLICATE_GROUPS = 200;
/** Batches sent ahead of the answers: the main thread keeps reading while the worker starts up. */
const MAX_BATCHES_IN_FLIGHT = 16;

async function readCorpus(
  source: RecordSource,
  options: AnalyzeOptions & { readonly isDetectingDuplicates: boolean },
): Promise<Corpus> {
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
async function readSuggestionFeatures(
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

function snippet(text: string, length: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > length ? `${clean.slice(0, length - 1)}…` : clean;
}

async function fetchTexts(
  source: RecordSource,
  wanted: ReadonlySet<string>,
  length: number,
  corpus: Corpus,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (wanted.size === 0) {
    return found;
  }
  let records: AsyncIterable<InputRecord>;
  if (source.openLines) {
    const lines = new Set<number>();
    corpus.ids.forEach((id, row) => {
      if (wanted.has(id)) {
        lines.add(corpus.lines[row] as number);
      }
    });
    records = source.openLines(lines);
  } else {
    records = source.open();
  }
  for await (const record of records) {
    if (wanted.has(record.id)) {
      found.set(record.id, snippet(record.text, length));
      if (found.size === wanted.size) {
        break;
      }
    }
  }
  return found;
}

/**
 * Runs the full analysis over a record source and returns the `analysis.json` document.
 *
 * @example
 * const analysis = await analyze(arraySource(records), { themes: 22, groups: 6, seed: 1 });
 * analysis.themes.items.length; // ≤ 22
 */
export async function analyze(source: RecordSource, options: AnalyzeOptions = {}): Promise<AnalysisDocument> {
  const seed = options.seed ?? 0;
  const corpus = await readCorpus(source, { ...options, isDetectingDuplicates: true });
  const n = corpus.ids.length;
  if (n === 0) {
    throw new AnalysisError(`${source.name}: no records`);
  }
  const model = corpus.model;
  let nonEmpty = 0;
  for (let row = 0; row < n; row++) {
    if ((model.matrix.indptr[row + 1] as number) > (model.matrix.indptr[row] as number)) {
      nonEmpty++;
    }
  }
  if (options.themes !== undefined && nonEmpty < options.themes) {
    throw new AnalysisError(
      `${source.name}: ${nonEmpty} text(s) with usable words, fewer than the ${options.themes} themes asked for (use --themes with a smaller number)`,
    );
  }
  options.onProgress?.({ stage: 'themes', done: 0 });
  // Short texts: discovery's word vectors keep stop words (one more pass over the input).
  const wordFeatures = usesWordFeatures(model)
    ? await readSuggestionFeatures(source, corpus.languages, n, DISCOVERY_WORD_FEATURES)
    : undefined;
  const themeResult = discoverThemes(model, {
    seed,
    ...(wordFeatures ? { wordFeatures } : {}),
    ...(options.themes !== undefined ? { themes: options.themes } : {}),
    ...(options.groups !== undefined ? { groups: options.groups } : {}),
  });

  // Suggestions when some (not all) texts are coded.
  let suggestions: AnalysisDocument['suggestions'] = null;
  const codedRows: number[] = [];
  const uncodedRows: number[] = [];
  corpus.labels.forEach((set, row) => (set ? codedRows : uncodedRows).push(row));
  let nextToCodeRows: readonly number[] = [];
  if (
    codedRows.length >= 2 &&
    uncodedRows.length > 0 &&
    new Set(codedRows.flatMap((r) => corpus.labels[r] ?? [])).size >= 2
  ) {
    options.onProgress?.({ stage: 'suggestions', done: 0 });
    const features = await readSuggestionFeatures(source, corpus.languages, n);
    const result = suggestThemes(
      features,
      codedRows,
      codedRows.map((r) => corpus.labels[r] ?? []),
      uncodedRows,
      { seed, c: SUGGESTION_C, nextToCodeCount: 20 },
    );
    nextToCodeRows = result.nextToCode;
    suggestions = {
      method:
        'one-vs-rest linear SVMs (dual coordinate descent) on TF-IDF of stemmed words (stop words kept) and character 2–5-grams; Platt-calibrated on 3-fold cross-validated scores; next-to-code = smallest margin between the two most likely themes',
      codedTexts: codedRows.length,
      classes: result.classes,
      isMultiLabel: result.isMultiLabel,
      items: result.suggestions.map((s) => ({
        id: corpus.ids[s.row] as string,
        themes: s.themes.map((t) => ({ label: t.label, confidence: Math.round(t.confidence * 1000) / 1000 })),
      })),
      nextToCode: [],
    };
  }

  const snippetLength = options.snippetLength ?? 300;
  const wanted = new Set<string>();
  for (const theme of themeResult.themes) {
    for (const row of theme.representatives) {
      wanted.add(corpus.ids[row] as string);
    }
  }
  const groups = [...corpus.duplicateGroups].sort((a, b) => b.size - a.size);
  for (const group of groups.slice(0, QUOTED_DUPLICATE_GROUPS)) {
    wanted.add(group.representativeId);
  }
  for (const row of nextToCodeRows) {
    wanted.add(corpus.ids[row] as string);
  }
  const texts = await fetchTexts(source, wanted, snippetLength, corpus);
  const quote = (id: string): QuotedText => ({ id, text: texts.get(id) ?? '' });

  const counts: Record<Language, number> = { nb: 0, nn: 0, en: 0, und: 0 };
  const languageIds: Record<Language, string[]> = { nb: [], nn: [], en: [], und: [] };
  corpus.languages.forEach((code, row) => {
    const language = LANGUAGE_CODES[code] ?? 'und';
    counts[language]++;
    languageIds[language].push(corpus.ids[row] as string);
  });
  return {
    version: 1,
    input: { source: source.name, records: n, seed },
    languages: { counts, ids: languageIds },
    duplicates: {
      threshold: options.threshold ?? 0.8,
      groupCount: groups.length,
      textsInGroups: groups.reduce((sum, g) => sum + g.size, 0),
      groups: groups.map((g, i) =>
        i < QUOTED_DUPLICATE_GROUPS ? { ...g, representativeText: texts.get(g.representativeId) ?? '' } : g,
      ),
    },
    themes: {
      method: themeResult.method,
      count: themeResult.themes.length,
      choice: themeResult.choice,
      items: themeResult.themes.map((theme) => ({
        id: theme.id,
        label: theme.label,
        terms: theme.terms,
        bigrams: theme.bigrams,
        size: theme.size,
        group: theme.group,
        representatives: theme.representatives.map((row) => quote(corpus.ids[row] as string)),
        memberIds: theme.members.map((row) => corpus.ids[row] as string),
      })),
      unassigned: {
        count: themeResult.unassigned.length,
        ids: themeResult.unassigned.map((row) => corpus.ids[row] as string),
      },
    },
    groups: themeResult.groups.map((g) => ({
      id: g.id,
      label: g.label,
      terms: g.terms,
      themeIds: g.themeIds,
      size: g.size,
    })),
    suggestions: suggestions && {
      ...suggestions,
      nextToCode: nextToCodeRows.map((row) => quote(corpus.ids[row] as string)),
    },
  };
}

/** Scores of suggestions trained on one share of the labelled texts. */
export interface SuggestionScores {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly microF1?: number;
  readonly jaccard?: number;
  readonly trainTexts: number;
  readonly testTexts: number;
}

/** The `evaluation.json` document. */
export interface EvaluationDocument {
  readonly discovery: {
    readonly ari: number;
    readonly nmi: number;
    readonly themes: number;
    readonly texts: number;
  };
  readonly suggestions: Readonly<Record<'10' | '20', SuggestionScores>>;
  readonly isMultiLabel: boolean;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  readonly seed?: number;
  readonly isParallel?: boolean;
  readonly stopWords?: 'remove' | 'keep';
  readonly vectorizer?: VectorizerOptions;
  readonly onProgress?: (progress: Progress) => void;
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Compares discovery (as many themes as distinct labels; ARI, NMI on each text's first label) and
 * suggestions trained on stratified 10% / 20% of the labelled texts (accuracy, macro-F1; micro-F1
 * and Jaccard when multi-label) with the labels in the input. Texts without labels are ignored.
 *
 * @example
 * const scores = await evaluate(arraySource(labelledRecords), { seed: 0 });
 * scores.discovery.nmi; // e.g. 0.31
 */
export async function evaluate(
  source: RecordSource,
  options: EvaluateOptions = {},
): Promise<EvaluationDocument> {
  const seed = options.seed ?? 0;
  const filtered: RecordSource = {
    name: source.name,
    async *open() {
      for await (const record of source.open()) {
        if (record.labels && record.labels.length > 0) {
          yield record;
        }
      }
    },
  };
  const corpus = await readCorpus(filtered, { ...options, isDetectingDuplicates: false });
  const n = corpus.ids.length;
  if (n < 4) {
    throw new AnalysisError(
      `${source.name}: ${n} labelled text(s); evaluation needs at least 4 texts with labels`,
    );
  }
  const labelSets = corpus.labels.map((set) => set ?? []);
  const isMultiLabel = labelSets.some((set) => set.length > 1);
  const first = labelSets.map((set) => set[0] as string);
  const distinct = new Set(labelSets.flat()).size;
  if (distinct < 2) {
    throw new AnalysisError(`${source.name}: only one distinct label; evaluation needs at least two`);
  }
  options.onProgress?.({ stage: 'themes', done: 0 });
  const wordFeatures = usesWordFeatures(corpus.model)
    ? await readSuggestionFeatures(filtered, corpus.languages, n, DISCOVERY_WORD_FEATURES)
    : undefined;
  const themes = discoverThemes(corpus.model, {
    seed,
    ...(wordFeatures ? { wordFeatures } : {}),
    themes: Math.min(distinct, n),
    isAssigningAll: true,
    groups: 1,
  });
  const predicted = Array.from(themes.assignments);
  const discovery = {
    ari: round(adjustedRandIndex(first, predicted)),
    nmi: round(normalizedMutualInfo(first, predicted)),
    themes: distinct,
    texts: n,
  };
  // Stratify on each text's rarest label.
  const frequency = new Map<string, number>();
  for (const set of labelSets) {
    for (const label of set) {
      frequency.set(label, (frequency.get(label) ?? 0) + 1);
    }
  }
  const strata = labelSets.map(
    (set) =>
      [...set].sort(
        (a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : 1),
      )[0] as string,
  );
  const features = await readSuggestionFeatures(filtered, corpus.languages, n);
  const scores = {} as Record<'10' | '20', SuggestionScores>;
  for (const share of [10, 20] as const) {
    options.onProgress?.({ stage: 'suggestions', done: share });
    const split = stratifiedSplit(strata, share / 100, seed);
    const suggester = trainSuggester(
      features,
      split.train,
      split.train.map((row) => labelSets[row] ?? []),
      { seed, c: SUGGESTION_C, folds: 0 },
    );
    const predictedSets = split.test.map((row) => suggester.predict(features, row).map((s) => s.label));
    const truthSets = split.test.map((row) => labelSets[row] ?? []);
    if (isMultiLabel) {
      const key = (set: readonly string[]): string => [...set].sort().join('|');
      scores[share] = {
        accuracy: round(accuracy(truthSets.map(key), predictedSets.map(key))),
        macroF1: round(macroF1Sets(truthSets, predictedSets)),
        microF1: round(microF1(truthSets, predictedSets)),
        jaccard: round(jaccard(truthSets, predictedSets)),
        trainTexts: split.train.length,
        testTexts: split.test.length,
      };
    } else {
      const truth = truthSets.map((set) => set[0] as string);
      const guess = predictedSets.map((set) => set[0] ?? '');
      scores[share] = {
        accuracy: round(accuracy(truth, guess)),
        macroF1: round(macroF1(truth, guess)),
        trainTexts: split.train.length,
        testTexts: split.test.length,
      };
    }
  }
  return { discovery, suggestions: scores, isMultiLabel };
}
