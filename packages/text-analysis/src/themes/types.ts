/**
 * The options and results of theme discovery (`discoverThemes`).
 * @module
 */
import type { CsrMatrix } from '../vectorize/index.ts';
import type { WorkerPool } from '../parallel/pool.ts';

/** Options of `discoverThemes`. */
export interface ThemeOptions {
  /**
   * A worker thread to share LSA and k-means with (`startWorkerPool`); the result is the same with
   * or without it.
   */
  readonly pool?: WorkerPool;
  /** Number of themes; chosen automatically when omitted. */
  readonly themes?: number;
  /** Range searched when `themes` is omitted (default [2, 30], capped by the corpus size). */
  readonly themeRange?: readonly [number, number];
  /** Number of coarse groups (default ≈ √themes; 0 or 1 = no grouping). */
  readonly groups?: number;
  readonly seed?: number;
  /** LSA dimensions (default 100). */
  readonly dimensions?: number;
  /**
   * Terms in fewer fitted texts than this are left out of the LSA (default 1: none left out; 2 above
   * `ppmiMaxRows` texts, where most bigrams of a sample are in one text and only swell the SVD).
   */
  readonly lsaMinDf?: number;
  /** k-means restarts (default 5). */
  readonly restarts?: number;
  /**
   * Self-training rounds (0 = plain k-means). Default 2 on LSA alone, 0 with PPMI word vectors: the
   * sparse classifiers undo what the word vectors add (chosen on Storting and NHS phase 2).
   */
  readonly refinementRounds?: number;
  /**
   * Rounds of term re-weighting after the first clustering: each term weighted by how concentrated
   * it is in the themes found (1 − normalised entropy over them), the clustering space rebuilt from
   * the re-weighted rows, k-means restarted there from those themes. Default 1 for long texts up to
   * `ppmiMaxRows` (Storting written questions: NMI 0.254 → 0.306), 0 for short texts (under +0.005
   * on NHS phase 2) and above `ppmiMaxRows` texts (speed).
   */
  readonly reweightRounds?: number;
  /** Share of each theme (closest to its centroid) used to train the refinement (default 0.5). */
  readonly confidentShare?: number;
  /**
   * Rows used to fit (sampled above this; the rest are assigned by the classifier). Default 20,000;
   * 10,000 above `ppmiMaxRows` texts.
   */
  readonly maxFitRows?: number;
  /** Minimum cosine similarity to a theme centroid; below it a text is unassigned. Default 0.05. */
  readonly minSimilarity?: number;
  /** Assign every text that has terms (no similarity outliers), e.g. for evaluation. */
  readonly isAssigningAll?: boolean;
  /** Representative texts per theme (default 5). */
  readonly representatives?: number;
  /** Key terms per theme (default 10). */
  readonly terms?: number;
  /** Class-balanced weights in the self-training SVMs (default true: keeps one theme from swallowing others). */
  readonly isBalancedRefinement?: boolean;
  /**
   * Ignore terms in more than this share of the texts while clustering. Default 1/themes (clamped
   * to [0.05, 0.5]; 0.1 when the number is chosen automatically): a term specific to one of k
   * similar-sized themes is in at most about 1/k of the texts; more frequent terms are shared
   * phrasing ("I ask the minister…") that pulls clusters towards style instead of topic. Short
   * texts (fewer than 20 terms each on average) use at least 0.2: they have little such phrasing.
   */
  readonly maxDfShare?: number;
  /**
   * Features the self-training classifiers use instead of the clustering TF-IDF (same rows as the
   * model), e.g. words with stop words plus character n-grams: richer than the topical terms, they
   * let the classifier generalise from a theme's core to texts that share no topical term with it.
   */
  readonly refinementFeatures?: CsrMatrix;
  /**
   * Weight of corpus-learned PPMI word vectors next to LSA in the clustering space (default 2 for
   * corpora up to `ppmiMaxRows` texts; 0 = LSA only).
   */
  readonly ppmiWeight?: number;
  /**
   * Largest corpus (texts) that gets PPMI word vectors by default (default 50,000): they cost some
   * 5 s CPU on 20,000 fitted texts, which pays on small consultations, not on a million petitions.
   */
  readonly ppmiMaxRows?: number;
  /** Terms that get PPMI word vectors (default 3,000). */
  readonly ppmiTerms?: number;
  /** Power iterations of the PPMI word vectors' randomised SVD (default 2 with `wordFeatures`, else 3). */
  readonly ppmiPowerIterations?: number;
  /**
   * Features the PPMI word vectors are learned on and texts embedded with, on short texts only
   * (same rows as the model; see {@link discoveryWordFeatures}). Function words carry meaning in
   * one-line answers (NHS phase 2: NMI 0.314 → 0.330, mean of 3 seeds), but on longer texts they
   * are shared phrasing (Storting: 0.251 → 0.187), so long texts keep the topical TF-IDF.
   */
  readonly wordFeatures?: CsrMatrix;
}

/** A weighted label term. */
export interface ThemeTerm {
  readonly term: string;
  readonly weight: number;
}

/** One discovered theme. */
export interface Theme {
  readonly id: number;
  /** Short label: the three strongest terms. */
  readonly label: string;
  readonly terms: readonly ThemeTerm[];
  readonly bigrams: readonly ThemeTerm[];
  readonly size: number;
  /** Member rows, in input order. */
  readonly members: readonly number[];
  /** Rows closest to the centroid. */
  readonly representatives: readonly number[];
  /** Coarse group id. */
  readonly group: number;
}

/** A coarse group of themes. */
export interface ThemeGroup {
  readonly id: number;
  readonly label: string;
  readonly terms: readonly ThemeTerm[];
  readonly themeIds: readonly number[];
  readonly size: number;
}

/** How the number of themes was chosen. */
export interface ThemeCountChoice {
  readonly method: 'given' | 'silhouette';
  readonly chosen: number;
  readonly candidates: readonly { readonly themes: number; readonly silhouette: number }[];
}

/** Result of `discoverThemes`. */
export interface ThemeResult {
  readonly themes: readonly Theme[];
  readonly groups: readonly ThemeGroup[];
  /** Row → theme id, or −1 when unassigned. */
  readonly assignments: Int32Array;
  /** Rows that fit no theme. */
  readonly unassigned: readonly number[];
  readonly choice: ThemeCountChoice;
  readonly method: string;
}
