// "Post now" under a fake shell, for what X adds: an X account starts unchecked, checking it
// asks the engine what X will charge and shows it under the account, and only a shown price
// is accepted when posting (a failed preview keeps Post disabled while X is checked).
import { describe, expect, it, vi } from "vitest";
import type { Draft, PublishRequest, TargetPreview } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { threadsAccount, xAccount, xCost } from "../../lib/accounts/fixtures";
import { DraftSession } from "../../lib/composer/session.svelte";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import PostNowDialog from "./PostNowDialog.svelte";

const draft: Draft = {
  id: "d1",
  revision: 2,
  createdAt: "2026-12-07T02:00:00Z",
  updatedAt: "2026-12-07T02:00:00Z",
  content: {
    variants: [{ lang: "en", text: "See you at the ferry https://ferry.example" }],
    overrides: [],
    targets: [
      { network: "threads", accountId: null },
      { network: "x", accountId: null },
    ],
    topics: [],
    attachments: [],
  },
};

const accounts = [threadsAccount(), xAccount()];

const preview = (accountId: string, over: Partial<TargetPreview> = {}): TargetPreview => ({
  accountId,
  network: accountId === "x1" ? "x" : "threads",
  lang: "en",
  parts: ["See you at the ferry https://ferry.example"],
  images: 0,
  refusal: null,
  cost: null,
  ...over,
});

const previews = ({ request }: { request: PublishRequest }) =>
  request.to.map((id) => (id === "x1" ? preview(id, { cost: xCost() }) : preview(id)));

function open(fake: FakeBackend) {
  setLocalePreference("en");
  const onPost = vi.fn(async (_ids: string[], _acceptXCost: boolean) => undefined);
  const session = new DraftSession(fake, draft, ["en", "zh-Hans"]);
  const host = show(PostNowDialog, fake, { session, onPost, onAccounts: () => undefined, onClose: () => undefined });
  return { host, onPost };
}

const box = (host: HTMLElement, id: string) =>
  host.querySelector(`[data-testid=post-account][value="${id}"]`) as HTMLInputElement;
const confirm = (host: HTMLElement) => host.querySelector("[data-testid=post-confirm]") as HTMLButtonElement;
const find = (host: HTMLElement, testid: string) => host.querySelector(`[data-testid=${testid}]`);

describe("Post now with an X account", () => {
  it("leaves X unchecked for the draft's X chip and asks no price for the rest", async () => {
    const fake = new FakeBackend({ list_accounts: () => accounts, preview_post: previews });
    const { host, onPost } = open(fake);
    await settle();
    expect(box(host, "th1").checked).toBe(true);
    expect(box(host, "x1").checked).toBe(false);
    expect(fake.called("preview_post")).toEqual([]);
    confirm(host).click();
    await settle();
    expect(onPost).toHaveBeenCalledWith(["th1"], false);
  });

  it("shows what X will charge under the checked account, and accepts that price when posting", async () => {
    let answer: (p: TargetPreview[]) => void = () => undefined;
    const fake = new FakeBackend({
      list_accounts: () => accounts,
      preview_post: () => new Promise<TargetPreview[]>((resolve) => (answer = resolve)),
    });
    const { host, onPost } = open(fake);
    await settle();
    box(host, "x1").click();
    await settle();
    expect(fake.called("preview_post")).toEqual([
      { request: { draftId: "d1", to: ["th1", "x1"], mapping: [], allowThreads: true, acceptXCost: false } },
    ]);
    expect(find(host, "x-cost-loading")?.textContent).toBe("Working out what X will charge…");
    expect(confirm(host).disabled).toBe(true);

    answer(previews({ request: fake.called("preview_post")[0].request }));
    await settle();
    expect(find(host, "x-cost-loading")).toBeNull();
    expect(find(host, "x-cost")?.textContent).toBe(
      "X · @ferry_writer: 2 posts (1 with a link), 1 alt text ≈ $0.220 of your X app's credits (X's prices on 2026-12-07)",
    );
    // Under the X account's own row.
    expect(find(host, "x-cost")?.closest("li")?.contains(box(host, "x1"))).toBe(true);
    confirm(host).click();
    await settle();
    expect(onPost).toHaveBeenCalledWith(["th1", "x1"], true);
  });

  it("asks again when the choice changes, and drops an answer for an earlier choice", async () => {
    const answers: ((p: TargetPreview[]) => void)[] = [];
    const fake = new FakeBackend({
      list_accounts: () => accounts,
      preview_post: () => new Promise<TargetPreview[]>((resolve) => answers.push(resolve)),
    });
    const { host } = open(fake);
    await settle();
    box(host, "x1").click();
    await settle();
    box(host, "th1").click();
    await settle();
    expect(fake.called("preview_post").map((c) => c.request.to)).toEqual([["th1", "x1"], ["x1"]]);
    answers[1]([preview("x1", { cost: xCost({ posts: 0, altTexts: 0, usd: "$0.200" }) })]);
    answers[0]([preview("th1"), preview("x1", { cost: xCost({ usd: "$9.999" }) })]);
    await settle();
    expect(find(host, "x-cost")?.textContent).toContain("1 post (1 with a link) ≈ $0.200");
    expect(confirm(host).disabled).toBe(false);
  });

  it("keeps Post disabled for X when the price could not be worked out, until X is left out", async () => {
    const fake = new FakeBackend({
      list_accounts: () => accounts,
      preview_post: () => {
        throw { code: "draft.not_found", message: "draft d1 not found" };
      },
    });
    const { host, onPost } = open(fake);
    await settle();
    box(host, "x1").click();
    await settle();
    expect(find(host, "accounts-error")?.textContent).toContain("draft d1 not found");
    expect(find(host, "x-cost-failed")?.textContent).toContain("Ferry posts to X only after showing what it costs");
    expect(find(host, "x-cost")).toBeNull();
    expect(confirm(host).disabled).toBe(true);

    box(host, "x1").click();
    await settle();
    expect(find(host, "x-cost-failed")).toBeNull();
    expect(confirm(host).disabled).toBe(false);
    confirm(host).click();
    await settle();
    expect(onPost).toHaveBeenCalledWith(["th1"], false);
  });

  it("shows why the engine won't send to the X account instead of a price", async () => {
    const refusal = { code: "split.no_threads", message: "the text is longer than X allows and threads are off" };
    const fake = new FakeBackend({
      list_accounts: () => [xAccount()],
      preview_post: ({ request }) => request.to.map((id) => preview(id, { refusal })),
    });
    const { host } = open(fake);
    await settle();
    box(host, "x1").click();
    await settle();
    expect(find(host, "x-cost-refused")?.textContent).toBe(refusal.message);
    expect(find(host, "x-cost")).toBeNull();
  });
});
