// Measures the installed app's start in its real window (not a test; docs/BENCHMARKS.md
// records what it printed): for each of N launches on a fresh HOME, the milliseconds from
// asking WebKitWebDriver for a session (which starts the app) to the composer's editor in the
// page, and to the dictionary gloss of 你好 in the hints after typing it; then the resident
// memory of the app and its web process.
//   FERRY_APP_BINARY=/usr/bin/ferry-app xvfb-run … node tests/e2e/installed/measure-start.mjs 5
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAsInstalled } from "./as-installed.mjs";
import { hintCardSays } from "../steps.mjs";
import { find } from "../window.mjs";

const runs = Number(process.argv[2] ?? 5);
const rssMiB = (pattern) => {
  try {
    const pids = execFileSync("pgrep", ["-f", pattern]).toString().trim().split("\n");
    return pids
      .map((pid) => Number(/VmRSS:\s+(\d+)/.exec(execFileSync("cat", [`/proc/${pid}/status`]).toString())?.[1] ?? 0))
      .reduce((a, b) => a + b, 0) / 1024;
  } catch {
    return 0;
  }
};
for (let n = 0; n < runs; n++) {
  const home = await mkdtemp(join(tmpdir(), "ferry-measure-"));
  const driver = await startAsInstalled(home, { FERRY_WELCOME: "off" });
  const t0 = performance.now();
  const window = await driver.launch();
  try {
    const editor = await find(window, "[data-testid=editor-primary]", 30_000);
    const painted = performance.now() - t0;
    await editor.sendKeys("你好");
    await hintCardSays(window, `.hinted[data-text="你好"]`, "hello", 30_000);
    const hints = performance.now() - t0;
    await new Promise((done) => setTimeout(done, 3000));
    const app = rssMiB("^/usr/bin/ferry-app");
    const web = rssMiB("WebKitWebProcess");
    console.log(JSON.stringify({ run: n + 1, composerMs: Math.round(painted), hintsMs: Math.round(hints), appRssMiB: +app.toFixed(1), webProcessRssMiB: +web.toFixed(1) }));
  } finally {
    await window.quit();
    await driver.stop();
    await rm(home, { recursive: true, force: true });
  }
}
