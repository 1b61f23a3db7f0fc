// Starts tauri-driver (which starts WebKitWebDriver, which starts the app) on free ports on
// 127.0.0.1, and opens WebDriver sessions on the real Ferry window.
//
//   const driver = await TauriDriver.start();  // FERRY_APP_BINARY, TAURI_DRIVER, a fresh data folder
//   driver.dataDir                          // that folder, to look at or prepare
//   const window = await driver.launch();   // a selenium WebDriver on the app's webview
//   await window.quit();                    // ends the session: the app process exits
//   await driver.stop();
//
// Each driver gets fresh folders of its own (FERRY_DATA_DIR and the XDG folders where the
// window-state plugin and WebKit keep files; `env` may name others), removed by stop(): a
// test file never starts from what another left behind (a Chinese UI, a dark theme, drafts).
// The app inherits the driver's environment, so every session launched from one driver sees
// the same data folder: that is how a relaunch finds what the previous run saved.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Builder } from "selenium-webdriver";

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const LOG_LIMIT = 2 * 1024 * 1024;

function without(env, names) {
  const kept = { ...env };
  for (const name of names) delete kept[name];
  return kept;
}

export class TauriDriver {
  #child;
  #url;
  #app;
  #log = [];
  #logChars = 0;
  #logDropped = 0;
  #fresh;
  #dataDir;

  /** The app's data folder (fresh unless `env` named one), removed by stop() when fresh. */
  get dataDir() {
    return this.#dataDir;
  }

  static async start({
    app = process.env.FERRY_APP_BINARY,
    env = {},
    // Variables the app must not see, even if this process has them (the installed-package
    // test: no FERRY_DICT_DIR, so the tables must be found where the package put them).
    unset = [],
    binary = process.env.TAURI_DRIVER ?? "tauri-driver",
    readyTimeoutMs = 30_000,
  } = {}) {
    if (!app) throw new Error("FERRY_APP_BINARY must name the built ferry-app (make test-e2e sets it)");
    const driver = new TauriDriver();
    driver.#app = app;
    driver.#fresh = await mkdtemp(join(tmpdir(), "ferry-e2e-driver-"));
    const folders = {};
    for (const [name, sub] of [
      ["FERRY_DATA_DIR", "data"],
      ["XDG_CONFIG_HOME", "config"],
      ["XDG_DATA_HOME", "share"],
      ["XDG_CACHE_HOME", "cache"],
    ]) {
      folders[name] = join(driver.#fresh, sub);
      await mkdir(folders[name]);
    }
    // Every test starts from an empty folder and expects the composer, not the first-run
    // welcome; the welcome's own test asks for it with FERRY_WELCOME: "on".
    env = { ...folders, FERRY_WELCOME: "off", ...env };
    driver.#dataDir = env.FERRY_DATA_DIR;
    const port = await freePort();
    const nativePort = await freePort();
    driver.#url = `http://127.0.0.1:${port}`;
    driver.#child = spawn(
      binary,
      ["--port", String(port), "--native-port", String(nativePort), "--native-host", "127.0.0.1"],
      // Its own process group: WebKitWebDriver and the app it starts are in it too, so stop()
      // can end every one of them. An app left running would hold the log pipes open and
      // keep this test process (and `make test`) waiting forever.
      { stdio: ["ignore", "pipe", "pipe"], env: without({ ...process.env, ...env }, unset), detached: true },
    );
    for (const stream of [driver.#child.stdout, driver.#child.stderr]) {
      stream.on("data", (chunk) => driver.#keep(chunk.toString()));
    }
    const exited = new Promise((resolve) => driver.#child.once("exit", resolve));
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      const code = await Promise.race([exited, sleep(250).then(() => undefined)]);
      if (code !== undefined) {
        throw new Error(`tauri-driver exited with ${code} before it was ready:\n${driver.log()}`);
      }
      try {
        const response = await fetch(`${driver.#url}/status`);
        if (response.ok) return driver;
      } catch {
        // not listening yet
      }
    }
    await driver.stop();
    throw new Error(`tauri-driver did not answer on ${driver.#url} within ${readyTimeoutMs} ms`);
  }

  /** A new app process and a WebDriver session on its main window. */
  /**
   * Fails after `timeoutMs` with what the driver and the app printed, when no window answered:
   * WebKitWebDriver waits for ever for an app that never opened one (a make test hung here).
   */
  async launch({ timeoutMs = 90_000 } = {}) {
    const pending = new Builder()
      .usingServer(this.#url)
      .withCapabilities({ browserName: "wry", "tauri:options": { application: this.#app } })
      .build();
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no app window within ${timeoutMs} ms; the driver and the app printed:\n${this.log()}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([pending, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  log() {
    const dropped = this.#logDropped ? `[… ${this.#logDropped} earlier characters of log dropped]\n` : "";
    return dropped + this.#log.join("");
  }

  /** Keeps the last 2 MB of output: a process logging in a loop must not exhaust the test's memory. */
  #keep(text) {
    this.#log.push(text);
    this.#logChars += text.length;
    while (this.#logChars > LOG_LIMIT && this.#log.length > 1) {
      const first = this.#log.shift();
      this.#logChars -= first.length;
      this.#logDropped += first.length;
    }
  }

  /** Ends tauri-driver, WebKitWebDriver and any app process a session left behind. */
  async stop() {
    if (!this.#child) return;
    const group = -this.#child.pid;
    if (this.#child.exitCode === null) {
      const exited = new Promise((resolve) => this.#child.once("exit", resolve));
      signal(group, "SIGTERM");
      await Promise.race([exited, sleep(5000)]);
    }
    // The driver may be gone while an app it launched still runs (WebKitWebDriver does not
    // always end the app when a session is deleted): end the whole group.
    signal(group, "SIGTERM");
    await sleep(500);
    signal(group, "SIGKILL");
    for (const stream of [this.#child.stdout, this.#child.stderr]) stream?.destroy();
    if (this.#fresh) await rm(this.#fresh, { recursive: true, force: true });
  }
}

function signal(group, name) {
  try {
    process.kill(group, name);
  } catch (err) {
    if (err.code !== "ESRCH") throw err; // ESRCH: nothing left in the group
  }
}
