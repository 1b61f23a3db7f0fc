// The RedNote kit handed to the phone, in the real Ferry window on a fresh data folder:
//
// 1. a picture attached to an English draft shows in the kit beside its 3:4 crop; its focus
//    point moved with the keyboard is stored (read back through the app's get_draft);
// 2. "Show a QR code for the phone" serves the kit on a one-time page (here on 127.0.0.1:
//    FERRY_LAN_ADDRESS, since this machine's only network is a documentation address): the QR
//    code is drawn, a real HTTP client opens the page once — the panel then says "opened" — and
//    its picture is a 1080 × 1440 JPEG; a second opening is refused;
// 3. the kit exported for the phone through the app's own export command (the folder picker
//    is the desktop's native dialog, which WebDriver can't drive): the texts and 01.jpg.
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { clickInView, find, pickTarget, screenshot, waitFor } from "./window.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const IMAGE = join(here, "fixtures", "ferry-dawn.png");
const TITLE = "Dawn at the pier";
const BODY = "The first ferry leaves at 6:10 — see you on deck.";

let dataDir;
let phoneDir;
let driver;

before(async () => {
  assert.ok(process.env.FERRY_APP_BINARY, "FERRY_APP_BINARY must name the built ferry-app");
  dataDir = await mkdtemp(join(tmpdir(), "ferry-e2e-handoff-"));
  phoneDir = await mkdtemp(join(tmpdir(), "ferry-e2e-phone-"));
  driver = await TauriDriver.start({
    app: process.env.FERRY_APP_BINARY,
    env: { FERRY_DATA_DIR: dataDir, FERRY_LAN_ADDRESS: "127.0.0.1" },
    binary: process.env.TAURI_DRIVER ?? "tauri-driver",
  });
});

after(async () => {
  if (process.env.FERRY_E2E_VERBOSE) console.log(driver?.log().slice(-6000));
  await driver?.stop();
  for (const dir of [dataDir, phoneDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** Width and height from a JPEG's first start-of-frame marker. */
function jpegSize(bytes) {
  let i = 2;
  while (i + 9 < bytes.length) {
    const marker = bytes[i + 1];
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2) return [bytes.readUInt16BE(i + 7), bytes.readUInt16BE(i + 5)];
    i += 2 + length;
  }
  return null;
}

test("the RedNote kit: 3:4 pictures with a focus point, the one-time page, the export", async (t) => {
  const window = await driver.launch();
  const kit = "[data-testid=rednote-kit-en]";
  try {
    await t.test("a picture beside its 3:4 crop, its focus moved with the keyboard", async () => {
      const primary = await find(window, "[data-testid=editor-primary]");
      await primary.click();
      await primary.sendKeys(TITLE, Key.ENTER, BODY);
      await pickTarget(window, "rednote");
      await (await find(window, "[data-testid=attach-path-toggle]")).click();
      await (await find(window, "[data-testid=attach-path]")).sendKeys(IMAGE, Key.ENTER);
      await find(window, "[data-testid=attachment]");
      await clickInView(window, "[data-testid=preview-tab-rednote]");
      const picture = await find(window, `${kit} [data-testid=kit-picture]`);
      const preview = await picture.findElement(By.css("[data-testid=kit-picture-preview]"));
      await waitFor(window, "the 3:4 preview", () =>
        window.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", preview),
      );
      const frame = await window.executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.width / r.height",
        preview,
      );
      assert.ok(Math.abs(frame - 0.75) < 0.02, `the preview is 3:4 (${frame})`);
      const handle = await picture.findElement(By.css("[data-testid=kit-picture-focus]"));
      await window.executeScript("arguments[0].scrollIntoView({ block: 'center' })", handle);
      // Focused without a click: a click on the picture would itself move the point.
      await window.executeScript("arguments[0].focus()", handle);
      await handle.sendKeys(Key.HOME);
      for (let i = 0; i < 4; i++) await handle.sendKeys(Key.chord(Key.SHIFT, Key.ARROW_LEFT));
      await waitFor(window, "the focus kept", async () =>
        (await picture.getAttribute("data-focus")) === "100,500",
      );
      await screenshot(window, "rednote-pictures.png");
    });

    await t.test("a one-time page on the local network, opened once", async () => {
      await clickInView(window, `${kit} [data-testid=kit-qr-start]`);
      const image = await find(window, `${kit} [data-testid=kit-qr-image]`, 30_000);
      assert.match(await image.getAttribute("src"), /^data:image\/svg\+xml;base64,/);
      const url = (await (await find(window, `${kit} [data-testid=kit-qr-url]`)).getText()).trim();
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/k\/[0-9a-f]{32}\/$/);
      await screenshot(window, "rednote-qr.png");
      const page = await fetch(url);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.ok(html.includes(TITLE), "the title is on the page");
      const jpeg = Buffer.from(await (await fetch(`${url}01.jpg`)).arrayBuffer());
      assert.deepEqual(jpegSize(jpeg), [1080, 1440]);
      await waitFor(window, "the panel to say opened", async () =>
        (await (await find(window, `${kit} [data-testid=kit-qr-state]`)).getAttribute("data-state")) === "opened",
      );
      assert.equal((await fetch(url)).status, 410, "a second opening is refused");
      await clickInView(window, `${kit} [data-testid=kit-qr-stop]`);
    });

    await t.test("the kit exported for the phone", async () => {
      const said = await (await find(window, "[data-testid=status-revision]")).getText();
      const draftId = said.match(/[0-9a-f]{8}-[0-9a-f-]{27}/)[0];
      const result = await window.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke("export_rednote_kit", { export: { draftId: arguments[0], lang: "en", to: arguments[1], fit: "crop" } })
           .then((kit) => done(kit), (e) => done({ error: JSON.stringify(e) }));`,
        draftId,
        phoneDir,
      );
      assert.ok(!result.error, result.error);
      const stored = await window.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke("get_draft", { id: arguments[0] }).then(done, (e) => done({ error: JSON.stringify(e) }));`,
        draftId,
      );
      assert.deepEqual(stored.content.attachments[0].focus, { x: 100, y: 500 }, "the focus point is stored");
      const files = await readdir(result.folder);
      for (const f of ["title.txt", "body.txt", "note.txt", "01.jpg"]) assert.ok(files.includes(f), `${f} in ${files}`);
      assert.equal((await readFile(join(result.folder, "title.txt"), "utf8")).trim(), TITLE);
      assert.deepEqual(jpegSize(await readFile(join(result.folder, "01.jpg"))), [1080, 1440]);
    });
  } catch (err) {
    await screenshot(window, "rednote-handoff-failed.png").catch(() => undefined);
    throw err;
  }
});
