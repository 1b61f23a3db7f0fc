// The user's interface preferences (language, theme): read from the database once the store
// is open, applied at once, and written back whenever Settings changes them.
import type { AppSettings, Backend } from "../backend";
import { setLocalePreference } from "../i18n/index.svelte";
import { applyTheme } from "./theme";

export const preferences = $state<AppSettings>({ locale: "system", theme: "system" });

function apply(settings: AppSettings): void {
  preferences.locale = settings.locale;
  preferences.theme = settings.theme;
  setLocalePreference(settings.locale);
  applyTheme(settings.theme);
}

export async function loadPreferences(backend: Backend): Promise<void> {
  apply(await backend.call("get_settings"));
}

export async function updatePreferences(
  backend: Backend,
  change: Partial<AppSettings>,
): Promise<void> {
  const next = { ...$state.snapshot(preferences), ...change };
  apply(next); // show it at once; the database confirms (or refuses) below
  apply(await backend.call("save_settings", { settings: next }));
}
