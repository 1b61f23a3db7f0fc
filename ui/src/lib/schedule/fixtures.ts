// Scheduled items for tests, shaped as the engine sends them.
import type { Schedule } from "../backend";
import { offsetText } from "./dst_order";

/** An item for 09:00 New York on Tuesday 16 March 2027 (13:00 UTC), to one Bluesky account. */
export function scheduled(fields: Partial<Schedule> = {}): Schedule {
  return {
    id: "s1",
    draft_id: "d1",
    draft_preview: "See you at the ferry",
    due_at: "2027-03-16T13:00:00Z",
    tz: "America/New_York",
    wall_time: "2027-03-16T09:00:00",
    utc_offset: "-04:00",
    state: "scheduled",
    late_ok: false,
    targets: [
      {
        account_id: "a1",
        network: "bluesky",
        handle: "alice.test",
        audience_tz: "Asia/Shanghai",
        state: null,
        remote_url: null,
        error: null,
        server_copy: null,
        needs_ferry: true,
      },
    ],
    job_id: null,
    error: null,
    warning: null,
    created_at: "2027-03-01T00:00:00Z",
    updated_at: "2027-03-01T00:00:00Z",
    x_cost_accepted: null,
    ...fields,
  };
}

/** One account's item from "Add to queue" for draft d1: `handle` at `wall_time` in `tz` (= `due_at`). */
export function queued(handle: string, tz: string, wall_time: string, due_at: string, fields: Partial<Schedule> = {}): Schedule {
  const base = scheduled();
  const offset = (Date.parse(`${wall_time}Z`) - Date.parse(due_at)) / 60_000;
  return scheduled({
    id: `q-${handle}`,
    due_at,
    tz,
    wall_time,
    utc_offset: offsetText(offset),
    draft_preview: "同一篇草稿 / the same draft",
    targets: [{ ...base.targets[0], account_id: handle, handle, audience_tz: tz }],
    ...fields,
  });
}
