/**
 * Stop-word lists for bokmål, nynorsk and English.
 *
 * The Norwegian lists start from stopwords-iso's `no` list (which mixes bokmål and nynorsk and
 * contains a few mis-encoded entries and content words such as "arbeid", "tid" or "folk"): the
 * content words and broken entries are dropped, the rest is split into forms shared by both written
 * standards, bokmål-only and nynorsk-only forms, and each standard gets its missing function words.
 * The English list is a curated function-word list (stopwords-iso's `en` list is not used because
 * it removes words that carry themes in feedback, e.g. "help", "information", "home", "problem").
 *
 * @module tokenize/stop-words
 */
import stopwordsIso from 'stopwords-iso' with { type: 'json' };

/** Entries of stopwords-iso `no` that are content words or mis-encoded, never stop words here. */
// prettier-ignore
const NOT_STOP_WORDS = new Set([
  'arbeid', 'bra', 'bruke', 'folk', 'forsûke', 'fûr', 'fûrst', 'gjûre', 'god', 'lage', 'lang', 'makt',
  'navn', 'ny', 'part', 'punkt', 'rett', 'riktig', 'sant', 'slutt', 'start', 'stille', 'tid', 'tilstand',
  'verdi', 'vöre', 'vört', 'hoe', 'korso', 'lik', 'like', 'måte', 'sist', 'vite', 'kom',
]);

/** Nynorsk function words; those not also bokmål or shared are removed from the bokmål list. */
// prettier-ignore
const NYNORSK_FUNCTION_WORDS = [
  'båe', 'dei', 'deim', 'deira', 'deires', 'dykk', 'dykkar', 'eg', 'ein', 'eit', 'eitt', 'elles', 'hennar',
  'hjå', 'ho', 'honom', 'hoss', 'hossen', 'ikkje', 'ingi', 'inkje', 'korleis', 'kva', 'kvar', 'kvarhelst',
  'kven', 'kvi', 'kvifor', 'me', 'medan', 'mykje', 'noka', 'noko', 'nokon', 'nokor', 'nokre', 'sia',
  'sidan', 'sjøl', 'somme', 'somt', 'um', 'upp', 'vart', 'varte', 'vere', 'verte', 'vore', 'vors', 'vort',
  'frå', 'berre', 'ei', 'blei', 'vert', 'kan', 'kunne', 'skal', 'skulle', 'vil', 'ville', 'har', 'hadde',
  'nokså', 'likevel', 'difor', 'derfor', 'då', 'der', 'her', 'mellom', 'utan', 'også', 'òg', 'au', 'kor',
  'kvarandre', 'seg', 'sin', 'si', 'sitt', 'sine', 'vår', 'våre', 'vårt', 'deira', 'dykkar', 'dette',
  'desse', 'denne', 'det', 'den', 'dei', 'at', 'og', 'eller', 'men', 'som', 'om', 'til', 'på', 'i', 'av',
  'for', 'med', 'ved', 'under', 'over', 'etter', 'før', 'mot', 'gjennom', 'utan', 'ut', 'inn', 'opp',
  'ned', 'no', 'nå', 'så', 'ja', 'nei', 'er', 'var', 'vore', 'verte', 'vorte', 'blir', 'bli', 'blitt',
  'ha', 'hatt', 'må', 'måtte', 'få', 'fekk', 'fått', 'gjer', 'gjere', 'gjorde', 'gjort', 'alle', 'all',
  'alt', 'anna', 'andre', 'annan', 'mange', 'mykje', 'meir', 'mest', 'fleire', 'nokre', 'ingen', 'inga',
  'ikkje', 'berre', 'heller', 'enn', 'sjølv', 'same', 'slik', 'slike', 'sånn', 'når', 'kvar', 'kva',
  'kven', 'kvifor', 'korleis', 'fordi', 'viss', 'dersom', 'sidan', 'medan', 'eg', 'meg', 'min', 'mi',
  'mitt', 'mine', 'du', 'deg', 'din', 'di', 'ditt', 'dine', 'han', 'hans', 'ho', 'henne', 'hennar', 'vi',
  'me', 'oss', 'de', 'dykk', 'dei', 'dei', 'deim', 'ein', 'eit', 'ei', 'man', 'ein', 'sjå', 'ca',
  'bort', 'både', 'begge', 'innan', 'ingenting', 'noko', 'nokon', 'kvart', 'kvarannan', 'sia',
];

/** Bokmål function words; those not also nynorsk or shared are removed from the nynorsk list. */
// prettier-ignore
const BOKMAL_FUNCTION_WORDS = [
  'hva', 'hvem', 'hver', 'hvert', 'hvilke', 'hvilken', 'hvilket', 'hvis', 'hvor', 'hvordan', 'hvorfor',
  'ikke', 'jeg', 'hun', 'noe', 'noen', 'mye', 'meget', 'siden', 'selv', 'være', 'vært', 'ble', 'dere',
  'deres', 'hennes', 'en', 'et', 'ett', 'fra', 'bare', 'uten', 'mens', 'mer', 'disse', 'blitt', 'enhver',
  'eneste', 'ene', 'innen', 'inni', 'kun', 'samme', 'sin', 'sitt', 'sine', 'dem', 'andre', 'annen',
  'annet', 'flere', 'ingen', 'intet', 'dessuten', 'derfor', 'likevel', 'altså', 'fordi', 'dersom',
  'mellom', 'gjennom', 'gjøre', 'gjør', 'gjort', 'fikk', 'får', 'også', 'enn', 'slik', 'sånn', 'hverandre',
  'deg', 'din', 'ditt', 'dine', 'meg', 'min', 'mitt', 'mine', 'vår', 'vårt', 'våre', 'oss', 'seg',
];

/** Function words shared by both written standards (present in both lists). */
// prettier-ignore
const SHARED_NORWEGIAN = [
  'alle', 'at', 'av', 'både', 'da', 'de', 'deg', 'den', 'denne', 'der', 'det', 'dette', 'du',
  'eller', 'er', 'etter', 'for', 'før', 'ha', 'han', 'hans', 'har', 'hadde', 'henne', 'her', 'i', 'inn',
  'ja', 'kan', 'kunne', 'man', 'med', 'meg', 'men', 'mot', 'må', 'nei', 'no', 'når', 'nå', 'og', 'om',
  'opp', 'oss', 'over', 'på', 'sa', 'seg', 'skal', 'skulle', 'slik', 'som', 'så', 'til', 'under', 'ut',
  'var', 'ved', 'vi', 'vil', 'ville', 'å', 'bør', 'burde', 'blant', 'hos', 'mens', 'bl', 'bl.a', 'dvs', 'f.eks', 'osv', 'mfl', 'ca', 'jf', 'iht',
];

// prettier-ignore
const ENGLISH = [
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are',
  "aren't", 'as', 'at', 'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but',
  'by', 'can', "can't", 'cannot', 'could', "couldn't", 'did', "didn't", 'do', 'does', "doesn't", 'doing',
  "don't", 'down', 'during', 'each', 'either', 'etc', 'even', 'ever', 'every', 'few', 'for', 'from',
  'further', 'had', "hadn't", 'has', "hasn't", 'have', "haven't", 'having', 'he', "he'd", "he'll",
  "he's", 'her', 'here', "here's", 'hers', 'herself', 'him', 'himself', 'his', 'how', "how's", 'however',
  'i', "i'd", "i'll", "i'm", "i've", 'if', 'in', 'into', 'is', "isn't", 'it', "it's", 'its', 'itself',
  'just', "let's", 'may', 'me', 'might', 'more', 'most', 'much', 'must', "mustn't", 'my', 'myself',
  'neither', 'no', 'nor', 'not', 'now', 'of', 'off', 'on', 'once', 'only', 'or', 'other', 'ought', 'our',
  'ours', 'ourselves', 'out', 'over', 'own', 'per', 'quite', 'rather', 'same', 'shall', "shan't", 'she',
  "she'd", "she'll", "she's", 'should', "shouldn't", 'since', 'so', 'some', 'such', 'than', 'that',
  "that's", 'the', 'their', 'theirs', 'them', 'themselves', 'then', 'there', "there's", 'therefore',
  'these', 'they', "they'd", "they'll", "they're", "they've", 'this', 'those', 'though', 'through', 'thus',
  'to', 'too', 'under', 'until', 'up', 'upon', 'us', 'very', 'via', 'was', "wasn't", 'we', "we'd",
  "we'll", "we're", "we've", 'were', "weren't", 'what', "what's", 'when', "when's", 'where', "where's",
  'whether', 'which', 'while', 'who', "who's", 'whom', 'whose', 'why', "why's", 'will', 'with', "won't",
  'would', "wouldn't", 'yet', 'you', "you'd", "you'll", "you're", "you've", 'your', 'yours', 'yourself',
  'yourselves', 'also', 'already', 'although', 'among', 'another', 'around', 'away', 'else', 'enough',
  'everything', 'anything', 'something', 'nothing', 'many', 'within', 'without', 'yes', 'ok', 'okay',
  'get', 'got', 'its', 'lot', 'lots', 'really', 'still', 'well', 'whilst', 'whereas', 'im', 'dont',
  'didnt', 'cant', 'wont', 'ive', 'isnt', 'doesnt', 'wasnt',
];

const norwegianBase = stopwordsIso.no.filter((word) => !NOT_STOP_WORDS.has(word));
const nynorskWords = new Set(NYNORSK_FUNCTION_WORDS);
const bokmalWords = new Set(BOKMAL_FUNCTION_WORDS);
const sharedWords = new Set(SHARED_NORWEGIAN);
const isNynorskOnly = (word: string): boolean =>
  nynorskWords.has(word) && !bokmalWords.has(word) && !sharedWords.has(word);
const isBokmalOnly = (word: string): boolean =>
  bokmalWords.has(word) && !nynorskWords.has(word) && !sharedWords.has(word);

/**
 * Bokmål stop words.
 *
 * @example
 * BOKMAL_STOP_WORDS.has('ikke'); // true
 * BOKMAL_STOP_WORDS.has('ikkje'); // false
 */
export const BOKMAL_STOP_WORDS: ReadonlySet<string> = new Set(
  [...norwegianBase, ...SHARED_NORWEGIAN, ...BOKMAL_FUNCTION_WORDS].filter((word) => !isNynorskOnly(word)),
);

/**
 * Nynorsk stop words.
 *
 * @example
 * NYNORSK_STOP_WORDS.has('ikkje'); // true
 * NYNORSK_STOP_WORDS.has('ikke'); // false
 */
export const NYNORSK_STOP_WORDS: ReadonlySet<string> = new Set(
  [...norwegianBase, ...SHARED_NORWEGIAN, ...NYNORSK_FUNCTION_WORDS].filter((word) => !isBokmalOnly(word)),
);

/**
 * English stop words.
 *
 * @example
 * ENGLISH_STOP_WORDS.has('the'); // true
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(ENGLISH);

/**
 * Union of the three lists, for text whose language is unknown.
 *
 * @example
 * ANY_STOP_WORDS.has('ikkje') && ANY_STOP_WORDS.has('the'); // true
 */
export const ANY_STOP_WORDS: ReadonlySet<string> = new Set([
  ...BOKMAL_STOP_WORDS,
  ...NYNORSK_STOP_WORDS,
  ...ENGLISH_STOP_WORDS,
]);
