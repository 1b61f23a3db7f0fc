// A full disk, in the real window: the data folder is a tmpfs of 16 MiB, filled to the last
// byte by another file while the user types. The autosave says the disk is full (in the UI's
// words), typing goes on and stays in the editor, and once the file is deleted the draft saves
// by itself (no click) and is all there after a relaunch.
//
// The first saves after the disk fills may still go through, rightly: SQLite's write-ahead log
// starts over at its beginning once a checkpoint has copied all of it into the database, and
// rewriting a file's own pages needs no new block. How many saves fit depends on where the
// log was when the disk filled, which depends on timing (WebKit without compositing types
// faster). So the test types on, a clause at a time, until a save needs a new block: every
// save keeps a revision, the database grows, and the log can no longer start over.
//
// Mounting needs root, as `make test` runs in CI; elsewhere this file is skipped, loudly.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { TauriDriver } from "./tauri-driver.mjs";
import { textOf } from "./steps.mjs";
import { find, screenshot, value, waitFor } from "./window.mjs";

// BMP characters only: WebKitWebDriver drops astral ones (emoji) from sendKeys.
const FIRST = "渡口的灯还亮着 ☕ the ferry light is on";
const MORE = "，磁盘满了也不能丢字 (no word lost on a full disk)";
// Typed a clause at a time after MORE until a save fails (see the top).
const ON = ["，还有", " and more", "，再写一句", " one more line"];
const EVEN_MORE = " ——还在打字 still typing";

let driver;
let disk;

/** A tmpfs over a fresh folder, or undefined where mounting is not allowed. */
function mountTinyDisk() {
  const dir = mkdtempSync(join(tmpdir(), "ferry-e2e-tiny-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", dir], { stdio: "pipe" });
    return dir;
  } catch (err) {
    console.error(`\n!!! SKIPPED disk-full.test.mjs: mounting a tmpfs needs root (${String(err.stderr ?? err).trim()}) !!!\n`);
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/** Writes zeros into `<dir>/filler` until the disk refuses another byte. */
function fill(dir) {
  const path = join(dir, "filler");
  const fd = openSync(path, "w");
  const chunk = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if (err.code !== "ENOSPC") throw err;
  }
  try {
    for (;;) writeSync(fd, Buffer.alloc(1));
  } catch (err) {
    if (err.code !== "ENOSPC") throw err;
  } finally {
    closeSync(fd);
  }
  return path;
}

before(async () => {
  disk = mountTinyDisk();
  if (disk) driver = await TauriDriver.start({ env: { FERRY_DATA_DIR: disk } });
});

after(async () => {
  await driver?.stop();
  if (disk) {
    execFileSync("umount", ["-l", disk]);
    rmSync(disk, { recursive: true, force: true });
  }
});

const saveState = async (window) => (await find(window, "[data-save-state]")).getAttribute("data-save-state");

/**
 * Whether the autosave of what was just typed failed: waits for it to end (it starts within
 * 500 ms of the last key) and tells "error" from "saved".
 */
async function saveFails(window) {
  await new Promise((resolve) => setTimeout(resolve, 600));
  const state = await waitFor(window, "the autosave to end", async () => {
    const now = await saveState(window);
    return now === "saved" || now === "error" ? now : false;
  });
  return state === "error";
}

/** The data folder's files and sizes, for a failure's message. */
const files = () => readdirSync(disk).map((name) => `${name} ${statSync(join(disk, name)).size} B`).join(", ");

test("a full disk: the autosave says so, typing goes on, and it saves once there is room", async (t) => {
  if (!disk) return t.skip("mounting a tmpfs needs root");
  const window = await driver.launch();
  let filler;
  let typed = FIRST;
  try {
    const editor = await find(window, "[data-testid=editor-primary]");
    await editor.click();
    await editor.sendKeys(FIRST);
    await waitFor(window, "Saved", async () => (await saveState(window)) === "saved");

    await t.test("the disk fills up: 'Not saved', the disk is full, the text stays", async () => {
      filler = fill(disk);
      await editor.sendKeys(MORE);
      typed += MORE;
      for (let clause = 0; !(await saveFails(window)); clause++) {
        assert.ok(clause < 60, `no save failed after ${clause} more clauses on the full disk (${files()})`);
        await editor.sendKeys(ON[clause % ON.length]);
        typed += ON[clause % ON.length];
      }
      const said = await textOf(window, "[data-save-state]");
      assert.match(said, /Not saved/);
      assert.match(said, /The disk is full/);
      await editor.sendKeys(EVEN_MORE);
      typed += EVEN_MORE;
      assert.equal(await value(editor), typed);
      await screenshot(window, "disk-full.png");
    });

    await t.test("space freed: it saves by itself, without a click", async () => {
      rmSync(filler);
      filler = undefined;
      await waitFor(window, "Saved", async () => (await saveState(window)) === "saved", 15_000);
    });
  } finally {
    if (filler) rmSync(filler, { force: true });
    await window.quit().catch(() => undefined);
  }

  const again = await driver.launch();
  try {
    await t.test("a relaunch shows every word", async () => {
      const editor = await find(again, "[data-testid=editor-primary]");
      await waitFor(again, "the text", async () => (await value(editor)) === typed);
    });
  } finally {
    await again.quit().catch(() => undefined);
  }
});
