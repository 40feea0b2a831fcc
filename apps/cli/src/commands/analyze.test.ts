import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnalyzeCommand } from './analyze.ts';

const TOPICS = [
  ['skolen', 'elevene', 'lærerne', 'rektor', 'leksene', 'klasserommet'],
  ['sykehuset', 'legen', 'pasientene', 'ventetid', 'fastlegen', 'legevakten'],
  ['veien', 'bussen', 'trafikken', 'hullene', 'sykkelvei', 'bompenger'],
];

function corpus(perTopic: number): string {
  const lines: string[] = [];
  for (let i = 0; i < perTopic; i++) {
    TOPICS.forEach((words, t) => {
      const text = `Vi mener ${words[i % 6] as string} og ${words[(i + 2) % 6] as string} er viktig, ${words[(i + 3) % 6] as string} må bli bedre for ${words[(i + 4) % 6] as string}.`;
      lines.push(JSON.stringify({ id: `t${t}-${i}`, text, labels: [`tema${t}`] }));
    });
  }
  return `${lines.join('\n')}\n`;
}

describe('innspill analyze', () => {
  let dir: string;
  let stderr: string;
  let stdout: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'innspill-analyze-'));
    stderr = '';
    stdout = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes analysis.json and summary.md', async () => {
    const input = join(dir, 'answers.jsonl');
    writeFileSync(input, corpus(20));
    const out = join(dir, 'out');
    expect(
      await runAnalyzeCommand([input, '--out', out, '--themes', '3', '--groups', '2', '--seed', '1']),
    ).toBe(0);
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as {
      themes: { count: number; items: { representatives: { id: string; text: string }[] }[] };
      groups: unknown[];
      languages: { counts: Record<string, number> };
    };
    expect(analysis.themes.count).toBe(3);
    // The quoted texts are fetched again from the file by line number: each is its record's text.
    const textOf = new Map(
      corpus(20)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; text: string })
        .map((record) => [record.id, record.text]),
    );
    const quoted = analysis.themes.items.flatMap((theme) => theme.representatives);
    expect(quoted.length).toBeGreaterThan(3);
    for (const representative of quoted) {
      expect(representative.text).toBe(textOf.get(representative.id));
    }
    expect(analysis.groups).toHaveLength(2);
    expect(analysis.languages.counts['nb']).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('## Themes');
    expect(stdout).toContain('analysis.json');
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('evaluates against the labels and writes evaluation.json', async () => {
    const input = join(dir, 'labelled.jsonl');
    writeFileSync(input, corpus(30));
    const out = join(dir, 'eval');
    expect(await runAnalyzeCommand([input, '--out', out, '--evaluate'])).toBe(0);
    const evaluation = JSON.parse(readFileSync(join(out, 'evaluation.json'), 'utf8')) as {
      discovery: { ari: number; nmi: number };
      suggestions: Record<'10' | '20', { accuracy: number; macroF1: number }>;
    };
    expect(evaluation.discovery.nmi).toBeGreaterThan(0.3);
    expect(evaluation.suggestions['20'].accuracy).toBeGreaterThan(0.5);
    expect(stdout).toMatch(/NMI/);
  });

  it('returns 2 on usage errors and prints help', async () => {
    expect(await runAnalyzeCommand([])).toBe(2);
    expect(await runAnalyzeCommand(['x.jsonl'])).toBe(2);
    expect(await runAnalyzeCommand(['x.jsonl', '--out', join(dir, 'o'), '--themes', 'many'])).toBe(2);
    expect(await runAnalyzeCommand(['x.jsonl', '--out', join(dir, 'o'), '--bogus'])).toBe(2);
    expect(stderr).toContain('Usage: innspill analyze');
    expect(await runAnalyzeCommand(['--help'])).toBe(0);
    expect(stdout).toContain('--themes N');
  });

  it('fails with a clear message and leaves nothing behind on bad input', async () => {
    const out = join(dir, 'out');
    expect(await runAnalyzeCommand([join(dir, 'missing.jsonl'), '--out', out])).toBe(1);
    expect(stderr).toContain('missing.jsonl');

    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"1","text":"ok"}\n{"id":"2", text}\n');
    expect(await runAnalyzeCommand([bad, '--out', out])).toBe(1);
    expect(stderr).toMatch(/bad\.jsonl:2: malformed JSON/);

    const csv = join(dir, 'no-text.csv');
    writeFileSync(csv, 'id,body\n1,hei\n');
    expect(await runAnalyzeCommand([csv, '--out', out])).toBe(1);
    expect(stderr).toMatch(/no-text\.csv:1: no "text" column/);

    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    expect(await runAnalyzeCommand([empty, '--out', out])).toBe(1);

    const binary = join(dir, 'junk.jsonl');
    writeFileSync(binary, Buffer.from([0, 1, 2, 255, 254, 0, 7, 8, 9, 10]));
    expect(await runAnalyzeCommand([binary, '--out', out])).toBe(1);
    expect(stderr).toMatch(/junk\.jsonl:1: line contains binary data/);

    // A workbook or PDF instead of its text export: named for what it is.
    const workbook = join(dir, 'svar.xlsx');
    writeFileSync(workbook, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]));
    expect(await runAnalyzeCommand([workbook, '--out', out])).toBe(1);
    expect(stderr).toMatch(/svar\.xlsx is a zip archive \(an Excel \.xlsx.*save the answers as CSV/);
    const pdf = join(dir, 'brev.jsonl');
    writeFileSync(pdf, '%PDF-1.7\n%âãÏÓ\n');
    expect(await runAnalyzeCommand([pdf, '--out', out])).toBe(1);
    expect(stderr).toContain('brev.jsonl is a PDF document, not text');

    // --out naming a file is refused before any work, and the file is left as it was.
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, corpus(4));
    const notADirectory = join(dir, 'out.txt');
    writeFileSync(notADirectory, 'keep me');
    expect(await runAnalyzeCommand([good, '--out', notADirectory, '--themes', '3'])).toBe(1);
    expect(stderr).toContain(`--out ${notADirectory} is a file; give a directory`);
    expect(readFileSync(notADirectory, 'utf8')).toBe('keep me');

    const few = join(dir, 'few.jsonl');
    writeFileSync(few, corpus(1));
    expect(await runAnalyzeCommand([few, '--out', out, '--themes', '10'])).toBe(1);
    expect(stderr).toMatch(/fewer than the 10 themes/);

    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('reads a semicolon CSV in Windows-1252, as older Excel saves it, and refuses a file mixing encodings', async () => {
    const rows = corpus(12)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; text: string; labels: string[] });
    const table = ['ID;Tekst;Text', ...rows.map((row) => `${row.id};x;"${row.text}"`)].join('\r\n');
    const excel = join(dir, 'svar.csv');
    // Windows-1252 agrees with Latin-1 on æ, ø and å: one byte each, not UTF-8.
    writeFileSync(excel, Buffer.from(`${table}\r\n`, 'latin1'));
    const out = join(dir, 'excel');
    expect(await runAnalyzeCommand([excel, '--out', out, '--themes', '3'])).toBe(0);
    expect(stderr).toContain('is not UTF-8; read as Windows-1252');
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as {
      input: { encoding?: string; records: number };
      themes: { items: { representatives: { id: string; text: string }[] }[] };
    };
    expect(analysis.input).toMatchObject({ encoding: 'windows-1252', records: rows.length });
    const quoted = analysis.themes.items.flatMap((theme) => theme.representatives);
    expect(quoted.length).toBeGreaterThan(0);
    for (const text of quoted) {
      expect(text.text).toBe(rows.find((row) => row.id === text.id)?.text);
    }
    expect(JSON.stringify(analysis)).not.toContain('\ufffd');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('read as Windows-1252');

    const mixed = join(dir, 'mixed.csv');
    writeFileSync(
      mixed,
      Buffer.concat([
        Buffer.from('id;text\n1;Skolen må bestå\n', 'utf8'),
        Buffer.from('2;Lærerne får for lite tid\n', 'latin1'),
      ]),
    );
    const refused = join(dir, 'mixed-out');
    expect(await runAnalyzeCommand([mixed, '--out', refused])).toBe(1);
    expect(stderr).toMatch(/mixed\.csv:3: this line is not UTF-8 text/);
    expect(existsSync(refused)).toBe(false);
  });

  it('handles all-duplicate input', async () => {
    const input = join(dir, 'same.jsonl');
    writeFileSync(
      input,
      Array.from({ length: 12 }, (_, i) =>
        JSON.stringify({ id: String(i), text: 'Behold skolen i bygda!' }),
      ).join('\n'),
    );
    const out = join(dir, 'same');
    expect(await runAnalyzeCommand([input, '--out', out])).toBe(0);
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as {
      duplicates: { groups: { size: number }[] };
    };
    expect(analysis.duplicates.groups[0]?.size).toBe(12);
  });
});
