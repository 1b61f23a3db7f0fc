// No text lost on close when the last save fails, in the real window: another program holds
// the database's write lock (as a sync tool or a second copy might), the autosave reports the
// failure, and closing the window then keeps it open with the text (past the shell's grace
// period); once the lock is gone the save goes through, the window closes, and a relaunch
// shows every word.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { TauriDriver } from "./tauri-driver.mjs";
import { closeLikeAUser, find, screenshot, value, waitFor } from "./window.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const FIRST = "渡口的最后一班船 — the last ferry";
const MORE = "，没保存的字也不能丢 (unsaved words must survive)";

let driver;
let locker;

before(async () => {
  driver = await TauriDriver.start();
});

after(async () => {
  locker?.kill("SIGKILL");
  await driver?.stop();
});

/** Another program holding the write lock until it is killed. */
async function holdTheDatabase() {
  const script =
    "import sqlite3, sys, time\n" +
    "c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)\n" +
    "c.execute('BEGIN IMMEDIATE')\n" +
    "print('locked', flush=True)\n" +
    "time.sleep(120)\n";
  const child = spawn("python3", ["-c", script, join(driver.dataDir, "ferry.db")], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => String(chunk).includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`the locker exited with ${code}`)));
  });
  return child;
}

const saveState = async (window) => (await find(window, "[data-save-state]")).getAttribute("data-save-state");

test("a failed last save keeps the window open, and nothing typed is lost", async (t) => {
  const window = await driver.launch();
  try {
    const editor = await find(window, "[data-testid=editor-primary]");
    await editor.click();
    await editor.sendKeys(FIRST);
    await waitFor(window, "Saved", async () => (await saveState(window)) === "saved");

    await t.test("with the database held elsewhere, the autosave says it failed", async () => {
      locker = await holdTheDatabase();
      await editor.sendKeys(MORE);
      await waitFor(window, "the save to fail", async () => (await saveState(window)) === "error", 20_000);
    });

    await t.test("closing keeps the window open with the text, past the grace period", async () => {
      execFileSync("python3", [join(here, "close-window.py"), "ferry-app"]);
      await new Promise((done) => setTimeout(done, 17_000));
      assert.equal(await value(await find(window, "[data-testid=editor-primary]")), FIRST + MORE);
      assert.equal(await saveState(window), "error");
      await screenshot(window, "close-unsaved.png");
    });

    await t.test("once the lock is gone it saves, and then it closes", async () => {
      locker.kill("SIGKILL");
      locker = undefined;
      await (await find(window, "[data-save-state] button")).click();
      await waitFor(window, "Saved", async () => (await saveState(window)) === "saved", 20_000);
      await closeLikeAUser(window);
    });
  } finally {
    await window.quit().catch(() => undefined);
  }

  const again = await driver.launch();
  try {
    await t.test("a relaunch shows every word", async () => {
      const editor = await find(again, "[data-testid=editor-primary]");
      await waitFor(again, "the text", async () => (await value(editor)) === FIRST + MORE);
    });
  } finally {
    await again.quit().catch(() => undefined);
  }
});
