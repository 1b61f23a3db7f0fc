// The first run in the real window: a new data folder opens with the welcome; the language
// picked there becomes the UI's at once; the folder it names is the real one; "Skip" ends in
// the composer with the example bilingual draft; the next start goes straight to it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { By } from "selenium-webdriver";
import { textOf } from "./steps.mjs";
import { TauriDriver } from "./tauri-driver.mjs";
import { find, screenshot, value, waitFor } from "./window.mjs";

let driver;

before(async () => {
  driver = await TauriDriver.start({ env: { FERRY_WELCOME: "on" } });
});

after(async () => {
  await driver?.stop();
});

test("welcome, language, where drafts live, skip, the example draft, and only once", async () => {
  const first = await driver.launch();
  try {
    await find(first, "[data-testid=welcome]");
    await (await find(first, "[data-testid=welcome-language][data-locale=zh-Hant]")).click();
    await waitFor(first, "the UI in Traditional Chinese", async () =>
      (await textOf(first, "#modal-title")).includes("歡迎使用"),
    );
    const where = await find(first, "[data-testid=welcome-private]");
    await waitFor(first, "the data folder named", async () =>
      (await textOf(first, "[data-testid=welcome-private]")).includes(driver.dataDir),
    );
    assert.match(await where.getText(), /不會離開這台電腦/);
    await (await find(first, "[data-testid=welcome-next]")).click();
    await screenshot(first, "welcome-account.png");
    await (await find(first, "[data-testid=welcome-skip]")).click();

    // The composer with the example: Chinese and English side by side.
    await waitFor(first, "the example draft open", async () => {
      const texts = [];
      for (const id of ["editor-primary", "editor-secondary"]) {
        for (const editor of await first.findElements(By.css(`[data-testid=${id}]`))) texts.push(await value(editor));
      }
      return texts.some((t) => t?.includes("示例草稿")) && texts.some((t) => t?.includes("example draft"));
    });
    assert.equal((await first.findElements(By.css("[data-testid=welcome]"))).length, 0);
    await screenshot(first, "welcome-done.png");
  } finally {
    await first.quit();
  }

  // Started again: no welcome, the example kept.
  const second = await driver.launch();
  try {
    await find(second, "[data-testid=editor-primary]");
    await waitFor(second, "the example in the drafts list", async () => {
      const body = await textOf(second, "[data-testid=draft-item]");
      return body.includes("示例草稿") || body.includes("example draft");
    });
    assert.equal((await second.findElements(By.css("[data-testid=draft-item]"))).length, 1);
    assert.equal((await second.findElements(By.css("[data-testid=welcome]"))).length, 0);
  } finally {
    await second.quit();
  }
});
