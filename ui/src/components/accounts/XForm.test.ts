// Adding an X account through the accounts screen, under a fake shell: the callback URL to
// register follows the port, a pasted address is refused before anything starts, then the
// browser sign-in starts, is waited on ("Approve Ferry in the browser…") and can be cancelled.
import { describe, expect, it } from "vitest";
import type { AddedAccount } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { addedX, FAKE_X_CLIENT_ID, xAccount } from "../../lib/accounts/fixtures";
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

const said = (host: HTMLElement) => [...host.querySelectorAll("[data-testid=x-form] small.bad")].map((e) => e.textContent);

/**
 * A shell whose sign-in comes back when the test says so; cancelling ends the wait the way the
 * shell's cancel signal does.
 */
function shell(over = {}) {
  let come: (added: AddedAccount) => void = () => undefined;
  let gone: (error: unknown) => void = () => undefined;
  const fake = new FakeBackend({
    list_accounts: () => [],
    start_x_sign_in: ({ start }) => ({
      signInId: "x-0",
      started: {
        authorizeUrl: `https://x.com/i/oauth2/authorize?client_id=${start.clientId}`,
        redirectUri: `http://127.0.0.1:${start.port ?? 8717}/callback`,
      },
    }),
    wait_x_sign_in: () =>
      new Promise<AddedAccount>((resolve, reject) => {
        come = resolve;
        gone = reject;
      }),
    cancel_x_sign_in: () => gone({ code: "account.sign_in_cancelled", message: "the sign-in was cancelled" }),
    ...over,
  });
  return { fake, approve: (added: AddedAccount) => come(added) };
}

async function openX(fake: FakeBackend): Promise<HTMLElement> {
  setLocalePreference("en");
  const host = show(AccountsDialog, fake, { onClose: () => undefined });
  await settle();
  find(host, "add-x")!.click();
  await settle();
  return host;
}

describe("the X form", () => {
  it("shows the callback URL to register before signing in, following the port", async () => {
    const host = await openX(shell().fake);
    expect(find(host, "x-callback")?.textContent).toBe("http://127.0.0.1:8717/callback");
    type(host, "x-port", "9123");
    await settle();
    expect(find(host, "x-callback")?.textContent).toBe("http://127.0.0.1:9123/callback");
    const steps = [...host.querySelectorAll("[data-testid=x-steps] li")].map((li) => li.textContent ?? "");
    expect(steps.join(" ")).toContain("“Native App”");
    expect(steps.join(" ")).toContain("OAuth 2.0 Client ID");
    expect(find(host, "x-cost")?.textContent).toContain("about $0.015 each, $0.200 with a link");
    expect(find<HTMLInputElement>(host, "x-client-secret")?.type).toBe("password");
  });

  it("refuses a pasted address as the client id, saying what to paste, and starts nothing", async () => {
    const { fake } = shell();
    const host = await openX(fake);
    type(host, "x-client-id", "https://developer.x.com/en/portal/projects/123/apps");
    find(host, "x-sign-in")!.click();
    await settle();
    expect(said(host)).toEqual(["That is a web address: paste the Client ID itself, from the app's Keys and tokens page"]);
    type(host, "x-client-id", "abc def");
    find(host, "x-sign-in")!.click();
    await settle();
    expect(said(host).join(" ")).toContain("10 to 100 letters, digits, - or _");
    type(host, "x-client-id", FAKE_X_CLIENT_ID);
    type(host, "x-port", "80");
    find(host, "x-sign-in")!.click();
    await settle();
    expect(said(host)).toEqual(["Give a port from 1024 to 65535, or leave it empty for 8717"]);
    expect(fake.called("start_x_sign_in")).toEqual([]);
  });

  it("starts the sign-in, waits for the browser, then shows X's note and starts empty again", async () => {
    const { fake, approve } = shell();
    const host = await openX(fake);
    const audience = find<HTMLSelectElement>(host, "add-audience")!;
    audience.value = "zh-Hans";
    audience.dispatchEvent(new Event("change", { bubbles: true }));
    type(host, "x-client-id", ` ${FAKE_X_CLIENT_ID} `);
    type(host, "x-client-secret", "web-app-secret");
    find(host, "x-sign-in")!.click();
    await settle();
    expect(fake.called("start_x_sign_in")).toEqual([
      {
        start: {
          clientId: FAKE_X_CLIENT_ID,
          clientSecret: "web-app-secret",
          port: 8717,
          apiUrl: null,
          authorizeUrl: null,
          audience: ["zh-Hans"],
        },
      },
    ]);
    expect(fake.called("wait_x_sign_in")).toEqual([{ signInId: "x-0" }]);
    expect(find(host, "x-waiting")?.textContent).toContain("Approve Ferry in the browser…");
    expect(find<HTMLButtonElement>(host, "x-sign-in")?.disabled).toBe(true);

    approve(addedX({ audience: ["zh-Hans"] }));
    await settle();
    const notes = find(host, "accounts-added")?.textContent ?? "";
    expect(notes).toContain("Added @ferry_writer.");
    expect(notes).toContain("X charges your app's credits for every post");
    expect(find(host, "x-waiting")).toBeNull();
    expect(find<HTMLInputElement>(host, "x-client-id")?.value).toBe("");
    expect(find<HTMLInputElement>(host, "x-client-secret")?.value).toBe("");
  });

  it("cancels a sign-in under way quietly, and can start again", async () => {
    const { fake } = shell();
    const host = await openX(fake);
    type(host, "x-client-id", FAKE_X_CLIENT_ID);
    type(host, "x-port", "");
    find(host, "x-sign-in")!.click();
    await settle();
    expect(fake.called("start_x_sign_in")[0].start.port).toBeNull();
    find(host, "x-cancel")!.click();
    await settle();
    expect(fake.called("cancel_x_sign_in")).toEqual([{ signInId: "x-0" }]);
    expect(find(host, "x-waiting")).toBeNull();
    expect(find(host, "accounts-error")).toBeNull();
    find(host, "x-sign-in")!.click();
    await settle();
    expect(fake.called("start_x_sign_in")).toHaveLength(2);
    expect(find(host, "x-waiting")).not.toBeNull();
  });

  it("shows why the sign-in could not start or finish", async () => {
    const { fake } = shell({
      start_x_sign_in: () => {
        throw { code: "account.invalid", message: "callback port: port 8717 on 127.0.0.1 is in use" };
      },
    });
    const host = await openX(fake);
    type(host, "x-client-id", FAKE_X_CLIENT_ID);
    find(host, "x-sign-in")!.click();
    await settle();
    expect(find(host, "accounts-error")?.textContent).toContain("port 8717 on 127.0.0.1 is in use");
    expect(fake.called("wait_x_sign_in")).toEqual([]);

    fake.answer("start_x_sign_in", () => ({ signInId: "x-1", started: { authorizeUrl: "https://x.com/i/oauth2/authorize", redirectUri: "http://127.0.0.1:8717/callback" } }));
    fake.answer("wait_x_sign_in", () => {
      throw { code: "net.auth", message: "x: the app refused the code" };
    });
    find(host, "x-sign-in")!.click();
    await settle();
    expect(find(host, "accounts-error")?.textContent).toContain("the app refused the code");
    expect(find(host, "x-waiting")).toBeNull();
  });

  it("signs an account in again with nothing secret filled in", async () => {
    setLocalePreference("en");
    const { fake } = shell({ list_accounts: () => [xAccount({ state: "needsReauth", audience: ["en"] })] });
    const host = show(AccountsDialog, fake, { onClose: () => undefined });
    await settle();
    const again = [...host.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Sign in again")!;
    again.click();
    await settle();
    expect(host.querySelector("h3")?.textContent).toBe("Sign in again: @ferry_writer");
    expect(find(host, "x-form")?.textContent).toContain("be signed in to X as @ferry_writer");
    expect(find<HTMLInputElement>(host, "x-client-id")?.value).toBe("");
    expect(find<HTMLInputElement>(host, "x-client-secret")?.value).toBe("");
    type(host, "x-client-id", FAKE_X_CLIENT_ID);
    find(host, "x-sign-in")!.click();
    await settle();
    expect(fake.called("start_x_sign_in")[0].start.audience).toEqual(["en"]);
  });
});
