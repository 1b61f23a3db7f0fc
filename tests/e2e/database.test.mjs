// The "cannot open the database" screen in the real window: a damaged ferry.db is reported
// with its path and left untouched; "keep it aside and start fresh" renames it and opens a
// new, empty database.
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { TauriDriver } from "./tauri-driver.mjs";
import { find, screenshot } from "./window.mjs";

const GARBAGE = "not an SQLite file, but somebody's data. ".repeat(200);

let dataDir;
let driver;

before(async () => {
  assert.ok(process.env.FERRY_APP_BINARY, "FERRY_APP_BINARY must name the built ferry-app");
  dataDir = await mkdtemp(join(tmpdir(), "ferry-e2e-damaged-"));
  await writeFile(join(dataDir, "ferry.db"), GARBAGE);
  driver = await TauriDriver.start({
    app: process.env.FERRY_APP_BINARY,
    env: { FERRY_DATA_DIR: dataDir },
    binary: process.env.TAURI_DRIVER ?? "tauri-driver",
  });
});

after(async () => {
  await driver?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("a damaged database: reported, kept, and set aside only on request", async () => {
  const window = await driver.launch();
  try {
    const screen = await find(window, "[data-db-error]");
    assert.equal(await screen.getAttribute("data-db-error"), "db.corrupt");
    assert.equal(await (await find(window, "[data-testid=db-path]")).getText(), join(dataDir, "ferry.db"));
    assert.equal(await readFile(join(dataDir, "ferry.db"), "utf8"), GARBAGE, "untouched");
    await screenshot(window, "database-damaged.png");

    await (await find(window, "[data-testid=start-fresh]")).click();
    await (await find(window, "[data-testid=start-fresh-confirm]")).click();
    await find(window, "[data-testid=editor-primary]");

    const files = await readdir(dataDir);
    const kept = files.find((name) => name.startsWith("ferry.db.corrupt-"));
    assert.ok(kept, `the old file is kept beside the new one: ${files}`);
    assert.equal(await readFile(join(dataDir, kept), "utf8"), GARBAGE);
    const notice = await find(window, "[data-testid=set-aside-notice]");
    assert.match(await notice.getText(), new RegExp(kept.replace(/[.]/g, "\\.")));
  } finally {
    await window.quit();
  }
});
