// Small helpers for driving the app window in the tests: wait for an element or a condition,
// read a field, save a screenshot once the page has painted what the DOM holds, and close
// the window the way a user does.
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { By } from "selenium-webdriver";

export const TIMEOUT = 20_000;

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = resolve(process.env.FERRY_E2E_ARTIFACTS ?? join(here, "artifacts"));

/** Waits for an element and returns it. */
export async function find(window, css, timeout = TIMEOUT) {
  return window.wait(
    async () => (await window.findElements(By.css(css)))[0],
    timeout,
    `no element matches ${css}`,
  );
}

/** Waits until `check` returns something truthy, and returns it. */
export async function waitFor(window, what, check, timeout = TIMEOUT) {
  let last;
  try {
    return await window.wait(async () => {
      last = await check();
      return last;
    }, timeout);
  } catch (err) {
    throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)})`, {
      cause: err,
    });
  }
}

/**
 * Scrolls an element to the middle of its scrolling box, then clicks it: WebDriver scrolls only
 * elements outside the window, and one inside it but under the status strip is not clickable.
 */
export async function clickInView(window, css) {
  return clickElementInView(window, await find(window, css));
}

/** `clickInView` for an element already found (one of a list, say). */
export async function clickElementInView(window, element) {
  await window.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
  await element.click();
  return element;
}

/**
 * Turns a composer target chip on and waits until it says so. On a loaded machine a click can
 * land while the chip row re-renders (the chip before it just widened with its tick) and be
 * lost; it is made again only while the chip is still off, so it never toggles back.
 */
export async function pickTarget(window, network) {
  const css = `[data-testid=target-${network}]`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if ((await (await find(window, css)).getAttribute("aria-pressed")) === "true") return;
    await clickInView(window, css);
    const on = await waitFor(window, `${network} chosen`, async () =>
      (await (await find(window, css)).getAttribute("aria-pressed")) === "true", 2_000).catch(() => false);
    if (on) return;
  }
  throw new Error(`the ${network} target chip never turned on`);
}

export const value = (element) => element.getAttribute("value");

export async function screenshot(window, name) {
  // Let the page paint what the DOM now holds before the snapshot is taken.
  await window.executeAsyncScript(
    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done))",
  );
  // Without compositing (what Ferry chooses where there is no GPU, as here: rendering.rs),
  // WebKitWebDriver takes the snapshot from the page's next paint, and a page that doesn't
  // change never paints again: the snapshot never came back on the still "damaged database"
  // screen. A 1-pixel, nearly transparent dot that flickers while the snapshot is taken
  // gives it that paint.
  await window.executeScript(`
    const dot = document.createElement("div");
    dot.id = "e2e-paint-tick";
    dot.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;opacity:0.01;pointer-events:none";
    document.body.append(dot);
    let odd = false;
    window.__e2ePaintTick = setInterval(() => { dot.style.opacity = (odd = !odd) ? "0.02" : "0.01"; }, 50);
  `);
  try {
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, name), Buffer.from(await window.takeScreenshot(), "base64"));
  } finally {
    await window.executeScript(
      "clearInterval(window.__e2ePaintTick); document.getElementById('e2e-paint-tick')?.remove()",
    );
  }
}

/**
 * Closes the app like its window's close button (a WM_DELETE_WINDOW message, see
 * close-window.py), waits until the window is gone, then ends the WebDriver session. Unlike
 * ending the session, which kills the app, this runs the app's own close path: the UI's
 * last autosave, then an orderly exit.
 */
export async function closeLikeAUser(window) {
  await closeWindow(window);
  await window.quit().catch(() => undefined);
}

/** Closes the window with its close button and waits until it is gone; the app may run on. */
export async function closeWindow(window) {
  execFileSync("python3", [join(here, "close-window.py"), "ferry-app"]);
  await waitFor(window, "the window to close", async () => {
    try {
      await window.getTitle();
      return false;
    } catch {
      return true;
    }
  });
}
