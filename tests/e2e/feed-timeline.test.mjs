// The merged feed with a social timeline, in the real window: a Bluesky account added through
// the accounts screen is a feed source by itself, and the post of someone it follows (bob, on
// the reference PDS + AppView from tests/peers/with-peers) appears with its handle, its
// language and the Bluesky filter after one Refresh.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { signInAlice } from "./steps.mjs";
import { find, screenshot, waitFor } from "./window.mjs";

const PDS = process.env.FERRY_TEST_BSKY_PDS;
const RUN = Date.now().toString(36);
const BOBS = `渡口 E2E ${RUN}：bob 的早班船 🚢`;

let driver;

before(async () => {
  assert.ok(PDS, "FERRY_TEST_BSKY_PDS is not set: run this through tests/peers/with-peers (make test-e2e does)");
  driver = await TauriDriver.start();
});

after(async () => {
  await driver?.stop();
});

async function xrpc(method, nsid, body, token) {
  const answer = await fetch(`${PDS}/xrpc/${nsid}`, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(answer.ok, `${nsid}: ${answer.status} ${await answer.clone().text()}`);
  return answer.json();
}

/** bob posts; returns once alice's following timeline (through the AppView) shows it. */
async function bobPosts(text) {
  const bob = await xrpc("POST", "com.atproto.server.createSession", { identifier: "bob.test", password: "bob-pass" });
  await xrpc(
    "POST",
    "com.atproto.repo.createRecord",
    {
      repo: bob.did,
      collection: "app.bsky.feed.post",
      record: { $type: "app.bsky.feed.post", text, langs: ["zh-Hans"], createdAt: new Date().toISOString() },
    },
    bob.accessJwt,
  );
  const alice = await xrpc("POST", "com.atproto.server.createSession", { identifier: "alice.test", password: "alice-pass" });
  for (let i = 0; i < 80; i++) {
    const answer = await fetch(`${PDS}/xrpc/app.bsky.feed.getTimeline?limit=50`, {
      headers: { Authorization: `Bearer ${alice.accessJwt}` },
    });
    const { feed = [] } = await answer.json();
    if (feed.some((entry) => entry.post?.record?.text === text)) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error("the AppView never showed bob's post in alice's timeline");
}

test("a Bluesky account's following timeline in the merged feed", async (t) => {
  const window = await driver.launch();
  try {
    await signInAlice(window, PDS);
    await bobPosts(BOBS);

    await t.test("one Refresh brings bob's post with its handle and language", async () => {
      await window.actions().keyDown(Key.ALT).sendKeys("3").keyUp(Key.ALT).perform();
      await find(window, "[data-testid=feed-screen]");
      await (await find(window, "[data-testid=feed-refresh]")).click();
      await find(window, "[data-testid=feed-refreshed]", 40_000);
      // Read afresh each time: the list re-renders as the refresh reports its sources.
      const card = await waitFor(window, "bob's post", async () =>
        window.executeScript(
          `const item = [...document.querySelectorAll("[data-testid=feed-item]")]
             .find((i) => i.textContent.includes(arguments[0]));
           return item && { handle: item.querySelector("[data-testid=feed-item-handle]")?.textContent, lang: item.lang };`,
          BOBS,
        ),
      );
      assert.deepEqual(card, { handle: "@bob.test", lang: "zh-Hans" });
    });

    await t.test("the Bluesky filter keeps it", async () => {
      const filter = await find(window, "[data-testid=feed-filter-network][data-network=bluesky]");
      await filter.click();
      await waitFor(window, "only Bluesky items", async () => {
        const texts = await window.executeScript(
          `return [...document.querySelectorAll("[data-testid=feed-item]")].map((i) => i.textContent);`,
        );
        return texts.length > 0 && texts.some((x) => x.includes(BOBS));
      });
      await screenshot(window, "feed-bluesky.png");
    });
  } catch (err) {
    await screenshot(window, "feed-timeline-failure.png").catch(() => undefined);
    throw err;
  } finally {
    await window.quit().catch(() => undefined);
  }
});
