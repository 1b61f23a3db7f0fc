// The words for what dst_order.ts finds: the picker's one-line note about a clock change
// before the chosen instant, and the Schedule list's warning that a draft's items swapped order.
import type { Schedule } from "../backend";
import { t, type Locale } from "../i18n/index.svelte";
import { offsetText, type ClockNote, type OrderChange } from "./dst_order";
import { clockIn, dayIn, zoneName } from "./zones";

/** "New York changes clocks on Sun, Mar 14 (-05:00 → -04:00): then 09:00 New York is 21:00 Beijing, not 22:00 as today." */
export function clockNoteText(note: ClockNote, locale: Locale): string {
  const { change, here, there } = note;
  return t("schedule.dst.clockNote", {
    zone: zoneName(change.tz, locale),
    day: dayIn(change.at, change.tz, locale),
    from: offsetText(change.from),
    to: offsetText(change.to),
    time: here.clock,
    here: zoneName(here.tz, locale),
    then: there.clock,
    there: zoneName(there.tz, locale),
    today: there.today,
  });
}

/** "Order changed by the clock change in New York: @en.test (09:00 New York) now goes out before @zh.test (21:30 Beijing)." */
export function orderNoteText(order: OrderChange, locale: Locale): string {
  const zones = order.changes.map((c) => zoneName(c.tz, locale));
  return t("schedule.dst.orderNote", {
    zones: new Intl.ListFormat(locale, { type: "conjunction" }).format(zones),
    first: itemLabel(order.first, locale),
    second: itemLabel(order.second, locale),
  });
}

// Items carry no language: the accounts they go to say which audience gets it.
function itemLabel(item: Schedule, locale: Locale): string {
  const who = item.targets.map((target) => target.handle ?? t("schedule.removedAccount")).join(", ");
  return `${who} (${clockIn(item.due_at, item.tz)} ${zoneName(item.tz, locale)})`;
}
