/**
 * Trains the language model shipped in `src/language/model.ts`.
 *
 *   node --import tsx packages/text-analysis/scripts/train-language-model.ts [DATASETS_DIR]
 *
 * Data (DATASETS_DIR defaults to /work/shared/datasets):
 * - nb / nn: storting-norwegian/talk_of_norway_sentences_nob_nno.csv (NLOD; Stortinget via Talk of Norway)
 * - en: uk-parliament-petitions/petitions.csv titles (OGL v3) and nhs-patient-feedback/phase2_v6framework.jsonl
 *   answers (MIT, pxtextmining / NHS England), 1,500 of each
 * - other: scripts/language-other-sentences.txt (Danish, Swedish, German, … written for this project)
 *
 * Split: a text is held out when FNV-1a(text) % 5 === 0 (deterministic, ~20%). The script trains a
 * multinomial naive Bayes model on hashed character 1–4-grams and words, keeps the most useful
 * features, quantises the weights to Int8, evaluates the quantised model on the held-out part with
 * the same decision rule as `detectLanguage`, prints accuracy per class, writes the model, and
 * writes a held-out fixture for the unit test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyLanguage, loadLanguageModel, type LanguageModelData } from '../src/language/classifier.ts';
import { extractFeatureHashes } from '../src/language/features.ts';

const CLASSES = ['nb', 'nn', 'en', 'other'] as const;
type ClassName = (typeof CLASSES)[number];
const MAX_FEATURES = 20_000;
const SMOOTHING = 0.5;
const SCALE = 16;
const ENGLISH_PER_SOURCE = 1500;
const FIXTURE_PER_CLASS: Record<ClassName, number> = { nb: 150, nn: 150, en: 60, other: 0 };

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const datasetsDir = process.argv[2] ?? '/work/shared/datasets';

interface Example {
  readonly text: string;
  readonly label: ClassName;
  readonly source: string;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash;
}

const isHeldOut = (text: string): boolean => fnv1a(text) % 5 === 0;

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, newlines in quotes). */
function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < content.length; index++) {
    const char = content[index];
    if (isQuoted) {
      if (char === '"') {
        if (content[index + 1] === '"') {
          field += '"';
          index++;
        } else {
          isQuoted = false;
        }
      } else {
        field += char;
      }
    } else if (char === '"') {
      isQuoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && content[index + 1] === '\n') {
        index++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function loadExamples(): Example[] {
  const examples: Example[] = [];
  const storting = parseCsv(
    readFileSync(join(datasetsDir, 'storting-norwegian/talk_of_norway_sentences_nob_nno.csv'), 'utf8'),
  );
  for (const [, language, text] of storting.slice(1)) {
    if (text && (language === 'nob' || language === 'nno')) {
      examples.push({ text, label: language === 'nob' ? 'nb' : 'nn', source: 'storting' });
    }
  }
  const petitions = parseCsv(
    readFileSync(join(datasetsDir, 'uk-parliament-petitions/petitions.csv'), 'utf8'),
  );
  const header = petitions[0] ?? [];
  const titleColumn = header.indexOf('title');
  const seenTitles = new Set<string>();
  for (const row of petitions.slice(1)) {
    const title = row[titleColumn]?.trim();
    if (title && title.length >= 20 && !seenTitles.has(title) && fnv1a(title) % 16 === 3) {
      seenTitles.add(title);
      examples.push({ text: title, label: 'en', source: 'petitions' });
      if (seenTitles.size >= ENGLISH_PER_SOURCE) {
        break;
      }
    }
  }
  let nhsCount = 0;
  for (const line of readFileSync(
    join(datasetsDir, 'nhs-patient-feedback/phase2_v6framework.jsonl'),
    'utf8',
  ).split('\n')) {
    if (!line.trim() || nhsCount >= ENGLISH_PER_SOURCE) {
      continue;
    }
    const record = JSON.parse(line) as { text?: unknown };
    if (typeof record.text === 'string' && record.text.trim().length >= 20 && fnv1a(record.text) % 4 === 1) {
      examples.push({ text: record.text.trim(), label: 'en', source: 'nhs' });
      nhsCount++;
    }
  }
  const other = readFileSync(join(packageDir, 'scripts/language-other-sentences.txt'), 'utf8');
  for (const line of other.split('\n')) {
    const text = line.trim();
    if (text && !text.startsWith('#')) {
      examples.push({ text, label: 'other', source: 'handwritten' });
    }
  }
  return examples;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function train(examples: readonly Example[]): LanguageModelData {
  const classCount = CLASSES.length;
  const counts = new Map<number, Float64Array>();
  const totals = new Float64Array(classCount);
  for (const example of examples) {
    const classIndex = CLASSES.indexOf(example.label);
    const { hashes, count } = extractFeatureHashes(example.text);
    for (let index = 0; index < count; index++) {
      const hash = hashes[index] ?? 0;
      let row = counts.get(hash);
      if (!row) {
        row = new Float64Array(classCount);
        counts.set(hash, row);
      }
      row[classIndex] = (row[classIndex] ?? 0) + 1;
      totals[classIndex] = (totals[classIndex] ?? 0) + 1;
    }
  }
  const vocabularySize = counts.size;
  const logProbability = (row: Float64Array, classIndex: number): number =>
    Math.log(((row[classIndex] ?? 0) + SMOOTHING) / ((totals[classIndex] ?? 0) + SMOOTHING * vocabularySize));

  // Usefulness: occurrences × spread of centred log-probabilities between classes.
  const ranked: { hash: number; centred: number[]; usefulness: number }[] = [];
  for (const [hash, row] of counts) {
    const total = row.reduce((sum, value) => sum + value, 0);
    if (total < 2) {
      continue;
    }
    const logs = CLASSES.map((_, classIndex) => logProbability(row, classIndex));
    const mean = logs.reduce((sum, value) => sum + value, 0) / classCount;
    const centred = logs.map((value) => value - mean);
    const spread = Math.max(...centred) - Math.min(...centred);
    ranked.push({ hash, centred, usefulness: Math.log1p(total) * spread });
  }
  ranked.sort((a, b) => b.usefulness - a.usefulness || a.hash - b.hash);
  const kept = ranked.slice(0, MAX_FEATURES);
  const hashes = new Uint32Array(kept.length);
  const weights = new Int8Array(kept.length * classCount);
  kept.forEach((feature, row) => {
    hashes[row] = feature.hash;
    feature.centred.forEach((value, classIndex) => {
      weights[row * classCount + classIndex] = Math.max(-127, Math.min(127, Math.round(value * SCALE)));
    });
  });
  const littleEndian = new Uint8Array(hashes.length * 4);
  const view = new DataView(littleEndian.buffer);
  hashes.forEach((hash, index) => view.setUint32(index * 4, hash, true));
  return {
    classes: [...CLASSES],
    featureHashes: toBase64(littleEndian),
    weights: toBase64(new Uint8Array(weights.buffer)),
    scale: SCALE,
  };
}

const examples = loadExamples();
const training = examples.filter((example) => !isHeldOut(example.text));
const heldOut = examples.filter((example) => isHeldOut(example.text));
const data = train(training);
const model = loadLanguageModel(data);

const expected = (label: ClassName): string => (label === 'other' ? 'und' : label);
console.log(
  `training ${training.length}, held out ${heldOut.length}, features ${data.featureHashes.length} b64 chars`,
);
const confusion = new Map<string, number>();
for (const label of CLASSES) {
  const items = heldOut.filter((example) => example.label === label);
  let correct = 0;
  for (const example of items) {
    const predicted = classifyLanguage(model, example.text);
    if (predicted === expected(label)) {
      correct++;
    }
    confusion.set(`${label}->${predicted}`, (confusion.get(`${label}->${predicted}`) ?? 0) + 1);
  }
  const accuracy = items.length === 0 ? Number.NaN : correct / items.length;
  console.log(
    `${label.padEnd(6)} held-out ${String(items.length).padStart(5)}  accuracy ${(accuracy * 100).toFixed(2)}%`,
  );
}
console.log('confusion (true->predicted):', Object.fromEntries([...confusion].sort()));

const modelSource = `// Generated by scripts/train-language-model.ts — do not edit by hand.
// Multinomial naive Bayes over hashed character 1–4-grams and words; ${data.featureHashes.length + data.weights.length} base64 characters.
// Trained on Talk of Norway sentences (NLOD, Stortinget), UK Parliament petition titles (OGL v3),
// NHS patient feedback (MIT, pxtextmining / NHS England) and hand-written other-language sentences.
import type { LanguageModelData } from './classifier.ts';

/** The shipped language model (see \`README.md\`). */
export const LANGUAGE_MODEL: LanguageModelData = {
  classes: [${data.classes.map((name) => `'${name}'`).join(', ')}],
  scale: ${data.scale},
  featureHashes:
    '${data.featureHashes}',
  weights:
    '${data.weights}',
};
`;
writeFileSync(join(packageDir, 'src/language/model.ts'), modelSource);

// Held-out fixture for the unit test (Norwegian from Talk of Norway, English petition titles only).
const fixture: string[] = [];
for (const label of CLASSES) {
  const items = heldOut
    .filter((example) => example.label === label && (label !== 'en' || example.source === 'petitions'))
    .sort((a, b) => fnv1a(a.text) - fnv1a(b.text) || a.text.localeCompare(b.text))
    .slice(0, FIXTURE_PER_CLASS[label]);
  for (const example of items) {
    fixture.push(JSON.stringify({ language: expected(label), text: example.text }));
  }
}
writeFileSync(join(packageDir, 'test/fixtures/language-held-out.jsonl'), `${fixture.join('\n')}\n`);
console.log(
  `wrote src/language/model.ts and test/fixtures/language-held-out.jsonl (${fixture.length} lines)`,
);
