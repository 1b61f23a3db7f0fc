// RedNote shows image notes at 3:4 (portrait); other shapes are cropped or letterboxed in the
// feed. Images within 1% of 3:4 pass (1080×1440, 1242×1660 from phones that round).
import type { Attachment } from "../backend";

const TOLERANCE = 0.01;

export function isThreeByFour(width: number, height: number): boolean {
  if (width <= 0 || height <= 0) return false;
  return Math.abs(width / height - 3 / 4) <= (3 / 4) * TOLERANCE;
}

/** The attachments that are not 3:4, in the draft's order. */
export function notThreeByFour(attachments: readonly Attachment[]): Attachment[] {
  return attachments.filter((a) => !isThreeByFour(a.width, a.height));
}
