// Telegram in the real Ferry window, against the FAKE Bot API that tests/peers/with-peers
// started (FERRY_TEST_TELEGRAM; tests/support/src/telegram_bot_api, written from the Bot API
// documentation — no real one runs here), on a fresh data folder:
//
// 1. a bot without posting rights is refused in the accounts screen, naming what to fix; the
//    channel where it may post is added;
// 2. a bilingual draft is posted there: "posted" with its t.me link, the text as typed
//    (`<`, `&` escaped on the way and read back whole by the fake);
// 3. the answer to the next post breaks after the write: the target waits "look in the chat"
//    instead of being sent again; "It's there" with the message's link settles it — and the
//    channel holds each post once.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { By } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { closeDialog, postNow, waitForAccounts, writeDraft } from "./steps.mjs";
import { find, pickTarget, screenshot, waitFor } from "./window.mjs";

const API = process.env.FERRY_TEST_TELEGRAM;
const TOKEN = "7000001:AAFakeTokenForFerryTests_0123456789";
const RUN = Date.now().toString(36);
const FIRST_EN = `Telegram E2E ${RUN}a: <3 the 6:10 ferry & the pier`;
const FIRST_ZH = `电报 ${RUN}a：清晨六点十分的渡轮 & 码头`;
const SECOND_EN = `Telegram E2E ${RUN}b: the evening crossing`;

let dataDir;
let driver;

before(async () => {
  assert.ok(process.env.FERRY_APP_BINARY, "FERRY_APP_BINARY must name the built ferry-app");
  assert.ok(API, "FERRY_TEST_TELEGRAM is not set: run this through tests/peers/with-peers (make test-e2e does)");
  dataDir = await mkdtemp(join(tmpdir(), "ferry-e2e-telegram-"));
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

/** What the fake channel holds, oldest first. */
async function channel() {
  const all = await (await fetch(`${API}/_fake/messages`)).json();
  return all.filter((m) => m.chat === "ferry_news");
}

async function addTelegram(window, chat) {
  await (await find(window, "[data-testid=add-telegram]")).click();
  const token = await find(window, "[data-testid=telegram-token]");
  await token.clear();
  await token.sendKeys(TOKEN);
  const place = await find(window, "[data-testid=telegram-chat]");
  await place.clear();
  await place.sendKeys(chat);
  const server = await window.findElements(By.css("[data-testid=telegram-api-url]"));
  if (server.length === 0 || !(await server[0].isDisplayed())) {
    await (await find(window, "[data-testid=telegram-advanced]")).click();
  }
  const api = await find(window, "[data-testid=telegram-api-url]");
  await api.clear();
  await api.sendKeys(API);
  await (await find(window, "[data-testid=telegram-add]")).click();
}

test("a Telegram channel: added, posted to, and a lost answer settled by hand", async (t) => {
  const window = await driver.launch();
  try {
    await t.test("refuses a bot without rights, then adds @ferry_news", async () => {
      await find(window, "[data-testid=editor-primary]");
      await (await find(window, "[data-testid=accounts-open]")).click();
      await find(window, "[data-testid=accounts-dialog]");
      await addTelegram(window, "@no_rights");
      const error = await find(window, "[data-testid=accounts-error]", 30_000);
      assert.equal(await error.getAttribute("data-code"), "account.bot_cannot_post");
      assert.match(await error.getText(), /Post messages/);
      await addTelegram(window, "@ferry_news");
      await waitForAccounts(window, 1);
      await find(window, '[data-testid=account-row][data-handle="@ferry_news"]');
      await screenshot(window, "telegram-account.png");
      await closeDialog(window);
    });

    await t.test("posts a bilingual draft: the text arrives as typed, with its link", async () => {
      await writeDraft(window, FIRST_EN, FIRST_ZH);
      await pickTarget(window, "telegram");
      await postNow(window);
      const target = await find(window, "[data-testid=publish-target][data-state=posted]", 60_000);
      const url = await (await target.findElement(By.css(".url"))).getAttribute("title");
      const held = await channel();
      assert.equal(held.length, 1);
      assert.equal(held[0].text, FIRST_EN);
      assert.equal(url, `https://t.me/ferry_news/${held[0].messageId}`);
    });

    await t.test("a broken answer waits for a look, and 'It's there' settles it", async () => {
      await (await find(window, "[data-testid=new-draft]")).click();
      await writeDraft(window, SECOND_EN, `电报 ${RUN}b：晚班渡轮`);
      await pickTarget(window, "telegram");
      const armed = await fetch(`${API}/_fake/fail-after-next`, { method: "POST" });
      assert.equal(armed.status, 204);
      await postNow(window);
      const waiting = await find(window, "[data-testid=publish-target][data-state=unknown]", 60_000);
      assert.match(await (await waiting.findElement(By.css("[data-testid=publish-reason]"))).getText(), /t\.me\/ferry_news/);
      await screenshot(window, "telegram-unknown.png");
      const held = await channel();
      assert.equal(held.length, 2, "the message went out once, and was not sent again");
      await (await find(window, "[data-testid=settle-posted]")).click();
      await (await find(window, "[data-testid=settle-link]")).sendKeys(`https://t.me/ferry_news/${held[1].messageId}`);
      await (await find(window, "[data-testid=settle-confirm]")).click();
      await waitFor(window, "the target settled as posted", async () =>
        (await window.findElements(By.css("[data-testid=publish-target][data-state=posted]"))).length === 1, 30_000);
      assert.equal((await channel()).length, 2);
    });
  } catch (err) {
    await screenshot(window, "telegram-failed.png").catch(() => undefined);
    throw err;
  }
});
