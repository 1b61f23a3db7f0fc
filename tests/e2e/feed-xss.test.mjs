// A public corpus of sanitizer attacks, delivered through a real feed and rendered in the real
// Ferry window with canaries: no script runs and no request leaves the webview.
//
// The data: the 745 sanitizer cases that ship in the feedparser 6.0.14 sdist
// (tests/wellformed/sanitize; BSD-2-Clause, © Kurt McKee and Mark Pilgrim), fetched from PyPI
// pinned by version and sha256 at test preparation (tests/xss/install.sh, `make e2e-deps`)
// into $FERRY_CACHE/xss: 759 payloads (one case is a feed of 15 entries). Plus 46 newer
// vectors of our own (tests/xss/extra-payloads.txt: obfuscated schemes, SVG/MathML mutation
// XSS, srcdoc, srcset/poster/ping/meta refresh…). tests/xss/build_feed.py turns them into one
// RSS feed, one item per payload (805, each with its number and name as title), served by
// the suite's nginx (tests/peers/nginx/start.sh: /generated/), after rewriting each payload so
// that any script or handler that runs first counts itself in `window.__xss` (and names its
// payload in `window.__xssFrom`), and every absolute URL points at nginx's /canary/, whose
// requests, like every other one nginx gets, are in an access log with their user agent.
//
// In the window, before the source is added, the test listens for CSP violations (one means the
// sanitizer let something through that only the CSP stopped), counts alert/confirm/prompt/
// print/open, watches every resource the page loads (PerformanceObserver) for an address that
// is not the app's own, notes errors the page throws, and records the links the page hands to
// the system browser (the `open_link` command is answered in the page, so no real browser
// starts). Controls first prove the CSP listener, the link spy and nginx's log hear what they
// should (WebKitGTK times no load of the app's own schemes, so the observer has no control).
// Then it adds the feed through the Sources dialog, refreshes, and scrolls the windowed list
// (only cards near the viewport are in the page; the next pages load by themselves) a screen
// at a time to its end, so every card is drawn at least once: a real pointer rests on every
// card in view and, every third screen, clicks and double-clicks in one card's text and title
// link, and every event type the corpus has a handler for is fired at every element of each
// newly drawn card's text and title. Then j walks the items and Enter opens one.
//
// It proves: every payload is an item on screen (nothing dropped; some items' text is empty
// because nothing in the payload was safe, e.g. a lone <img>), none ran (0 canary calls,
// 0 dialogs), the CSP never had to stop anything (0 violations), the page loaded nothing but
// its own resources, nginx saw no request but the engine's feed fetch, the items' HTML holds
// nothing active, the page threw nothing, links only go to the system browser, and the
// webview never left the app.
// Screenshot: feed-xss.png.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { addFeedSource, pressAlt } from "./steps.mjs";
import { TauriDriver } from "./tauri-driver.mjs";
import { find, screenshot, waitFor } from "./window.mjs";

const FEEDS = process.env.FERRY_TEST_FEEDS;
const GENERATED = process.env.FERRY_TEST_FEEDS_GENERATED;
const LOG = process.env.FERRY_TEST_FEEDS_LOG;
const CANARY = `${FEEDS}/canary`;
const xss = fileURLToPath(new URL("../xss/", import.meta.url));

/** Every event type the corpus has an inline handler for, and the ones newer vectors use. */
const EVENTS = [
  "abort", "blur", "change", "click", "dblclick", "error", "focus", "keydown", "keypress", "keyup",
  "load", "mousedown", "mouseout", "mouseover", "mouseup", "mouseenter", "mousemove", "reset",
  "resize", "submit", "unload", "toggle", "begin", "start", "input", "pointerdown", "pointerup",
];

let driver;
let feed;

before(async () => {
  assert.ok(process.env.FERRY_APP_BINARY, "FERRY_APP_BINARY must name the built ferry-app");
  assert.ok(FEEDS && GENERATED && LOG, "FERRY_TEST_FEEDS(_GENERATED, _LOG) unset: run this through tests/peers/with-peers with nginx");
  const corpus = execFileSync(join(xss, "install.sh"), ["--where"], { encoding: "utf8" }).trim();
  const out = join(GENERATED, "xss.rss");
  feed = JSON.parse(
    execFileSync(
      "python3",
      [join(xss, "build_feed.py"), "--corpus", join(corpus, "sanitize"), "--extra", join(xss, "extra-payloads.txt"),
        "--canary", CANARY, "--out", out],
      { encoding: "utf8" },
    ),
  );
  assert.ok(feed.files >= 700 && feed.empty.length === 0, `corpus: ${feed.files} files, empty: ${feed.empty}`);
  // A link the app hands on must not start a real browser even if the page's spy failed.
  driver = await TauriDriver.start({ env: { BROWSER: "true" } });
});

after(async () => {
  if (process.env.FERRY_E2E_VERBOSE) console.log(driver?.log().slice(-6000));
  await driver?.stop();
});

/** Installed in the page before the feed exists; see the header. Returns what it could hook. */
const PROBE = `
  const token = arguments[0];
  const probe = { token, violations: [], dialogs: [], foreign: [], opened: [], errors: [] };
  window.__xssProbe = probe;
  // Errors the page throws (the test's own synthetic "error" events are no ErrorEvent).
  window.addEventListener("error", (e) => {
    if (e instanceof ErrorEvent) probe.errors.push(e.message + " @" + e.filename + ":" + e.lineno);
  });
  window.addEventListener("unhandledrejection", (e) => probe.errors.push(
    "rejection: " + (e.reason?.name ?? "") + ": " + (e.reason?.message ?? JSON.stringify(e.reason)) +
    " " + String(e.reason?.stack ?? "").slice(0, 300)));
  document.addEventListener("securitypolicyviolation", (e) => probe.violations.push({
    directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI,
    source: e.sourceFile, line: e.lineNumber, sample: e.sample,
    element: e.target instanceof Element ? e.target.outerHTML.slice(0, 300) : String(e.target),
  }), true);
  for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
    window[name] = (...args) => { probe.dialogs.push({ name, args: args.map(String) }); return null; };
  }
  // The app's own: its page's origin and the schemes its CSP names (tauri.conf.json).
  const schemes = ["tauri:", "ipc:", "ferry-media:", "ferry-feed-image:", "asset:", "data:", "blob:"];
  const hosts = ["tauri.localhost", "ipc.localhost", "ferry-media.localhost", "ferry-feed-image.localhost"];
  const own = (address) => {
    try {
      const url = new URL(address, location.href);
      return (url.protocol === location.protocol && url.host === location.host) ||
        schemes.includes(url.protocol) || (url.protocol === "http:" && hosts.includes(url.hostname));
    } catch { return false; }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!own(entry.name)) probe.foreign.push(entry.name);
  }).observe({ type: "resource", buffered: true });
  // Tauri's invoke is read-only, but it posts each command with the page's fetch to
  // ipc://localhost/<command>: open_link is answered here ("ok", null) and recorded.
  const send = window.fetch;
  window.fetch = (input, init) => {
    const address = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!["ipc://localhost/open_link", "http://ipc.localhost/open_link"].includes(address.split("?")[0])) return send(input, init);
    probe.opened.push(JSON.parse(init.body).url);
    return Promise.resolve(new Response("null", { headers: { "Content-Type": "application/json", "Tauri-Response": "ok" } }));
  };
  return {
    spy: window.fetch !== send,
    dialogs: ["alert", "confirm", "prompt", "print", "open"].every((name) => String(window[name]).includes("probe")),
  };
`;

const READ = `
  const probe = window.__xssProbe;
  return {
    token: probe?.token ?? null, violations: probe?.violations ?? [], dialogs: probe?.dialogs ?? [],
    foreign: [...(probe?.foreign ?? []), ...performance.getEntriesByType("resource").map((e) => e.name)
      .filter((name) => !/^(tauri|ipc|ferry-media|ferry-feed-image):/.test(name))], opened: probe?.opened ?? [],
    xss: window.__xss ?? 0, xssFrom: window.__xssFrom ?? [], errors: probe?.errors ?? [],
  };
`;

/** Lines nginx logged from `offset` on: `time status "request" "agent" "referer"`. */
async function logSince(offset) {
  const text = (await readFile(LOG)).subarray(offset).toString("utf8");
  return text.split("\n").filter(Boolean).map((line) => {
    const [, status, request, agent] = line.match(/^\S+ (\d+) "([^"]*)" "([^"]*)"/) ?? [];
    return { line, status, request, agent };
  });
}

/** The payload a canary address names: /canary/<n>/… or /canary/item/<n>. */
function payloadOf(text) {
  const n = String(text).match(/\/canary\/(?:item\/)?(\d+)/)?.[1];
  return n === undefined ? null : `${n} ${feed.names[Number(n)]}`;
}

/**
 * One screen of the windowed list (FeedList draws only the cards near the viewport): scrolls
 * down most of a screen (unless `first`), lets it paint and any next page load, then, for each
 * card drawn for the first time, notes its id, keeps the text of the cards `watch` names,
 * lists any active markup in its text, and fires every type in `types` at each element of its
 * text and title. Returns the points of the cards in view and whether the list has ended.
 */
const SCREEN = `
  const [first, types, watch] = arguments;
  const done = arguments[arguments.length - 1];
  const list = document.querySelector("[data-testid=feed-items]");
  const seen = (window.__xssSeen ??= { ids: new Set(), texts: {}, active: [], fired: 0 });
  const ACTIVE = "script,iframe,frame,frameset,object,embed,applet,img,svg,math,form,input,button," +
    "textarea,select,style,link,meta,base,video,audio,source,picture,template,noscript,marquee,details";
  const frame = () => new Promise((paint) => requestAnimationFrame(() => requestAnimationFrame(paint)));
  const loading = () => document.querySelector("[data-testid=feed-loading]");
  (async () => {
    if (!first) list.scrollTop += Math.floor(list.clientHeight * 0.9);
    await frame();
    for (let i = 0; i < 150 && loading(); i++) await frame();
    for (const card of list.querySelectorAll("[data-testid=feed-item]")) {
      if (seen.ids.has(card.dataset.id)) continue;
      seen.ids.add(card.dataset.id);
      const link = card.querySelector("h3 a")?.getAttribute("href") ?? "";
      const label = (link.match(/\\/canary\\/item\\/(\\d+)$/)?.[1] ?? "?") + " (row " + card.dataset.index + ")";
      const body = card.querySelector("[data-testid=feed-item-body]");
      const title = card.querySelector("h3")?.textContent.trim() ?? "";
      if (watch.includes(title)) seen.texts[title] = body.textContent.trim();
      for (const el of body.querySelectorAll("*")) {
        if (el.matches(ACTIVE))
          seen.active.push(label + ": <" + el.localName + ">");
        for (const { name, value } of el.attributes) {
          if (/^on|^(style|src|srcset|srcdoc|ping|background|poster|action|formaction|data|xlink:href|http-equiv)$/i.test(name))
            seen.active.push(label + ": " + name + "=" + value.slice(0, 80));
        }
        if (el.hasAttribute("href") && !/^(https?:|mailto:)/i.test(el.getAttribute("href")))
          seen.active.push(label + ": href=" + el.getAttribute("href").slice(0, 80));
      }
      // What a payload can reach: the item's text and title (not the card's own buttons).
      // Each event as its kind, bubbling where a real one does (so a click still reaches the
      // screen's link catcher; a submit or a keydown without a key would only trip the app's
      // own handlers, which expect a form or a key).
      const kinds = { key: KeyboardEvent, mouse: MouseEvent, click: MouseEvent, dblclick: MouseEvent,
        pointer: PointerEvent, focus: FocusEvent, blur: FocusEvent, input: InputEvent };
      const bubbling = /^(key|mouse(?!enter)|click|dblclick|pointer|input|change)/;
      for (const el of [body, ...body.querySelectorAll("*"), ...card.querySelectorAll("h3 *")]) {
        for (const type of types) {
          // Svelte resets a form's fields on any reset event at the document: only a form has them.
          if ((type === "reset" || type === "submit") && el.localName !== "form") continue;
          const Kind = Object.entries(kinds).find(([prefix]) => type.startsWith(prefix))?.[1] ?? Event;
          el.dispatchEvent(new Kind(type, { bubbles: bubbling.test(type), cancelable: true }));
          seen.fired += 1;
        }
      }
    }
    // The cards in view, as points to hover and click: where the text shows, else the title
    // link, else the header line; never the footer, whose "Bring" button leaves the screen.
    const box = list.getBoundingClientRect();
    const cards = [];
    for (const card of list.querySelectorAll("[data-testid=feed-item]")) {
      const r = card.getBoundingClientRect();
      const top = Math.max(r.top, box.top), bottom = Math.min(r.bottom, box.bottom);
      if (bottom - top < 4) continue;
      const at = (part) => {
        const p = card.querySelector(part)?.getBoundingClientRect();
        return p && p.height > 0 && p.width > 0 && p.top >= top && p.bottom <= bottom
          ? { x: Math.round(p.left + Math.min(40, p.width / 2)), y: Math.round(p.top + p.height / 2) } : null;
      };
      cards.push({ body: at("[data-testid=feed-item-body]") ?? at("h3 a") ?? at("header"), title: at("h3 a") });
    }
    const bottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 2;
    // The keyboard's button, should the automatic read of the next page not have started.
    const more = document.querySelector("[data-testid=feed-more]");
    if (bottom && more) more.click();
    done({ cards, end: bottom && !more && !loading(), loaded: Number(list.dataset.loaded), seen: seen.ids.size });
  })();
`;

test("feedparser's sanitizer corpus in the real window: nothing runs, nothing leaves", async (t) => {
  const started = Date.now();
  const window = await driver.launch();
  await window.manage().setTimeouts({ script: 60_000 });
  try {
    await find(window, "[data-testid=editor-primary]");
    await pressAlt(window, "3");
    await find(window, "[data-testid=feed-empty]");
    const appUrl = await window.getCurrentUrl();
    const token = `probe-${Date.now()}`;
    let offset;

    await t.test("the canaries hear what they should before the feed exists", async () => {
      const hooked = await window.executeScript(PROBE, token);
      assert.deepEqual(hooked, { spy: true, dialogs: true }, "could not hook open_link or the dialogs");
      // open_link, called as the UI calls it, is answered by the spy.
      await window.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke("open_link", { url: arguments[0] }).then(() => done(), (e) => done(String(e)));`,
        `${CANARY}/control-open`,
      );
      assert.deepEqual((await window.executeScript(READ)).opened, [`${CANARY}/control-open`]);
      // CSP: an image from nginx is refused, and the listener hears it (nginx never does).
      await window.executeScript(`new Image().src = arguments[0];`, `${CANARY}/control-csp`);
      const seen = await waitFor(window, "the CSP control's violation", async () => {
        const { violations } = await window.executeScript(READ);
        return violations.length > 0 ? violations : false;
      });
      assert.equal(seen[0].directive, "img-src", JSON.stringify(seen));
      // The resource observer is live. WebKitGTK keeps no timing for the app's own tauri:,
      // ipc: or ferry-*: loads, and the CSP lets no http(s) load out to time, so nothing can
      // show it an allowed one: it is there for a load the CSP failed to stop, which the
      // nginx log below would show as well.
      const observing = await window.executeScript(
        `return PerformanceObserver.supportedEntryTypes.includes("resource") && window.__xssProbe.foreign.length === 0;`,
      );
      assert.equal(observing, true, "resource timing is not observable here");
      // nginx's log records a request to the canary location.
      await fetch(`${CANARY}/control-log`);
      await waitFor(window, "nginx to log the control", async () =>
        (await logSince(0)).some((l) => l.request?.includes("/canary/control-log")),
      );
      assert.ok(!(await logSince(0)).some((l) => l.request?.includes("control-csp")), "the CSP let the control image out");
      offset = (await stat(LOG)).size;
      await window.executeScript(`window.__xssProbe.violations.length = 0; window.__xssProbe.opened.length = 0;`);
    });

    await t.test(`the feed's ${feed.payloads} payloads arrive`, async () => {
      await addFeedSource(window, `${FEEDS}/generated/xss.rss`);
      await (await find(window, "[data-testid=feed-refresh]")).click();
      const done = await find(window, "[data-testid=feed-refreshed]", 60_000);
      assert.match(await done.getText(), new RegExp(`Refreshed 1 sources? · ${feed.payloads} new`));
      await find(window, "[data-testid=feed-item]");
    });

    await t.test("screen by screen to the end: every item drawn, hovered, its handlers fired", async () => {
      const watch = ["entry_content_script", "entry_content_crazy", "item_description_onclick"].map(
        (name) => `${feed.names.indexOf(name)} ${name}`,
      );
      let screen = { end: false };
      let screens = 0;
      const spent = { page: 0, pointer: 0 };
      while (!screen.end) {
        assert.ok(screens < 2000, "the list never ended");
        let since = Date.now();
        screen = await window.executeAsyncScript(SCREEN, screens === 0, EVENTS, watch);
        spent.page += Date.now() - since;
        since = Date.now();
        screens += 1;
        // A real pointer rests on every card in view; every third screen it clicks in one
        // card's text, on its title link, and double-clicks the text (WebKitWebDriver takes
        // ~20 ms a step, so the other event types are the synthetic ones above).
        const actions = window.actions();
        for (const card of screen.cards) if (card.body) actions.move({ origin: "viewport", ...card.body, duration: 0 });
        const first = screens % 3 === 1 && screen.cards.find((card) => card.title && card.body);
        if (first) {
          actions.move({ origin: "viewport", ...first.body, duration: 0 }).click();
          actions.move({ origin: "viewport", ...first.title, duration: 0 }).click();
          actions.move({ origin: "viewport", ...first.body, duration: 0 }).doubleClick();
        }
        await actions.perform();
        spent.pointer += Date.now() - since;
      }
      const seen = await window.executeScript(
        `const s = window.__xssSeen; return { ids: s.ids.size, texts: s.texts, fired: s.fired };`,
      );
      t.diagnostic(`${screens} screens (${spent.page} ms in the page, ${spent.pointer} ms pointer), ${seen.fired} events fired`);
      assert.equal(screen.loaded, feed.payloads, "every payload is one item of the list");
      assert.equal(seen.ids, feed.payloads, "every item was drawn");
      assert.ok(seen.fired > feed.payloads * EVENTS.length);
      // What the sanitizer kept reads as text: the script went, its neighbours stayed.
      assert.equal(seen.texts[watch[0]], "safe description");
      assert.match(seen.texts[watch[1]] ?? "", /Did The Javascript Execute\?/);
      assert.equal(seen.texts[watch[2]], "");
    });

    await t.test("keys: j walks the items, Enter hands the selected one to the system browser", async () => {
      await pressAlt(window, "3");
      await window.actions().sendKeys("jjj").perform();
      await window.actions().sendKeys("\uE007").perform();
      await waitFor(window, "Enter to hand the item's address on", async () =>
        (await window.executeScript(READ)).opened.some((url) => /\/canary\/item\/2$/.test(url)),
      );
    });

    await t.test("0 scripts ran, 0 CSP violations, 0 foreign loads, 0 requests left; the webview stayed", async () => {
      // Give anything lazy (an image's error, a refresh timer) a moment to happen.
      await new Promise((done) => setTimeout(done, 1500));
      const probe = await window.executeScript(READ);
      assert.equal(probe.token, token, "the page was reloaded or replaced: the probe is gone");
      const lines = await logSince(offset);
      // The items' HTML held nothing active, in any card drawn.
      const active = await window.executeScript(`return window.__xssSeen.active;`);
      // Every finding at once, each with the payload it came from.
      const found = {
        url: await window.getCurrentUrl(),
        ran: { count: probe.xss, payloads: [...new Set(probe.xssFrom)].map((n) => `${n} ${feed.names[n]}`) },
        dialogs: probe.dialogs,
        violations: probe.violations.map((v) => ({ ...v, payload: payloadOf(v.blocked) ?? payloadOf(v.element) })),
        foreign: probe.foreign.map((url) => ({ url, payload: payloadOf(url) })),
        requests: lines
          .filter((l) => l.request?.includes("/canary/") || !l.agent?.startsWith("Ferry/"))
          .map((l) => ({ line: l.line, payload: payloadOf(l.request) })),
        handedOn: probe.opened.filter((url) => !url?.startsWith(`${CANARY}/`)),
        active,
        // WebKit's notice when FeedList's ResizeObserver measures cards faster than it can
        // deliver (scrolling a screen at a time) is no error of the page's.
        pageErrors: [...new Set(probe.errors)].filter((e) => !e.startsWith("ResizeObserver loop")),
      };
      // The last screen (our own vectors), whatever the verdict.
      await window.executeScript(
        `const list = document.querySelector("[data-testid=feed-items]"); list.scrollTop = list.scrollHeight;`,
      );
      await screenshot(window, "feed-xss.png");
      assert.deepEqual(found, {
        url: appUrl,
        ran: { count: 0, payloads: [] },
        dialogs: [],
        violations: [],
        foreign: [],
        requests: [],
        handedOn: [],
        active: [],
        pageErrors: [],
      });
      assert.ok(probe.opened.length > 0, "no link click reached open_link");
      assert.ok(lines.some((l) => l.request?.startsWith("GET /generated/xss.rss")), "the engine fetched the feed");

      t.diagnostic(
        `${feed.payloads} payloads (${feed.files} feedparser files), ${probe.opened.length} links handed on, ` +
          `${lines.length} nginx requests (all the engine's), ${Math.round((Date.now() - started) / 1000)} s`,
      );
    });
  } finally {
    await window.quit().catch(() => undefined);
  }
});
