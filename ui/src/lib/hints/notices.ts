// What the panel says besides the hints themselves: the language-mismatch warning in words,
// and one calm line about the dictionaries (still loading, or not installed) instead of an
// error per call.
import type { HintWarning, Mismatch } from "../backend";
import { languageName } from "../catalog/languages";
import type { MessageKey } from "../i18n/index.svelte";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The name a detected language is shown under (`und` and unknown tags as they are). */
function named(tag: string): string {
  return languageName(tag);
}

/** The mismatch warning, e.g. "This 简体中文 text reads as English (only 12% 简体中文)." */
export function mismatchNotice(mismatch: Mismatch, t: Translate): string {
  const expected = named(mismatch.expected);
  const found = named(mismatch.found);
  if (mismatch.code === "mismatch.script") return t("hints.mismatchScript", { expected, found });
  return t("hints.mismatchLanguage", {
    expected,
    found,
    share: Math.round(Math.min(Math.max(mismatch.share, 0), 1) * 100),
  });
}

export type DictState = "ready" | "loading" | "missing";

/** Whether the answer came without dictionaries, and why. A missing table wins over loading. */
export function dictState(warnings: readonly HintWarning[]): DictState {
  const codes = warnings.map((w) => w.code);
  if (codes.some((c) => c === "dict.missing" || c === "dict.read" || c === "dict.format")) {
    return "missing";
  }
  return codes.includes("dict.loading") ? "loading" : "ready";
}

/** Warnings that are neither about the dictionaries nor expected; shown with their message. */
export function otherWarnings(warnings: readonly HintWarning[]): HintWarning[] {
  return warnings.filter((w) => !w.code.startsWith("dict."));
}
