// X in the real Ferry window, against the FAKE X API that tests/peers/with-peers started
// (FERRY_TEST_X; tests/support/src/x_api, written from X's API documentation — no real one
// runs here), on a fresh data folder. The browser Ferry opens for the sign-in is a stand-in
// (tests/e2e/browser/xdg-open) that follows the fake consent page's redirect:
//
// 1. a pasted URL is refused as a Client ID; the sign-in goes through the browser and the
//    loopback callback and the account appears;
// 2. Post now leaves X unchecked; checked, it shows what the post costs, and only then posts —
//    the text as typed, its x.com link shown, and X charged what was shown;
// 3. the answer to the next post breaks after the write: Ferry finds the post among the
//    account's latest and shows it posted — X holds it once.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { By } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { closeDialog, waitForAccounts, writeDraft } from "./steps.mjs";
import { find, pickTarget, screenshot, waitFor } from "./window.mjs";

const API = process.env.FERRY_TEST_X;
const CLIENT_ID = "ferryFakeClientId0123456789";
const BROWSER = join(dirname(fileURLToPath(import.meta.url)), "browser");
const RUN = Date.now().toString(36);
// No characters outside the BMP: WebDriver can't type them (the Rust tests post emoji).
const FIRST_EN = `X E2E ${RUN}a: the 6:10 ferry & the pier <3`;
const SECOND_EN = `X E2E ${RUN}b: the evening crossing`;

let dataDir;
let driver;

before(async () => {
  assert.ok(process.env.FERRY_APP_BINARY, "FERRY_APP_BINARY must name the built ferry-app");
  assert.ok(API, "FERRY_TEST_X is not set: run this through tests/peers/with-peers (make test-e2e does)");
  dataDir = await mkdtemp(join(tmpdir(), "ferry-e2e-x-"));
  driver = await TauriDriver.start({
    app: process.env.FERRY_APP_BINARY,
    env: { FERRY_DATA_DIR: dataDir, PATH: `${BROWSER}:${process.env.PATH}` },
    binary: process.env.TAURI_DRIVER ?? "tauri-driver",
  });
});

after(async () => {
  if (process.env.FERRY_E2E_VERBOSE) console.log(driver?.log().slice(-6000));
  await driver?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function posts() {
  return (await fetch(`${API}/_fake/posts`)).json();
}

async function spentOnPosts() {
  const { charges } = await (await fetch(`${API}/_fake/spent`)).json();
  return charges.filter((c) => c.what.startsWith("Content")).reduce((sum, c) => sum + c.microDollars, 0);
}

async function type(window, testid, text) {
  const field = await find(window, `[data-testid=${testid}]`);
  await field.clear();
  await field.sendKeys(text);
}

/** Post now with the X account checked by hand, once its cost is on screen. */
async function postToX(window) {
  await (await find(window, "[data-testid=post-now]")).click();
  await find(window, "[data-testid=post-now-dialog]");
  const box = await find(window, "[data-testid=post-account]");
  assert.equal(await box.isSelected(), false, "X is never checked for the person");
  await box.click();
  const cost = await find(window, "[data-testid=x-cost]", 30_000);
  const shown = await cost.getText();
  await (await find(window, "[data-testid=post-confirm]")).click();
  await find(window, "[data-testid=publish-panel]");
  return shown;
}

test("an X account: signed in through the browser, posted to at the price shown, a lost answer found", async (t) => {
  const window = await driver.launch();
  try {
    await t.test("refuses a pasted URL, then signs in through the browser", async () => {
      await find(window, "[data-testid=editor-primary]");
      await (await find(window, "[data-testid=accounts-open]")).click();
      await find(window, "[data-testid=accounts-dialog]");
      await (await find(window, "[data-testid=add-x]")).click();
      await find(window, "[data-testid=x-steps]");
      await type(window, "x-client-id", "https://developer.x.com/en/portal/dashboard");
      await (await find(window, "[data-testid=x-sign-in]")).click();
      assert.match(await (await find(window, "[data-testid=x-form]")).getText(), /That is a web address/);
      await type(window, "x-client-id", CLIENT_ID);
      const port = String(20000 + Math.floor(Math.random() * 20000));
      await type(window, "x-port", port);
      assert.equal(await (await find(window, "[data-testid=x-callback]")).getText(), `http://127.0.0.1:${port}/callback`);
      await (await find(window, "[data-testid=x-advanced]")).click();
      await type(window, "x-api-url", API);
      await (await find(window, "[data-testid=x-sign-in]")).click();
      await waitForAccounts(window, 1);
      await find(window, '[data-testid=account-row][data-handle="@ferry_writer"]');
      await screenshot(window, "x-account.png");
      await closeDialog(window);
    });

    await t.test("posts at the price shown: the text as typed, its link, X charged that", async () => {
      await writeDraft(window, FIRST_EN, `X ${RUN}a：清晨六点十分的渡轮`);
      await pickTarget(window, "x");
      const shown = await postToX(window);
      assert.match(shown, /\$0\.015/, shown);
      const target = await find(window, "[data-testid=publish-target][data-state=posted]", 60_000);
      const url = await (await target.findElement(By.css(".url"))).getAttribute("title");
      const held = await posts();
      assert.equal(held.length, 1);
      assert.equal(held[0].text, FIRST_EN);
      assert.equal(url, `https://x.com/ferry_writer/status/${held[0].id}`);
      assert.equal(await spentOnPosts(), 15_000, "charged what was shown");
    });

    await t.test("a broken answer is looked for on X: posted once", async () => {
      await (await find(window, "[data-testid=new-draft]")).click();
      await writeDraft(window, SECOND_EN, `X ${RUN}b：晚班渡轮`);
      await pickTarget(window, "x");
      const armed = await fetch(`${API}/_fake/fail-after-next`, { method: "POST" });
      assert.equal(armed.status, 204);
      await postToX(window);
      await waitFor(window, "the second post shown as posted", async () => {
        const held = await posts();
        if (held.length < 2) return false;
        for (const target of await window.findElements(By.css("[data-testid=publish-target][data-state=posted] .url"))) {
          if ((await target.getAttribute("title")).endsWith(`/status/${held[1].id}`)) return true;
        }
        return false;
      }, 90_000);
      const held = await posts();
      assert.equal(held.length, 2, "posted once, not again");
      assert.equal(held[1].text, SECOND_EN);
      await screenshot(window, "x-posted.png");
    });
  } catch (err) {
    await screenshot(window, "x-failed.png").catch(() => undefined);
    throw err;
  }
});
