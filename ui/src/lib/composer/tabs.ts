// Which other-audience languages the composer offers as tabs, and which one is shown.
import type { DraftContent } from "../backend";
import { DEFAULT_SECONDARY } from "../catalog/languages";

/** The usual tabs (简体中文, 繁體中文, English), then any other language the draft has or
 *  the user added, never the main language, each once. */
export function secondaryTabs(
  content: DraftContent,
  primary: string,
  added: readonly string[],
): string[] {
  const langs = [...DEFAULT_SECONDARY, ...content.variants.map((v) => v.lang), ...added];
  return [...new Set(langs.filter((lang) => lang !== primary))];
}

/** The tab to show: the user's pick while it is offered, else the first with text. */
export function shownTab(tabs: readonly string[], chosen: string | null, content: DraftContent): string {
  if (chosen && tabs.includes(chosen)) return chosen;
  return tabs.find((lang) => content.variants.some((v) => v.lang === lang)) ?? tabs[0];
}

/** The tab `step` places away from `current`, wrapping around. */
export function stepTab(tabs: readonly string[], current: string, step: number): string {
  const index = tabs.indexOf(current);
  return tabs[(index + step + tabs.length) % tabs.length];
}
