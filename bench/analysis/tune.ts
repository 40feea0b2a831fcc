/**
 * Parameter tuning harness (not part of the benchmark): discovery NMI and suggestion accuracy /
 * macro-F1 on the TUNING sets only — Storting written questions (19 areas) and NHS phase 2
 * (single substantive label, labels with ≥ 10 such texts). NHS phase 1 is never read here.
 *
 *   node --import tsx bench/analysis/tune.ts [--sets storting,phase2] [--skip-discovery] [--no-word-features] [--word-features JSON]
 *     [--skip-suggestions] [--seeds 0,1,2] [--theme-options JSON] [--suggest-options JSON]
 *     [--features JSON] [--write-phase2 FILE] [--write-phase2-coarse FILE]
 *
 * Sets: `storting`, `phase2`, and `phase2-coarse` (the phase 2 labels mapped to the top-level
 * categories of the v6 framework: few, unevenly sized categories, as in phase 1's nine, without
 * reading phase 1). `--write-phase2 FILE` / `--write-phase2-coarse FILE` write a set as JSONL
 * (for `tuning_baseline.py`).
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
  MIN_POOL_TEXTS,
  startWorkerPool,
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

/**
 * Top-level category of each phase 2 label in the v6 framework, as the source project groups them
 * (pxtextmining `params.py`, `cat_map`; labels renamed since then are placed by that map's
 * successor names).
 */
const PHASE2_CATEGORY: Readonly<Record<string, string>> = {
  'Positive experience & gratitude': 'General',
  'Negative experience & dissatisfaction': 'General',
  'Organisation & efficiency': 'General',
  'Funding & use of financial resources': 'General',
  'Learning organisation': 'General',
  'Staff manner & personal attributes': 'Staff',
  'Number & deployment of staff': 'Staff',
  'Staff responsiveness': 'Staff',
  'Staff continuity': 'Staff',
  'Competence & training': 'Staff',
  'Unspecified communication': 'Communication & involvement',
  'Staff listening, understanding & involving patients': 'Communication & involvement',
  'Information directly from staff during care': 'Communication & involvement',
  'Information provision & guidance': 'Communication & involvement',
  'Being kept informed, clarity & consistency of information': 'Communication & involvement',
  'Interaction with family/ carers': 'Communication & involvement',
  'Contacting services': 'Access to medical care & support',
  'Appointment arrangements': 'Access to medical care & support',
  'Appointment method': 'Access to medical care & support',
  'Timeliness of care': 'Access to medical care & support',
  'Supplying & understanding medication': 'Medication',
  'Pain management': 'Medication',
  'Diagnosis & triage': 'Patient journey & service coordination',
  'Referals & continuity of care': 'Patient journey & service coordination',
  Admission: 'Patient journey & service coordination',
  Discharge: 'Patient journey & service coordination',
  'Care plans': 'Patient journey & service coordination',
  'Patient records': 'Patient journey & service coordination',
  'Impact of treatment/ care': 'Patient journey & service coordination',
  'Cleanliness, tidiness & infection control': 'Environment & equipment',
  'Sensory experience': 'Environment & equipment',
  'Environment & Facilities': 'Environment & equipment',
  'Provision of medical equipment': 'Environment & equipment',
  'Food & drink provision & facilities': 'Food & diet',
  'Service location': 'Service location, travel & transport',
  'Transport to/ from services': 'Service location, travel & transport',
  Parking: 'Service location, travel & transport',
  'Activities & access to fresh air': 'Activities',
  'Electronic entertainment': 'Activities',
  'Feeling safe': 'Category TBC',
  'Patient appearance & grooming': 'Category TBC',
  'Equality, Diversity & Inclusion': 'Category TBC',
  'Safeguarding concerns?': 'Category TBC',
  'Mental Health Act': 'Mental Health specifics',
};

/** NHS phase 2 by top-level category: texts whose substantive labels share one, categories with ≥ 30 texts. */
function phase2Coarse(): LabelledText[] {
  const single: LabelledText[] = [];
  for (const line of readFileSync(
    join(datasets, 'nhs-patient-feedback/phase2_v6framework.jsonl'),
    'utf8',
  ).split('\n')) {
    if (!line.trim()) {
      continue;
    }
    const row = JSON.parse(line) as { text: string | null; labels: string[] };
    const categories = new Set(
      row.labels.filter((label) => !SPECIAL.has(label)).map((label) => PHASE2_CATEGORY[label] ?? label),
    );
    if (row.text?.trim() && categories.size === 1) {
      single.push({ text: row.text, label: [...categories][0] as string });
    }
  }
  const counts = new Map<string, number>();
  single.forEach((row) => counts.set(row.label, (counts.get(row.label) ?? 0) + 1));
  return single.filter((row) => (counts.get(row.label) ?? 0) >= 30);
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
  // `--group-themes N`: discover N themes, group them into as many groups as there are labels, and
  // score the groups (how well the coarse grouping recovers the labels).
  const groupThemes = option('--group-themes') ? Number(option('--group-themes')) : undefined;
  if (!argv.includes('--skip-discovery')) {
    const nmis: number[] = [];
    const aris: number[] = [];
    for (const seed of seeds) {
      const started = Date.now();
      const result = discoverThemes(model, {
        seed,
        themes: groupThemes ?? k,
        isAssigningAll: true,
        groups: groupThemes ? k : 1,
        ...themeOptions,
        // The second core from the size analyze uses it at (same result with or without).
        ...(pool && data.length >= MIN_POOL_TEXTS ? { pool } : {}),
      });
      const predicted = groupThemes
        ? Array.from(result.assignments, (theme) => (theme < 0 ? -1 : (result.themes[theme]?.group ?? -1)))
        : Array.from(result.assignments);
      if (groupThemes) {
        const largest = Math.max(...result.groups.map((group) => group.size));
        process.stderr.write(`    largest group ${((100 * largest) / data.length).toFixed(0)}% of texts\n`);
      }
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

const SETS: Readonly<Record<string, () => LabelledText[]>> = {
  storting,
  phase2,
  'phase2-coarse': phase2Coarse,
};
for (const [flag, set] of [
  ['--write-phase2', phase2],
  ['--write-phase2-coarse', phase2Coarse],
] as const) {
  const file = option(flag);
  if (file) {
    writeFileSync(
      file,
      set()
        .map((row) => `${JSON.stringify({ text: row.text, labels: [row.label] })}\n`)
        .join(''),
    );
  }
}
const pool = startWorkerPool();
for (const name of (option('--sets') ?? 'storting,phase2').split(',')) {
  const set = SETS[name];
  if (!set) {
    throw new Error(`unknown set ${name}: one of ${Object.keys(SETS).join(', ')}`);
  }
  run(name, set());
}
await pool?.close();
