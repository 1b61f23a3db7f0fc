// Where a RedNote picture's crop to 3:4 keeps it. The focus is a point of the picture in per
// mille of its width and height, read exactly as CSS reads `object-position: x% y%` under
// `object-fit: cover`: that point of the picture lands on the same point of the frame. So
// the kit's preview is the engine's crop, drawn by the browser, and everything here is the
// arithmetic around it, kept out of the components so it is tested on its own.
import type { Attachment, Focus } from "../backend";

/** RedNote takes at most this many pictures in a note; the kit hands over the first ones. */
export const REDNOTE_PICTURES = 18;
/** How far an arrow key moves the focus, and with Shift. */
export const STEP = 25;
export const BIG_STEP = 100;
/** Where a picture without a focus is cropped around. */
export const CENTRE: Focus = { x: 500, y: 500 };

const clampAxis = (value: number): number =>
  Number.isFinite(value) ? Math.min(1000, Math.max(0, Math.round(value))) : 500;

/** A focus the engine takes: whole per mille, 0–1000 (anything unreadable: the centre). */
export function clampFocus(focus: Focus): Focus {
  return { x: clampAxis(focus.x), y: clampAxis(focus.y) };
}

export function focusOf(attachment: Pick<Attachment, "focus">): Focus {
  return attachment.focus ? clampFocus(attachment.focus) : CENTRE;
}

export function sameFocus(a: Focus, b: Focus): boolean {
  return a.x === b.x && a.y === b.y;
}

/**
 * What `set_attachment_focus` is sent: the centre as `null`, so a picture put back in the
 * middle is stored as one that never had a focus rather than as a point that happens to be
 * the centre.
 */
export function storedFocus(focus: Focus): Focus | null {
  const f = clampFocus(focus);
  return sameFocus(f, CENTRE) ? null : f;
}

export type Box = { left: number; top: number; width: number; height: number };

/** The point under the pointer, in per mille of `box` (the picture as drawn), kept inside it. */
export function focusFromPointer(clientX: number, clientY: number, box: Box): Focus {
  // An element not laid out yet has no size: there is no point to read, keep the middle.
  if (!(box.width > 0) || !(box.height > 0)) return CENTRE;
  return clampFocus({
    x: ((clientX - box.left) / box.width) * 1000,
    y: ((clientY - box.top) / box.height) * 1000,
  });
}

/** The focus after a key on the handle, or null when the key is not one of the handle's. */
export function focusAfterKey(focus: Focus, key: string, shift: boolean): Focus | null {
  const step = shift ? BIG_STEP : STEP;
  switch (key) {
    case "ArrowLeft":
      return clampFocus({ x: focus.x - step, y: focus.y });
    case "ArrowRight":
      return clampFocus({ x: focus.x + step, y: focus.y });
    case "ArrowUp":
      return clampFocus({ x: focus.x, y: focus.y - step });
    case "ArrowDown":
      return clampFocus({ x: focus.x, y: focus.y + step });
    case "Home":
    case "0":
      return CENTRE;
    default:
      return null;
  }
}

/** The CSS `object-position` that draws the engine's crop. */
export function objectPosition(focus: Focus): string {
  return `${focus.x / 10}% ${focus.y / 10}%`;
}

/** Per mille as a percentage for people: "50%", "52.5%". */
export function percent(perMille: number): string {
  return `${Math.round(perMille) / 10}%`;
}

/**
 * The part of the picture a 3:4 crop around `focus` keeps, in fractions of its width and
 * height: a picture wider than 3:4 loses some of its width, a taller one some of its height,
 * and the focus shares the overhang out as `object-position` does.
 */
export function cropWindow(width: number, height: number, focus: Focus): Box {
  if (!(width > 0) || !(height > 0)) return { left: 0, top: 0, width: 1, height: 1 };
  const shape = width / height;
  const frame = 3 / 4;
  if (shape > frame) {
    const kept = frame / shape;
    return { left: (1 - kept) * (focus.x / 1000), top: 0, width: kept, height: 1 };
  }
  const kept = shape / frame;
  return { left: 0, top: (1 - kept) * (focus.y / 1000), width: 1, height: kept };
}

/**
 * Whether the crop cuts off so little that where it is taken from makes no difference you
 * could see (a 3:4 picture, or one a few pixels off it).
 */
export function cropIsNegligible(width: number, height: number): boolean {
  const kept = cropWindow(width, height, CENTRE);
  return kept.width * kept.height >= 0.995;
}

/** GIFs and WebPs are not made 3:4: the engine hands them over byte for byte. */
export function sentAsItIs(mediaType: string): boolean {
  return mediaType === "image/gif" || mediaType === "image/webp";
}
