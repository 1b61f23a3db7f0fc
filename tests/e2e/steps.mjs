// Steps several window tests share: a driver for a test file on the reference PDS, adding a
// Bluesky account through the accounts screen, writing a bilingual draft, scheduling it,
// closing a dialog, reading text the window just re-rendered or a word's hint card, reading a handle's posts
// back from the PDS, and ending an app process left running in the background.
import assert from "node:assert/strict";
import { readdir, readFile, readlink } from "node:fs/promises";
import { basename } from "node:path";
import { after, before } from "node:test";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { find, screenshot, value, waitFor } from "./window.mjs";

/**
 * For a test file on the reference Bluesky PDS (tests/peers/with-peers): before its tests,
 * checks the PDS is there and starts a driver on fresh folders; after them, stops it
 * (printing the end of its log first under FERRY_E2E_VERBOSE). Call at the top level;
 * `session.driver` is set once the tests run.
 */
export function pdsSession(options = {}) {
  const session = { pds: process.env.FERRY_TEST_BSKY_PDS, driver: undefined };
  before(async () => {
    assert.ok(session.pds, "FERRY_TEST_BSKY_PDS is not set: run this through tests/peers/with-peers (make test-e2e does)");
    session.driver = await TauriDriver.start(options);
  });
  after(async () => {
    if (process.env.FERRY_E2E_VERBOSE) console.log(session.driver?.log().slice(-6000));
    await session.driver?.stop();
  });
  return session;
}

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

/** "Post now" on the open draft, confirmed, until the publish panel shows. */
export async function postNow(window) {
  await (await find(window, "[data-testid=post-now]")).click();
  await find(window, "[data-testid=post-now-dialog]");
  await (await find(window, "[data-testid=post-confirm]")).click();
  await find(window, "[data-testid=publish-panel]");
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

/** An element's text as the DOM holds it now: getText returns "" on what Svelte just re-rendered. */
export async function textOf(window, selector) {
  return window.executeScript(`return document.querySelector(arguments[0])?.textContent ?? "";`, selector);
}

/**
 * Waits until the hint card of a word (`word`: a CSS selector of its `.hinted` span) contains
 * `want`, and returns the card's text. A card is built when its word is first pointed at or
 * focused, so each look focuses the word, as a keyboard user would: the panel is rebuilt when
 * the dictionaries finish loading, and the new span is focused in its turn.
 */
export async function hintCardSays(window, word, want, timeout) {
  const look = `const word = document.querySelector(arguments[0]);
    if (!word) return false;
    word.focus();
    const text = word.querySelector(".card")?.textContent ?? "";
    return text.includes(arguments[1]) ? text : false;`;
  return waitFor(window, `the card of ${word} to say ${want}`, () => window.executeScript(look, word, want), timeout);
}

/**
 * Schedules the open draft at `due` (a Date, picked in UTC, to the second) for the accounts
 * the dialog offers, and waits until the composer says it is scheduled.
 */
export async function scheduleDraft(window, due) {
  await (await find(window, "[data-testid=schedule-open]")).click();
  await find(window, "[data-testid=schedule-dialog]");
  const iso = due.toISOString();
  for (const [id, text] of [["when-date", iso.slice(0, 10)], ["when-time", iso.slice(11, 19)], ["when-zone", "UTC"]]) {
    const field = await find(window, `[data-testid=${id}]`);
    await field.clear();
    await field.sendKeys(text);
  }
  const confirm = await find(window, "[data-testid=schedule-confirm]");
  await waitFor(window, "an exact time and an account", async () =>
    (await (await find(window, "[data-testid=when-result]")).getAttribute("data-kind")) === "exact" &&
    (await confirm.isEnabled()),
  );
  await confirm.click();
  await waitFor(window, "the dialog to close", async () =>
    (await window.findElements(By.css("[data-testid=schedule-dialog]"))).length === 0,
  );
  await find(window, "[data-testid=draft-scheduled]");
}

/** The ferry-app processes on `dataDir`, by pid. */
export async function appPids(dataDir) {
  const pids = [];
  for (const pid of (await readdir("/proc")).filter((name) => /^\d+$/.test(name))) {
    try {
      if (basename(await readlink(`/proc/${pid}/exe`)) !== "ferry-app") continue;
      const environ = (await readFile(`/proc/${pid}/environ`, "utf8")).split("\0");
      if (environ.includes(`FERRY_DATA_DIR=${dataDir}`)) pids.push(Number(pid));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** Waits for the app on `dataDir` to exit (ending the session usually ends it), else kills it. */
export async function endApp(dataDir) {
  const deadline = Date.now() + 5_000;
  let pids = await appPids(dataDir);
  while (pids.length > 0 && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 200));
    pids = await appPids(dataDir);
  }
  for (const pid of pids) process.kill(pid, "SIGKILL");
  while ((await appPids(dataDir)).length > 0) await new Promise((done) => setTimeout(done, 100));
}

/** A screen's Alt shortcut (Alt+3 is the feed) with no field focused, as a person presses it. */
export async function pressAlt(window, key) {
  await window.executeScript("document.activeElement?.blur()");
  await window.actions().keyDown(Key.ALT).sendKeys(key).keyUp(Key.ALT).perform();
}

/** Adds a feed by its address through the Feed screen's Sources dialog, then closes the dialog. */
export async function addFeedSource(window, url) {
  await (await find(window, "[data-testid=feed-open-sources]")).click();
  await find(window, "[data-testid=feed-sources]");
  const before = (await window.findElements(By.css("[data-testid=feed-source]"))).length;
  await (await find(window, "[data-testid=feed-url]")).sendKeys(url);
  await (await find(window, "[data-testid=feed-add-url]")).click();
  await waitFor(window, `${url} added`, async () => {
    const errors = await window.findElements(By.css("[data-testid=feed-sources] [role=alert]"));
    if (errors.length > 0) throw new Error(`adding ${url} failed: ${await errors[0].getText()}`);
    return (await window.findElements(By.css("[data-testid=feed-source]"))).length === before + 1;
  });
  await closeDialog(window);
}
