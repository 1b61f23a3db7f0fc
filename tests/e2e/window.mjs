// Small helpers for driving the app window in the tests: wait for an element or a condition,
// read a field, and save a screenshot once the page has painted what the DOM holds.
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

export const value = (element) => element.getAttribute("value");

export async function screenshot(window, name) {
  // Let the page paint what the DOM now holds before the snapshot is taken.
  await window.executeAsyncScript(
    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done))",
  );
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, name), Buffer.from(await window.takeScreenshot(), "base64"));
}
