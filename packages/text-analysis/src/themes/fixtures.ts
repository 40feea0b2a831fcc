/** Synthetic labelled corpora and small matrices for tests (no third-party text; licence-free). */
import type { CsrMatrix } from '../vectorize/index.ts';
import { createRandom } from '../vectorize/random.ts';

/**
 * A CSR matrix from rows of distinct sorted column indices; each value is `value(column)`.
 *
 * @example
 * csrFromRows([[0, 2], [1]], 3, () => 1); // two rows, three columns, all values 1
 */
export function csrFromRows(
  rows: readonly (readonly number[])[],
  columnCount: number,
  value: (column: number) => number,
): CsrMatrix {
  const indptr = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  rows.forEach((row, i) => {
    indices.push(...row);
    indptr[i + 1] = indices.length;
  });
  return {
    rowCount: rows.length,
    columnCount,
    indptr,
    indices: Int32Array.from(indices),
    values: Float32Array.from(indices, value),
  };
}

const TOPICS: Readonly<Record<string, readonly string[]>> = {
  skole: [
    'skolen',
    'elevene',
    'lærerne',
    'undervisning',
    'klasserommet',
    'leksene',
    'rektor',
    'skolebussen',
    'karakterer',
    'friminuttet',
    'skolemat',
    'pensum',
  ],
  helse: [
    'sykehuset',
    'legen',
    'pasientene',
    'fastlegen',
    'ventetid',
    'sykepleierne',
    'behandling',
    'legevakten',
    'medisiner',
    'operasjon',
    'helsestasjonen',
    'ambulansen',
  ],
  vei: [
    'veien',
    'trafikken',
    'bussen',
    'hullene',
    'asfalt',
    'fartsdumper',
    'gangfelt',
    'sykkelvei',
    'parkering',
    'bompenger',
    'kollektivtrafikk',
    'rundkjøringen',
  ],
};
const FILLER = [
  'vi',
  'mener',
  'at',
  'det',
  'er',
  'viktig',
  'for',
  'kommunen',
  'og',
  'alle',
  'som',
  'bor',
  'her',
  'må',
  'bli',
  'bedre',
];

/**
 * Topic names of {@link syntheticCorpus}.
 *
 * @example
 * SYNTHETIC_TOPICS; // ['skole', 'helse', 'vei']
 */
export const SYNTHETIC_TOPICS = Object.keys(TOPICS);

/**
 * `perTopic` short Norwegian-like texts per topic, with shared filler words and some noise.
 *
 * @example
 * const { texts, labels } = syntheticCorpus(20, 1);
 */
export function syntheticCorpus(
  perTopic: number,
  seed: number,
  noise = 0.15,
): { texts: string[]; labels: string[] } {
  const random = createRandom(seed);
  const texts: string[] = [];
  const labels: string[] = [];
  const topicNames = Object.keys(TOPICS);
  for (let i = 0; i < perTopic; i++) {
    for (const topic of topicNames) {
      const words: string[] = [];
      const length = 8 + random.nextInt(8);
      for (let w = 0; w < length; w++) {
        const roll = random.next();
        if (roll < 0.4) {
          words.push(FILLER[random.nextInt(FILLER.length)] as string);
        } else if (roll < 0.4 + noise) {
          const other = TOPICS[topicNames[random.nextInt(topicNames.length)] as string] as readonly string[];
          words.push(other[random.nextInt(other.length)] as string);
        } else {
          const own = TOPICS[topic] as readonly string[];
          words.push(own[random.nextInt(own.length)] as string);
        }
      }
      texts.push(`${words.join(' ')}.`);
      labels.push(topic);
    }
  }
  return { texts, labels };
}
