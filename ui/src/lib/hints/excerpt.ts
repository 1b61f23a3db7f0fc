// What of a feed item the hints panel explains: its title and plain text (the engine's text of
// the sanitized HTML — never the HTML, whose tags would be hinted as words and whose offsets
// would not match what the panel shows), cut to the first HINT_CAP characters.
//
// The composer has no cap of its own: it hints a variant whole (a draft allows up to ferry-core's
// MAX_TEXT_CHARS, a million). A feed item can be a whole article, though, and the panel is a
// 300-pixel column read beside it; so it hints what one post holds and says where it stopped.
//
//   const { text, cut } = excerpt(item);   // cut: { shown: 1000, total: 5210 } or null
import type { FeedItem } from "../backend";

/**
 * Characters (Unicode scalar values, Rust's `char`) hinted at most: the size
 * docs/BENCHMARKS.md measures the panel at (a 1,000-character post, about 2 ms).
 */
export const HINT_CAP = 1000;

/** A sentence's end this near the cut (UTF-16 units) is a better place to stop than a word. */
const SENTENCE_BACKTRACK = 300;

/** Where a sentence ends: Chinese full stops at once, Latin ones before a space; line breaks. */
const SENTENCE_END = /[。！？]+|[.!?]+(?=\s)|\n/gu;

export interface Excerpt {
  text: string;
  /** Present when the text was cut: how many characters are hinted, of how many. */
  cut: { shown: number; total: number } | null;
}

/** The text the panel hints for `item`: title and text as the "Translate" button joins them. */
export function excerpt(item: Pick<FeedItem, "title" | "text">, cap = HINT_CAP): Excerpt {
  const full = [item.title, item.text].filter((part) => part?.trim()).join("\n\n");
  const total = [...full].length;
  if (total <= cap) return { text: full, cut: null };
  const text = cutAt(full, cap);
  return { text, cut: { shown: [...text].length, total } };
}

/**
 * The longest start of `text` of at most `cap` characters that ends between graphemes, moved
 * back to the end of a sentence when one ends near there.
 */
function cutAt(text: string, cap: number): string {
  let end = 0; // UTF-16 index of the last grapheme boundary within the cap
  let count = 0;
  for (const grapheme of graphemes(text)) {
    const size = [...grapheme].length;
    if (count + size > cap) break;
    count += size;
    end += grapheme.length;
  }
  const head = text.slice(0, end);
  const from = Math.max(0, head.length - SENTENCE_BACKTRACK);
  const last = [...head.slice(from).matchAll(SENTENCE_END)].at(-1);
  return (last ? head.slice(0, from + last.index + last[0].length) : head).trimEnd();
}

/** Grapheme clusters, so an emoji ZWJ sequence or a letter with its accent is never split. */
function* graphemes(text: string): Iterable<string> {
  if (typeof Intl !== "undefined" && "Segmenter" in Intl) {
    for (const s of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) yield s.segment;
  } else {
    yield* text;
  }
}
