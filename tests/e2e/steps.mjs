// Steps several window tests share: adding a Bluesky account through the accounts screen,
// writing a bilingual draft, closing a dialog, and reading a handle's posts back from the PDS.
import assert from "node:assert/strict";
import { By, Key } from "selenium-webdriver";
import { find, screenshot, value, waitFor } from "./window.mjs";

export async function addBluesky(window, pds, handle, password) {
  await (await find(window, "[data-testid=add-bluesky]")).click();
  const server = await find(window, "[data-testid=bluesky-pds]");
  await server.clear();
  await server.sendKeys(pds);
  await (await find(window, "[data-testid=bluesky-identifier]")).sendKeys(handle);
  await (await find(window, "[data-testid=bluesky-password]")).sendKeys(password);
  await (await find(window, "[data-testid=bluesky-submit]")).click();
  await waitFor(window, `${handle} added`, async () => {
    const errors = await window.findElements(By.css("[data-testid=accounts-error]"));
    if (errors.length > 0) throw new Error(`adding ${handle} failed: ${await errors[0].getText()}`);
    return (await window.findElements(By.css(`[data-testid=account-row][data-handle="${handle}"]`))).length === 1;
  }, 40_000).catch(async (err) => {
    await screenshot(window, `publish-add-${handle}-failed.png`);
    throw err;
  });
}

/** alice.test, the test PDS's first account, added through the accounts screen, which closes. */
export async function signInAlice(window, pds) {
  await find(window, "[data-testid=editor-primary]");
  await (await find(window, "[data-testid=accounts-open]")).click();
  await find(window, "[data-testid=accounts-dialog]");
  await addBluesky(window, pds, "alice.test", "alice-pass");
  await waitForAccounts(window, 1);
  await closeDialog(window);
}

export async function waitForAccounts(window, count) {
  await waitFor(window, `${count} account(s)`, async () => {
    return (await window.findElements(By.css("[data-testid=account-row]"))).length === count;
  });
}

export async function closeDialog(window) {
  await window.actions().sendKeys(Key.ESCAPE).perform();
  await waitFor(window, "the dialog to close", async () => {
    return (await window.findElements(By.css("[role=dialog]"))).length === 0;
  });
}

export async function writeDraft(window, en, zh) {
  const primary = await find(window, "[data-testid=editor-primary]");
  await primary.click();
  await primary.sendKeys(en);
  await (await find(window, "[data-testid=tab-zh-Hans]")).click();
  const secondary = await find(window, "[data-testid=editor-secondary]");
  await secondary.sendKeys(zh);
  assert.equal(await value(primary), en);
  assert.equal(await value(secondary), zh);
  await waitFor(window, "Saved", async () => {
    return (await (await find(window, "[data-save-state]")).getAttribute("data-save-state")) === "saved";
  });
}

export async function records(pds, handle, text) {
  const resolve = await fetch(`${pds}/xrpc/com.atproto.identity.resolveHandle?handle=${handle}`);
  const { did } = await resolve.json();
  const found = [];
  let cursor;
  do {
    const query = new URLSearchParams({ repo: did, collection: "app.bsky.feed.post", limit: "100" });
    if (cursor) query.set("cursor", cursor);
    const page = await (await fetch(`${pds}/xrpc/com.atproto.repo.listRecords?${query}`)).json();
    found.push(...(page.records ?? []).filter((r) => r.value?.text === text));
    cursor = page.records?.length ? page.cursor : undefined;
  } while (cursor);
  return found;
}
