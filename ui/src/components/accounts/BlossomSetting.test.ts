// A Nostr account's Blossom server in the accounts screen, under a fake shell that answers
// like the engine: the line says where pictures go, "Change…" opens a small form, the address
// is checked offline first, "Checking the server…" while the engine uploads its test picture,
// the server's refusal named, and "Use the media host instead" clearing it.
import { describe, expect, it } from "vitest";
import type { Account } from "../../lib/backend";
import { FakeBackend, type Answers } from "../../lib/backend/fake";
import {
  FAKE_BLOSSOM,
  FAKE_BLOSSOM_REFUSING,
  nostrAccount,
  setBlossomAnswer,
  telegramAccount,
} from "../../lib/accounts/fixtures";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import AccountsDialog from "./AccountsDialog.svelte";

const find = <E extends Element = HTMLElement>(host: HTMLElement, testid: string) =>
  host.querySelector(`[data-testid=${testid}]`) as E | null;

function type(host: HTMLElement, value: string) {
  const input = find<HTMLInputElement>(host, "blossom-url")!;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

/** The accounts screen over a shell whose account list follows `set_nostr_blossom`. */
async function open(start: Account, over: Answers = {}) {
  setLocalePreference("en");
  let account = start;
  let closed = 0;
  const fake = new FakeBackend({
    list_accounts: () => [account, telegramAccount()],
    set_nostr_blossom: (args) => (account = setBlossomAnswer(account)(args)),
    ...over,
  });
  const host = show(AccountsDialog, fake, { onClose: () => (closed += 1) });
  await settle();
  return { fake, host, closed: () => closed };
}

async function change(host: HTMLElement) {
  find(host, "blossom-change")!.click();
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

  it("names the account's Blossom server and offers the media host instead", async () => {
    const { host } = await open(nostrAccount({ blossomUrl: FAKE_BLOSSOM }));
    expect(line(host)).toBe("Pictures: Blossom blossom.example Change…");
    await change(host);
    expect(find<HTMLInputElement>(host, "blossom-url")?.value).toBe(FAKE_BLOSSOM);
    expect(find(host, "blossom-clear")?.textContent?.trim()).toBe("Use the media host instead");
  });

  it("opens the form with the field focused, and Esc closes only the form", async () => {
    const { host, closed } = await open(nostrAccount());
    const opener = find<HTMLButtonElement>(host, "blossom-change")!;
    expect(opener.getAttribute("aria-expanded")).toBe("false");
    await change(host);
    expect(opener.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement).toBe(find(host, "blossom-url"));
    expect(find(host, "blossom-clear")).toBeNull();
    find(host, "blossom-url")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await settle();
    expect(find(host, "blossom-form")).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(closed()).toBe(0);
  });

  it("checks the server, with the button disabled, then shows it on the row", async () => {
    let answer: () => void = () => undefined;
    let account = nostrAccount();
    const { fake, host } = await open(account, {
      list_accounts: () => [account],
      set_nostr_blossom: (args) =>
        new Promise<Account>((resolve) => {
          answer = () => resolve((account = setBlossomAnswer(account)(args)));
        }),
    });
    await change(host);
    type(host, " blossom.example/ ");
    find(host, "blossom-use")!.click();
    await settle();
    expect(fake.called("set_nostr_blossom")).toEqual([{ id: "no1", server: FAKE_BLOSSOM }]);
    expect(find(host, "blossom-checking")?.textContent).toBe("Checking the server…");
    expect(find<HTMLButtonElement>(host, "blossom-use")?.disabled).toBe(true);
    answer();
    await settle();
    await settle();
    expect(find(host, "blossom-form")).toBeNull();
    expect(line(host)).toBe("Pictures: Blossom blossom.example Change…");
    expect(fake.called("list_accounts").length).toBeGreaterThan(1);
  });

  it("says what an address must be and sends nothing", async () => {
    const { fake, host } = await open(nostrAccount());
    await change(host);
    type(host, "wss://relay.example");
    find(host, "blossom-use")!.click();
    await settle();
    expect(find(host, "blossom-invalid")?.textContent).toContain("starts with https:// (or http://)");
    expect(find(host, "blossom-url")?.getAttribute("aria-invalid")).toBe("true");
    type(host, "");
    find(host, "blossom-use")!.click();
    await settle();
    expect(find(host, "blossom-invalid")?.textContent).toContain("Give the Blossom server's address");
    expect(fake.called("set_nostr_blossom")).toEqual([]);
  });

  it("shows the server's refusal and keeps the media host", async () => {
    const { host } = await open(nostrAccount());
    await change(host);
    type(host, FAKE_BLOSSOM_REFUSING);
    find(host, "blossom-use")!.click();
    await settle();
    const error = host.querySelector("[data-testid=blossom-form] [data-testid=accounts-error]") as HTMLElement;
    expect(error.dataset.code).toBe("net.rejected");
    expect(error.textContent).toContain("does not take uploads from this Nostr key");
    expect(find(host, "blossom-checking")).toBeNull();
    expect(find<HTMLButtonElement>(host, "blossom-use")?.disabled).toBe(false);
    expect(line(host)).toBe("Pictures: media host Change…");
  });

  it("goes back to the media host", async () => {
    const { fake, host } = await open(nostrAccount({ blossomUrl: FAKE_BLOSSOM }));
    await change(host);
    find(host, "blossom-clear")!.click();
    await settle();
    await settle();
    expect(fake.called("set_nostr_blossom")).toEqual([{ id: "no1", server: null }]);
    expect(find(host, "blossom-form")).toBeNull();
    expect(line(host)).toBe("Pictures: media host Change…");
  });
});
