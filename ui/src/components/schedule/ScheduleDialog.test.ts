// "Schedule…" under an in-memory backend, for what X adds: an X account is offered but starts
// unchecked, checking it asks the engine what X will charge and shows it under the account,
// and only a shown price is accepted by "Schedule" and "Add to queue" (while the price is
// being worked out or could not be, neither sends anything with X checked).
import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Draft, PublishRequest, TargetPreview } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend, type Answers } from "../../lib/backend/fake";
import { threadsAccount, xAccount, xCost } from "../../lib/accounts/fixtures";
import { DraftSession } from "../../lib/composer/session.svelte";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { scheduled } from "../../lib/schedule/fixtures";
import { Schedules, schedulesContext } from "../../lib/schedule/schedules.svelte";
import { settle } from "../../lib/testing/mount";
import ScheduleDialog from "./ScheduleDialog.svelte";

let mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
});

const draft: Draft = {
  id: "d1",
  revision: 2,
  createdAt: "2026-12-07T02:00:00Z",
  updatedAt: "2026-12-07T02:00:00Z",
  content: {
    variants: [{ lang: "en", text: "See you at the ferry" }],
    overrides: [],
    targets: [
      { network: "threads", accountId: null },
      { network: "x", accountId: null },
    ],
    topics: [],
    attachments: [],
  },
};

/** One post without a link: X's $0.015. */
const onePost = xCost({ posts: 1, postsWithLink: 0, altTexts: 0, microDollars: 15_000, usd: "$0.015" });

const preview = (accountId: string, over: Partial<TargetPreview> = {}): TargetPreview => ({
  accountId,
  network: accountId === "x1" ? "x" : "threads",
  lang: "en",
  parts: ["See you at the ferry"],
  images: 0,
  refusal: null,
  cost: null,
  ...over,
});

const previews = ({ request }: { request: PublishRequest }) =>
  request.to.map((id) => (id === "x1" ? preview(id, { cost: onePost }) : preview(id)));

function backend(answers: Answers = {}) {
  return new FakeBackend({
    list_accounts: () => [threadsAccount(), xAccount()],
    account_zones: () => [
      { accountId: "th1", tz: "America/New_York", serverSchedule: null },
      { accountId: "x1", tz: "Asia/Shanghai", serverSchedule: null },
    ],
    system_zone: () => "America/New_York",
    check_wall_time: () => ({ kind: "exact", instant: { due_at: "2027-03-16T13:00:00Z", offset: "-04:00" } }),
    preview_post: previews,
    add_schedule: ({ schedule }) => scheduled({ draft_id: schedule.draft_id }),
    schedule_next_slots: () => [scheduled()],
    scheduler_status: () => ({ last_run_at: null, last_run_by: null, running: true, next: null, pending: 1, held: 0, catch_up_minutes: 15 }),
    list_schedules: () => [],
    ...answers,
  });
}

/** Opens the dialog and waits until the picked time is one the engine accepts. */
async function open(fake: FakeBackend) {
  setLocalePreference("en");
  const session = new DraftSession(fake, draft, ["en", "zh-Hans"]);
  const host = document.body.appendChild(document.createElement("div"));
  const context = new Map<symbol, unknown>([...backendContext(fake), ...schedulesContext(new Schedules(fake))]);
  mounted.push(mount(ScheduleDialog, { target: host, props: { session, onClose: vi.fn() }, context }));
  await vi.waitFor(() => {
    flushSync();
    expect(host.querySelector("[data-testid=when-result]")?.getAttribute("data-kind")).toBe("exact");
  });
  await settle();
  return host;
}

const box = (host: HTMLElement, id: string) =>
  host.querySelector(`[data-testid=schedule-account][value="${id}"]`) as HTMLInputElement;
const button = (host: HTMLElement, testid: string) => host.querySelector(`[data-testid=${testid}]`) as HTMLButtonElement;
const find = (host: HTMLElement, testid: string) => host.querySelector(`[data-testid=${testid}]`);

describe("Schedule… with an X account", () => {
  it("offers X unchecked and enabled, and schedules the rest without accepting a cost", async () => {
    const fake = backend();
    const host = await open(fake);
    expect(box(host, "th1").checked).toBe(true);
    expect(box(host, "x1").checked).toBe(false);
    expect(box(host, "x1").disabled).toBe(false);
    expect(fake.called("preview_post")).toEqual([]);
    expect(find(host, "x-cost-kept")).toBeNull();

    button(host, "schedule-confirm").click();
    await settle();
    expect(fake.called("add_schedule")).toEqual([
      {
        schedule: {
          draft_id: "d1",
          at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
          tz: "America/New_York",
          to: ["th1"],
          mapping: [],
          accept_x_cost: false,
        },
      },
    ]);
  });

  it("shows what X will charge once checked, says it is kept, and accepts it when scheduling", async () => {
    let answer: (p: TargetPreview[]) => void = () => undefined;
    const fake = backend({ preview_post: () => new Promise<TargetPreview[]>((resolve) => (answer = resolve)) });
    const host = await open(fake);
    box(host, "x1").click();
    await settle();
    expect(fake.called("preview_post")).toEqual([
      { request: { draftId: "d1", to: ["th1", "x1"], mapping: [], allowThreads: true, acceptXCost: false } },
    ]);
    expect(find(host, "x-cost-loading")?.textContent).toBe("Working out what X will charge…");
    expect(button(host, "schedule-confirm").disabled).toBe(true);
    expect(button(host, "schedule-queue").disabled).toBe(true);

    answer(previews({ request: fake.called("preview_post")[0].request }));
    await settle();
    expect(find(host, "x-cost")?.textContent).toBe(
      "X · @ferry_writer: 1 post ≈ $0.015 of your X app's credits (X's prices on 2026-12-07)",
    );
    expect(find(host, "x-cost")?.closest("li")?.contains(box(host, "x1"))).toBe(true);
    expect(find(host, "x-cost-kept")?.textContent).toBe(
      "Kept with the item: if the draft costs more at its time, X is skipped and the others still go.",
    );
    button(host, "schedule-confirm").click();
    await settle();
    expect(fake.called("add_schedule").map((c) => [c.schedule.to, c.schedule.accept_x_cost])).toEqual([
      [["th1", "x1"], true],
    ]);
  });

  it("keeps scheduling disabled while X's price could not be worked out, and Try again asks again", async () => {
    let fail = true;
    const fake = backend({
      preview_post: (args) => {
        if (fail) throw { code: "draft.not_found", message: "draft d1 not found" };
        return previews(args);
      },
    });
    const host = await open(fake);
    box(host, "x1").click();
    await settle();
    expect(find(host, "accounts-error")?.textContent).toContain("draft d1 not found");
    expect(find(host, "x-cost-failed")?.textContent).toContain("Ferry posts to X only after showing what it costs");
    expect(find(host, "x-cost")).toBeNull();
    expect(button(host, "schedule-confirm").disabled).toBe(true);
    expect(button(host, "schedule-queue").disabled).toBe(true);

    fail = false;
    (find(host, "x-cost-failed")?.querySelector("button") as HTMLButtonElement).click();
    await settle();
    expect(fake.called("preview_post")).toHaveLength(2);
    expect(find(host, "x-cost-failed")).toBeNull();
    expect(find(host, "x-cost")?.textContent).toContain("≈ $0.015");
    expect(button(host, "schedule-confirm").disabled).toBe(false);
    expect(button(host, "schedule-queue").disabled).toBe(false);
  });

  it("adds to the queue accepting X's cost only with X checked and its price shown", async () => {
    const fake = backend();
    const host = await open(fake);
    button(host, "schedule-queue").click();
    await settle();
    box(host, "x1").click();
    await settle();
    expect(find(host, "x-cost")).not.toBeNull();
    button(host, "schedule-queue").click();
    await settle();
    expect(fake.called("schedule_next_slots")).toEqual([
      { draftId: "d1", to: ["th1"], acceptXCost: false },
      { draftId: "d1", to: ["th1", "x1"], acceptXCost: true },
    ]);
  });
});
