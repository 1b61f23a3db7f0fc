// The audience languages the composer offers, named in their own script (a reader of the
// language recognises it whatever the UI's language), and the glyph hint each editor needs.

export interface AudienceLanguage {
  tag: string;
  /** The language's name in itself. */
  name: string;
  /** A short label for tabs and chips. */
  short: string;
}

export const AUDIENCE_LANGUAGES: readonly AudienceLanguage[] = [
  { tag: "en", name: "English", short: "EN" },
  { tag: "zh-Hans", name: "简体中文", short: "简" },
  { tag: "zh-Hant", name: "繁體中文", short: "繁" },
  { tag: "ja", name: "日本語", short: "日" },
  { tag: "ko", name: "한국어", short: "한" },
  { tag: "es", name: "Español", short: "ES" },
  { tag: "fr", name: "Français", short: "FR" },
  { tag: "de", name: "Deutsch", short: "DE" },
  { tag: "pt-BR", name: "Português (Brasil)", short: "PT" },
];

/** The other-audience tabs every draft shows, even before they hold text. */
export const DEFAULT_SECONDARY: readonly string[] = ["zh-Hans", "zh-Hant", "en"];

export function languageName(tag: string): string {
  return AUDIENCE_LANGUAGES.find((l) => l.tag === tag)?.name ?? tag;
}

export function languageShort(tag: string): string {
  return AUDIENCE_LANGUAGES.find((l) => l.tag === tag)?.short ?? tag;
}

/**
 * The language pair a new draft starts with: the UI's language first, so a Chinese UI starts
 * with a Chinese main text and an English second one.
 */
export function startingLanguages(uiLocale: string): [string, string] {
  return uiLocale.startsWith("zh") ? [uiLocale, "en"] : ["en", "zh-Hans"];
}
