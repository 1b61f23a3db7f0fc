// Threads in the real Ferry window, against the FAKE Threads API that tests/peers/with-peers
// started (FERRY_TEST_THREADS; tests/support/src/threads_graph_api, written from Meta's
// Threads API documentation — no real one runs here), on a fresh data folder:
//
// 1. a pasted user id is refused in the form before anything is sent; the token is added and
//    the account's publishing allowance shown;
// 2. a bilingual draft is posted: "posted" with its threads.net permalink, the text as typed;
// 3. the answer to the next publish breaks after the write: Ferry asks the post's container,
//    finds it published, and shows it posted — Threads holds each post once.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { By } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { closeDialog, postNow, waitForAccounts, writeDraft } from "./steps.mjs";
import { find, pickTarget, screenshot, waitFor } from "./window.mjs";

const API = process.env.FERRY_TEST_THREADS;
const TOKEN = "THFakeLongLivedToken_ferry_0123456789abcdef";
const RUN = Date.now().toString(36);
// No characters outside the BMP: WebDriver can't type them (the Rust tests post emoji).
const FIRST_EN = `Threads E2E ${RUN}a: the 6:10 ferry & the pier <3`;
const SECOND_EN = `Threads E2E ${RUN}b: the evening crossing`;

let dataDir;
let driver;

before(async () => {
  assert.ok(process.env.FERRY_APP_BINARY, "FERRY_APP_BINARY must name the built ferry-app");
  assert.ok(API, "FERRY_TEST_THREADS is not set: run this through tests/peers/with-peers (make test-e2e does)");
  dataDir = await mkdtemp(join(tmpdir(), "ferry-e2e-threads-"));
  driver = await TauriDriver.start({
    app: process.env.FERRY_APP_BINARY,
    env: { FERRY_DATA_DIR: dataDir },
    binary: process.env.TAURI_DRIVER ?? "tauri-driver",
  });
});

after(async () => {
  if (process.env.FERRY_E2E_VERBOSE) console.log(driver?.log().slice(-6000));
  await driver?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** What the fake holds, oldest first. */
async function posts() {
  return (await fetch(`${API}/_fake/posts`)).json();
}

async function fillThreads(window, token) {
  const field = await find(window, "[data-testid=threads-token]");
  await field.clear();
  await field.sendKeys(token);
  const server = await window.findElements(By.css("[data-testid=threads-api-url]"));
  if (server.length === 0 || !(await server[0].isDisplayed())) {
    await (await find(window, "[data-testid=threads-advanced]")).click();
  }
  const api = await find(window, "[data-testid=threads-api-url]");
  await api.clear();
  await api.sendKeys(API);
  await (await find(window, "[data-testid=threads-add]")).click();
}

test("a Threads account: added, posted to, and a lost answer checked on Threads", async (t) => {
  const window = await driver.launch();
  try {
    await t.test("refuses a pasted user id, then adds the token", async () => {
      await find(window, "[data-testid=editor-primary]");
      await (await find(window, "[data-testid=accounts-open]")).click();
      await find(window, "[data-testid=accounts-dialog]");
      await (await find(window, "[data-testid=add-threads]")).click();
      await find(window, "[data-testid=threads-steps]");
      await fillThreads(window, "17841400000000001");
      const form = await find(window, "[data-testid=threads-form]");
      assert.match(await form.getText(), /numeric id, not the token/);
      await fillThreads(window, TOKEN);
      await waitForAccounts(window, 1);
      await find(window, '[data-testid=account-row][data-handle="@ferry_writer"]');
      await screenshot(window, "threads-account.png");
      await closeDialog(window);
    });

    await t.test("posts a draft: the text arrives as typed, with its permalink", async () => {
      await writeDraft(window, FIRST_EN, `Threads ${RUN}a：清晨六点十分的渡轮`);
      await pickTarget(window, "threads");
      await postNow(window);
      const target = await find(window, "[data-testid=publish-target][data-state=posted]", 60_000);
      const url = await (await target.findElement(By.css(".url"))).getAttribute("title");
      const held = await posts();
      assert.equal(held.length, 1);
      assert.equal(held[0].text, FIRST_EN);
      assert.equal(url, held[0].permalink);
    });

    await t.test("a broken answer is checked on the container: posted once", async () => {
      await (await find(window, "[data-testid=new-draft]")).click();
      await writeDraft(window, SECOND_EN, `Threads ${RUN}b：晚班渡轮`);
      await pickTarget(window, "threads");
      const armed = await fetch(`${API}/_fake/fail-after-next`, { method: "POST" });
      assert.equal(armed.status, 204);
      await postNow(window);
      // The panel shows this job's target posted with the second post's link (the first
      // draft's posted target is not what is waited for).
      await waitFor(window, "the second post shown as posted", async () => {
        const held = await posts();
        if (held.length < 2) return false;
        for (const target of await window.findElements(By.css("[data-testid=publish-target][data-state=posted] .url"))) {
          if ((await target.getAttribute("title")) === held[1].permalink) return true;
        }
        return false;
      }, 90_000);
      const held = await posts();
      assert.equal(held.length, 2, "published once, not again");
      assert.equal(held[1].text, SECOND_EN);
      await screenshot(window, "threads-posted.png");
    });
  } catch (err) {
    await screenshot(window, "threads-failed.png").catch(() => undefined);
    throw err;
  }
});
