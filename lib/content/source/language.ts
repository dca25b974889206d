/** The language a review is written in, as a BCP 47 tag for its `lang` attribute. */
export type ReviewLanguage = 'ko' | 'en';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/g;
const LATIN = /[A-Za-z]/g;

/**
 * Korean when Hangul makes up at least a fifth of the letters. Korean reviews
 * keep model names, code and English terms in Latin script (about a third of
 * the letters in this repo's Korean reviews), while English reviews have
 * almost no Hangul; text with no letters at all stays Korean, the site's default.
 */
export function reviewLanguage(text: string): ReviewLanguage {
  const hangul = text.match(HANGUL)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (hangul + latin === 0) return 'ko';
  return hangul / (hangul + latin) >= 0.2 ? 'ko' : 'en';
}
