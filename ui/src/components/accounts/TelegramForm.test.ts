// Adding a Telegram channel through the accounts screen, under a fake shell that answers like
// the engine against the test Bot API server: checked offline first, "Checking the bot…"
// while Telegram is asked, the engine's refusal with what to fix, the bot named on success.
import { describe, expect, it } from "vitest";
import type { AddedAccount } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { addTelegramAnswer, FAKE_BOT_TOKEN, telegramAccount } from "../../lib/accounts/fixtures";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import AccountsDialog from "./AccountsDialog.svelte";

const find = <E extends Element = HTMLElement>(host: HTMLElement, testid: string) =>
  host.querySelector(`[data-testid=${testid}]`) as E | null;

function type(host: HTMLElement, testid: string, value: string) {
  const input = find<HTMLInputElement>(host, testid)!;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

async function openTelegram(fake: FakeBackend): Promise<HTMLElement> {
  setLocalePreference("en");
  const host = show(AccountsDialog, fake, { onClose: () => undefined });
  await settle();
  find(host, "add-telegram")!.click();
  await settle();
  return host;
}

const shell = (over = {}) => new FakeBackend({ list_accounts: () => [], add_telegram: addTelegramAnswer, ...over });

describe("the Telegram form", () => {
  it("adds the channel and says which bot posts, then starts empty again", async () => {
    const fake = shell();
    const host = await openTelegram(fake);
    expect(find<HTMLInputElement>(host, "telegram-token")?.type).toBe("password");
    type(host, "telegram-token", ` ${FAKE_BOT_TOKEN} `);
    type(host, "telegram-chat", "@ferry_news");
    find(host, "telegram-add")!.click();
    await settle();
    expect(fake.called("add_telegram")).toEqual([
      { add: { token: FAKE_BOT_TOKEN, chat: "@ferry_news", apiUrl: null, audience: [] } },
    ]);
    const notes = find(host, "accounts-added")?.textContent ?? "";
    expect(notes).toContain("Added @ferry_news.");
    expect(notes).toContain("posts go out as the bot @ferry_test_bot");
    expect(find<HTMLInputElement>(host, "telegram-token")?.value).toBe("");
  });

  it("names empty fields next to them and sends nothing", async () => {
    const fake = shell();
    const host = await openTelegram(fake);
    find(host, "telegram-add")!.click();
    await settle();
    const said = [...host.querySelectorAll("[data-testid=telegram-form] small.bad")].map((e) => e.textContent);
    expect(said).toEqual(["Paste the bot's token from @BotFather", "Give the channel: @channel_name, its t.me link or its numeric id"]);
    expect(fake.called("add_telegram")).toEqual([]);
  });

  it("shows the engine's refusal with what to fix when the bot may not post", async () => {
    const host = await openTelegram(shell());
    type(host, "telegram-token", FAKE_BOT_TOKEN);
    type(host, "telegram-chat", "@no_rights");
    find(host, "telegram-add")!.click();
    await settle();
    const error = find(host, "accounts-error")!;
    expect(error.dataset.code).toBe("account.bot_cannot_post");
    expect(error.textContent).toContain("not an administrator of @no_rights");
    expect(error.textContent).toContain("Post messages");
    expect(find(host, "accounts-added")).toBeNull();
  });

  it("says it is checking the bot, with the button disabled, until Telegram answers", async () => {
    let answer: (added: AddedAccount) => void = () => undefined;
    const fake = shell({ add_telegram: () => new Promise<AddedAccount>((resolve) => (answer = resolve)) });
    const host = await openTelegram(fake);
    type(host, "telegram-token", FAKE_BOT_TOKEN);
    type(host, "telegram-chat", "https://t.me/ferry_news");
    find(host, "telegram-add")!.click();
    await settle();
    expect(find(host, "telegram-checking")?.textContent).toBe("Checking the bot…");
    expect(find<HTMLButtonElement>(host, "telegram-add")?.disabled).toBe(true);
    answer({ account: telegramAccount(), warnings: [] });
    await settle();
    expect(find(host, "telegram-checking")).toBeNull();
    expect(find(host, "accounts-added")?.textContent).toContain("Added @ferry_news.");
  });

  it("uses another Bot API server from Advanced, and opens Advanced when that address is wrong", async () => {
    const fake = shell();
    const host = await openTelegram(fake);
    const advanced = host.querySelector("[data-testid=telegram-form] details") as HTMLDetailsElement;
    expect(advanced.open).toBe(false);
    type(host, "telegram-token", FAKE_BOT_TOKEN);
    type(host, "telegram-chat", "@ferry_news");
    type(host, "telegram-api-url", "ftp://bots.example");
    find(host, "telegram-add")!.click();
    await settle();
    expect(advanced.open).toBe(true);
    expect(fake.called("add_telegram")).toEqual([]);
    type(host, "telegram-api-url", "http://127.0.0.1:8081/");
    find(host, "telegram-add")!.click();
    await settle();
    expect(fake.called("add_telegram")[0].add.apiUrl).toBe("http://127.0.0.1:8081");
  });

  it("signs a channel in again with its chat filled in and the token left empty", async () => {
    setLocalePreference("en");
    const account = telegramAccount({ serverUrl: "http://127.0.0.1:8081", state: "needsReauth" });
    const host = show(AccountsDialog, shell({ list_accounts: () => [account] }), { onClose: () => undefined });
    await settle();
    const again = [...host.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Sign in again")!;
    again.click();
    await settle();
    expect(find<HTMLInputElement>(host, "telegram-chat")?.value).toBe("@ferry_news");
    expect(find<HTMLInputElement>(host, "telegram-api-url")?.value).toBe("http://127.0.0.1:8081");
    expect(find<HTMLInputElement>(host, "telegram-token")?.value).toBe("");
  });
});
