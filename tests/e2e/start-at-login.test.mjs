// "Start Ferry at login" in the real window and the start the OS then makes, against the
// reference Bluesky PDS, on fresh folders and a HOME of its own (the login entry goes in
// $XDG_CONFIG_HOME/autostart, as the XDG Autostart specification says; never in the real home):
//
// 1. Settings → "Start Ferry at login" writes the desktop's login entry, which runs this very
//    ferry-app with --background;
// 2. a draft is scheduled ~25 s ahead and the app is ended, as at a logout;
// 3. the entry's command is run as the desktop runs it at login: no window appears, the
//    scheduled post reaches the PDS exactly once at its time, and with nothing left to send
//    the app then ends by itself;
// 4. run again with nothing scheduled, it ends by itself (exit 0) without a window;
// 5. turning the setting off removes the entry.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Key } from "selenium-webdriver";
import { endApp, pdsSession, records, scheduleDraft, signInAlice, writeDraft } from "./steps.mjs";
import { find, screenshot, waitFor, pickTarget } from "./window.mjs";

const RUN = Date.now().toString(36);
const EN = `Ferry E2E ${RUN}b: sent by Ferry started at login, no window`;
const ZH = `渡轮 ${RUN}b：开机自动启动的 Ferry 在后台发出，没有窗口。`;
const TITLE = "Ferry 渡";

const home = mkdtempSync(join(tmpdir(), "ferry-e2e-home-"));
after(() => rmSync(home, { recursive: true, force: true }));
const session = pdsSession({ env: { HOME: home } });
/** The driver's XDG_CONFIG_HOME sits beside its data folder. */
const entries = () => join(dirname(session.driver.dataDir), "config", "autostart");

test("started at login, Ferry sends what is scheduled without opening a window", async (t) => {
  const { driver, pds } = session;
  let exec;
  const window = await driver.launch();
  try {
    await t.test("the setting writes a login entry that runs this app with --background", async () => {
      await signInAlice(window, pds);
      const box = await openSetting(window);
      assert.equal(await box.isSelected(), false, "off unless turned on");
      await box.click();
      await waitFor(window, "the entry to exist", async () => entryFiles().length === 1);
      assert.equal(await box.isSelected(), true);
      exec = execLine();
      const [program, ...args] = exec.split(" ");
      assert.equal(realpathSync(program), realpathSync(process.env.FERRY_APP_BINARY), exec);
      assert.deepEqual(args, ["--background"], exec);
      await window.actions().sendKeys(Key.ESCAPE).perform();
    });
    await writeDraft(window, EN, ZH);
    await pickTarget(window, "bluesky");
    await scheduleDraft(window, new Date(Date.now() + 25_000));
  } catch (err) {
    await screenshot(window, "start-at-login-failure.png").catch(() => undefined);
    throw err;
  } finally {
    await window.quit().catch(() => undefined);
  }
  // A logout ends every process of the session.
  await endApp(driver.dataDir);
  assert.ok(exec, "the entry was read");

  await t.test("at login: no window, and the scheduled post goes out once", async () => {
    await noWindowLeft();
    const started = loginStart(exec, driver.dataDir);
    try {
      const deadline = Date.now() + 60_000;
      while ((await records(pds, "alice.test", EN)).length === 0) {
        assert.equal(started.exitCode, null, `it ended before posting:\n${started.log()}`);
        assert.ok(Date.now() < deadline, `not posted within 60 s:\n${started.log()}`);
        assert.deepEqual(ferryWindows(), [], `no window opens at login (it is pid ${started.pid})`);
        await sleep(500);
      }
      assert.deepEqual(ferryWindows(), [], "no window opened while it sent");
      // Nothing left to send: it ends by itself.
      const code = await exitOf(started, 20_000);
      assert.equal(code, 0, `it did not end by itself after the last post:\n${started.log()}`);
      await sleep(2_000); // time for a second send, were there one
      assert.equal((await records(pds, "alice.test", EN)).length, 1, "posted exactly once");
    } finally {
      started.kill("SIGTERM");
      await endApp(driver.dataDir);
    }
  });

  await t.test("with nothing scheduled it ends by itself, without a window", async () => {
    const started = loginStart(exec, driver.dataDir);
    const code = await exitOf(started, 20_000);
    if (code !== 0) started.kill("SIGKILL");
    assert.equal(code, 0, started.log());
  });

  await t.test("turning it off removes the entry", async () => {
    const again = await driver.launch();
    try {
      await find(again, "[data-testid=editor-primary]"); // the window is up and takes keys
      const box = await openSetting(again);
      await waitFor(again, "the switch to show the entry", async () => box.isSelected());
      await box.click();
      await waitFor(again, "the entry to go", async () => entryFiles().length === 0);
      assert.equal(existsSync(join(home, ".config", "autostart")), false, "nothing in $HOME/.config");
    } finally {
      await again.quit().catch(() => undefined);
    }
  });
});

async function openSetting(window) {
  await window.actions().keyDown(Key.CONTROL).sendKeys(",").keyUp(Key.CONTROL).perform();
  const box = await find(window, "[data-testid=setting-autostart]");
  await waitFor(window, "the switch to read the OS entry", async () => box.isEnabled());
  return box;
}

function entryFiles() {
  return existsSync(entries()) ? readdirSync(entries()).filter((name) => name.endsWith(".desktop")) : [];
}

/** The entry's command, as the desktop reads it (`Exec=`). */
function execLine() {
  const text = readFileSync(join(entries(), entryFiles()[0]), "utf8");
  const line = text.split("\n").find((l) => l.startsWith("Exec="));
  assert.ok(line, `an Exec line in:\n${text}`);
  return line.slice("Exec=".length).trim();
}

/** Runs the entry's command in this session's environment, as the desktop would at login. */
function loginStart(exec, dataDir) {
  const [program, ...args] = exec.split(" ");
  const base = dirname(dataDir); // the driver's fresh folders sit side by side
  const child = spawn(program, args, {
    env: {
      ...process.env,
      HOME: home,
      FERRY_DATA_DIR: dataDir,
      XDG_CONFIG_HOME: join(base, "config"),
      XDG_DATA_HOME: join(base, "share"),
      XDG_CACHE_HOME: join(base, "cache"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (c) => (log = (log + c).slice(-8000)));
  child.log = () => log;
  return child;
}

/** The process's exit code, or a note that it still runs after `ms`. */
async function exitOf(child, ms) {
  if (child.exitCode !== null) return child.exitCode;
  return Promise.race([
    new Promise((done) => child.once("exit", (code) => done(code))),
    sleep(ms).then(() => `still running after ${ms} ms`),
  ]);
}

/** Windows on the X display with Ferry's title, each with the process that owns it. */
function ferryWindows() {
  const tree = execFileSync("xwininfo", ["-root", "-tree"], { encoding: "utf8" });
  return tree
    .split("\n")
    .filter((line) => line.includes(`"${TITLE}"`))
    .map((line) => {
      const id = line.trim().split(" ")[0];
      const pid = execFileSync("xprop", ["-id", id, "_NET_WM_PID"], { encoding: "utf8" }).split("=")[1]?.trim();
      return `${id} of pid ${pid ?? "?"}`;
    });
}

/** The window of the session before is gone (X may take a moment after its process ends). */
async function noWindowLeft() {
  const deadline = Date.now() + 10_000;
  while (ferryWindows().length > 0) {
    assert.ok(Date.now() < deadline, `a window outlived its app: ${ferryWindows()}`);
    await sleep(200);
  }
}

