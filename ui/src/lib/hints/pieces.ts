// A sentence of a variant cut into the pieces the panel shows: plain text, and the words,
// English phrases, slang/tone notes and hashtags that have a hover card. Offsets are the
// hints' UTF-16 ones, which are JavaScript string indices, so `text.slice` is exact for CJK,
// emoji ZWJ sequences and astral characters alike.
//
//   for (const s of hints.sentences) render(pieces(text, hints, s.span.utf16Start, s.span.utf16End));
import type { EnglishHint, HashtagHint, Hints, NoteHint, Span, WordHint } from "../backend";

export type Piece =
  | { kind: "plain"; text: string }
  | { kind: "word"; text: string; hint: WordHint }
  | { kind: "english"; text: string; hint: EnglishHint }
  | { kind: "note"; text: string; hint: NoteHint }
  | { kind: "hashtag"; text: string; hint: HashtagHint };

type Hinted = Exclude<Piece, { kind: "plain" }>;

/** Where several hints cover the same letters, the more specific explanation wins. */
const PRIORITY: Record<Hinted["kind"], number> = { note: 0, hashtag: 1, english: 2, word: 3 };

/** The pieces of `text[from, to)`; pieces never overlap and cover the range exactly. */
export function pieces(text: string, hints: Hints, from = 0, to = text.length): Piece[] {
  const candidates: { span: Span; piece: Hinted }[] = [];
  const add = (span: Span, make: (text: string) => Hinted) => {
    if (span.utf16Start >= from && span.utf16End <= to && span.utf16End > span.utf16Start) {
      candidates.push({ span, piece: make(text.slice(span.utf16Start, span.utf16End)) });
    }
  };
  for (const hint of hints.notes) add(hint.span, (t) => ({ kind: "note", text: t, hint }));
  for (const hint of hints.hashtags) add(hint.span, (t) => ({ kind: "hashtag", text: t, hint }));
  for (const hint of hints.english) add(hint.span, (t) => ({ kind: "english", text: t, hint }));
  for (const hint of hints.words) add(hint.span, (t) => ({ kind: "word", text: t, hint }));

  // Most specific first, then earliest and longest; take each unless it overlaps a taken one.
  candidates.sort(
    (a, b) =>
      PRIORITY[a.piece.kind] - PRIORITY[b.piece.kind] ||
      a.span.utf16Start - b.span.utf16Start ||
      b.span.utf16End - a.span.utf16End,
  );
  const taken: { span: Span; piece: Hinted }[] = [];
  for (const c of candidates) {
    const overlaps = taken.some(
      (t) => c.span.utf16Start < t.span.utf16End && t.span.utf16Start < c.span.utf16End,
    );
    if (!overlaps) taken.push(c);
  }
  taken.sort((a, b) => a.span.utf16Start - b.span.utf16Start);

  const out: Piece[] = [];
  let at = from;
  for (const { span, piece } of taken) {
    if (span.utf16Start > at) out.push({ kind: "plain", text: text.slice(at, span.utf16Start) });
    out.push(piece);
    at = span.utf16End;
  }
  if (at < to) out.push({ kind: "plain", text: text.slice(at, to) });
  return out;
}
