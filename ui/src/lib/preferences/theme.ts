// Light, dark, or whatever the OS says. "system" removes the attribute so the stylesheet's
// `prefers-color-scheme` media query decides; the other two pin it with `data-theme`.
import type { ThemePreference } from "../backend";

export type { ThemePreference } from "../backend";

export const THEMES: readonly ThemePreference[] = ["system", "light", "dark"];

export function applyTheme(theme: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
}
