// Adding a Threads account through the accounts screen, under a fake shell that answers like
// the engine against the test Threads API server: checked offline first, "Checking the
// token…" while Meta is asked, the engine's refusal with what to fix, the publishing
// allowance and the token's lifetime as notes on success.
import { describe, expect, it } from "vitest";
import type { AddedAccount } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import {
  addThreadsAnswer,
  FAKE_THREADS_TOKEN,
  FAKE_THREADS_TOKEN_NO_PUBLISH,
  threadsAccount,
} from "../../lib/accounts/fixtures";
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

const said = (host: HTMLElement) =>
  [...host.querySelectorAll("[data-testid=threads-form] small.bad")].map((e) => e.textContent);

async function openThreads(fake: FakeBackend): Promise<HTMLElement> {
  setLocalePreference("en");
  const host = show(AccountsDialog, fake, { onClose: () => undefined });
  await settle();
  find(host, "add-threads")!.click();
  await settle();
  return host;
}

const shell = (over = {}) => new FakeBackend({ list_accounts: () => [], add_threads: addThreadsAnswer, ...over });

describe("the Threads form", () => {
  it("says where the token comes from, in three steps", async () => {
    const host = await openThreads(shell());
    const steps = [...host.querySelectorAll("[data-testid=threads-steps] li")].map((li) => li.textContent ?? "");
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain("threads_content_publish");
    expect(steps[1]).toContain("Use cases → Threads API → Settings → User Token Generator");
    expect(find<HTMLInputElement>(host, "threads-token")?.type).toBe("password");
  });

  it("adds the account with the gets-language chosen, shows the engine's notes, then starts empty again", async () => {
    const fake = shell();
    const host = await openThreads(fake);
    const audience = find<HTMLSelectElement>(host, "add-audience")!;
    audience.value = "zh-Hant";
    audience.dispatchEvent(new Event("change", { bubbles: true }));
    type(host, "threads-token", ` ${FAKE_THREADS_TOKEN}\n`);
    find(host, "threads-add")!.click();
    await settle();
    expect(fake.called("add_threads")).toEqual([{ add: { token: FAKE_THREADS_TOKEN, apiUrl: null, audience: ["zh-Hant"] } }]);
    const notes = find(host, "accounts-added")?.textContent ?? "";
    expect(notes).toContain("Added @ferry_writer.");
    expect(notes).toContain("3 of 250 posts used in the last 24 hours");
    expect(notes).toContain("the token lasts 60 days");
    expect(find<HTMLInputElement>(host, "threads-token")?.value).toBe("");
  });

  it("names an empty token next to it and sends nothing", async () => {
    const fake = shell();
    const host = await openThreads(fake);
    find(host, "threads-add")!.click();
    await settle();
    expect(said(host)).toEqual(["Paste the access token from your Meta app's User Token Generator"]);
    expect(fake.called("add_threads")).toEqual([]);
  });

  it("names a pasted address, id or cut-off token for what it is", async () => {
    const fake = shell();
    const host = await openThreads(fake);
    const cases: [string, string][] = [
      ["https://www.threads.net/@ferry_writer", "That is a web address: paste the token itself"],
      ["17841400000000001", "That is a username or numeric id, not the token"],
      ["THAA cut in two 0123456789", "one long run of letters and digits (THAA…) with no spaces"],
      ["THAAshort", "one long run of letters and digits (THAA…) with no spaces"],
    ];
    for (const [pasted, message] of cases) {
      type(host, "threads-token", pasted);
      find(host, "threads-add")!.click();
      await settle();
      expect(said(host).join(" "), pasted).toContain(message);
    }
    expect(fake.called("add_threads")).toEqual([]);
  });

  it("shows the engine's refusal with what to fix when the Meta app may not publish", async () => {
    const host = await openThreads(shell());
    type(host, "threads-token", FAKE_THREADS_TOKEN_NO_PUBLISH);
    find(host, "threads-add")!.click();
    await settle();
    const error = find(host, "accounts-error")!;
    expect(error.dataset.code).toBe("net.rejected");
    expect(error.textContent).toContain("give it threads_basic and threads_content_publish");
    expect(find(host, "accounts-added")).toBeNull();
    expect(find<HTMLInputElement>(host, "threads-token")?.value).toBe(FAKE_THREADS_TOKEN_NO_PUBLISH);
  });

  it("says it is checking the token, with the button disabled, until Threads answers", async () => {
    let answer: (added: AddedAccount) => void = () => undefined;
    const fake = shell({ add_threads: () => new Promise<AddedAccount>((resolve) => (answer = resolve)) });
    const host = await openThreads(fake);
    type(host, "threads-token", FAKE_THREADS_TOKEN);
    find(host, "threads-add")!.click();
    await settle();
    expect(find(host, "threads-checking")?.textContent).toBe("Checking the token…");
    expect(find<HTMLButtonElement>(host, "threads-add")?.disabled).toBe(true);
    answer({ account: threadsAccount(), warnings: [] });
    await settle();
    expect(find(host, "threads-checking")).toBeNull();
    expect(find(host, "accounts-added")?.textContent).toContain("Added @ferry_writer.");
  });

  it("uses another Threads API server from Advanced, and opens Advanced when that address is wrong", async () => {
    const fake = shell();
    const host = await openThreads(fake);
    const advanced = host.querySelector("[data-testid=threads-form] details") as HTMLDetailsElement;
    expect(advanced.open).toBe(false);
    type(host, "threads-token", FAKE_THREADS_TOKEN);
    type(host, "threads-api-url", "ftp://graph.example");
    find(host, "threads-add")!.click();
    await settle();
    expect(advanced.open).toBe(true);
    expect(said(host)).toEqual(["Give an http:// or https:// address, e.g. https://graph.threads.net, or leave it empty"]);
    expect(fake.called("add_threads")).toEqual([]);
    type(host, "threads-api-url", "http://127.0.0.1:8090/");
    find(host, "threads-add")!.click();
    await settle();
    expect(fake.called("add_threads")[0].add.apiUrl).toBe("http://127.0.0.1:8090");
  });

  it("signs an account in again with its server filled in and the token left empty", async () => {
    setLocalePreference("en");
    const account = threadsAccount({ serverUrl: "http://127.0.0.1:8090", state: "needsReauth", audience: ["en"] });
    const fake = shell({ list_accounts: () => [account] });
    const host = show(AccountsDialog, fake, { onClose: () => undefined });
    await settle();
    const again = [...host.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Sign in again")!;
    again.click();
    await settle();
    expect(host.querySelector("h3")?.textContent).toBe("Sign in again: @ferry_writer");
    expect(find<HTMLInputElement>(host, "threads-api-url")?.value).toBe("http://127.0.0.1:8090");
    expect((host.querySelector("[data-testid=threads-form] details") as HTMLDetailsElement).open).toBe(true);
    expect(find<HTMLInputElement>(host, "threads-token")?.value).toBe("");
    type(host, "threads-token", FAKE_THREADS_TOKEN);
    find(host, "threads-add")!.click();
    await settle();
    expect(fake.called("add_threads")).toEqual([
      { add: { token: FAKE_THREADS_TOKEN, apiUrl: "http://127.0.0.1:8090", audience: ["en"] } },
    ]);
  });
});
