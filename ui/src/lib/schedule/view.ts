// How the Schedule screen shows items: a list by day, a week, or a month. The choice is this
// machine's habit rather than a setting worth syncing, so it is kept in localStorage.
export const VIEWS = ["list", "week", "month"] as const;
export type ScheduleView = (typeof VIEWS)[number];

const STORAGE_KEY = "ferry.schedule.view";

export function rememberedView(): ScheduleView {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return VIEWS.find((view) => view === stored) ?? "list";
}

export function rememberView(view: ScheduleView): void {
  try {
    localStorage.setItem(STORAGE_KEY, view);
  } catch {
    // Storage off: the screen opens on the list next time.
  }
}
