import { en } from './en.js';
import { nl, type Texts } from './nl.js';

export type { FieldCode, ProblemCode, Texts } from './nl.js';
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

const byLanguage: Record<Language, Texts> = { nl, en };

export function textsFor(language: Language): Texts {
  return byLanguage[language];
}

/** Picks nl or en from an Accept-Language header by quality; Dutch when neither is asked for. */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'nl';
  let best: { language: Language; q: number } | undefined;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = range.split('-')[0] as Language;
    if (!languages.includes(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { language: primary, q };
  }
  return best?.language ?? 'nl';
}
