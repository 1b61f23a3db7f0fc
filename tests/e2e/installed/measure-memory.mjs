// Measures the installed app's idle memory in its real window (not a test; docs/BENCHMARKS.md
// records what it printed): start on a fresh HOME, type 你好 so the dictionaries are loaded
// and the hints shown, leave the app idle for M minutes, then sum PSS (proportional set size,
// /proc/<pid>/smaps_rollup: a shared library's pages are split among the processes using
// them, so WebKit's libraries are not counted once per process as RSS counts them) over the
// app and every process under it, and break each process down by mapping.
//   FERRY_APP_BINARY=/usr/bin/ferry-app xvfb-run … node tests/e2e/installed/measure-memory.mjs 10
// WEBKIT_*, GDK_* and LIBGL_* variables set around it reach the app and are printed.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAsInstalled } from "./as-installed.mjs";
import { hintCardSays } from "../steps.mjs";
import { find } from "../window.mjs";

const minutes = Number(process.argv[2] ?? 10);
const read = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
};
const command = (pid) => read(`/proc/${pid}/cmdline`).split("\0")[0];
const parentOf = (pid) => Number(read(`/proc/${pid}/stat`).replace(/^.*\) /s, "").split(" ")[1]);
const pids = () => readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
/** The app and every process below it (WebKit's web and network processes). */
const tree = (root) => {
  const all = pids();
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const pid of all) if (parentOf(pid) === found[i]) found.push(pid);
  }
  return found;
};
const kib = (text, field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
/** PSS by what is mapped, largest first (1 MiB and over): each file (this program, WebKit's
 * libraries, fonts…) and the heap with the rest of anonymous memory. */
const breakdown = (pid) => {
  const parts = {};
  let name = "";
  for (const line of read(`/proc/${pid}/smaps`).split("\n")) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (mapping) {
      const path = mapping[1];
      // Files by name (fonts, dictionaries, each library), anonymous memory as one.
      name = path === "" || path === "[heap]" ? "heap and anonymous" : path.replace(/ \(deleted\)$/, "");
      continue;
    }
    const pss = /^Pss:\s+(\d+)/.exec(line);
    if (pss) parts[name] = (parts[name] ?? 0) + Number(pss[1]);
  }
  const mib = (entries) => Object.fromEntries(entries.map(([k, v]) => [k, +(v / 1024).toFixed(1)]));
  const kept = Object.entries(parts).filter(([, v]) => v >= 1024);
  return mib(kept.sort((a, b) => b[1] - a[1]));
};

/** PSS of `root` and the processes under it, each broken down. */
const measure = (root) => {
  const processes = tree(root).map((pid) => {
    const rollup = read(`/proc/${pid}/smaps_rollup`);
    return {
      process: command(pid).split("/").pop(),
      pssMiB: +(kib(rollup, "Pss") / 1024).toFixed(1),
      rssMiB: +(kib(rollup, "Rss") / 1024).toFixed(1),
      pssBy: breakdown(pid),
    };
  });
  const total = processes.reduce((sum, p) => sum + p.pssMiB, 0);
  console.log(JSON.stringify({
    idleMinutes: minutes,
    environment: Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(WEBKIT_|GDK_|LIBGL_)/.test(k))),
    totalPssMiB: +total.toFixed(1),
    processes,
  }, null, 1));
};

// `… measure-memory.mjs M minibrowser`: the anchor, WebKitGTK's own MiniBrowser on a blank
// page in the same display, measured the same way: what any WebKitGTK window costs here.
if (process.argv[3] === "minibrowser") {
  const browser = spawn("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", ["about:blank"], { stdio: "ignore" });
  await new Promise((done) => setTimeout(done, minutes * 60_000 + 3000));
  measure(browser.pid);
  browser.kill();
  process.exit(0);
}

const home = await mkdtemp(join(tmpdir(), "ferry-measure-"));
const driver = await startAsInstalled(home, { FERRY_WELCOME: "off" });
const window = await driver.launch();
try {
  const editor = await find(window, "[data-testid=editor-primary]", 30_000);
  await editor.sendKeys("你好");
  await hintCardSays(window, `.hinted[data-text="你好"]`, "hello", 30_000);
  await new Promise((done) => setTimeout(done, minutes * 60_000));
  const app = pids().find((pid) => command(pid) === "/usr/bin/ferry-app");
  if (!app) throw new Error("no /usr/bin/ferry-app process");
  measure(app);
} finally {
  await window.quit();
  await driver.stop();
  await rm(home, { recursive: true, force: true });
}
