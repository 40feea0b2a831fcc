/**
 * The whole analysis: language detection, exact/near duplicates, TF-IDF, theme discovery with
 * coarse groups and (when some texts carry labels) theme suggestions with active learning — in
 * one streaming pass over the records (`corpus.ts`), plus a short second pass to fetch representative
 * texts. The evaluation mode is in `evaluate.ts`.
 * @module
 */
import type { DuplicateGroup } from '../duplicates/index.ts';
import type { Language } from '../tokenize/index.ts';
import {
  DISCOVERY_WORD_FEATURES,
  discoverThemes,
  usesWordFeatures,
  type ThemeResult,
  type ThemeTerm,
} from '../themes/index.ts';
import { suggestThemes } from '../suggest/index.ts';
import type { InputRecord } from './readers.ts';
export { arraySource, AnalysisError, type Progress, type RecordSource } from './source.ts';
export { SUGGESTION_FEATURES, SUGGESTION_C, CHAR_NGRAM_LIMIT, type ReadOptions } from './corpus.ts';
export {
  evaluate,
  type EvaluateOptions,
  type EvaluationDocument,
  type SuggestionScores,
} from './evaluate.ts';
import {
  LANGUAGE_CODES,
  readCorpus,
  readSuggestionFeatures,
  SUGGESTION_C,
  type Corpus,
  type ReadOptions,
} from './corpus.ts';
import { AnalysisError, type RecordSource } from './source.ts';
import type { InputEncoding } from './encoding.ts';
import { withWorkerPool } from '../parallel/pool.ts';

export {
  readCsv,
  readJsonl,
  readJsonlLines,
  parseJsonlLine,
  readRecords,
  isCsvName,
  InputError,
  type InputRecord,
  type InputErrorCode,
  type ReaderOptions,
} from './readers.ts';
export {
  CSV_DELIMITERS,
  CsvRowParser,
  guessCsvDelimiter,
  parseCsvRows,
  readCsvRows,
  type CsvDelimiter,
  type CsvDialect,
  type CsvRow,
} from './csv.ts';
export {
  detectEncoding,
  detectTextEncoding,
  decodeChunks,
  decodeText,
  type EncodingOptions,
  type InputEncoding,
} from './encoding.ts';

/** Duplicate groups (largest first) whose representative text is quoted in the output. */
const QUOTED_DUPLICATE_GROUPS = 200;

/** Options of {@link analyze}. */
export interface AnalyzeOptions extends ReadOptions {
  /** Number of themes (default: chosen automatically). */
  readonly themes?: number;
  /** Number of coarse groups (default ≈ √themes). */
  readonly groups?: number;
  /** Characters of each representative text in the output (default 300). */
  readonly snippetLength?: number;
}

/** A text quoted in the output. */
export interface QuotedText {
  readonly id: string;
  readonly text: string;
}

/** The `analysis.json` document. */
export interface AnalysisDocument {
  readonly version: 1;
  readonly input: {
    readonly source: string;
    /** How the file's bytes were decoded (`windows-1252`: it was not UTF-8). */
    readonly encoding?: InputEncoding;
    readonly records: number;
    readonly seed: number;
  };
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
  // The second core helps with LSA and k-means (on small corpora starting it costs more than it saves).
  const themeResult = await withWorkerPool(
    nonEmpty,
    (pool, wordFeatures) =>
      discoverThemes(model, {
        seed,
        ...(pool ? { pool } : {}),
        ...(wordFeatures ? { wordFeatures } : {}),
        ...(options.themes !== undefined ? { themes: options.themes } : {}),
        ...(options.groups !== undefined ? { groups: options.groups } : {}),
      }),
    // Short texts: discovery's word vectors keep stop words (one more pass over the input, while
    // the worker loads).
    async () =>
      usesWordFeatures(model)
        ? await readSuggestionFeatures(source, corpus.languages, n, DISCOVERY_WORD_FEATURES)
        : undefined,
  );

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
    input: {
      source: source.name,
      ...(source.encoding ? { encoding: source.encoding } : {}),
      records: n,
      seed,
    },
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
