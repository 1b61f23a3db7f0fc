// Writing one variant from another: Simplified ↔ Traditional (offline, OpenCC through the
// shell) and "draft the other variant" by machine translation. Which offers make sense
// depends only on the draft, so it is decided here and tested; the panel then writes the
// result with `writeVariant`, which saves before and after so the change is a revision of its
// own — History restores the text it replaced.
import type { DraftContent } from "../backend";
import { setVariantText, variantText } from "../composer/content";
import type { DraftSession } from "../composer/session.svelte";
import { isChineseLang } from "./insert";

export interface Conversion {
  from: string;
  to: string;
  /** What the shell's `convert_chinese` takes: `zh-TW`, `zh-HK` or `zh-Hans`. */
  target: "zh-TW" | "zh-HK" | "zh-Hans";
}

const hasText = (content: DraftContent, lang: string) => variantText(content, lang).trim() !== "";

/** Simplified → Traditional (Taiwan or Hong Kong phrasing), and Traditional → Simplified. */
export function conversions(content: DraftContent): Conversion[] {
  const out: Conversion[] = [];
  if (hasText(content, "zh-Hans")) {
    out.push({ from: "zh-Hans", to: "zh-Hant", target: "zh-TW" });
    out.push({ from: "zh-Hans", to: "zh-Hant", target: "zh-HK" });
  }
  if (hasText(content, "zh-Hant")) out.push({ from: "zh-Hant", to: "zh-Hans", target: "zh-Hans" });
  return out;
}

/**
 * The translation "draft the other variant" makes: from the main text into the other
 * audience's language (English for a Chinese main text; else the draft's Chinese variant,
 * Simplified when it has none). Null when the main text is empty.
 */
export function translationPair(
  content: DraftContent,
  primaryLang: string,
): { from: string; to: string } | null {
  if (!hasText(content, primaryLang)) return null;
  if (isChineseLang(primaryLang)) {
    const other = content.variants.find((v) => !isChineseLang(v.lang))?.lang ?? "en";
    return { from: primaryLang, to: other };
  }
  const chinese = content.variants.find((v) => isChineseLang(v.lang))?.lang ?? "zh-Hans";
  return { from: primaryLang, to: chinese };
}

/** True when writing into `lang` would replace text the user wrote. */
export function wouldReplace(content: DraftContent, lang: string): boolean {
  return hasText(content, lang);
}

/** Writes `text` as the `lang` variant as a revision of its own (saved before and after). */
export async function writeVariant(session: DraftSession, lang: string, text: string): Promise<void> {
  await session.flush();
  setVariantText(session.content, lang, text, session.primaryLang);
  session.touch();
  await session.flush();
}
