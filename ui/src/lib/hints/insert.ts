// One-click hashtag equivalents: a tag in one variant offers its equivalents for the other
// audience's variant — a Chinese equivalent goes to the draft's Chinese text, an English (or
// other Latin-script) one to its non-Chinese text — appended on a line of their own when the
// text ends in a sentence, else after a space.
//
//   for (const target of insertTargets(content, "zh-Hans", "#OOTD", session.primaryLang)) …
//   insertHashtag(session.content, target.lang, "#OOTD", session.primaryLang); session.touch();
import type { DraftContent } from "../backend";
import { setVariantText, variantText } from "../composer/content";

const HAN = /\p{Script=Han}/u;

export function isChineseLang(lang: string): boolean {
  return lang === "zh" || lang.startsWith("zh-");
}

/**
 * The variant an equivalent of a tag in `from` belongs in, or null when it belongs in `from`
 * itself. Chinese equivalents go to the draft's Chinese variant (the Simplified one when it
 * has none yet); others to its first non-Chinese variant (English when there is none).
 */
export function insertTarget(content: DraftContent, from: string, equivalent: string): string | null {
  const chinese = HAN.test(equivalent);
  if (chinese === isChineseLang(from)) return null;
  const langs = content.variants.map((v) => v.lang);
  const found = langs.find((lang) => isChineseLang(lang) === chinese);
  return found ?? (chinese ? "zh-Hans" : "en");
}

/** True when `text` already holds `tag` as a whole hashtag (any case). */
export function hasHashtag(text: string, tag: string): boolean {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`${escaped}(?![\\p{L}\\p{N}_])`, "iu").test(text);
}

/** Appends `tag` to the `lang` variant (creating it) unless it is already there. */
export function insertHashtag(
  content: DraftContent,
  lang: string,
  tag: string,
  primaryLang: string,
): boolean {
  const text = variantText(content, lang);
  if (hasHashtag(text, tag)) return false;
  const trimmed = text.replace(/\s+$/u, "");
  let joined: string;
  if (trimmed === "") joined = tag;
  else if (/#[^\s#]+$/u.test(trimmed)) joined = `${trimmed} ${tag}`;
  else joined = `${trimmed}\n${tag}`;
  setVariantText(content, lang, joined, primaryLang);
  return true;
}
