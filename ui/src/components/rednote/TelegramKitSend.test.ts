// "Send to my Telegram" in the RedNote kit, under a fake shell: offered only with a Telegram
// account, the account chosen when there are several, "Sending…" while the engine sends, then
// where it went and what to know, or the engine's refusal. The fit is the kit's own.
import { flushSync } from "svelte";
import { describe, expect, it } from "vitest";
import { telegramAccount } from "../../lib/accounts/fixtures";
import type { KitToTelegram, NetworkCheck, SentKit } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import type { KitHandoff } from "../../lib/rednote/handoff";
import { settle, show } from "../../lib/testing/mount";
import PhoneHandoff from "./PhoneHandoff.svelte";
import PublishKit from "./PublishKit.svelte";

const find = <E extends Element = HTMLElement>(host: HTMLElement, testid: string) =>
  host.querySelector(`[data-testid=${testid}]`) as E | null;

const handoff = (id: string | null = "d1"): KitHandoff => ({ draftId: id, prepare: async () => id });
const me = telegramAccount({ id: "tg-me", handle: "@lin", displayName: "Lin", remoteId: "123456789" });
const news = telegramAccount();
const mastodon = telegramAccount({ id: "m1", network: "mastodon", handle: "@lin@mastodon.social" });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

async function kit(fake: FakeBackend, id: string | null = "d1"): Promise<HTMLElement> {
  setLocalePreference("en");
  const host = show(PhoneHandoff, fake, { handoff: handoff(id), lang: "zh-Hans", fit: "crop" });
  await settle();
  return host;
}

describe("sending the kit to Telegram", () => {
  it("is not offered without a Telegram account", async () => {
    const host = await kit(new FakeBackend({ list_accounts: () => [mastodon] }));
    expect(find(host, "kit-telegram-send")).toBeNull();
    expect(find(host, "kit-qr-start")).not.toBeNull();
  });

  it("sends to the one account, says Sending… meanwhile, then where it went and the notes", async () => {
    const answer = deferred<SentKit>();
    const fake = new FakeBackend({ list_accounts: () => [mastodon, me], send_rednote_kit: () => answer.promise });
    const host = await kit(fake);
    expect(find(host, "kit-telegram-account")).toBeNull();
    expect(host.textContent).toContain("Lin (@lin)");
    const button = find<HTMLButtonElement>(host, "kit-telegram-send")!;
    expect(button.textContent?.trim()).toBe("Send to my Telegram");
    button.click();
    await settle();
    expect(button.textContent?.trim()).toBe("Sending…");
    expect(button.disabled).toBe(true);
    expect(fake.called("send_rednote_kit")).toEqual([
      { send: { draftId: "d1", lang: "zh-Hans", accountId: "tg-me", fit: "crop" } satisfies KitToTelegram },
    ]);
    answer.resolve({ chat: "@lin", messages: 4, notes: ["tiny.gif was sent as it is"] });
    await settle();
    const result = find(host, "kit-telegram-result")!.textContent!;
    expect(result).toContain("Sent to @lin (4 messages).");
    expect(result).toContain("tiny.gif was sent as it is");
    expect(button.disabled).toBe(false);
  });

  it("offers a choice of accounts and sends to the one picked", async () => {
    const fake = new FakeBackend({
      list_accounts: () => [news, me],
      send_rednote_kit: () => ({ chat: "@lin", messages: 1, notes: [] }),
    });
    const host = await kit(fake);
    const select = find<HTMLSelectElement>(host, "kit-telegram-account")!;
    expect([...select.options].map((o) => o.textContent)).toEqual(["Ferry News (@ferry_news)", "Lin (@lin)"]);
    select.value = "tg-me";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
    find(host, "kit-telegram-send")!.click();
    await settle();
    expect(fake.called("send_rednote_kit").map((a) => a.send.accountId)).toEqual(["tg-me"]);
  });

  it("shows the engine's refusal with what to check", async () => {
    const fake = new FakeBackend({
      list_accounts: () => [me],
      send_rednote_kit: () => {
        throw { code: "handoff.telegram", message: "telegram: Forbidden: bot can't initiate conversation with a user" };
      },
    });
    const host = await kit(fake);
    find(host, "kit-telegram-send")!.click();
    await settle();
    const error = find(host, "kit-telegram-error")!;
    expect(error.dataset.code).toBe("handoff.telegram");
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.textContent).toContain("bot can't initiate conversation");
    expect(error.textContent).toContain("press Start");
    expect(find(host, "kit-telegram-result")).toBeNull();
  });

  it("sends nothing while the draft was never saved", async () => {
    const fake = new FakeBackend({ list_accounts: () => [me] });
    const host = await kit(fake, null);
    find(host, "kit-telegram-send")!.click();
    await settle();
    expect(fake.called("send_rednote_kit")).toEqual([]);
  });

  it("takes the kit's picture fit", async () => {
    setLocalePreference("en");
    const fake = new FakeBackend({
      list_accounts: () => [me],
      send_rednote_kit: () => ({ chat: "@lin", messages: 2, notes: [] }),
    });
    const check: NetworkCheck = {
      network: "rednote",
      text: "渡口\n清晨",
      body: "清晨",
      title: "渡口",
      titleLength: 2,
      titleLimit: 20,
      topics: { text: "", t_tags: [] },
      fromOverride: false,
      misshapenImages: [],
      preview: {
        measurement: { network: "rednote", length: 2, limit: 1000, unit: "graphemes", ok: true, over_by: 0, warnings: [] },
        spans: [],
        parts: [],
      },
    } as NetworkCheck;
    const host = show(PublishKit, fake, { check, lang: "en", attachments: [], handoff: handoff() });
    await settle();
    expect(find(host, "kit-export-button")).toBeNull();
    const fit = find<HTMLSelectElement>(host, "kit-export-fit")!;
    fit.value = "pad";
    fit.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
    find(host, "kit-telegram-send")!.click();
    await settle();
    expect(fake.called("send_rednote_kit")).toEqual([
      { send: { draftId: "d1", lang: "en", accountId: "tg-me", fit: "pad" } },
    ]);
  });
});
