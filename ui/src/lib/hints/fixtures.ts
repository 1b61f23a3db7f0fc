// Hints as the shell sends them, for tests: spans in all three units, and a tiny stand-in for
// the engine's `hints` command that finds the given Chinese words (pinyin + glosses) and
// English words (Chinese glosses) in a text, one sentence for the whole text.
//
//   fake.answer("hints", ({ text }) => hintsFor(text, { 日出: ["rìchū", "sunrise"] }));
//   pointedCard(panel, "日出") // the word's card text, once the pointer has been on it
import type { Hints, Span } from "../backend";

/** The span of `part` in `text` (its first place at or after `from`). */
export function span(text: string, part: string, from = 0): Span {
  const start = text.indexOf(part, from);
  const end = start + part.length;
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const chars = (s: string) => [...s].length;
  return {
    byteStart: bytes(text.slice(0, start)),
    byteEnd: bytes(text.slice(0, end)),
    charStart: chars(text.slice(0, start)),
    charEnd: chars(text.slice(0, end)),
    utf16Start: start,
    utf16End: end,
  };
}

/** Dictionary entries: a Chinese word → [pinyin, English gloss]; an English word → [Chinese]. */
export type FakeDictionary = Record<string, readonly [string, string] | readonly [string]>;

/** What the engine would answer for `text`, knowing only `dictionary`. */
export function hintsFor(text: string, dictionary: FakeDictionary): Hints {
  const found = Object.entries(dictionary).filter(([word]) => text.includes(word));
  const chinese = /\p{Script=Han}/u.test(text);
  return {
    lang: chinese ? "zh-Hans" : "en",
    runs: [],
    sentences: text.trim() ? [{ span: span(text, text), lang: chinese ? "zh-Hans" : "en" }] : [],
    words: found
      .filter(([, entry]) => entry.length === 2)
      .map(([word, [pinyin, gloss]]) => ({
        span: span(text, word),
        text: word,
        pinyin,
        readings: [{ pinyin, simplified: word, traditional: word, glosses: [gloss!], usage: [] }],
        usage: [],
        source: "ccCedict",
      })),
    english: found
      .filter(([, entry]) => entry.length === 1)
      .map(([word, [chineseGloss]]) => ({
        span: span(text, word),
        text: word,
        headword: word,
        phonetic: "",
        chinese: [chineseGloss],
        source: "ecdict",
      })),
    hashtags: [],
    notes: [],
    mismatch: null,
    warnings: [],
  };
}

/**
 * The text of the card of `word` under `scope`, after pointing at the word as a person would
 * (a card is built when its word is first pointed at); "" when the word is not there.
 */
export function pointedCard(scope: ParentNode, word: string): string {
  const token = scope.querySelector(`.hinted[data-text="${word}"]`);
  token?.dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
  return token?.querySelector(".card")?.textContent ?? "";
}
