// Moving a card on the calendar: the drop becomes a wall time in the item's own zone, a time
// already over is refused here (no call), and the engine's answer is kept: its refusal to
// show, and for a DST fold the wall time meant, so the reschedule dialog can offer both.
//
//   const moves = new Rescheduler(schedules, here);
//   await moves.moveTo(item, { day: "2027-03-18", hour: 14 });
import { BackendError, type Schedule } from "../backend";
import { currentLocale, t } from "../i18n/index.svelte";
import { isPast, planMove, type Slot } from "./retarget";
import { pending, type Schedules } from "./schedules.svelte";
import { zoneName } from "./zones";

export class Rescheduler {
  failure = $state<BackendError | null>(null);
  /** A move that landed in a DST fold: the item and the wall time meant, for the dialog. */
  fold = $state<{ item: Schedule; at: string } | null>(null);

  constructor(
    private readonly schedules: Schedules,
    /** This computer's zone, the one the calendar is drawn in. */
    readonly here: string,
    /** The clock, so tests can fix "now". */
    readonly now: () => Date = () => new Date(),
  ) {}

  /** True when the item moved. */
  async moveTo(item: Schedule, slot: Slot): Promise<boolean> {
    if (!pending(item)) return false;
    const plan = planMove(item, slot, this.here);
    if (plan.kind === "stay") return false;
    const locale = currentLocale();
    if (plan.kind === "gap") {
      const [day, time] = plan.wall.split("T");
      const message = t("schedule.calendar.gapHere", { day, time, zone: zoneName(this.here, locale) });
      return this.#refuse(new BackendError({ code: "schedule.dst_gap", message }));
    }
    if (isPast(plan.at, plan.tz, this.now())) {
      const when = `${plan.at.slice(0, 10)} ${plan.at.slice(11, 16)} ${zoneName(plan.tz, locale)}`;
      return this.#refuse(new BackendError({ code: "schedule.past", message: t("schedule.calendar.past", { when }) }));
    }
    try {
      await this.schedules.move(item.id, plan.at, plan.tz);
      this.failure = null;
      return true;
    } catch (raw) {
      const failure = BackendError.from(raw);
      if (failure.code === "schedule.dst_fold") this.fold = { item, at: plan.at };
      return this.#refuse(failure);
    }
  }

  dismiss(): void {
    this.failure = null;
    this.fold = null;
  }

  #refuse(failure: BackendError): false {
    this.failure = failure;
    return false;
  }
}
