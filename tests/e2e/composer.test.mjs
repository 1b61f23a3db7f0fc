// The composer in the real Ferry window (tauri-driver → WebKitWebDriver → ferry-app under
// Xvfb), on a fresh data folder: type both audiences' texts, attach an image with alt text,
// wait for "Saved", close the window, relaunch, find it all again, restore an older revision.
//
// Run through `make test-e2e` (or tests/e2e/run), which builds the app, starts Xvfb and a
// private D-Bus session, and points FERRY_DATA_DIR at a new temporary folder.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { clickElementInView, closeLikeAUser, find, screenshot, value, waitFor } from "./window.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const APP = process.env.FERRY_APP_BINARY;
const IMAGE = join(here, "fixtures", "ferry-dawn.png");

// A ZWJ family emoji, CJK and full-width punctuation in both texts.
const EN = "Crossing at dawn 👩‍👩‍👧 — the first ferry leaves at 6:10. See you on deck!";
const ZH = "清晨的第一班渡轮6:10出发👨‍👩‍👧‍👦，甲板上见！（记得带外套。）";
const ALT_EN = "A small ferry on a calm sea at sunrise";
const ALT_EN_LAST_WORDS = " (typed just before closing)";
const ALT_ZH = "日出时平静海面上的一艘小渡轮";
const EN_LATER = "Second thoughts: the 7:30 ferry.";
const TARGETS = ["bluesky", "mastodon", "rednote"];
const TOPICS = ["渡口", "ferrylife"];

let driver;

before(async () => {
  assert.ok(APP, "FERRY_APP_BINARY must name the built ferry-app (make test-e2e sets it)");
  assert.ok(process.env.FERRY_DATA_DIR, "FERRY_DATA_DIR must point at a fresh folder");
  driver = await TauriDriver.start({ app: APP, binary: process.env.TAURI_DRIVER ?? "tauri-driver" });
});

after(async () => {
  await driver?.stop();
});

async function waitForSaved(window) {
  await waitFor(window, "Saved", async () => {
    const state = await (await find(window, "[data-save-state]")).getAttribute("data-save-state");
    return state === "saved";
  });
}

/**
 * Types like a person. WebKitWebDriver delivers characters outside the Basic Multilingual
 * Plane (emoji) unreliably as key events, so those are inserted the way an input method or
 * the emoji picker does: `insertText`, which fires the same `input` event as typing.
 */
async function typeInto(window, element, text) {
  await element.click();
  let bmp = "";
  const flush = async () => {
    if (bmp) await element.sendKeys(bmp);
    bmp = "";
  };
  for (const char of text) {
    if (char.codePointAt(0) > 0xffff || char === "\u200d" || char === "\ufe0f") {
      await flush();
      await window.executeScript("document.execCommand('insertText', false, arguments[0])", char);
    } else {
      bmp += char;
    }
  }
  await flush();
}

test("compose, attach, close, relaunch, restore", async (t) => {
  const first = await driver.launch();
  try {
    await t.test("types both audiences' texts", async () => {
      const primary = await find(first, "[data-testid=editor-primary]");
      assert.equal(await primary.getAttribute("lang"), "en");
      await typeInto(first, primary, EN);

      await (await find(first, "[data-testid=tab-zh-Hans]")).click();
      const secondary = await find(first, "[data-testid=editor-secondary]");
      assert.equal(await secondary.getAttribute("lang"), "zh-Hans");
      await typeInto(first, secondary, ZH);

      assert.equal(await value(primary), EN);
      assert.equal(await value(secondary), ZH);
    });

    await t.test("attaches an image through the path field and adds alt text", async () => {
      await (await find(first, "[data-testid=attach-path-toggle]")).click();
      const path = await find(first, "[data-testid=attach-path]");
      await path.sendKeys(IMAGE, Key.ENTER);
      const attachment = await find(first, "[data-testid=attachment]");
      // The thumbnail really loads through the app's media protocol (and the CSP allows it).
      await waitFor(first, "the thumbnail", () =>
        first.executeScript(
          "const img = arguments[0].querySelector('img'); return !!img && img.complete && img.naturalWidth === 480",
          attachment,
        ),
      );
      await typeInto(first, await find(first, "[data-testid=alt-en]"), ALT_EN);
      await typeInto(first, await find(first, "[data-testid=alt-zh-Hans]"), ALT_ZH);
      await (await find(first, "[data-testid=attach-path-toggle]")).click();
    });

    await t.test("picks networks and topics", async () => {
      for (const network of TARGETS) {
        const chip = await find(first, `[data-testid=target-${network}]`);
        await chip.click();
        assert.equal(await chip.getAttribute("aria-pressed"), "true");
      }
      const topics = await find(first, "[data-testid=topic-input]");
      for (const topic of TOPICS) await topics.sendKeys(`#${topic}`, Key.ENTER);
    });

    await t.test("shows Saved, with the texts still in place", async () => {
      await waitForSaved(first);
      await first.executeScript("document.activeElement?.blur()");
      assert.equal(await value(await find(first, "[data-testid=editor-primary]")), EN);
      assert.equal(await value(await find(first, "[data-testid=editor-secondary]")), ZH);
      await screenshot(first, "composer.png");
    });

    await t.test("closes like a user, right after one more edit", async () => {
      await (await find(first, "[data-testid=alt-en]")).sendKeys(ALT_EN_LAST_WORDS);
      await closeLikeAUser(first);
    });
  } finally {
    await first.quit().catch(() => undefined);
  }

  const second = await driver.launch();
  try {
    await t.test("finds everything again after a relaunch", async () => {
      const primary = await find(second, "[data-testid=editor-primary]");
      await waitFor(second, "the English text", async () => (await value(primary)) === EN);
      const secondary = await find(second, "[data-testid=editor-secondary]");
      assert.equal(await secondary.getAttribute("lang"), "zh-Hans");
      assert.equal(await value(secondary), ZH);
      assert.equal((await second.findElements(By.css("[data-testid=draft-item]"))).length, 1);
      assert.equal((await second.findElements(By.css("[data-testid=attachment]"))).length, 1);
      assert.equal(await value(await find(second, "[data-testid=alt-en]")), ALT_EN + ALT_EN_LAST_WORDS);
      assert.equal(await value(await find(second, "[data-testid=alt-zh-Hans]")), ALT_ZH);
      for (const network of ["x", ...TARGETS]) {
        const pressed = await (await find(second, `[data-testid=target-${network}]`)).getAttribute("aria-pressed");
        assert.equal(pressed, String(TARGETS.includes(network)), network);
      }
      const topics = await second.findElements(By.css("[data-testid=topic]"));
      assert.deepEqual(await Promise.all(topics.map((e) => e.getAttribute("data-topic"))), TOPICS);
    });

    await t.test("finds the draft by a Chinese search", async () => {
      const search = await find(second, "[data-testid=draft-search]");
      await search.sendKeys("渡轮");
      await waitFor(second, "a highlighted match", async () => {
        const marks = await second.findElements(By.css("[data-testid=draft-item] mark"));
        return marks.length > 0 && (await marks[0].getText()) === "渡轮";
      });
      await second.executeScript("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))", search);
    });

    await t.test("restores an older revision", async () => {
      const primary = await find(second, "[data-testid=editor-primary]");
      await primary.click();
      await second.actions().keyDown(Key.CONTROL).sendKeys("a").keyUp(Key.CONTROL).perform();
      await primary.sendKeys(EN_LATER);
      await waitForSaved(second);
      assert.equal(await value(primary), EN_LATER);

      await (await find(second, "[data-testid=history-toggle]")).click();
      await find(second, "[data-testid=history-panel]");
      const revisions = await waitFor(second, "the revision list", async () => {
        const items = await second.findElements(By.css("[data-testid=revision]"));
        return items.length >= 3 ? items : false;
      });
      // Newest first: find the newest older revision whose English text is the first version.
      let picked;
      for (const item of revisions.slice(1)) {
        // Scrolled into the history list first: without compositing, WebKitWebDriver left an
        // item half below the list's edge where it was and called it "not interactable".
        await clickElementInView(second, item);
        const texts = await waitFor(second, "the revision's texts", async () => {
          const shown = await second.findElements(By.css("[data-testid=revision-text]"));
          return shown.length > 0 ? Promise.all(shown.map((e) => e.getText())) : false;
        });
        if (texts[0] === EN) {
          picked = await item.getAttribute("data-revision");
          break;
        }
      }
      assert.ok(picked, "some older revision holds the first English text");
      await (await find(second, "[data-testid=restore-revision]")).click();
      await waitFor(second, "the restored text", async () => (await value(primary)) === EN);
      // Look the newest entry up on every try: the restore inserts a new first entry, and an
      // element found before the list re-rendered would stay the old one.
      await waitFor(second, "a new 'restored' revision", async () => {
        const [newest] = await second.findElements(By.css("[data-testid=revision]"));
        const text = await newest?.getText().catch(() => ""); // stale: re-rendered meanwhile
        return Boolean(text?.includes(`Restored from ${picked}`));
      });
      await waitForSaved(second).catch(() => undefined);
    });

    await t.test("switches the interface to Chinese and to the dark theme", async () => {
      await second.executeScript("document.activeElement?.blur()");
      await second.actions().keyDown(Key.CONTROL).sendKeys(",").keyUp(Key.CONTROL).perform();
      const locale = await find(second, "[data-testid=setting-locale]");
      await locale.findElement(By.css("option[value='zh-Hans']")).click();
      await waitFor(second, "the Chinese interface", async () =>
        (await (await find(second, "[data-testid=history-toggle]")).getText()) === "历史",
      );
      await (await find(second, "[data-testid=setting-theme-dark]")).click();
      await second.actions().sendKeys(Key.ESCAPE).perform();
      await second.executeScript("document.activeElement?.blur()");
      await screenshot(second, "composer-zh-Hans-dark.png");
    });

    await t.test("closes like a user again", async () => {
      await closeLikeAUser(second);
    });
  } finally {
    await second.quit().catch(() => undefined);
  }

  const third = await driver.launch();
  try {
    await t.test("keeps the interface language and theme", async () => {
      await waitFor(third, "the stored Chinese interface", async () => {
        const lang = await third.executeScript("return document.documentElement.lang");
        const theme = await third.executeScript("return document.documentElement.dataset.theme");
        return lang === "zh-Hans" && theme === "dark";
      });
      const primary = await find(third, "[data-testid=editor-primary]");
      await waitFor(third, "the restored text", async () => (await value(primary)) === EN);
    });
  } finally {
    await third.quit().catch(() => undefined);
  }
});
