// Pure edits of a draft's content, kept apart from the session so they are easy to test.
// They mutate in place (the session's content is a Svelte `$state` proxy) and keep the
// engine's rules: one variant per language, the main language first, overrides only for
// languages that have a variant, topics unique and non-empty.
import type { DraftContent, Network } from "../backend";

export function emptyContent(): DraftContent {
  return { variants: [], overrides: [], targets: [], topics: [], attachments: [] };
}

export function variantText(content: DraftContent, lang: string): string {
  return content.variants.find((v) => v.lang === lang)?.text ?? "";
}

/** Sets a language's text, adding the variant (first when it is the main language). */
export function setVariantText(
  content: DraftContent,
  lang: string,
  text: string,
  primaryLang: string,
): void {
  const existing = content.variants.find((v) => v.lang === lang);
  if (existing) existing.text = text;
  else if (lang === primaryLang) content.variants.unshift({ lang, text });
  else content.variants.push({ lang, text });
}

/** Drops a language: its variant, its per-network versions and its alt texts. */
export function removeLanguage(content: DraftContent, lang: string): void {
  content.variants = content.variants.filter((v) => v.lang !== lang);
  content.overrides = content.overrides.filter((o) => o.lang !== lang);
  for (const a of content.attachments) delete a.alt[lang];
}

/**
 * Makes `lang` the main language. When the draft already has that language it moves to the
 * front; otherwise the current main text is relabelled (the user said "this text is in X").
 */
export function setPrimaryLanguage(content: DraftContent, from: string, to: string): void {
  if (from === to) return;
  const index = content.variants.findIndex((v) => v.lang === to);
  if (index >= 0) {
    const [moved] = content.variants.splice(index, 1);
    content.variants.unshift(moved);
    return;
  }
  const main = content.variants.find((v) => v.lang === from);
  if (!main) return;
  main.lang = to;
  for (const o of content.overrides) if (o.lang === from) o.lang = to;
  for (const a of content.attachments) {
    if (a.alt[from] !== undefined) {
      a.alt[to] = a.alt[from];
      delete a.alt[from];
    }
  }
}

export function toggleTarget(content: DraftContent, network: Network): void {
  const index = content.targets.findIndex((t) => t.network === network && t.accountId === null);
  if (index >= 0) content.targets.splice(index, 1);
  else content.targets.push({ network, accountId: null });
}

export function hasTarget(content: DraftContent, network: Network): boolean {
  return content.targets.some((t) => t.network === network);
}

/** Adds a per-network version starting from the variant's text; false if it already exists. */
export function addOverride(content: DraftContent, network: Network, lang: string): boolean {
  if (content.overrides.some((o) => o.network === network && o.lang === lang)) return false;
  if (!content.variants.some((v) => v.lang === lang)) return false;
  content.overrides.push({ network, lang, text: variantText(content, lang) });
  return true;
}

export function removeOverride(content: DraftContent, network: Network, lang: string): void {
  content.overrides = content.overrides.filter((o) => !(o.network === network && o.lang === lang));
}

/** Adds a topic (trimmed, without a leading #); false when empty or already there. */
export function addTopic(content: DraftContent, raw: string): boolean {
  const topic = raw.trim().replace(/^[#＃]+/, "").trim();
  if (!topic || content.topics.includes(topic)) return false;
  content.topics.push(topic);
  return true;
}

export function removeTopic(content: DraftContent, topic: string): void {
  content.topics = content.topics.filter((t) => t !== topic);
}

export function setAltText(
  content: DraftContent,
  attachmentId: string,
  lang: string,
  text: string,
): void {
  const attachment = content.attachments.find((a) => a.id === attachmentId);
  if (attachment) attachment.alt[lang] = text;
}

export function removeAttachment(content: DraftContent, attachmentId: string): void {
  content.attachments = content.attachments.filter((a) => a.id !== attachmentId);
}

/** User-perceived characters (grapheme clusters): 👩‍👩‍👧 is one, 渡 is one. */
export function graphemeCount(text: string): number {
  if (typeof Intl !== "undefined" && "Segmenter" in Intl) {
    let count = 0;
    for (const _ of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
      count++;
    }
    return count;
  }
  return [...text].length;
}
