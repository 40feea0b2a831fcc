/**
 * Language detection for bokmål (`nb`), nynorsk (`nn`), English (`en`) and other/too short (`und`).
 *
 * A hashed character-n-gram naive-Bayes model trained on parliamentary sentences (see `README.md`
 * and `scripts/train-language-model.ts`); off-the-shelf detectors confuse nb, nn and Danish.
 *
 * @module language
 */
import type { Language } from '../tokenize/index.ts';
import { classifyLanguage, loadLanguageModel, type LoadedLanguageModel } from './classifier.ts';
import { LANGUAGE_MODEL } from './model.ts';

let loadedModel: LoadedLanguageModel | undefined;

function model(): LoadedLanguageModel {
  loadedModel ??= loadLanguageModel(LANGUAGE_MODEL);
  return loadedModel;
}

/**
 * Tells bokmål, nynorsk and English apart. Returns `und` for empty or very short texts (fewer than
 * 6 letters or 2 words), for texts in other languages the model recognises (Danish, Swedish,
 * German, …, best effort), and for texts whose character n-grams are mostly unknown to the model
 * (other scripts, junk). Only the first 1,000 characters are read. Never throws.
 *
 * @example
 * detectLanguage('Eg meiner at kommunen ikkje bør leggje ned skulen.'); // 'nn'
 * detectLanguage('Jeg mener at kommunen ikke bør legge ned skolen.');   // 'nb'
 * detectLanguage('Please keep our local school open.');                // 'en'
 * detectLanguage('ok');                                                // 'und'
 */
export function detectLanguage(text: string): Language {
  if (typeof text !== 'string' || text.length === 0) {
    return 'und';
  }
  return classifyLanguage(model(), text);
}

/**
 * {@link detectLanguage} for many texts at once.
 *
 * @example
 * detectLanguages(['Eg veit ikkje kva eg skal gjere.', '']); // ['nn', 'und']
 */
export function detectLanguages(texts: Iterable<string>): Language[] {
  const languages: Language[] = [];
  for (const text of texts) {
    languages.push(detectLanguage(text));
  }
  return languages;
}
