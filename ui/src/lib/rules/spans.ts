// The preview's spans come from Rust with UTF-8 byte offsets; JavaScript strings index UTF-16
// units. `pieces` cuts the text where the spans say, by bytes, so 渡, 👩‍👩‍👧 and é stay whole:
//
//   pieces("渡 #tag", [{ kind: "plain", byte_start: 0, byte_end: 4, counted: null },
//                      { kind: "hashtag", byte_start: 4, byte_end: 8, counted: null }])
//   → [{ kind: "plain", text: "渡 " }, { kind: "hashtag", text: "#tag" }]
import type { PreviewSpan } from "../backend/bindings/PreviewSpan";
import type { SpanKind } from "../backend/bindings/SpanKind";

export interface Piece {
  kind: SpanKind;
  text: string;
  /** For links: the length the network counts, when it differs from what is shown. */
  counted: number | null;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The text cut into the spans' pieces. A span that does not fit the text (an answer for an
 * older text) yields nothing rather than garbage; the caller shows the plain text instead.
 */
export function pieces(text: string, spans: readonly PreviewSpan[]): Piece[] | null {
  const bytes = encoder.encode(text);
  const out: Piece[] = [];
  try {
    for (const span of spans) {
      if (span.byte_start > span.byte_end || span.byte_end > bytes.length) return null;
      const piece = decoder.decode(bytes.subarray(span.byte_start, span.byte_end));
      out.push({ kind: span.kind, text: piece, counted: span.counted });
    }
  } catch {
    // Offsets inside a character: not this text's spans.
    return null;
  }
  return out;
}
