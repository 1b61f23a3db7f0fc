// Counters, previews and the RedNote kit in the real window: a long text mixing Chinese,
// English, an emoji ZWJ family, a link and hashtags, sent to X, Bluesky and RedNote. X's
// counter turns red with the exact over-by (the number `ferry check` gives, below), Bluesky's
// preview marks the hashtags and the link, X's preview shows the thread, and the RedNote
// kit's Copy puts the body on the system clipboard; the kit warns of the link (RedNote shows
// notes with links to fewer people) and records the note as published by hand with its link.
//
// Run through `make test-e2e` (or tests/e2e/run).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { clickInView, find, screenshot, waitFor, pickTarget } from "./window.mjs";

const APP = process.env.FERRY_APP_BINARY;

const TEXT =
  "清晨六点十分，第一班渡轮从老码头出发👩‍👩‍👧。Crossing at dawn with the whole family — " +
  "甲板上的风很大，记得带外套和热茶！We'll post photos later: " +
  "https://example.com/ferry/schedule/2026/spring?from=old-pier&to=island " +
  "船票在码头售票处购买，现金和手机支付都可以。Tickets are sold at the pier, cash or phone. " +
  "下一班是七点半，错过了也别着急🙂 #渡口日记 #ferrylife";

// `ferry check --to x,bluesky --json "$TEXT"` (the CLI runs the same rules as the window):
// x: length 306 of 280, over_by 26; bluesky: 274 of 300 (RedNote counts the same 274).
const X_LENGTH = 306;
const X_OVER_BY = 26;
const BLUESKY_LENGTH = 274;

let driver;

before(async () => {
  assert.ok(APP, "FERRY_APP_BINARY must name the built ferry-app (make test-e2e sets it)");
  driver = await TauriDriver.start({ app: APP, binary: process.env.TAURI_DRIVER ?? "tauri-driver" });
});

after(async () => {
  await driver?.stop();
});

const text = async (window, css) => (await find(window, css)).getText();

test("counters, previews and the RedNote kit", async (t) => {
  const window = await driver.launch();
  try {
    await (await find(window, "[data-testid=new-draft]")).click();
    const editor = await find(window, "[data-testid=editor-primary]");
    await editor.click();
    // Typed a few keys, the rest inserted as an input method does (emoji arrive unreliably
    // as WebDriver key events); each is one `input` event, like typing.
    await editor.sendKeys(TEXT.slice(0, 6));
    await window.executeScript("document.execCommand('insertText', false, arguments[0])", TEXT.slice(6));
    assert.equal(await editor.getAttribute("value"), TEXT);
    for (const network of ["x", "bluesky", "rednote"]) {
      await pickTarget(window, network);
    }

    await t.test("X's counter is red with the exact over-by, Bluesky's within", async () => {
      const x = await find(window, "[data-testid=counter-en-x]");
      await waitFor(window, "X's counter over the limit", async () => (await x.getAttribute("data-state")) === "over");
      assert.equal(await text(window, "[data-testid=counter-en-x] [data-testid=over-by]"), `+${X_OVER_BY}`);
      assert.match(await x.getText(), new RegExp(`${X_LENGTH} / 280`));
      const bsky = await find(window, "[data-testid=counter-en-bluesky]");
      // 274 of 300 is within the limit, past 90 %: amber, not red.
      assert.equal(await bsky.getAttribute("data-state"), "near");
      assert.match(await bsky.getText(), new RegExp(`${BLUESKY_LENGTH} / 300`));
      // The warning is there for keyboard users too: focus shows the tip it is described by.
      await window.executeScript("arguments[0].focus()", x);
      const tip = await find(window, `#${await x.getAttribute("aria-describedby")}`);
      assert.ok(await tip.isDisplayed(), "the warning tip shows on focus");
      assert.match(await tip.getText(), new RegExp(`${X_OVER_BY} weighted characters over the limit of 280`));
    });

    await t.test("Bluesky's preview marks the hashtags and the link", async () => {
      // The X counter's tip (focused above) goes first; a click that lands while the preview
      // re-renders (a loaded machine) is made again rather than waited on for 20 s.
      await window.executeScript("document.activeElement?.blur()");
      const previewCss = "[data-testid=preview-en-bluesky] [data-testid=preview-text]";
      const preview = await waitFor(window, "Bluesky's preview tab", async () => {
        const shown = await window.findElements(By.css(previewCss));
        if (shown.length > 0) return shown[0];
        await clickInView(window, "[data-testid=preview-tab-bluesky]");
        return false;
      });
      // The tab's spans are asked for when it is shown: wait for them.
      const tags = await waitFor(window, "Bluesky's hashtags", async () => {
        const found = await preview.findElements(By.css("[data-kind=hashtag]"));
        return found.length > 0 && found;
      });
      assert.deepEqual(await Promise.all(tags.map((e) => e.getText())), ["#渡口日记", "#ferrylife"]);
      const links = await preview.findElements(By.css("[data-kind=link]"));
      assert.equal(links.length, 1);
      assert.match(await links[0].getText(), /example\.com\/ferry\/schedule/);
    });

    await t.test("X's preview is the thread the text becomes", async () => {
      await clickInView(window, "[data-testid=preview-tab-x]");
      const parts = await (await find(window, "[data-testid=preview-en-x] [data-testid=thread-parts]")).findElements(By.css("li"));
      assert.ok(parts.length >= 2, `${parts.length} parts`);
      assert.match(await parts[0].getText(), new RegExp(` 1/${parts.length}$`));
      assert.match(await parts.at(-1).getText(), new RegExp(` ${parts.length}/${parts.length}$`));
      await window.executeScript("document.querySelector('[data-testid=preview-section]').scrollIntoView({ block: 'end' })");
      await screenshot(window, "counters.png");
      await window.executeScript("document.documentElement.dataset.theme = 'dark'");
      await screenshot(window, "counters-dark.png");
      await window.executeScript("document.documentElement.dataset.theme = 'light'");
    });

    await t.test("the RedNote kit copies its body to the clipboard", async () => {
      await clickInView(window, "[data-testid=preview-tab-rednote]");
      const kit = await find(window, "[data-testid=rednote-kit-en]");
      assert.equal(await text(window, "[data-testid=rednote-kit-en] [data-testid=kit-body-count]"), `${BLUESKY_LENGTH} / 1000`);
      await window.executeScript("arguments[0].scrollIntoView({ block: 'end' })", kit);
      await screenshot(window, "counters-rednote.png");
      await (await kit.findElement(By.css("[data-testid=kit-body-copy]"))).click();
      await waitFor(window, "Copied", async () => (await text(window, "[data-testid=kit-body-copy]")) === "Copied");
      // Paste into a scratch field with the keyboard: what the system clipboard now holds.
      await window.executeScript(
        "const a = document.createElement('textarea'); a.id = 'paste-probe'; document.body.append(a); a.focus();",
      );
      const probe = await find(window, "#paste-probe");
      await probe.sendKeys(Key.chord(Key.CONTROL, "v"));
      await waitFor(window, "the pasted body", async () => (await probe.getAttribute("value")) === TEXT);
      await window.executeScript("document.getElementById('paste-probe').remove()");
    });

    await t.test("the kit warns that the link costs reach, and records the note published by hand", async () => {
      const links = await find(window, "[data-testid=rednote-kit-en] [data-testid=kit-reach-links]");
      assert.match(await links.getText(), /example\.com\/ferry\/schedule/);
      const link = await find(window, "[data-testid=rednote-kit-en] [data-testid=kit-published-link]");
      await window.executeScript("arguments[0].scrollIntoView({ block: 'center' })", link);
      await link.sendKeys("http://xhslink.com/a/AbC123xyz");
      await (await find(window, "[data-testid=rednote-kit-en] [data-testid=kit-mark-published]")).click();
      await find(window, "[data-testid=rednote-kit-en] [data-testid=kit-marked]");
      await clickInView(window, "[data-testid=publish-panel-open]");
      const line = await find(window, "[data-testid=publish-target][data-account=by-hand]");
      assert.equal(await line.getAttribute("data-state"), "posted");
      const said = await line.getAttribute("textContent");
      assert.match(said, /RedNote[\s\S]*published by hand/);
      assert.match(said, /xhslink\.com\/a\/AbC123xyz/);
    });
  } finally {
    await window.quit().catch(() => undefined);
  }
});
