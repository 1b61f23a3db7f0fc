// A Telegram target whose answer was lost: the line says to look in the chat, makes the
// channel's link open in the browser, and asks what the person found — "It's there" (with the
// message's link, optional) or "Not there — send it" — once at a time, saying why if refused.
import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Looked } from "../../lib/backend";
import { BackendError } from "../../lib/backend";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { lookTarget, target as plainTarget } from "../../lib/publish/fixtures";
import { settle } from "../../lib/testing/mount";
import TargetLine from "./TargetLine.svelte";

let mounted: ReturnType<typeof mount>[] = [];
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
});

type Settle = (targetId: string, looked: Looked) => Promise<void>;

function line(target = lookTarget("t1"), onSettle: Settle = async () => undefined, onOpen = vi.fn()) {
  setLocalePreference("en");
  const host = document.body.appendChild(document.createElement("ul"));
  mounted.push(mount(TargetLine, { target: host, props: { target, account: undefined, onOpen, onSettle } }));
  flushSync();
  const get = <E extends HTMLElement = HTMLButtonElement>(id: string) => host.querySelector(`[data-testid=${id}]`) as E | null;
  return { host, get, onOpen };
}

describe("a target to look for in the chat", () => {
  it("says where to look, with the channel's link opening in the browser", () => {
    const { get, onOpen } = line();
    expect(get("publish-state")?.textContent?.trim()).toBe("look in the chat");
    expect(get("publish-reason")?.textContent).toContain("look in @ferry_news (https://t.me/ferry_news), then");
    get("publish-reason-link")!.click();
    expect(onOpen).toHaveBeenCalledWith("https://t.me/ferry_news");
  });

  it("sends it again when it is not there, with the buttons disabled meanwhile", async () => {
    let done: () => void = () => undefined;
    const onSettle = vi.fn<Settle>(() => new Promise<void>((resolve) => (done = resolve)));
    const { get } = line(lookTarget("t1"), onSettle);
    get("settle-not-posted")!.click();
    flushSync();
    expect(onSettle).toHaveBeenCalledWith("t1", { kind: "notPosted" });
    expect(get("settle-not-posted")?.disabled).toBe(true);
    expect(get("settle-posted")?.disabled).toBe(true);
    done();
    await settle();
    expect(get("settle-not-posted")?.disabled).toBe(false);
  });

  it("records it posted with the link given, or without one", async () => {
    const onSettle = vi.fn<Settle>(async () => undefined);
    const { get } = line(lookTarget("t1"), onSettle);
    get("settle-posted")!.click();
    flushSync();
    const link = get<HTMLInputElement>("settle-link")!;
    expect(document.activeElement).toBe(link);
    link.value = "t.me/ferry_news/12";
    link.dispatchEvent(new Event("input", { bubbles: true }));
    get("settle-confirm")!.click();
    await settle();
    expect(onSettle).not.toHaveBeenCalled();
    expect(get("settle")?.textContent).toContain("starts with https://");

    link.value = " https://t.me/ferry_news/12 ";
    link.dispatchEvent(new Event("input", { bubbles: true }));
    get("settle-confirm")!.click();
    await settle();
    expect(onSettle).toHaveBeenLastCalledWith("t1", { kind: "posted", url: "https://t.me/ferry_news/12" });

    get("settle-posted")!.click();
    flushSync();
    get("settle-confirm")!.click();
    await settle();
    expect(onSettle).toHaveBeenLastCalledWith("t1", { kind: "posted", url: null });
  });

  it("says why the engine refused, and lets the person answer again", async () => {
    const refused = new BackendError({ code: "outbox.nothing_to_settle", message: "none of its parts is unknown" });
    const { get } = line(lookTarget("t1"), async () => Promise.reject(refused));
    get("settle-not-posted")!.click();
    await settle();
    expect(get("accounts-error")?.dataset.code).toBe("outbox.nothing_to_settle");
    expect(get("settle-not-posted")?.disabled).toBe(false);
  });

  it("asks nothing of a target that is only being checked", () => {
    const { get } = line(plainTarget("t1", { state: "unknown", error: { code: "net.timeout", message: "timed out" } }));
    expect(get("publish-state")?.textContent?.trim()).toBe("checking…");
    expect(get("settle")).toBeNull();
    expect(get("publish-reason-link")).toBeNull();
  });
});
