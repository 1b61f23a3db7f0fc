// The Feed screen in the real Ferry window, against real feeds served by nginx (tests/peers/
// with-peers, FERRY_TEST_FEEDS), on a fresh data folder:
//
// 1. Alt+3 opens the Feed screen; with no source it explains how to add one;
// 2. the Sources dialog adds a feed URL (Chinese items), a 429 and a 403 feed, and a Weibo
//    creator through an "RSSHub" (the nginx peer, which has no such route: HTTP 404);
// 3. "Refresh" runs in the background and reports; the items show newest first with their CJK
//    text, the hostile item's script, frame, form and image never reach the page, and each
//    source shows its health badge (working, rate limited, blocked, HTTP error 404);
// 4. searching 日出 (two characters) and 渡 (one) finds the Chinese item; a link click is
//    intercepted (the webview never navigates);
// 5. "Bring to the other audience" on the Chinese item opens a new draft in the composer:
//    English first with the item's address, the Chinese variant quoting it;
// 6. the same screen in Chinese.
//
// Screenshots: feed-en.png, feed-sources-en.png, feed-zh-Hans.png.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { clickInView, find, screenshot, value, waitFor } from "./window.mjs";

const FEEDS = process.env.FERRY_TEST_FEEDS;

let dataDir;
let driver;

before(async () => {
  assert.ok(process.env.FERRY_APP_BINARY, "FERRY_APP_BINARY must name the built ferry-app");
  assert.ok(FEEDS, "FERRY_TEST_FEEDS is not set: run this through tests/peers/with-peers with nginx");
  dataDir = await mkdtemp(join(tmpdir(), "ferry-e2e-feed-"));
  driver = await TauriDriver.start({
    app: process.env.FERRY_APP_BINARY,
    // A link the test clicks must not start a real browser on the machine running the tests.
    env: { FERRY_DATA_DIR: dataDir, BROWSER: "true" },
    binary: process.env.TAURI_DRIVER ?? "tauri-driver",
  });
});

after(async () => {
  if (process.env.FERRY_E2E_VERBOSE) console.log(driver?.log().slice(-6000));
  await driver?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function alt(window, key) {
  await window.executeScript("document.activeElement?.blur()");
  await window.actions().keyDown(Key.ALT).sendKeys(key).keyUp(Key.ALT).perform();
}

async function addUrl(window, url, count) {
  const field = await find(window, "[data-testid=feed-url]");
  await field.clear();
  await field.sendKeys(url);
  await (await find(window, "[data-testid=feed-add-url]")).click();
  await sourceCount(window, count);
}

async function sourceCount(window, count) {
  await waitFor(window, `${count} source(s)`, async () => {
    const errors = await window.findElements(By.css("[data-testid=feed-sources] [role=alert]"));
    if (errors.length > 0) throw new Error(`adding a source failed: ${await errors[0].getText()}`);
    return (await window.findElements(By.css("[data-testid=feed-source]"))).length === count;
  });
}

async function badgeOf(window, urlEnd) {
  return window.executeScript(
    `const chip = [...document.querySelectorAll("[data-testid=feed-source-chip]")]
       .find((c) => c.querySelector(".name").title.endsWith(arguments[0]));
     return chip?.querySelector("[data-testid=feed-health]").dataset.state ?? null;`,
    urlEnd,
  );
}

async function itemTexts(window) {
  return window.executeScript(
    `return [...document.querySelectorAll("[data-testid=feed-item]")].map((i) => i.textContent);`,
  );
}

async function search(window, words, check) {
  const box = await find(window, "[data-testid=feed-search]");
  // Typed away like a person would (WebDriver's clear() fires no input event).
  await box.sendKeys(Key.chord(Key.CONTROL, "a"), Key.BACK_SPACE);
  if (words) await box.sendKeys(words);
  await waitFor(window, `the search for ${JSON.stringify(words)}`, async () => check(await itemTexts(window)));
}

test("the Feed screen: add sources, refresh, read CJK items, search in Chinese, see health", async (t) => {
  const window = await driver.launch();
  try {
    await find(window, "[data-testid=editor-primary]");

    await t.test("Alt+3 opens an empty feed that explains how to add a source", async () => {
      await alt(window, "3");
      await find(window, "[data-testid=feed-screen]");
      const empty = await find(window, "[data-testid=feed-empty]");
      assert.match(await empty.getText(), /RSS, Atom or JSON feed/);
      assert.match(await empty.getText(), /RSSHub/);
    });

    await t.test("sources: feed URLs and a Weibo creator through RSSHub", async () => {
      await (await find(window, "[data-testid=feed-open-sources]")).click();
      await find(window, "[data-testid=feed-sources]");
      await find(window, "[data-testid=feed-no-sources]");
      await addUrl(window, `${FEEDS}/rss.rss`, 1);
      await addUrl(window, `${FEEDS}/limited.rss`, 2);
      await addUrl(window, `${FEEDS}/forbidden.rss`, 3);
      await (await find(window, "[data-testid=feed-rsshub-base]")).sendKeys(FEEDS);
      await (await find(window, "[data-testid=feed-platform] option[value=weibo]")).click();
      await (await find(window, "[data-testid=feed-creator]")).sendKeys("https://weibo.com/u/1195230310");
      await (await find(window, "[data-testid=feed-add-creator]")).click();
      await sourceCount(window, 4);
      const urls = await window.executeScript(
        `return [...document.querySelectorAll("[data-testid=feed-source]")].map((s) => s.dataset.url);`,
      );
      assert.ok(urls.includes(`${FEEDS}/weibo/user/1195230310`), urls.join("\n"));
      // A duplicate is refused with its reason, and nothing is added.
      const field = await find(window, "[data-testid=feed-url]");
      await field.sendKeys(`${FEEDS}/rss.rss`);
      await (await find(window, "[data-testid=feed-add-url]")).click();
      const error = await find(window, "[data-testid=feed-sources] [data-code='feed.duplicate']");
      assert.match(await error.getText(), /already a source/);
      await field.clear();
      await screenshot(window, "feed-sources-en.png");
      await window.actions().sendKeys(Key.ESCAPE).perform();
      await waitFor(window, "the dialog to close", async () =>
        (await window.findElements(By.css("[role=dialog]"))).length === 0,
      );
    });

    await t.test("Refresh runs in the background and every source shows its health", async () => {
      await (await find(window, "[data-testid=feed-refresh]")).click();
      const done = await find(window, "[data-testid=feed-refreshed]", 40_000);
      assert.match(await done.getText(), /Refreshed 4 sources · \d+ new/);
      assert.equal(await badgeOf(window, "/rss.rss"), "working");
      assert.equal(await badgeOf(window, "/limited.rss"), "rate_limited");
      assert.equal(await badgeOf(window, "/forbidden.rss"), "blocked");
      assert.equal(await badgeOf(window, "/weibo/user/1195230310"), "http_error");
      const labels = await window.executeScript(
        `return [...document.querySelectorAll("[data-testid=feed-source-chip] [data-testid=feed-health]")].map((b) => b.textContent.trim());`,
      );
      for (const label of ["Working", "Rate limited", "Blocked", "HTTP error 404"]) {
        assert.ok(labels.includes(label), `${label} in ${labels}`);
      }

      const texts = await waitFor(window, "the items", async () => {
        const found = await itemTexts(window);
        return found.length >= 5 ? found : false;
      });
      // Newest first (the entry without a date counts as fetched now, so it leads).
      const at = (title) => texts.findIndex((x) => x.includes(title));
      assert.match(texts[0], /Neither GUID nor link/);
      assert.ok(at("日出 · 渡口的早晨") < at("Hostile markup"), texts.join("\n"));
      assert.ok(at("Hostile markup") < at("Only a link"), texts.join("\n"));
      assert.match(texts[at("日出 · 渡口的早晨")], /今天的日出很美。👩‍👩‍👧‍👦/);
      // The hostile item: sanitized by the engine, so nothing active reaches the page (the
      // only images are Ferry's own, served by its protocol).
      const active = await window.executeScript(
        `return document.querySelectorAll("[data-testid=feed-items] :is(script, iframe, img:not([data-testid=feed-item-image]), svg, form, input, [onclick], [style])").length;`,
      );
      assert.equal(active, 0);
      // The sunrise item's enclosure: fetched by the engine and painted through
      // ferry-feed-image:, which the CSP allows (a remote address it would block).
      const image = await waitFor(window, "the enclosure image to load", async () => {
        const found = await window.executeScript(
          `const img = document.querySelector("[data-testid=feed-item-image]");
           return img && img.complete ? { src: img.getAttribute("src"), width: img.naturalWidth, alt: img.alt } : null;`,
        );
        return found && found.width > 0 ? found : false;
      });
      assert.match(image.src, /^(ferry-feed-image:\/\/localhost|http:\/\/ferry-feed-image\.localhost)\/\d+-0$/);
      assert.equal(image.width, 6, "the 6×4 PNG from nginx");
      await screenshot(window, "feed-en.png");
    });

    await t.test("search in Chinese, one and two characters; links never navigate the webview", async () => {
      await search(window, "日出", (texts) => texts.length === 1 && texts[0].includes("日出 · 渡口的早晨"));
      // 渡 is in the sunrise item's title and in another item's text, in no other item.
      await search(
        window,
        "渡",
        (texts) => texts.length === 2 && texts.some((x) => x.includes("Identity from title and content. 渡")),
      );
      await search(window, "沒有這個詞", async () =>
        (await window.findElements(By.css("[data-testid=feed-empty]"))).length === 1,
      );
      await search(window, "", (texts) => texts.length >= 5);

      const before = await window.getCurrentUrl();
      const prevented = await window.executeScript(
        `const link = document.querySelector("[data-testid=feed-item] a[href^=http]");
         const click = new MouseEvent("click", { bubbles: true, cancelable: true });
         link.dispatchEvent(click);
         return click.defaultPrevented;`,
      );
      assert.equal(prevented, true);
      assert.equal(await window.getCurrentUrl(), before);
      await find(window, "[data-testid=feed-screen]");
    });

    await t.test("bring the Chinese item to English readers: a new draft in the composer", async () => {
      await search(window, "日出", (texts) => texts.length === 1);
      await clickInView(window, "[data-testid=feed-item] [data-testid=feed-item-bring]");
      // The composer opens the new draft: English first (with the item's address), the
      // Chinese variant quoting the item.
      const primary = await find(window, "[data-testid=editor-primary]");
      const secondary = await find(window, "[data-testid=editor-secondary]");
      await waitFor(window, "the brought draft", async () =>
        (await value(secondary))?.startsWith("「日出 · 渡口的早晨」") ? true : false,
      );
      assert.equal(await value(primary), "\n\nhttps://ferry.example/posts/sunrise");
      assert.equal(await primary.getAttribute("lang"), "en");
      assert.match(await value(secondary), /https:\/\/ferry\.example\/posts\/sunrise$/);
      await alt(window, "3");
      await search(window, "", (texts) => texts.length >= 5);
    });

    await t.test("the same screen in Chinese", async () => {
      await alt(window, "1");
      await find(window, "[data-testid=editor-primary]");
      await window.actions().keyDown(Key.CONTROL).sendKeys(",").keyUp(Key.CONTROL).perform();
      const locale = await find(window, "[data-testid=setting-locale]");
      await locale.findElement(By.css("option[value='zh-Hans']")).click();
      await window.actions().sendKeys(Key.ESCAPE).perform();
      await waitFor(window, "the settings to close", async () =>
        (await window.findElements(By.css("[role=dialog]"))).length === 0,
      );
      await alt(window, "3");
      await waitFor(window, "the Chinese refresh button", async () =>
        (await (await find(window, "[data-testid=feed-refresh]")).getText()).includes("刷新"),
      );
      const labels = await window.executeScript(
        `return [...document.querySelectorAll("[data-testid=feed-health]")].map((b) => b.textContent.trim());`,
      );
      assert.ok(labels.includes("请求过于频繁"), labels.join(","));
      assert.ok(labels.includes("被拒绝"), labels.join(","));
      await screenshot(window, "feed-zh-Hans.png");
    });
  } finally {
    await window.quit().catch(() => undefined);
  }
});
