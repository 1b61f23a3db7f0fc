// Scheduling in the real Ferry window, against the reference Bluesky PDS (tests/peers/
// with-peers) and an unlocked keyring, on a fresh data folder:
//
// 1. the schedule dialog refuses a wall time in New York's DST gap and offers both instants
//    of a fold, before anything is stored;
// 2. a bilingual draft scheduled a few seconds ahead (in UTC) for alice.test shows in the
//    composer as scheduled and on the Schedule screen (Alt+2) with its target, is posted by
//    the app's own scheduler loop, and its row turns "posted"; exactly one record on the PDS;
// 3. a second item, moved a day later from its card in the week calendar (Alt+→), dragged
//    to the next hour's cell, then unscheduled from the Schedule screen, never reaches the PDS;
// 4. with a third item scheduled, closing the window leaves Ferry running: the item still
//    reaches the PDS, once.
//
// Screenshots of the dialog and the Schedule screen.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { records, signInAlice, writeDraft } from "./steps.mjs";
import { closeWindow, find, screenshot, waitFor, pickTarget } from "./window.mjs";

const PDS = process.env.FERRY_TEST_BSKY_PDS;
const RUN = Date.now().toString(36);
const EN = `Ferry E2E ${RUN}s: scheduled crossing at dawn`;
const ZH = `渡轮 ${RUN}s：定时发布，清晨渡口见。`;
const LATER_EN = `Ferry E2E ${RUN}u: this one is unscheduled`;
const CLOSED_EN = `Ferry E2E ${RUN}c: sent with the window closed`;

let driver;

before(async () => {
  assert.ok(PDS, "FERRY_TEST_BSKY_PDS is not set: run this through tests/peers/with-peers (make test-e2e does)");
  driver = await TauriDriver.start();
});

after(async () => {
  if (process.env.FERRY_E2E_VERBOSE) console.log(driver?.log().slice(-6000));
  await driver?.stop();
});

test("schedule a draft, see it posted by the app's scheduler, unschedule another", async (t) => {
  const window = await driver.launch();
  try {
    await signInAlice(window, PDS);

    await t.test("the dialog refuses a DST gap and offers both instants of a fold", async () => {
      await writeDraft(window, EN, ZH);
      await pickTarget(window, "bluesky");
      await openSchedule(window);
      await setWhen(window, "2027-03-14", "02:30", "America/New_York");
      await resultKind(window, "gap");
      const said = await (await find(window, "[data-testid=when-result]")).getAttribute("textContent");
      assert.match(said, /02:00 \(-05:00\).*03:00 \(-04:00\)/);
      assert.equal(await (await find(window, "[data-testid=schedule-confirm]")).isEnabled(), false);
      await setWhen(window, "2027-11-07", "01:30", "America/New_York");
      await resultKind(window, "fold");
      const choices = await window.findElements(By.css("[data-testid=when-fold]"));
      assert.equal(choices.length, 2);
      assert.equal(await (await find(window, "[data-testid=schedule-confirm]")).isEnabled(), false);
      await choices[1].click();
      await waitFor(window, "Schedule enabled after choosing", async () =>
        (await find(window, "[data-testid=schedule-confirm]")).isEnabled(),
      );
      await screenshot(window, "schedule-fold.png");
    });

    await t.test("a draft scheduled 15 s ahead is posted by the app's scheduler", async () => {
      const due = new Date(Date.now() + 15_000);
      await setWhen(window, due.toISOString().slice(0, 10), due.toISOString().slice(11, 19), "UTC");
      await resultKind(window, "exact");
      await (await find(window, "[data-testid=schedule-confirm]")).click();
      await waitFor(window, "the dialog to close", async () =>
        (await window.findElements(By.css("[data-testid=schedule-dialog]"))).length === 0,
      );
      const line = await find(window, "[data-testid=draft-scheduled]");
      assert.match(await line.getText(), /UTC/);

      await window.actions().keyDown(Key.ALT).sendKeys("2").keyUp(Key.ALT).perform();
      await find(window, "[data-testid=schedule-screen]");
      await find(window, "[data-testid=schedule-row][data-state=scheduled]");
      // Read afresh: the list re-renders its rows whenever the scheduler reports.
      await waitFor(window, "the row to name its account", async () =>
        /alice\.test/.test(await textOf(window, "[data-testid=schedule-row][data-state=scheduled]")),
      );
      await screenshot(window, "schedule-screen.png");
      await find(window, "[data-testid=schedule-target][data-state=posted]", 75_000);
      assert.match(await (await find(window, "[data-testid=scheduler-line]")).getText(), /last ran/);
      assert.equal((await records(PDS, "alice.test", EN)).length, 1, "exactly one record on the PDS");
      await screenshot(window, "schedule-posted.png");
    });

    await t.test("an unscheduled item never goes out", async () => {
      await window.actions().keyDown(Key.ALT).sendKeys("1").keyUp(Key.ALT).perform();
      await (await find(window, "[data-testid=new-draft]")).click();
      await writeDraft(window, LATER_EN, `渡轮 ${RUN}u：取消。`);
      await pickTarget(window, "bluesky");
      await openSchedule(window);
      const due = new Date(Date.now() + 20_000);
      await setWhen(window, due.toISOString().slice(0, 10), due.toISOString().slice(11, 19), "UTC");
      await resultKind(window, "exact");
      await (await find(window, "[data-testid=schedule-confirm]")).click();
      await window.actions().keyDown(Key.ALT).sendKeys("2").keyUp(Key.ALT).perform();
      // The week calendar shows it; Alt+→ on its card moves it a day later, same wall time.
      await (await find(window, "[data-testid=schedule-view][data-view=week]")).click();
      const cardSelector = "[data-testid=week-grid] [data-testid=calendar-card][data-state=scheduled]";
      const card = await find(window, cardSelector);
      const dues = () =>
        window.executeScript(
          `return [...document.querySelectorAll("[data-testid=calendar-card]")].map((c) => Date.parse(c.dataset.due));`,
        );
      const before = Date.parse(
        await window.executeScript(`return document.querySelector(arguments[0]).dataset.due;`, cardSelector),
      );
      await window.executeScript("arguments[0].focus()", card);
      await window.actions().keyDown(Key.ALT).sendKeys(Key.ARROW_RIGHT).keyUp(Key.ALT).perform();
      await waitFor(window, "the card to move a day", async () =>
        // A day later at the same wall time (the calendar moves in whole minutes).
        (await dues()).some((due) => Math.abs(due - before - 86_400_000) < 60_000),
      ).catch(async (err) => {
        await screenshot(window, "schedule-week-failure.png");
        throw err;
      });
      await screenshot(window, "schedule-week.png");
      // Dragged with the pointer to a neighbouring hour's cell of that day: it lands there.
      await dragToNeighbourHour(window, cardSelector);
      await (await find(window, "[data-testid=schedule-view][data-view=list]")).click();
      const row = await find(window, "[data-testid=schedule-row][data-state=scheduled]");
      await (await row.findElement(By.css("[data-testid=schedule-cancel]"))).click();
      await find(window, "[data-testid=schedule-row][data-state=cancelled]");
      await new Promise((done) => setTimeout(done, 25_000));
      assert.equal((await records(PDS, "alice.test", LATER_EN)).length, 0, "nothing posted");
    });

    await t.test("closing the window with an item scheduled leaves Ferry sending it", async () => {
      await window.actions().keyDown(Key.ALT).sendKeys("1").keyUp(Key.ALT).perform();
      await (await find(window, "[data-testid=new-draft]")).click();
      await writeDraft(window, CLOSED_EN, `渡轮 ${RUN}c：关了窗口也照发。`);
      await pickTarget(window, "bluesky");
      await openSchedule(window);
      const due = new Date(Date.now() + 12_000);
      await setWhen(window, due.toISOString().slice(0, 10), due.toISOString().slice(11, 19), "UTC");
      await resultKind(window, "exact");
      await (await find(window, "[data-testid=schedule-confirm]")).click();
      await find(window, "[data-testid=draft-scheduled]");
      await closeWindow(window);
      const deadline = Date.now() + 60_000;
      let found = [];
      while (Date.now() < deadline && found.length === 0) {
        await new Promise((done) => setTimeout(done, 1000));
        found = await records(PDS, "alice.test", CLOSED_EN);
      }
      assert.equal(found.length, 1, "posted once with the window closed");
    });
  } catch (err) {
    await screenshot(window, "schedule-failure.png").catch(() => undefined);
    throw err;
  } finally {
    await window.quit().catch(() => undefined);
  }
});

async function textOf(window, selector) {
  return window.executeScript(`return document.querySelector(arguments[0])?.textContent ?? "";`, selector);
}

async function openSchedule(window) {
  await (await find(window, "[data-testid=schedule-open]")).click();
  await find(window, "[data-testid=schedule-dialog]");
  await waitFor(window, "an account chosen", async () => {
    for (const box of await window.findElements(By.css("[data-testid=schedule-account]"))) {
      if (await box.isSelected()) return true;
    }
    return false;
  });
}

async function setWhen(window, date, time, zone) {
  await find(window, "[data-testid=when-date]").catch(async (err) => {
    await screenshot(window, "schedule-no-picker.png");
    throw err;
  });
  for (const [id, text] of [["when-date", date], ["when-time", time], ["when-zone", zone]]) {
    const field = await find(window, `[data-testid=${id}]`);
    await field.clear();
    await field.sendKeys(text);
  }
}

async function resultKind(window, kind) {
  await waitFor(window, `the picker to say ${kind}`, async () =>
    (await (await find(window, "[data-testid=when-result]")).getAttribute("data-kind")) === kind,
  );
}

/**
 * Drags the card to the cell an hour later on its own day (an hour earlier when it is in the
 * day's last hour: the grid draws one day per column, and a card at 23:xx has no later cell)
 * and waits until the card sits in that cell with its time changed to match.
 */
async function dragToNeighbourHour(window, cardSelector) {
  const from = await window.executeScript(
    `const cell = document.querySelector(arguments[0]).closest("[data-day][data-hour]");
     return { day: cell.dataset.day, hour: Number(cell.dataset.hour) };`,
    cardSelector,
  );
  const hour = from.hour === 23 ? 22 : from.hour + 1;
  const target = `[data-testid=week-grid] [data-day="${from.day}"][data-hour="${hour}"]`;
  await dragAndDrop(window, cardSelector, target);
  await waitFor(window, `the card to land in ${from.day} ${hour}:00`, async () =>
    window.executeScript(
      `const card = document.querySelector(arguments[0] + " [data-testid=calendar-card]");
       return !!card && new Date(card.dataset.due).getHours() === arguments[1];`,
      target,
      hour,
    ),
  ).catch(async (err) => {
    await screenshot(window, "schedule-drag-failure.png");
    throw err;
  });
}

/**
 * A drag from `source` to `target` as the webview sees it: dragstart on the card, dragover and
 * drop on the cell, dragend, all in WebKit itself with one DataTransfer. WebKitWebDriver's
 * pointer actions move the mouse but never start a WebKitGTK drag (that takes GTK's own
 * drag-and-drop), so the events are dispatched here; the calendar's handlers and the
 * reschedule they start are the real ones. The drop waits on a timer, not a frame: WebKitGTK
 * stops animation frames while the window is not being drawn, and a CI run waited 30 s for one.
 */
async function dragAndDrop(window, source, target) {
  await window.executeScript(
    `const card = document.querySelector(arguments[0]);
     const cell = document.querySelector(arguments[1]);
     if (!card || !cell) {
       const cells = [...document.querySelectorAll("[data-testid=week-grid] [data-day][data-hour]")];
       throw new Error("drag: " + (card ? "" : "no card " + arguments[0] + "; ") + (cell ? "" : "no cell " + arguments[1]) +
         " (the grid has " + cells.length + " cells, days " + [...new Set(cells.map((c) => c.dataset.day))].join(",") +
         ", hours " + [...new Set(cells.map((c) => c.dataset.hour))].join(",") + ")");
     }
     const data = new DataTransfer();
     const at = (el) => { const r = el.getBoundingClientRect(); return { clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 }; };
     const fire = (el, type) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data, ...at(el) }));
     fire(card, "dragstart");
     return new Promise((done) => setTimeout(() => {
       fire(cell, "dragenter");
       fire(cell, "dragover");
       fire(cell, "drop");
       fire(card, "dragend");
       done();
     }, 50));`,
    source,
    target,
  );
}
