// Readability of Dutch text: Flesch-Douma (Douma 1960), the Dutch form of Flesch reading ease:
// 206.835 − 0.93 × words per sentence − 77 × syllables per word. 60 and up reads easily (B1).

/** Syllables of a Dutch word, counted as vowel groups; a diaeresis starts a new one ("geïnteresseerd" has 5). */
export function syllables(word: string): number {
  return Math.max(1, word.toLowerCase().match(/[ëïöüéè][aeiouy]*|[aeiouyáíóúâêîôû]+/g)?.length ?? 0);
}

/** The words of a text: runs of letters (numbers and signs are not words here). */
export function wordsOf(text: string): string[] {
  return text.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
}

/** Sentences end with . ! ? or : followed by a space or the end; "9.10 uur" does not end one. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?:])\s+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

export type Readability = { words: number; sentences: number; wordsPerSentence: number; score: number };

export function readability(text: string): Readability {
  const words = wordsOf(text);
  const sentences = Math.max(1, sentencesOf(text).length);
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0);
  const wordsPerSentence = words.length / sentences;
  const score = 206.835 - 0.93 * wordsPerSentence - 77 * (syllableCount / Math.max(1, words.length));
  return { words: words.length, sentences, wordsPerSentence, score };
}
