/**
 * Times theme discovery on one corpus with and without the discovery worker (alternating, in one
 * process, after reading the corpus once) and checks that both give the same themes.
 *
 * Usage: node --import tsx bench/analysis/discovery-threads.ts corpus.jsonl [runs] [themes]
 */
import { createReadStream } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { readRecords, type RecordSource } from '../../packages/text-analysis/src/pipeline/index.ts';
import { readCorpus, readSuggestionFeatures } from '../../packages/text-analysis/src/pipeline/corpus.ts';
import {
  DISCOVERY_WORD_FEATURES,
  discoverThemes,
  usesWordFeatures,
} from '../../packages/text-analysis/src/themes/index.ts';
import { startWorkerPool } from '../../packages/text-analysis/src/parallel/pool.ts';

const [path = '', runsArgument = '3', themesArgument] = process.argv.slice(2);
const source: RecordSource = {
  name: path,
  open: () => readRecords(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), path),
};
const corpus = await readCorpus(source, { isDetectingDuplicates: false });
const model = corpus.model;
const wordFeatures = usesWordFeatures(model)
  ? await readSuggestionFeatures(source, corpus.languages, corpus.ids.length, DISCOVERY_WORD_FEATURES)
  : undefined;
const options = {
  seed: 0,
  ...(themesArgument ? { themes: Number(themesArgument) } : {}),
  ...(wordFeatures ? { wordFeatures } : {}),
};
const times: Record<'serial' | 'pool', number[]> = { serial: [], pool: [] };
let reference: unknown;
for (let run = 0; run < Number(runsArgument); run++) {
  for (const mode of run % 2 === 0 ? (['serial', 'pool'] as const) : (['pool', 'serial'] as const)) {
    const pool = mode === 'pool' ? startWorkerPool() : undefined;
    await pool?.ready;
    const started = performance.now();
    const result = discoverThemes(model, { ...options, ...(pool ? { pool } : {}) });
    times[mode].push(performance.now() - started);
    await pool?.close();
    const summary = {
      assignments: Array.from(result.assignments),
      themes: result.themes.map((t) => t.label),
    };
    reference ??= summary;
    if (!isDeepStrictEqual(summary, reference)) {
      throw new Error(`${mode} run ${run} differs`);
    }
  }
}
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(
  `${path}: discovery serial ${median(times.serial).toFixed(0)} ms, with worker ${median(times.pool).toFixed(0)} ms ` +
    `(medians of ${runsArgument}; all ${times.serial.length + times.pool.length} runs identical)`,
  JSON.stringify(times, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v)),
);
