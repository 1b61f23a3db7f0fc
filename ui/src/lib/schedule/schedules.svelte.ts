// The scheduled items every part of the window shares — the Schedule screen, the navigation
// rail's badge, the composer's "scheduled for …" line — and the scheduler's status. Read
// from the shell, refreshed when the scheduler or a publish job reports a change, and every
// 15 s so "last ran 12 s ago" stays true.
//
//   const schedules = provideSchedules(new Schedules(backend));
//   const stop = await schedules.start();
//   await schedules.add({ draft_id, at: "2027-03-16T09:00", tz: "America/New_York", to: [], mapping: [], accept_x_cost: false });
//   await schedules.addToQueue(draftId, [xAccountId], true);   // after showing X's price (preview_post)
import { getContext, setContext } from "svelte";
import {
  BackendError,
  EVENT,
  type Backend,
  type NewSchedule,
  type Schedule,
  type SchedulerStatus,
  type Unlisten,
} from "../backend";

const REFRESH_MS = 15_000;
/** How far back the list reaches: posted and failed items of the last two weeks stay visible. */
const HISTORY_DAYS = 14;

export class Schedules {
  items = $state<Schedule[]>([]);
  status = $state<SchedulerStatus | null>(null);
  failure = $state<BackendError | null>(null);
  loaded = $state(false);
  /** When `status` was read: "last ran N s ago" counts from the scheduler's own stamp. */
  readAt = $state(Date.now());

  constructor(private readonly backend: Backend) {}

  /** Held items: fell due while nothing ran, waiting for "post now", "reschedule" or "skip". */
  get held(): Schedule[] {
    return this.items.filter((s) => s.state === "held");
  }

  /** What is still to go out, soonest first. */
  get upcoming(): Schedule[] {
    return this.items.filter((s) => s.state === "scheduled" || s.state === "claimed");
  }

  /** Everything else (handed, failed, cancelled, skipped), newest first. */
  get past(): Schedule[] {
    return this.items
      .filter((s) => !["scheduled", "claimed", "held"].includes(s.state))
      .sort((a, b) => b.due_at.localeCompare(a.due_at));
  }

  ofDraft(draftId: string | null): Schedule[] {
    return draftId ? this.upcoming.filter((s) => s.draft_id === draftId) : [];
  }

  async refresh(): Promise<void> {
    try {
      const from = new Date(Date.now() - HISTORY_DAYS * 86_400_000).toISOString();
      const [status, items] = await Promise.all([
        this.backend.call("scheduler_status"),
        this.backend.call("list_schedules", { filter: { states: [], draft_id: null, from, until: null } }),
      ]);
      this.status = status;
      this.items = items;
      this.readAt = Date.now();
      this.failure = null;
    } catch (raw) {
      this.failure = BackendError.from(raw);
    } finally {
      this.loaded = true;
    }
  }

  /** Reads now, then follows the scheduler's and the outbox's events until stopped. */
  async start(): Promise<Unlisten> {
    // Listening first: the first read starts the scheduler loop, whose first pass can hold
    // items at once; its event must find someone listening, or the "while Ferry was closed"
    // sheet waits for the next timed read.
    const offs = await Promise.all([
      this.backend.listen(EVENT.schedule, () => void this.refresh()),
      this.backend.listen(EVENT.publish, (event) => {
        if (event.kind === "finished") void this.refresh();
      }),
    ]);
    await this.refresh();
    const timer = setInterval(() => void this.refresh(), REFRESH_MS);
    return () => {
      clearInterval(timer);
      for (const off of offs) off();
    };
  }

  /**
   * Schedules a draft; the engine refuses DST gaps, unresolved folds and past times, and an X
   * account without `accept_x_cost` (X charges for every post: its price must be shown first).
   */
  async add(schedule: NewSchedule): Promise<Schedule> {
    return this.#changed(this.backend.call("add_schedule", { schedule }));
  }

  /** "Add to queue": each account at its own next free slot; X as for `add`. */
  async addToQueue(draftId: string, to: string[], acceptXCost = false): Promise<Schedule[]> {
    return this.#changed(this.backend.call("schedule_next_slots", { draftId, to, acceptXCost }));
  }

  async move(id: string, at: string, tz: string): Promise<Schedule> {
    return this.#changed(this.backend.call("move_schedule", { id, at, tz }));
  }

  async cancel(id: string): Promise<Schedule> {
    return this.#changed(this.backend.call("cancel_schedule", { id }));
  }

  async postNow(id: string): Promise<Schedule> {
    return this.#changed(this.backend.call("post_held_now", { id }));
  }

  async skip(id: string): Promise<Schedule> {
    return this.#changed(this.backend.call("skip_held", { id }));
  }

  async #changed<T>(call: Promise<T>): Promise<T> {
    const result = await call;
    await this.refresh();
    return result;
  }
}

/** Still waiting for its time (or held for a decision): it can be moved or unscheduled. */
export function pending(item: Schedule): boolean {
  return item.state === "scheduled" || item.state === "held";
}

const KEY = Symbol("ferry.schedules");

export function provideSchedules(schedules: Schedules): Schedules {
  return setContext(KEY, schedules);
}

export function useSchedules(): Schedules {
  const schedules = getContext<Schedules | undefined>(KEY);
  if (!schedules) throw new Error("no schedules in context: AppFrame.svelte provides them");
  return schedules;
}

/** The context `mount` takes to put a component under `schedules` (tests). */
export function schedulesContext(schedules: Schedules): Map<symbol, Schedules> {
  return new Map([[KEY, schedules]]);
}
