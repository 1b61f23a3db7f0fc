// Cuts a snippet into plain and highlighted pieces from UTF-16 ranges (JavaScript's own string
// units). Overlapping or out-of-order ranges are merged; ranges past the end are clipped.
import type { Highlight } from "../backend";

export interface SnippetPart {
  text: string;
  marked: boolean;
}

export function splitHighlights(text: string, highlights: readonly Highlight[]): SnippetPart[] {
  const ranges = highlights
    .map((h) => [Math.max(0, h.utf16Start), Math.min(text.length, h.utf16End)] as const)
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
