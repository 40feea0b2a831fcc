/**
 * Parameter tuning harness (not part of the benchmark): discovery NMI and suggestion accuracy /
 * macro-F1 on the TUNING sets only — Storting written questions (19 areas) and NHS phase 2
 * (single substantive label, labels with ≥ 10 such texts). NHS phase 1 is never read here.
 *
 *   node --import tsx bench/analysis/tune.ts [--sets storting,phase2] [--skip-discovery] [--no-word-features] [--word-features JSON]
 *     [--skip-suggestions] [--seeds 0,1,2] [--theme-options JSON] [--suggest-options JSON]
 *     [--features JSON] [--write-phase2 FILE]
 *
 * `--write-phase2 FILE` writes the phase 2 tuning set as JSONL (for `tuning_baseline.py`).
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  accuracy,
  detectLanguage,
  discoverThemes,
  discoveryWordFeatures,
  DISCOVERY_WORD_FEATURES,
  macroF1,
  normalizedMutualInfo,
  adjustedRandIndex,
  stratifiedSplit,
  trainSuggester,
  suggestionFeatures,
  TfidfBuilder,
  termsWithSurface,
  type ThemeOptions,
  type SuggestOptions,
  type Language,
  type VectorizerOptions,
} from '@innspill/text-analysis';

const here = dirname(fileURLToPath(import.meta.url));
const datasets = resolve(here, '../../../shared/datasets');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

interface LabelledText {
  readonly text: string;
  readonly label: string;
}

function storting(): LabelledText[] {
  return readFileSync(join(datasets, 'storting-norwegian/written_questions.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line.replace(/:\s*NaN\b/g, ': null')) as { text: string; policy_area: string })
    .map((row) => ({ text: row.text, label: row.policy_area }));
}

const SPECIAL = new Set(['Labelling not possible', 'Not assigned']);

/** NHS phase 2: texts with exactly one substantive label, labels with at least 10 such texts. */
function phase2(): LabelledText[] {
  const rows = readFileSync(join(datasets, 'nhs-patient-feedback/phase2_v6framework.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { text: string | null; labels: string[] });
  const single: LabelledText[] = [];
  for (const row of rows) {
    const labels = row.labels.filter((label) => !SPECIAL.has(label));
    if (row.text?.trim() && labels.length === 1) {
      single.push({ text: row.text, label: labels[0] as string });
    }
  }
  const counts = new Map<string, number>();
  single.forEach((row) => counts.set(row.label, (counts.get(row.label) ?? 0) + 1));
  return single.filter((row) => (counts.get(row.label) ?? 0) >= 10);
}

const f3 = (x: number): string => x.toFixed(3);

function run(name: string, data: readonly LabelledText[]): void {
  const languages: Language[] = data.map((row) => detectLanguage(row.text));
  const vectorizer = JSON.parse(option('--vectorizer') ?? '{}') as {
    keepStopWords?: boolean;
  } & VectorizerOptions;
  const builder = new TfidfBuilder(vectorizer);
  data.forEach((row, i) => {
    const { terms, surfaces } = termsWithSurface(
      row.text,
      languages[i] as Language,
      vectorizer.keepStopWords,
    );
    builder.addTerms(terms, surfaces);
  });
  const model = builder.build();
  const labels = data.map((row) => row.label);
  const k = new Set(labels).size;
  const seeds = (option('--seeds') ?? '0').split(',').map(Number);
  let themeOptions = JSON.parse(option('--theme-options') ?? '{}') as ThemeOptions;
  const suggestOptions = JSON.parse(option('--suggest-options') ?? '{}') as SuggestOptions;
  const featureOptions = JSON.parse(option('--features') ?? '{}') as Record<string, unknown>;
  const out: string[] = [`${name} n=${data.length} k=${k}`];
  const refineFeatures = JSON.parse(option('--refine-features') ?? 'null') as Record<string, unknown> | null;
  if (refineFeatures) {
    themeOptions = {
      ...themeOptions,
      refinementFeatures: suggestionFeatures(
        data.map((row) => row.text),
        languages,
        refineFeatures,
      ),
    };
  }
  if (!argv.includes('--no-word-features')) {
    themeOptions = {
      wordFeatures: option('--word-features')
        ? suggestionFeatures(
            data.map((row) => row.text),
            languages,
            { ...DISCOVERY_WORD_FEATURES, ...(JSON.parse(option('--word-features') as string) as object) },
          )
        : discoveryWordFeatures(
            data.map((row) => row.text),
            languages,
          ),
      ...themeOptions,
    };
  }
  if (!argv.includes('--skip-discovery')) {
    const nmis: number[] = [];
    const aris: number[] = [];
    for (const seed of seeds) {
      const started = Date.now();
      const result = discoverThemes(model, {
        seed,
        themes: k,
        isAssigningAll: true,
        groups: 1,
        ...themeOptions,
      });
      const predicted = Array.from(result.assignments);
      nmis.push(normalizedMutualInfo(labels, predicted));
      aris.push(adjustedRandIndex(labels, predicted));
      process.stderr.write(
        `  ${name} seed ${seed}: NMI ${f3(nmis.at(-1) as number)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    out.push(`discovery NMI ${f3(mean(nmis))} [${nmis.map(f3).join(' ')}] ARI ${f3(mean(aris))}`);
  }
  if (!argv.includes('--skip-suggestions')) {
    const features = featureOptions['current']
      ? model.matrix
      : suggestionFeatures(
          data.map((row) => row.text),
          languages,
          featureOptions,
        );
    for (const share of [10, 20]) {
      const accs: number[] = [];
      const f1s: number[] = [];
      for (const seed of seeds) {
        const split = stratifiedSplit(labels, share / 100, seed);
        const suggester = trainSuggester(
          features,
          split.train,
          split.train.map((row) => [labels[row] as string]),
          { seed, folds: 0, ...suggestOptions },
        );
        const truth = split.test.map((row) => labels[row] as string);
        const guess = split.test.map((row) => suggester.predict(features, row)[0]?.label ?? '');
        accs.push(accuracy(truth, guess));
        f1s.push(macroF1(truth, guess));
      }
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      out.push(
        `suggest ${share}%: acc ${f3(mean(accs))} [${accs.map(f3).join(' ')}] F1 ${f3(mean(f1s))} [${f1s.map(f3).join(' ')}]`,
      );
    }
  }
  process.stdout.write(`${out.join(' | ')}\n`);
}

const write = option('--write-phase2');
if (write) {
  writeFileSync(
    write,
    phase2()
      .map((row) => `${JSON.stringify({ text: row.text, labels: [row.label] })}\n`)
      .join(''),
  );
}
for (const set of (option('--sets') ?? 'storting,phase2').split(',')) {
  run(set, set === 'storting' ? storting() : phase2());
}
