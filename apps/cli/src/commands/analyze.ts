/**
 * `innspill analyze INPUT --out DIR`: runs the text-analysis engine on a JSONL or CSV file and
 * writes `analysis.json` + `summary.md` (or, with `--evaluate`, `evaluation.json`). Output is
 * written to a temporary directory first and moved into place only when everything succeeded.
 * @module
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  AnalysisError,
  InputError,
  analyze,
  evaluate,
  decodeChunks,
  detectEncoding,
  isCsvName,
  readRecords,
  readJsonlLines,
  type AnalysisDocument,
  type EvaluationDocument,
  type Progress,
  type RecordSource,
} from '@innspill/text-analysis';

export const USAGE = `Usage: innspill analyze INPUT --out DIR [options]

Analyses the texts in INPUT (JSON Lines, or .csv/.tsv with columns id, text, optional language,
labels): languages, exact and near duplicates, themes with coarse groups, and theme suggestions for
uncoded texts when some texts carry labels. Writes DIR/analysis.json and DIR/summary.md.
A CSV file may use , or ; or tab between columns (guessed from the header) and be UTF-8 or, as
older Excel writes it, Windows-1252.

Options:
  --out DIR          output directory (required)
  --themes N         number of themes (default: chosen from 5–30 by silhouette; summary.md says how)
  --groups M         number of coarse theme groups (default: about the square root of the themes)
  --seed S           random seed; the same input and seed give the same output (default 0)
  --threshold J      Jaccard similarity for near-duplicates, in (0, 1] (default 0.8)
  --evaluate         compare with the labels in INPUT instead: ARI/NMI of discovery, accuracy and
                     macro-F1 of suggestions trained on 10% and 20%; writes DIR/evaluation.json
  -h, --help         show this help
`;

interface ParsedArguments {
  readonly input: string;
  readonly out: string;
  readonly themes?: number;
  readonly groups?: number;
  readonly seed: number;
  readonly threshold: number;
  readonly isEvaluating: boolean;
}

class UsageError extends Error {}

function parseArguments(argv: readonly string[]): ParsedArguments | 'help' {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let isEvaluating = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') {
      return 'help';
    }
    if (arg === '--evaluate') {
      isEvaluating = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
      if (!['--out', '--themes', '--groups', '--seed', '--threshold'].includes(name)) {
        throw new UsageError(`unknown option ${name}`);
      }
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`${name} needs a value`);
      }
      values.set(name, value);
      continue;
    }
    positional.push(arg);
  }
  if (positional.length !== 1) {
    throw new UsageError(
      positional.length === 0 ? 'missing INPUT' : `expected one INPUT, got ${positional.length}`,
    );
  }
  const out = values.get('--out');
  if (!out) {
    throw new UsageError('missing --out DIR');
  }
  const integer = (name: string, min: number): number | undefined => {
    const raw = values.get(name);
    if (raw === undefined) {
      return undefined;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new UsageError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
    }
    return value;
  };
  const themes = integer('--themes', 1);
  const groups = integer('--groups', 1);
  const seed = integer('--seed', 0) ?? 0;
  const rawThreshold = values.get('--threshold');
  const threshold = rawThreshold === undefined ? 0.8 : Number(rawThreshold);
  if (!(threshold > 0 && threshold <= 1)) {
    throw new UsageError(`--threshold must be a number in (0, 1], got "${rawThreshold ?? ''}"`);
  }
  if (themes !== undefined && groups !== undefined && groups > themes) {
    throw new UsageError(`--groups (${groups}) cannot exceed --themes (${themes})`);
  }
  return {
    input: positional[0] as string,
    out,
    seed,
    threshold,
    isEvaluating,
    ...(themes !== undefined ? { themes } : {}),
    ...(groups !== undefined ? { groups } : {}),
  };
}

/**
 * The input file as a record source. Its bytes are decoded as UTF-8, or as Windows-1252 when the
 * file is not UTF-8 (older Excel's CSV); a file mixing the two is refused (see `detectEncoding`).
 */
async function fileSource(path: string): Promise<RecordSource> {
  const bytes = () => createReadStream(path, { highWaterMark: 1 << 20 });
  const encoding = await detectEncoding(bytes, path);
  return {
    name: path,
    encoding,
    open: () => readRecords(decodeChunks(bytes(), encoding), path),
    // JSON Lines records are one per line: the quoted texts are fetched again by line number.
    ...(isCsvName(path) || encoding !== 'utf-8'
      ? {}
      : { openLines: (lines: ReadonlySet<number>) => readJsonlLines(bytes(), path, lines) }),
  };
}

function progressReporter(): { onProgress: (progress: Progress) => void; done: () => void } {
  if (!process.stderr.isTTY) {
    return { onProgress: () => undefined, done: () => undefined };
  }
  let last = 0;
  const spinner = ['|', '/', '-', '\\'];
  let tick = 0;
  return {
    onProgress: (progress) => {
      const now = Date.now();
      if (now - last < 100) {
        return;
      }
      last = now;
      const width = 30;
      const share = progress.total ? Math.min(1, progress.done / progress.total) : undefined;
      const bar =
        share === undefined
          ? `${spinner[tick++ % spinner.length] ?? ''} ${progress.done.toLocaleString('en')}`
          : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${Math.round(share * 100)}%`;
      process.stderr.write(`\r\u001b[2K${progress.stage.padEnd(12)} ${bar}`);
    },
    done: () => process.stderr.write('\r\u001b[2K'),
  };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/**
 * Renders the human-readable summary of an analysis.
 *
 * @example
 * const markdown = renderSummary(analysis);
 */
export function renderSummary(analysis: AnalysisDocument): string {
  const lines: string[] = [];
  const n = analysis.input.records;
  lines.push(`# Analysis of ${analysis.input.source}`, '');
  if (analysis.input.encoding === 'windows-1252') {
    lines.push("The file is not UTF-8; it was read as Windows-1252 (older Excel's CSV).", '');
  }
  lines.push(
    `${n.toLocaleString('en')} texts · ${analysis.themes.count} themes in ${analysis.groups.length} groups · ${analysis.duplicates.groupCount} duplicate groups · seed ${analysis.input.seed}`,
    '',
  );
  lines.push('## Languages', '', '| language | texts | share |', '|---|---:|---:|');
  const names: Record<string, string> = {
    nb: 'bokmål',
    nn: 'nynorsk',
    en: 'English',
    und: 'other / too short',
  };
  for (const [code, count] of Object.entries(analysis.languages.counts)) {
    lines.push(
      `| ${names[code] ?? code} (${code}) | ${count.toLocaleString('en')} | ${percent(count / Math.max(1, n))} |`,
    );
  }
  lines.push('', '## Duplicates and campaigns', '');
  lines.push(
    `${analysis.duplicates.textsInGroups.toLocaleString('en')} texts (${percent(analysis.duplicates.textsInGroups / Math.max(1, n))}) are in ${analysis.duplicates.groupCount} groups of exact or near-identical texts (Jaccard ≥ ${analysis.duplicates.threshold}).`,
    '',
  );
  if (analysis.duplicates.groups.length > 0) {
    lines.push('| size | kind | representative text |', '|---:|---|---|');
    for (const group of analysis.duplicates.groups.slice(0, 15)) {
      lines.push(
        `| ${group.size} | ${group.kind} | ${escapeCell((group.representativeText ?? group.representativeId).slice(0, 160))} |`,
      );
    }
    lines.push('');
  }
  lines.push('## Themes', '', `Method: ${analysis.themes.method}.`, '');
  const choice = analysis.themes.choice;
  lines.push(
    choice.method === 'given'
      ? `Number of themes: ${choice.chosen} (given).`
      : `Number of themes: ${choice.chosen}, the smallest of ${choice.candidates.map((c) => c.themes).join(', ')} whose silhouette ` +
          `(cosine, 1,000 sampled texts) is within 10% of the best (${choice.candidates.map((c) => c.silhouette.toFixed(3)).join(', ')}).` +
          (choice.chosen === choice.candidates[choice.candidates.length - 1]?.themes
            ? ' The silhouette was still rising at the top of the range: these texts have no clear smaller number of themes; consider --themes.'
            : ' Ask for another number with --themes: the silhouette of texts changes little over a wide range.'),
    '',
  );
  for (const group of analysis.groups) {
    lines.push(`### Group ${group.id + 1}: ${group.label} (${group.size.toLocaleString('en')} texts)`, '');
    for (const themeId of group.themeIds) {
      const theme = analysis.themes.items[themeId];
      if (!theme) {
        continue;
      }
      lines.push(
        `#### Theme ${theme.id + 1}: ${theme.label} — ${theme.size.toLocaleString('en')} texts (${percent(theme.size / Math.max(1, n))})`,
        '',
      );
      lines.push(`Key terms: ${theme.terms.map((t) => t.term).join(', ')}`);
      if (theme.bigrams.length > 0) {
        lines.push(`Phrases: ${theme.bigrams.map((t) => t.term).join(', ')}`);
      }
      lines.push('', 'Most representative:');
      for (const quote of theme.representatives.slice(0, 3)) {
        lines.push(`- (${quote.id}) ${quote.text}`);
      }
      lines.push('');
    }
  }
  lines.push(
    `Unassigned (fit no theme, or have no usable words): ${analysis.themes.unassigned.count.toLocaleString('en')} texts.`,
    '',
  );
  if (analysis.suggestions) {
    const s = analysis.suggestions;
    lines.push(
      '## Theme suggestions',
      '',
      `Trained on ${s.codedTexts.toLocaleString('en')} coded texts (${s.classes.length} themes${s.isMultiLabel ? ', multi-label' : ''}); suggestions for ${s.items.length.toLocaleString('en')} uncoded texts are in analysis.json.`,
      '',
    );
    lines.push('Code these next (the model is least sure about them):', '');
    for (const quote of s.nextToCode.slice(0, 10)) {
      lines.push(`- (${quote.id}) ${quote.text.slice(0, 200)}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function formatEvaluation(result: EvaluationDocument): string {
  const rows = [
    `discovery (${result.discovery.themes} themes, ${result.discovery.texts} texts): ARI ${result.discovery.ari.toFixed(3)}  NMI ${result.discovery.nmi.toFixed(3)}`,
  ];
  for (const share of ['10', '20'] as const) {
    const s = result.suggestions[share];
    rows.push(
      `suggestions trained on ${share}% (${s.trainTexts} texts, ${s.testTexts} held out): accuracy ${s.accuracy.toFixed(3)}  macro-F1 ${s.macroF1.toFixed(3)}` +
        (s.microF1 !== undefined ? `  micro-F1 ${s.microF1.toFixed(3)}` : '') +
        (s.jaccard !== undefined ? `  Jaccard ${s.jaccard.toFixed(3)}` : ''),
    );
  }
  return `${rows.join('\n')}\n`;
}

/** File signatures of documents people may pass instead of a text export. */
const DOCUMENT_SIGNATURES: readonly { readonly bytes: readonly number[]; readonly kind: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    kind: 'a zip archive (an Excel .xlsx, Word .docx or OpenDocument file)',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Office document (.xls or .doc)' },
];

/** What kind of document the file is, when its first bytes say it is one (not text). */
async function documentKind(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return DOCUMENT_SIGNATURES.find(
      (signature) => bytesRead === 4 && signature.bytes.every((byte, i) => head[i] === byte),
    )?.kind;
  } finally {
    await handle.close();
  }
}

async function writeAtomically(out: string, files: Readonly<Record<string, string>>): Promise<void> {
  const target = resolve(out);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  try {
    for (const [name, content] of Object.entries(files)) {
      await writeFile(join(staging, name), content, 'utf8');
    }
    await mkdir(target, { recursive: true });
    for (const name of await readdir(staging)) {
      await rename(join(staging, name), join(target, name));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Runs `innspill analyze` with the arguments after `analyze`; returns the exit code
 * (0 ok, 1 bad input or failure, 2 usage error).
 *
 * @example
 * const code = await runAnalyzeCommand(['answers.jsonl', '--out', 'out', '--themes', '22', '--groups', '6']);
 */
export async function runAnalyzeCommand(argv: string[]): Promise<number> {
  let parsed: ParsedArguments | 'help';
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`innspill analyze: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const { input, out } = parsed;
  let isParallel: boolean;
  try {
    const info = await stat(input);
    // A second thread pays off on larger inputs (roughly 20,000 short texts and up).
    isParallel = info.size > 2_000_000;
    if (!info.isFile()) {
      process.stderr.write(`innspill analyze: ${input} is not a file\n`);
      return 1;
    }
  } catch {
    process.stderr.write(`innspill analyze: cannot read ${input}: no such file\n`);
    return 1;
  }
  const notText = await documentKind(input);
  if (notText) {
    process.stderr.write(
      `innspill analyze: ${input} is ${notText}, not text; save the answers as CSV (UTF-8) or JSON Lines and analyse that file\n`,
    );
    return 1;
  }
  // Refused before the work, not after it: the output goes into a directory.
  const outInfo = await stat(out).catch(() => undefined);
  if (outInfo && !outInfo.isDirectory()) {
    process.stderr.write(
      `innspill analyze: --out ${out} is a file; give a directory (it is made if missing)\n`,
    );
    return 1;
  }
  const progress = progressReporter();
  try {
    const source = await fileSource(input);
    if (source.encoding === 'windows-1252') {
      process.stderr.write(
        `innspill analyze: note: ${input} is not UTF-8; read as Windows-1252 (older Excel's CSV)\n`,
      );
    }
    if (parsed.isEvaluating) {
      const result = await evaluate(source, {
        seed: parsed.seed,
        isParallel,
        onProgress: progress.onProgress,
      });
      progress.done();
      await writeAtomically(out, { 'evaluation.json': `${JSON.stringify(result, null, 2)}\n` });
      process.stdout.write(formatEvaluation(result));
      process.stdout.write(`wrote ${join(out, 'evaluation.json')}\n`);
      return 0;
    }
    const analysis = await analyze(source, {
      seed: parsed.seed,
      threshold: parsed.threshold,
      isParallel,
      onProgress: progress.onProgress,
      ...(parsed.themes !== undefined ? { themes: parsed.themes } : {}),
      ...(parsed.groups !== undefined ? { groups: parsed.groups } : {}),
    });
    progress.onProgress({ stage: 'writing', done: 0 });
    await writeAtomically(out, {
      'analysis.json': JSON.stringify(analysis),
      'summary.md': renderSummary(analysis),
    });
    progress.done();
    process.stdout.write(
      `analysed ${analysis.input.records.toLocaleString('en')} texts: ${analysis.themes.count} themes in ${analysis.groups.length} groups, ` +
        `${analysis.duplicates.groupCount} duplicate groups, ${analysis.themes.unassigned.count} unassigned\n` +
        `wrote ${join(out, 'analysis.json')} and ${join(out, 'summary.md')}\n`,
    );
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof InputError || error instanceof AnalysisError) {
      process.stderr.write(`innspill analyze: ${error.message}\n`);
      return 1;
    }
    if (
      error instanceof Error &&
      'code' in error &&
      typeof error.code === 'string' &&
      error.code.startsWith('E')
    ) {
      process.stderr.write(`innspill analyze: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
