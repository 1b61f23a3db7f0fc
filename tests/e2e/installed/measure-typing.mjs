// Measures typing in the installed app's real window (not a test; docs/BENCHMARKS.md records
// what it printed): a 5,000-character bilingual post in the main text with X, Bluesky and
// Mastodon chosen, then N keystrokes, one at a time, each an `input` event on the editor as the
// browser sends it; for each, the milliseconds until the X counter's figure changed in the page
// (the composer asks the engine over IPC for every network's count and preview, then Svelte
// updates the DOM), and to the frame that paints it. Then the hints panel after a pause.
// Prints p50/p95/p99/max.
//   FERRY_APP_BINARY=/usr/bin/ferry-app xvfb-run … node tests/e2e/installed/measure-typing.mjs 300
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAsInstalled } from "./as-installed.mjs";
import { find, pickTarget, waitFor } from "../window.mjs";

const keys = Number(process.argv[2] ?? 300);
const home = await mkdtemp(join(tmpdir(), "ferry-measure-"));
const driver = await startAsInstalled(home, { FERRY_WELCOME: "off" });
const window = await driver.launch();
try {
  await find(window, "[data-testid=editor-primary]", 30_000);
  for (const network of ["x", "bluesky", "mastodon"]) await pickTarget(window, network);
  const unit = "今晚九点的夜班渡轮照常开船 🚢 The night ferry runs at nine, see you at the pier. ";
  const text = unit.repeat(Math.ceil(5000 / [...unit].length)).slice(0, 5000);
  await window.executeScript(
    `const el = document.querySelector("[data-testid=editor-primary]");
     el.value = arguments[0]; el.dispatchEvent(new Event("input", { bubbles: true }));`,
    text,
  );
  await waitFor(window, "the X counter for the long text", async () =>
    /\d{4}/.test(await window.executeScript(`return document.querySelector("[data-testid=counter-en-x] .len")?.textContent ?? ""`)),
  30_000);
  await new Promise((done) => setTimeout(done, 2000));
  await window.manage().setTimeouts({ script: 600_000 });
  const samples = await window.executeAsyncScript(
    `const [count, done] = [arguments[0], arguments[arguments.length - 1]];
     const el = document.querySelector("[data-testid=editor-primary]");
     const len = () => document.querySelector("[data-testid=counter-en-x] .len")?.textContent;
     const out = [];
     const one = () => {
       if (out.length === count) return done(out);
       const before = len();
       const t0 = performance.now();
       const observer = new MutationObserver(() => {
         if (len() === before) return;
         observer.disconnect();
         const dom = performance.now() - t0;
         // The frame that paints it: rendering runs after the next animation frame's
         // callbacks, so the one after that starts once it is on screen.
         requestAnimationFrame(() => requestAnimationFrame(() => {
           out.push([dom, performance.now() - t0]);
           setTimeout(one, 30);
         }));
       });
       observer.observe(document.querySelector("[data-testid=counter-en-x]"), { subtree: true, childList: true, characterData: true });
       el.setRangeText("a", el.value.length, el.value.length, "end");
       el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: "a" }));
     };
     one();`,
    keys,
  );
  const figures = (values) => {
    values.sort((a, b) => a - b);
    const at = (q) => values[Math.min(values.length - 1, Math.floor(q * values.length))].toFixed(1);
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: values.at(-1).toFixed(1) };
  };
  console.log(JSON.stringify({ keystrokes: samples.length, toCounter: figures(samples.map((s) => s[0])), toFramePainted: figures(samples.map((s) => s[1])) }));

  // The hints after a pause: "你好" typed at the end as one input (as an input method commits
  // it), then nothing; the time to its card in the hints panel, and to the frame after. The
  // composer waits for a 200 ms pause before asking (LiveHints' pauseMs), so the panel's own
  // time is what is over that.
  const hints = await window.executeAsyncScript(
    `const [count, done] = [arguments[0], arguments[arguments.length - 1]];
     const el = document.querySelector("[data-testid=editor-primary]");
     const cards = () => document.querySelectorAll('.hinted[data-text="你好"]').length;
     const out = [];
     const one = () => {
       if (out.length === count) return done(out);
       const before = cards();
       const t0 = performance.now();
       const observer = new MutationObserver(() => {
         if (cards() <= before) return;
         observer.disconnect();
         const dom = performance.now() - t0;
         requestAnimationFrame(() => requestAnimationFrame(() => {
           out.push([dom, performance.now() - t0]);
           setTimeout(one, 500);
         }));
       });
       observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
       el.setRangeText("你好", el.value.length, el.value.length, "end");
       el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: "你好" }));
     };
     one();`,
    20,
  );
  console.log(JSON.stringify({ hintsAfterPause: hints.length, toCard: figures(hints.map((s) => s[0])), toFramePainted: figures(hints.map((s) => s[1])) }));
} finally {
  await window.quit();
  await driver.stop();
  await rm(home, { recursive: true, force: true });
}
