// The top bar's publish controls mounted under an in-memory backend: the component takes the
// backend from context and shows what lib/publish/jobs keeps (the job logic is tested there).
import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EVENT, type Draft } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { DraftSession } from "../../lib/composer/session.svelte";
import { job, lookTarget, target } from "../../lib/publish/fixtures";
import { Schedules, schedulesContext } from "../../lib/schedule/schedules.svelte";
import { scheduled } from "../../lib/schedule/fixtures";
import PublishControls from "./PublishControls.svelte";

const draft: Draft = {
  id: "d1",
  revision: 2,
  createdAt: "2026-11-24T02:00:00Z",
  updatedAt: "2026-11-24T02:00:00Z",
  content: {
    variants: [{ lang: "en", text: "See you at the ferry" }],
    overrides: [],
    targets: [{ network: "bluesky", accountId: null }],
    topics: [],
    attachments: [],
  },
};

/** A job a quit left unfinished: its one target was being sent. */
const unfinished = job([target("t1", { state: "sending", attempts: 1 })], { draftRevision: 2 });

let mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
});

/** The backend and the shared scheduled items, as AppFrame.svelte provides them. */
function contexts(fake: FakeBackend, schedules = new Schedules(fake)): Map<symbol, unknown> {
  return new Map<symbol, unknown>([...backendContext(fake), ...schedulesContext(schedules)]);
}

describe("PublishControls", () => {
  it("says when the open draft is scheduled, in the zone it was scheduled in", async () => {
    const fake = new FakeBackend({
      draft_publish_jobs: () => [],
      list_accounts: () => [],
      resume_publishing: () => [],
      scheduler_status: () => ({ last_run_at: null, last_run_by: null, running: false, next: null, pending: 1, held: 0, catch_up_minutes: 15 }),
      list_schedules: () => [scheduled({ draft_id: "d1" }), scheduled({ id: "s2", draft_id: "other" })],
    });
    const schedules = new Schedules(fake);
    await schedules.refresh();
    const session = new DraftSession(fake, draft, ["en", "zh-Hans"]);
    const target = document.body.appendChild(document.createElement("div"));
    mounted.push(mount(PublishControls, { target, props: { session }, context: contexts(fake, schedules) }));
    flushSync();
    const lines = [...target.querySelectorAll("[data-testid=draft-scheduled]")].map((e) => e.textContent?.trim());
    expect(lines).toEqual(["Scheduled: Tue 09:00 New York"]);
    session.dispose();
  });

  it("passes what the person found in the chat to the engine and shows the job it answers", async () => {
    const fake = new FakeBackend({
      draft_publish_jobs: () => [job([lookTarget("t1")], { draftRevision: 2 })],
      list_accounts: () => [],
      resume_publishing: () => [],
      settle_target: ({ settle }) => job([target(settle.targetId, { network: "telegram", state: "queued" })]),
    });
    const session = new DraftSession(fake, draft, ["en", "zh-Hans"]);
    const host = document.body.appendChild(document.createElement("div"));
    mounted.push(mount(PublishControls, { target: host, props: { session }, context: contexts(fake) }));
    const get = (id: string) => host.querySelector(`[data-testid=${id}]`) as HTMLButtonElement | null;
    await vi.waitFor(() => {
      flushSync();
      expect(get("publish-panel-open")).not.toBeNull();
    });
    get("publish-panel-open")!.click();
    flushSync();
    expect(get("publish-retry")).toBeNull(); // a retry would only stop at the same question
    get("settle-not-posted")!.click();
    await vi.waitFor(() => {
      flushSync();
      expect(get("publish-state")?.textContent?.trim()).toBe("queued");
    });
    expect(fake.called("settle_target")).toEqual([{ settle: { targetId: "t1", looked: { kind: "notPosted" } } }]);
    expect(get("settle")).toBeNull();
    session.dispose();
  });

  it("shows a job resumed at start in the status panel, and stops listening when unmounted", async () => {
    const fake = new FakeBackend({
      draft_publish_jobs: () => [],
      list_accounts: () => [],
      resume_publishing: () => [unfinished],
    });
    const session = new DraftSession(fake, draft, ["en", "zh-Hans"]);
    const target = document.body.appendChild(document.createElement("div"));
    const controls = mount(PublishControls, { target, props: { session }, context: contexts(fake) });
    mounted.push(controls);

    await vi.waitFor(() => {
      flushSync();
      expect(target.querySelector("[data-testid=publish-panel]")).not.toBeNull();
    });
    expect(fake.called("draft_publish_jobs")).toEqual([{ draftId: "d1" }]);
    expect(fake.listening(EVENT.publish)).toBe(1);

    unmount(controls);
    mounted = [];
    await vi.waitFor(() => expect(fake.listening(EVENT.publish)).toBe(0));
    session.dispose();
  });
});
