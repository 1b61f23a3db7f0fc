// Accounts and "Post now" in the real Ferry window, against the reference Bluesky PDS that
// tests/peers/with-peers started (FERRY_TEST_BSKY_PDS) and an unlocked gnome-keyring on the
// session bus (tests/keyring/with-keyring), on a fresh data folder:
//
// 1. add alice.test through the accounts screen; write an English and a Chinese variant;
//    Post now to alice; see "posted" and the link; exactly one record with the text on the PDS;
// 2. add bob.test through a TCP relay to the PDS that the test then stops (an unreachable
//    server); post a second draft to both: bob fails with a reason while alice is posted;
//    bring the relay back, "Retry failed": only bob is sent, and each has exactly one record.
//
// 3. the log file in the data folder (written at debug level for this run) has the app's lines
//    and none of the passwords, tokens (JWTs) or keys that went through the sign-ins and posts;
//    Settings names its folder, and About the version and the five licenses.
//
// Screenshots of the accounts screen and the publish status (English light, Chinese dark).
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { addBluesky, closeDialog, records, waitForAccounts, writeDraft } from "./steps.mjs";
import { find, screenshot, waitFor, pickTarget } from "./window.mjs";

const PDS = process.env.FERRY_TEST_BSKY_PDS;
const RUN = Date.now().toString(36);
const FIRST_EN = `Ferry E2E ${RUN}a: the first ferry leaves at 6:10, see you on deck`;
const FIRST_ZH = `渡轮 ${RUN}a：清晨的第一班渡轮6:10出发，甲板上见！（记得带外套。）`;
const SECOND_EN = `Ferry E2E ${RUN}b: the evening crossing is on`;
const SECOND_ZH = `渡轮 ${RUN}b：晚班照常开。`;
/** Bob's sign-in goes through this relay, so stopping it makes his server unreachable. */
const relay = new TcpRelay();

let dataDir;
let driver;

before(async () => {
  assert.ok(process.env.FERRY_APP_BINARY, "FERRY_APP_BINARY must name the built ferry-app");
  assert.ok(PDS, "FERRY_TEST_BSKY_PDS is not set: run this through tests/peers/with-peers (make test-e2e does)");
  dataDir = await mkdtemp(join(tmpdir(), "ferry-e2e-publish-"));
  driver = await TauriDriver.start({
    app: process.env.FERRY_APP_BINARY,
    // Debug everywhere: the strictest test that nothing secret reaches the log file.
    env: { FERRY_DATA_DIR: dataDir, FERRY_LOG: "debug" },
    binary: process.env.TAURI_DRIVER ?? "tauri-driver",
  });
  await relay.start(new URL(PDS));
});

after(async () => {
  if (process.env.FERRY_E2E_VERBOSE) console.log(driver?.log().slice(-6000));
  await driver?.stop();
  await relay.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("accounts, Post now, a failure, and Retry failed", async (t) => {
  const window = await driver.launch();
  try {
    await t.test("adds alice.test through the accounts screen", async () => {
      await find(window, "[data-testid=editor-primary]");
      await (await find(window, "[data-testid=accounts-open]")).click();
      await find(window, "[data-testid=accounts-dialog]");
      await addBluesky(window, PDS, "alice.test", "alice-pass");
      await waitForAccounts(window, 1);
      await screenshot(window, "accounts.png");
      await closeDialog(window);
    });

    await t.test("writes both variants and posts to alice", async () => {
      await writeDraft(window, FIRST_EN, FIRST_ZH);
      await pickTarget(window, "bluesky");
      await postNow(window, 1);
      const target = await find(window, "[data-testid=publish-target][data-state=posted]", 60_000);
      const link = await target.findElement(By.css("[data-testid=publish-link]"));
      assert.ok(await link.isDisplayed());
      const url = await (await target.findElement(By.css(".url"))).getAttribute("title");
      assert.match(url, /^https:\/\/bsky\.app\/profile\/.+\/post\/.+/);
      await screenshot(window, "publish-posted.png");
      assert.equal((await records(PDS, "alice.test", FIRST_EN)).length, 1, "exactly one record on the PDS");
      assert.equal((await records(PDS, "alice.test", FIRST_ZH)).length, 0, "alice reads the main variant");
    });

    await t.test("a second account whose server went away fails with a reason", async () => {
      await (await find(window, "[data-testid=accounts-open]")).click();
      await find(window, "[data-testid=accounts-dialog]");
      await addBluesky(window, relay.url, "bob.test", "bob-pass");
      await waitForAccounts(window, 2);
      await closeDialog(window);
      await relay.stop();

      await (await find(window, "[data-testid=new-draft]")).click();
      await writeDraft(window, SECOND_EN, SECOND_ZH);
      await pickTarget(window, "bluesky");
      await postNow(window, 2);
      // Bob's connection is refused on every attempt (backing off 1, 2, 4 … s), then fails.
      const failed = await find(window, "[data-testid=publish-target][data-state=failed]", 90_000);
      const reason = await failed.findElement(By.css("[data-testid=publish-reason]"));
      assert.match(await reason.getAttribute("data-code"), /^net\./);
      assert.notEqual((await reason.getText()).trim(), "");
      assert.equal((await window.findElements(By.css("[data-testid=publish-target][data-state=posted]"))).length, 1);
      await screenshot(window, "publish-failed.png");
      assert.equal((await records(PDS, "alice.test", SECOND_EN)).length, 1);
    });

    await t.test("Retry failed sends only bob's, once", async () => {
      await relay.start(new URL(PDS), relay.port);
      await (await find(window, "[data-testid=publish-retry]")).click();
      await waitFor(window, "both targets posted", async () => {
        const posted = await window.findElements(By.css("[data-testid=publish-target][data-state=posted]"));
        return posted.length === 2;
      }, 60_000);
      assert.equal((await records(PDS, "alice.test", SECOND_EN)).length, 1, "alice's post was not sent again");
      assert.equal((await records(PDS, "bob.test", SECOND_EN)).length, 1);
      assert.equal((await records(PDS, "alice.test", FIRST_EN)).length, 1);
    });

    await t.test("in Chinese and dark", async () => {
      await window.executeScript("document.activeElement?.blur()");
      await window.actions().keyDown(Key.CONTROL).sendKeys(",").keyUp(Key.CONTROL).perform();
      const locale = await find(window, "[data-testid=setting-locale]");
      await locale.findElement(By.css("option[value=zh-Hans]")).click();
      await (await find(window, "[data-testid=setting-theme-dark]")).click();
      await closeDialog(window);
      await waitFor(window, "the Chinese status", async () =>
        (await (await find(window, "[data-testid=publish-summary]")).getText()).includes("已发布"),
      );
      await screenshot(window, "publish-zh-dark.png");
      await (await find(window, "[data-testid=accounts-open]")).click();
      await find(window, "[data-testid=accounts-dialog]");
      await screenshot(window, "accounts-zh-dark.png");
      await closeDialog(window);
    });
    await t.test("Settings names the log folder", async () => {
      await (await find(window, "[data-testid=settings-open]")).click();
      const shown = await find(window, "[data-testid=setting-log-folder]");
      await waitFor(window, "the log folder", async () => (await shown.getText()) === join(dataDir, "logs"));
      // About: the version, and the licenses of Ferry and of the dictionary data it ships with.
      const version = await find(window, "[data-testid=about-version]");
      assert.match(await version.getText(), /^\d+\.\d+\.\d+/);
      const licenses = await window.findElements(By.css("[data-testid=about-license] summary"));
      const names = await Promise.all(licenses.map((l) => l.getAttribute("textContent")));
      assert.ok(names.some((n) => n.includes("CC-BY-SA-4.0")), names.join(" | "));
      assert.equal(names.length, 5, names.join(" | "));
      await closeDialog(window);
    });
  } catch (err) {
    await screenshot(window, "publish-failure.png").catch(() => undefined);
    throw err;
  } finally {
    await window.quit().catch(() => undefined);
  }

  await t.test("the log file has the app's lines and no password, token or key", async () => {
    const folder = join(dataDir, "logs");
    const files = (await readdir(folder)).filter((name) => /^ferry\..*log$/.test(name));
    assert.ok(files.length >= 1, `no log file in ${folder}`);
    const log = (await Promise.all(files.map((name) => readFile(join(folder, name), "utf8")))).join("\n");
    assert.match(log, /Ferry started/);
    assert.ok(log.split("\n").length > 20, `only ${log.split("\n").length} lines at debug level`);
    for (const secret of ["alice-pass", "bob-pass"]) assert.ok(!log.includes(secret), `${secret} is in the log`);
    assert.doesNotMatch(log, /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, "a JWT (access or refresh token) is in the log");
    assert.doesNotMatch(log, /nsec1[02-9ac-hj-np-z]{20,}/, "a Nostr secret key is in the log");
  });
});

async function postNow(window, accounts) {
  await (await find(window, "[data-testid=post-now]")).click();
  await find(window, "[data-testid=post-now-dialog]");
  await waitFor(window, `${accounts} account(s) chosen`, async () => {
    const boxes = await window.findElements(By.css("[data-testid=post-account]"));
    let checked = 0;
    for (const box of boxes) if (await box.isSelected()) checked += 1;
    return boxes.length === accounts && checked === accounts;
  });
  await (await find(window, "[data-testid=post-confirm]")).click();
  await find(window, "[data-testid=publish-panel]");
}

/** The records of `handle` on the PDS whose text is exactly `text` (listRecords, every page). */
/**
 * A TCP relay on 127.0.0.1 to another server. Stopping it also cuts the connections it
 * carries, so the app's pooled keep-alive connection can't reach the server either.
 */
function TcpRelay() {
  let server;
  const sockets = new Set();
  return {
    port: 0,
    get url() {
      return `http://127.0.0.1:${this.port}`;
    },
    async start(target, port = 0) {
      const listening = createServer((client) => {
        const upstream = createConnection(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      await new Promise((ok, fail) => listening.once("error", fail).listen(port, "127.0.0.1", ok));
      server = listening;
      this.port = server.address().port;
    },
    async stop() {
      if (!server) return;
      for (const s of sockets) s.destroy();
      await new Promise((ok) => server.close(() => ok()));
      server = undefined;
    },
  };
}
