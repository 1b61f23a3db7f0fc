// A Nostr account's media server in the accounts screen, under a fake shell that answers like
// the engine: the line says where pictures go and, for a server, which kind the engine found it
// to be (Blossom or NIP-96); "Change…" opens a small form, the address is checked offline first,
// "Checking the server…" while the engine uploads its test picture, the server's refusal named,
// and "Use the media host instead" clearing it.
import { describe, expect, it } from "vitest";
import type { Account } from "../../lib/backend";
import { FakeBackend, type Answers } from "../../lib/backend/fake";
import {
  FAKE_BLOSSOM,
  FAKE_BLOSSOM_REFUSING,
  FAKE_NIP96,
  nostrAccount,
  setMediaServerAnswer,
  telegramAccount,
} from "../../lib/accounts/fixtures";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import AccountsDialog from "./AccountsDialog.svelte";

const find = <E extends Element = HTMLElement>(host: HTMLElement, testid: string) =>
  host.querySelector(`[data-testid=${testid}]`) as E | null;

function type(host: HTMLElement, value: string) {
  const input = find<HTMLInputElement>(host, "media-server-url")!;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

/** The accounts screen over a shell whose account list follows `set_nostr_media_server`. */
async function open(start: Account, over: Answers = {}) {
  setLocalePreference("en");
  let account = start;
  let closed = 0;
  const fake = new FakeBackend({
    list_accounts: () => [account, telegramAccount()],
    set_nostr_media_server: (args) => (account = setMediaServerAnswer(account)(args)),
    ...over,
  });
  const host = show(AccountsDialog, fake, { onClose: () => (closed += 1) });
  await settle();
  return { fake, host, closed: () => closed };
}

async function change(host: HTMLElement) {
  find(host, "media-server-change")!.click();
  await settle();
}

const line = (host: HTMLElement) => find(host, "account-pictures")?.textContent?.replace(/\s+/g, " ").trim();

describe("a Nostr account's pictures", () => {
  it("says where they go, on Nostr accounts only", async () => {
    const { host } = await open(nostrAccount());
    expect(line(host)).toBe("Pictures: media host Change…");
    expect(host.querySelectorAll("[data-testid=account-pictures]")).toHaveLength(1);
    const telegram = host.querySelector("[data-network=telegram]")!;
    expect(telegram.querySelector("[data-testid=account-pictures]")).toBeNull();
  });

  it("names the account's Blossom server, its kind first, and offers the media host instead", async () => {
    const { host } = await open(nostrAccount({ mediaServer: { protocol: "blossom", url: FAKE_BLOSSOM } }));
    expect(line(host)).toBe("Pictures: Blossom blossom.example Change…");
    await change(host);
    expect(find<HTMLInputElement>(host, "media-server-url")?.value).toBe(FAKE_BLOSSOM);
    expect(find(host, "media-server-clear")?.textContent?.trim()).toBe("Use the media host instead");
  });

  it("shows a NIP-96 server as the engine found it, in every language", async () => {
    const { fake, host } = await open(nostrAccount());
    await change(host);
    type(host, "nip96.example");
    find(host, "media-server-use")!.click();
    await settle();
    await settle();
    expect(fake.called("set_nostr_media_server")).toEqual([{ id: "no1", server: FAKE_NIP96 }]);
    expect(line(host)).toBe("Pictures: NIP-96 nip96.example Change…");
    expect(find(host, "account-pictures-value")?.getAttribute("title")).toBe(FAKE_NIP96);
    // The protocol's name is not translated.
    setLocalePreference("zh-Hant");
    await settle();
    expect(find(host, "account-pictures-value")?.textContent?.trim()).toBe("NIP-96 伺服器 nip96.example");
  });

  it("opens the form with the field focused, and Esc closes only the form", async () => {
    const { host, closed } = await open(nostrAccount());
    const opener = find<HTMLButtonElement>(host, "media-server-change")!;
    expect(opener.getAttribute("aria-expanded")).toBe("false");
    await change(host);
    expect(opener.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement).toBe(find(host, "media-server-url"));
    expect(find(host, "media-server-form")?.querySelector("label")?.textContent).toBe("Media server (Blossom or NIP-96)");
    expect(find<HTMLInputElement>(host, "media-server-url")?.placeholder).toBe("https://nostr.build");
    expect(find(host, "media-server-clear")).toBeNull();
    find(host, "media-server-url")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await settle();
    expect(find(host, "media-server-form")).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(closed()).toBe(0);
  });

  it("checks the server, with the button disabled, then shows it on the row", async () => {
    let answer: () => void = () => undefined;
    let account = nostrAccount();
    const { fake, host } = await open(account, {
      list_accounts: () => [account],
      set_nostr_media_server: (args) =>
        new Promise<Account>((resolve) => {
          answer = () => resolve((account = setMediaServerAnswer(account)(args)));
        }),
    });
    await change(host);
    type(host, " blossom.example/ ");
    find(host, "media-server-use")!.click();
    await settle();
    expect(fake.called("set_nostr_media_server")).toEqual([{ id: "no1", server: FAKE_BLOSSOM }]);
    expect(find(host, "media-server-checking")?.textContent).toBe("Checking the server…");
    expect(find<HTMLButtonElement>(host, "media-server-use")?.disabled).toBe(true);
    answer();
    await settle();
    await settle();
    expect(find(host, "media-server-form")).toBeNull();
    expect(line(host)).toBe("Pictures: Blossom blossom.example Change…");
    expect(fake.called("list_accounts").length).toBeGreaterThan(1);
  });

  it("says what an address must be and sends nothing", async () => {
    const { fake, host } = await open(nostrAccount());
    await change(host);
    type(host, "wss://relay.example");
    find(host, "media-server-use")!.click();
    await settle();
    expect(find(host, "media-server-invalid")?.textContent).toContain("starts with https:// (or http://)");
    expect(find(host, "media-server-url")?.getAttribute("aria-invalid")).toBe("true");
    type(host, "");
    find(host, "media-server-use")!.click();
    await settle();
    expect(find(host, "media-server-invalid")?.textContent).toContain("Give the media server's address");
    expect(fake.called("set_nostr_media_server")).toEqual([]);
  });

  it("shows the server's refusal and keeps the media host", async () => {
    const { host } = await open(nostrAccount());
    await change(host);
    type(host, FAKE_BLOSSOM_REFUSING);
    find(host, "media-server-use")!.click();
    await settle();
    const error = host.querySelector("[data-testid=media-server-form] [data-testid=accounts-error]") as HTMLElement;
    expect(error.dataset.code).toBe("net.rejected");
    expect(error.textContent).toContain("does not take uploads from this Nostr key");
    expect(find(host, "media-server-checking")).toBeNull();
    expect(find<HTMLButtonElement>(host, "media-server-use")?.disabled).toBe(false);
    expect(line(host)).toBe("Pictures: media host Change…");
  });

  it("goes back to the media host", async () => {
    const { fake, host } = await open(nostrAccount({ mediaServer: { protocol: "blossom", url: FAKE_BLOSSOM } }));
    await change(host);
    find(host, "media-server-clear")!.click();
    await settle();
    await settle();
    expect(fake.called("set_nostr_media_server")).toEqual([{ id: "no1", server: null }]);
    expect(find(host, "media-server-form")).toBeNull();
    expect(line(host)).toBe("Pictures: media host Change…");
  });
});
