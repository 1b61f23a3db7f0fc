// The queue's settings on the Schedule screen: each account's audience zone and weekly slots,
// and the catch-up window. Every change goes to the engine, which checks it (an unknown zone,
// a bad time) and answers with what it stored.
import { BackendError, type AccountZone, type Backend, type QueueSlot } from "../backend";

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export class QueueSettings {
  zones = $state<AccountZone[]>([]);
  slots = $state<QueueSlot[]>([]);
  catchUp = $state(15);
  failure = $state<BackendError | null>(null);

  constructor(private readonly backend: Backend) {}

  zoneOf(accountId: string): string {
    return this.zones.find((z) => z.accountId === accountId)?.tz ?? "";
  }

  /** Whether a Mastodon account's server keeps its scheduled posts; `null` on other networks. */
  serverScheduleOf(accountId: string): boolean | null {
    return this.zones.find((z) => z.accountId === accountId)?.serverSchedule ?? null;
  }

  async setServerSchedule(accountId: string, on: boolean): Promise<void> {
    await this.#run(async () => {
      await this.backend.call("set_server_schedule", { accountId, on });
      this.zones = this.zones.map((z) => (z.accountId === accountId ? { ...z, serverSchedule: on } : z));
    });
  }

  slotsOf(accountId: string): QueueSlot[] {
    return this.slots.filter((s) => s.account_id === accountId);
  }

  async load(catchUpMinutes: number): Promise<void> {
    this.catchUp = catchUpMinutes;
    await this.#run(async () => {
      [this.zones, this.slots] = await Promise.all([
        this.backend.call("account_zones"),
        this.backend.call("list_slots"),
      ]);
    });
  }

  /** `null` goes back to the default zone for the account's audience. */
  async setZone(accountId: string, tz: string | null): Promise<void> {
    await this.#run(async () => {
      const stored = await this.backend.call("set_account_zone", { accountId, tz });
      this.zones = this.zones.map((z) => (z.accountId === accountId ? { ...z, tz: stored } : z));
    });
  }

  async addSlot(accountId: string, day: string, time: string): Promise<void> {
    await this.#run(async () => {
      await this.backend.call("add_slot", { accountId, day, time, tz: this.zoneOf(accountId) || null });
      this.slots = await this.backend.call("list_slots");
    });
  }

  async removeSlot(id: string): Promise<void> {
    await this.#run(async () => {
      await this.backend.call("remove_slot", { id });
      this.slots = this.slots.filter((s) => s.id !== id);
    });
  }

  async setCatchUp(minutes: number): Promise<void> {
    await this.#run(async () => {
      this.catchUp = await this.backend.call("set_catch_up_minutes", { minutes });
    });
  }

  async #run(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      this.failure = null;
    } catch (raw) {
      this.failure = BackendError.from(raw);
    }
  }
}
