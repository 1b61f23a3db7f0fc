// A target Ferry can't check by itself: Telegram's answer to a post was lost, and a bot can't
// read the chat to see whether the message arrived. The engine stops there (sending again
// could post twice) and names where to look; the person looks and says what they found
// (`settle_target`).
//
//   if (needsLook(target)) … messageParts(target.error.message) … lookedFrom(true, link)
import type { Looked, TargetStatus } from "../backend";
import { isWebAddress } from "../feed/links";
import type { MessageKey } from "../i18n/index.svelte";

export const LOOK_BEFORE_RESENDING = "outbox.look_before_resending";

/** Whether the target waits for the person to look in the chat before anything is sent again. */
export function needsLook(target: TargetStatus): boolean {
  return target.state === "unknown" && target.error?.code === LOOK_BEFORE_RESENDING;
}

/** A piece of an engine message: plain text, or a Telegram link to open in the browser. */
export type MessagePart = { text: string; url: string | null };

/**
 * Splits a message at its t.me links, so the place to look is one click away. Only t.me
 * links: anything else in a network's message stays text. A sentence's closing `)` , `.` or
 * `,` is not part of the link.
 */
export function messageParts(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of message.matchAll(/https:\/\/t\.me\/[^\s()<>"']+/g)) {
    const url = match[0].replace(/[.,;:!?]+$/, "");
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: message.slice(last, at), url: null });
    parts.push({ text: url, url });
    last = at + url.length;
  }
  if (last < message.length) parts.push({ text: message.slice(last), url: null });
  return parts;
}

/** A message link the person pasted: empty is fine (it is optional), else a web address. */
export function checkMessageLink(link: string): MessageKey | null {
  const text = link.trim();
  return !text || isWebAddress(text) ? null : "publish.look.badLink";
}

/** What `settle_target` is told: posted (with the link when given), or not there. */
export function lookedFrom(posted: boolean, link = ""): Looked {
  if (!posted) return { kind: "notPosted" };
  return { kind: "posted", url: link.trim() || null };
}
