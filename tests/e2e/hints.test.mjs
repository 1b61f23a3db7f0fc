// The hints column in the real Ferry window (tauri-driver → WebKitWebDriver → ferry-app under
// Xvfb) with the dictionaries `make assets` builds: type a Chinese text, read the pinyin of
// 你好 on its hover card (by mouse and by keyboard focus), add an English hashtag equivalent
// to the English text in one click, turn the Simplified text into Taiwan Traditional, and
// take screenshots in light/English and dark/Chinese.
//
// Run through `make test-e2e` (or tests/e2e/run with FERRY_DICT_DIR set).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { hintCardSays } from "./steps.mjs";
import { find, screenshot, value, waitFor } from "./window.mjs";

const APP = process.env.FERRY_APP_BINARY;
const EN = "Lunch with friends today. The app works great!";
const ZH = "你好，世界！这家店的软件很好用，yyds。#美食";
const ZH_TAIWAN = "你好，世界！這家店的軟體很好用，yyds。#美食";

let driver;

before(async () => {
  assert.ok(APP, "FERRY_APP_BINARY must name the built ferry-app (make test-e2e sets it)");
  driver = await TauriDriver.start({ app: APP, binary: process.env.TAURI_DRIVER ?? "tauri-driver" });
});

after(async () => {
  await driver?.stop();
});

/** The text of the card of the word `word` in the hints of `lang`, once it has `want`. */
async function cardText(window, lang, word, want) {
  const css = `[data-testid=hints-${lang}] .hinted[data-text="${word}"] .card`;
  return waitFor(window, `the card of ${word} to say ${want}`, async () => {
    const card = (await window.findElements(By.css(css)))[0];
    if (!card) return false;
    const text = await card.getText();
    return text.includes(want) ? text : false;
  });
}

test("hints beside the composer", async (t) => {
  const window = await driver.launch();
  try {
    await t.test("types both texts", async () => {
      const primary = await find(window, "[data-testid=editor-primary]");
      await primary.click();
      await primary.sendKeys(EN);
      await (await find(window, "[data-testid=tab-zh-Hans]")).click();
      const secondary = await find(window, "[data-testid=editor-secondary]");
      await secondary.click();
      await secondary.sendKeys(ZH);
      await waitFor(window, "the Chinese text", async () => (await value(secondary)) === ZH);
    });

    await t.test("shows the pinyin of 你好 on hover and on keyboard focus", async () => {
      const word = `[data-testid=hints-zh-Hans] .hinted[data-text="你好"]`;
      // The dictionaries load in the background; the card gains its meaning when they have.
      await hintCardSays(window, word, "hello");
      await window.executeScript("document.activeElement?.blur()");
      await window.actions().move({ origin: await find(window, word) }).perform();
      const hovered = await cardText(window, "zh-Hans", "你好", "nǐhǎo");
      assert.match(hovered, /hello/);
      await window.actions().move({ origin: await find(window, "[data-testid=hints-panel] header") }).perform();

      await window.executeScript(`document.querySelector(arguments[0]).focus()`, word);
      const focused = await cardText(window, "zh-Hans", "你好", "nǐhǎo");
      assert.match(focused, /nǐhǎo/);
      const sentenceLangs = await window.findElements(
        By.css("[data-testid=hints-zh-Hans] [data-testid=sentence-lang]"),
      );
      assert.ok(sentenceLangs.length >= 2, "each sentence shows its language");
      await screenshot(window, "hints.png");
      await window.executeScript("document.activeElement?.blur()");
    });

    await t.test("adds an English hashtag equivalent to the English text", async () => {
      const insert = await find(window, `[data-testid=hints-zh-Hans] [data-testid=insert-hashtag][data-tag="#FoodTok"]`);
      await insert.click();
      const primary = await find(window, "[data-testid=editor-primary]");
      await waitFor(window, "#FoodTok in the English text", async () => (await value(primary)) === `${EN}\n#FoodTok`);
    });

    await t.test("turns the Simplified text into Taiwan Traditional", async () => {
      await (await find(window, "[data-testid=convert-zh-TW]")).click();
      await (await find(window, "[data-testid=tab-zh-Hant]")).click();
      const secondary = await find(window, "[data-testid=editor-secondary]");
      await waitFor(window, "the Traditional text", async () => (await value(secondary)) === ZH_TAIWAN);
      assert.equal(await secondary.getAttribute("lang"), "zh-Hant");
      await find(window, "[data-testid=hints-zh-Hant]");
    });

    await t.test("says machine translation is off and offers the settings", async () => {
      await (await find(window, "[data-testid=translate-draft]")).click();
      const off = await find(window, "[data-testid=translate-off]");
      assert.match(await off.getText(), /Machine translation is off/);
    });

    await t.test("reads calmly in dark and in Chinese", async () => {
      await window.executeScript("document.activeElement?.blur()");
      await window.actions().keyDown(Key.CONTROL).sendKeys(",").keyUp(Key.CONTROL).perform();
      await find(window, "[data-testid=translation-settings]");
      const locale = await find(window, "[data-testid=setting-locale]");
      await locale.findElement(By.css("option[value='zh-Hans']")).click();
      await (await find(window, "[data-testid=setting-theme-dark]")).click();
      await (await find(window, "[data-testid=translation-add]")).click();
      await (await find(window, "[data-testid=translation-kind] option[value=openai]")).click();
      await find(window, "[data-testid=translation-model]");
      const key = await find(window, "[data-testid=translation-key]");
      assert.equal(await key.getAttribute("type"), "password");
      await screenshot(window, "hints-settings-zh-Hans-dark.png");
      await window.actions().sendKeys(Key.ESCAPE).perform();
      await waitFor(window, "the Chinese hints title", async () =>
        (await (await find(window, "[data-testid=hints-panel] h2")).getText()) === "提示",
      );
      const word = `[data-testid=hints-zh-Hans] .hinted[data-text="你好"]`;
      await (await find(window, "[data-testid=tab-zh-Hans]")).click();
      await window.executeScript(`document.querySelector(arguments[0]).focus()`, word);
      await cardText(window, "zh-Hans", "你好", "nǐhǎo");
      await screenshot(window, "hints-zh-Hans-dark.png");
    });
  } finally {
    await window.quit().catch(() => undefined);
  }
});
