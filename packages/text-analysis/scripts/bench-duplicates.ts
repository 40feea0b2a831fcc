/**
 * Measures duplicate detection on a JSONL corpus (`{"id", "text"}` per line).
 *
 *   node --expose-gc --import tsx packages/text-analysis/scripts/bench-duplicates.ts /tmp/corpus-1m.jsonl [limit] [threshold]
 *
 * Reading and JSON parsing are timed separately from detection. `detectionCpuMs` is the process CPU
 * time of detection (less sensitive than wall time to other jobs on a shared machine; includes GC).
 */
import { readFileSync } from 'node:fs';
import { DuplicateDetector } from '../src/duplicates/index.ts';

const path = process.argv[2];
if (!path) {
  throw new Error('usage: bench-duplicates.ts CORPUS.jsonl [limit] [threshold]');
}
const limit = Number(process.argv[3] ?? Number.POSITIVE_INFINITY);
const threshold = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const readStart = performance.now();
const records: { id: string; text: string }[] = [];
for (const line of readFileSync(path, 'utf8').split('\n')) {
  if (records.length >= limit) {
    break;
  }
  if (line.trim()) {
    records.push(JSON.parse(line) as { id: string; text: string });
  }
}
const readMs = performance.now() - readStart;
const collectGarbage = (globalThis as { gc?: () => void }).gc;
const measureMemory = (): number => {
  collectGarbage?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};
const heapBefore = measureMemory();
const detector = new DuplicateDetector(threshold === undefined ? {} : { threshold });
const cpuStart = process.cpuUsage();
const addStart = performance.now();
for (const record of records) {
  detector.add(record.id, record.text);
}
const addMs = performance.now() - addStart;
const groupStart = performance.now();
const groups = detector.groups();
const groupMs = performance.now() - groupStart;
const cpu = process.cpuUsage(cpuStart);
const heapAfterGroups = measureMemory();
const detectorBytes = heapAfterGroups - heapBefore;
const exact = groups.filter((group) => group.kind === 'exact');
const near = groups.filter((group) => group.kind === 'near');
const grouped = groups.reduce((sum, group) => sum + group.size, 0);
console.log(
  JSON.stringify({
    texts: records.length,
    threshold: detector.threshold,
    bands: detector.bands,
    rows: detector.rows,
    readMs: Math.round(readMs),
    addMs: Math.round(addMs),
    groupsMs: Math.round(groupMs),
    totalDetectionMs: Math.round(addMs + groupMs),
    detectionCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    exactGroups: exact.length,
    nearGroups: near.length,
    textsInGroups: grouped,
    largestGroup: groups[0]?.size ?? 0,
    distinctTexts: detector.distinctCount,
    detectorAndGroupsMemoryMB: collectGarbage ? Math.round(detectorBytes / 1e6) : 'run with --expose-gc',
    rssMB: Math.round(process.memoryUsage().rss / 1e6),
  }),
);
