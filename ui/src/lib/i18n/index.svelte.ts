// The UI's own language. `t("key", { name })` reads the current locale, so every template
// that calls it re-renders when the locale changes. The locale follows the OS (the shell's
// reading of it, then `navigator.languages`) until the user picks one in Settings; the pick
// is stored in the database through the backend and applied with `setLocalePreference`.
import type { LocalePreference } from "../backend";
import { en, type MessageKey, type Messages } from "./locales/en";
import { zhHans } from "./locales/zh-Hans";
import { zhHant } from "./locales/zh-Hant";

export type { MessageKey } from "./locales/en";

/** What the user picked in Settings: a locale, or "system" to follow the OS (stored by the engine). */
export type { LocalePreference } from "../backend";
/** The languages the UI is written in. */
export type Locale = Exclude<LocalePreference, "system">;

export const LOCALES: readonly Locale[] = ["en", "zh-Hans", "zh-Hant"];

export const CATALOGS: Record<Locale, Messages> = { en, "zh-Hans": zhHans, "zh-Hant": zhHant };

/** The names each locale is offered under in Settings, always in its own script. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
};

/**
 * Maps a BCP-47 tag from the OS to one of our locales. Chinese without a script is decided by
 * region: Taiwan, Hong Kong and Macau read Traditional, everyone else Simplified.
 */
export function matchLocale(tag: string): Locale | undefined {
  const parts = tag.toLowerCase().replace(/_/g, "-").split("-");
  if (parts[0] === "en") return "en";
  if (parts[0] !== "zh") return undefined;
  if (parts.includes("hant")) return "zh-Hant";
  if (parts.includes("hans")) return "zh-Hans";
  return parts.some((p) => p === "tw" || p === "hk" || p === "mo") ? "zh-Hant" : "zh-Hans";
}

/** The first of the OS's preferred languages we have, else English. */
export function systemLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const found = matchLocale(tag);
    if (found) return found;
  }
  return "en";
}

/** What the shell read from the OS (see `useSystemLanguages`), ahead of the webview's guess. */
let shellLanguages: readonly string[] = [];

function osLanguages(): readonly string[] {
  const webview =
    typeof navigator === "undefined"
      ? []
      : navigator.languages?.length
        ? navigator.languages
        : [navigator.language];
  return [...shellLanguages, ...webview];
}

/**
 * Takes the OS's preferred languages as the shell reads them (WebKitGTK's own
 * `navigator.language` says `en-US` whenever the user's locale is not installed).
 */
export function useSystemLanguages(tags: readonly string[]): void {
  shellLanguages = tags;
  setLocalePreference(state.preference);
}

const state = $state<{ preference: LocalePreference; locale: Locale }>({
  preference: "system",
  locale: systemLocale(osLanguages()),
});

export function currentLocale(): Locale {
  return state.locale;
}

export function localePreference(): LocalePreference {
  return state.preference;
}

export function setLocalePreference(preference: LocalePreference): void {
  state.preference = preference;
  state.locale = preference === "system" ? systemLocale(osLanguages()) : preference;
  if (typeof document !== "undefined") document.documentElement.lang = state.locale;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(CATALOGS[state.locale][key], params);
}
