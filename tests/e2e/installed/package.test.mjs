// The installed package in the real window (tests/dist/run installs the .deb, then runs this
// with FERRY_APP_BINARY=/usr/bin/ferry-app): a fresh HOME and XDG folders, and none of the
// variables a source checkout sets (FERRY_DICT_DIR, FERRY_CACHE, FERRY_DATA_DIR), so the app
// finds its dictionaries where the package put them and its data where a new user's goes.
// The first run's welcome, a bilingual draft with pinyin and glosses in the hints (the
// dictionaries were found), "Saved", quit, relaunch, the draft is there.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { By } from "selenium-webdriver";
import { startAsInstalled } from "./as-installed.mjs";
import { hintCardSays } from "../steps.mjs";
import { find, screenshot, value, waitFor } from "../window.mjs";

const EN = "Night ferry at nine, see you at the pier";
const ZH = "你好，今晚九点的渡轮码头见";

let driver;
let home;

before(async () => {
  home = await mkdtemp(join(tmpdir(), "ferry-installed-home-"));
  driver = await startAsInstalled(home);
});

after(async () => {
  await driver?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

/**
 * The first launch after installing, tried twice: once in a make test the app's window never
 * came (WebKitWebDriver waited for ever; the same package passed at once when run again), so
 * a first miss is printed with what the app said, and only a second one fails.
 */
async function launchFresh() {
  try {
    return await driver.launch({ timeoutMs: 60_000 });
  } catch (err) {
    console.error(`first launch of the installed app failed, trying once more:\n${err.message}`);
    await driver.stop();
    driver = await startAsInstalled(home);
    return driver.launch({ timeoutMs: 60_000 });
  }
}

test("the installed app: welcome, a bilingual draft with hints, saved, there after a restart", async () => {
  const first = await launchFresh();
  try {
    await find(first, "[data-testid=welcome]");
    await (await find(first, "[data-testid=welcome-language][data-locale=en]")).click();
    await (await find(first, "[data-testid=welcome-next]")).click();
    await (await find(first, "[data-testid=welcome-skip]")).click();
    await find(first, "[data-testid=editor-primary]");
    await (await find(first, "[data-testid=new-draft]")).click();
    const primary = await find(first, "[data-testid=editor-primary]");
    await primary.click();
    await primary.sendKeys(EN);
    await (await find(first, "[data-testid=tab-zh-Hans]")).click();
    const secondary = await find(first, "[data-testid=editor-secondary]");
    await secondary.click();
    await secondary.sendKeys(ZH);
    await waitFor(first, "the Chinese text", async () => (await value(secondary)) === ZH);

    // Pinyin and a gloss for 你好: only the packaged dictionaries can give them here.
    const word = `[data-testid=hints-zh-Hans] .hinted[data-text="你好"]`;
    const card = await hintCardSays(first, word, "hello", 60_000);
    assert.match(card, /nǐhǎo/);
    await waitFor(first, "Saved", async () =>
      (await (await find(first, "[data-save-state]")).getAttribute("data-save-state")) === "saved",
    );
    await screenshot(first, "installed-hints.png");
  } catch (err) {
    await screenshot(first, "installed-failure.png").catch(() => undefined);
    throw err;
  } finally {
    await first.quit();
  }

  const second = await driver.launch();
  try {
    await find(second, "[data-testid=editor-primary]");
    assert.equal((await second.findElements(By.css("[data-testid=welcome]"))).length, 0, "welcomed once");
    let listed = [];
    await waitFor(second, "the draft in the list", async () => {
      listed = await second.executeScript(
        `return [...document.querySelectorAll("[data-testid=draft-item]")].map((d) => d.textContent);`,
      );
      return listed.some((t) => t.includes("Night ferry at nine"));
    }).catch((err) => {
      throw new Error(`the drafts list holds: ${JSON.stringify(listed)}`, { cause: err });
    });
  } catch (err) {
    await screenshot(second, "installed-relaunch-failure.png").catch(() => undefined);
    throw err;
  } finally {
    await second.quit();
  }
});
