// The merged feed with social timelines, in the real window: a Bluesky account added through
// the accounts screen is a feed source by itself, and the post of someone it follows (bob, on
// the reference PDS + AppView from tests/peers/with-peers) appears with its handle, its
// language and the Bluesky filter after one Refresh. Then a Nostr account (its key imported
// through the accounts screen, the suite's relay as its only relay) and an RSS file from the
// suite's nginx join: one timeline holds bob's post, the Nostr friend's note and the feed's
// items, newest first; a click on the Nostr note puts its pinyin in the hints column; each
// network's filter keeps only its own; a Chinese search finds the Bluesky and the Nostr post
// alike.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import { By, Key } from "selenium-webdriver";
import { TauriDriver } from "./tauri-driver.mjs";
import { hintCardSays, records, signInAlice } from "./steps.mjs";
import { find, screenshot, waitFor } from "./window.mjs";

const PDS = process.env.FERRY_TEST_BSKY_PDS;
const RELAY = process.env.FERRY_TEST_NOSTR_RELAY;
const FEEDS = process.env.FERRY_TEST_FEEDS;
const RUN = Date.now().toString(36);
const BOBS = `渡口 E2E ${RUN}：bob 的早班船 🚢`;
const FRIENDS = `渡口 E2E ${RUN}：Nostr 朋友的夜航船 🌙`;
const REPLY = `渡口 E2E ${RUN}：早班船见，bob！`;

let driver;

before(async () => {
  assert.ok(PDS, "FERRY_TEST_BSKY_PDS is not set: run this through tests/peers/with-peers (make test-e2e does)");
  assert.ok(RELAY && FEEDS, "FERRY_TEST_NOSTR_RELAY and FERRY_TEST_FEEDS: with-peers must start nostr and nginx too");
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
      await allNetworks(window);
    });

    await t.test("a Nostr account's follows and an RSS file join the same timeline", async () => {
      const account = nostr("keys");
      const friend = nostr("keys");
      nostr("publish", RELAY, friend.secret, "1", FRIENDS);
      nostr("publish", RELAY, account.secret, "3", "", JSON.stringify([["p", friend.pubkey]]));
      await addNostr(window, account.secret, RELAY);
      await (await find(window, "[data-testid=feed-open-sources]")).click();
      const field = await find(window, "[data-testid=feed-url]");
      await field.sendKeys(`${FEEDS}/rss.rss`);
      await (await find(window, "[data-testid=feed-add-url]")).click();
      await waitFor(window, "the feed listed", async () =>
        (await window.findElements(By.css("[data-testid=feed-source]"))).length >= 1,
      );
      await window.actions().sendKeys(Key.ESCAPE).perform();
      await (await find(window, "[data-testid=feed-refresh]")).click();
      const order = await waitFor(window, "bob's post, the friend's note and the feed in one list", async () => {
        const items = await listed(window);
        const at = (text) => items.findIndex((i) => i.text.includes(text));
        const [bob, friendAt] = [at(BOBS), at(FRIENDS)];
        const rss = items.filter((i) => i.network === "rss");
        return bob >= 0 && friendAt >= 0 && rss.length > 0 && { items, bob, friendAt };
      }, 40_000).catch(async (err) => {
        await screenshot(window, "feed-merged-failure.png");
        const items = await listed(window);
        throw new Error(`${err.message}; the list: ${JSON.stringify(items.map((i) => [i.network, i.text.slice(0, 40)]))}`);
      });
      const friendsItem = order.items[order.friendAt];
      assert.equal(friendsItem.network, "nostr");
      assert.equal(friendsItem.lang, "zh-Hans", "detected");
      // Newest first across networks: the friend wrote after bob.
      assert.ok(order.friendAt < order.bob, JSON.stringify(order.items.map((i) => i.text.slice(0, 30))));
      await screenshot(window, "feed-merged.png");
    });

    await t.test("the hints column follows the selected item: pinyin of the Nostr note", async () => {
      await find(window, "[data-testid=feed-hints-empty]");
      await window.executeScript(
        `[...document.querySelectorAll("[data-testid=feed-item]")].find((i) => i.textContent.includes(arguments[0])).click();`,
        FRIENDS,
      );
      // 渡口 is a dictionary word; its card carries the pinyin once the dictionaries loaded.
      await hintCardSays(window, '[data-testid=feed-hints-item] .hinted[data-text="渡口"]', "dùkǒu").catch(
        async (err) => {
          await screenshot(window, "feed-hints-failure.png");
          throw err;
        },
      );
      await window.executeScript("document.activeElement?.blur()");
      await screenshot(window, "feed-hints.png");
    });

    await t.test("the Nostr note is liked, boosted and unliked as the account; a feed's entry offers neither", async () => {
      const pressed = (testid) =>
        window.executeScript(
          `const card = [...document.querySelectorAll("[data-testid=feed-item]")].find((i) => i.textContent.includes(arguments[0]));
           return card?.querySelector("[data-testid=" + arguments[1] + "]")?.getAttribute("aria-pressed");`,
          FRIENDS,
          testid,
        );
      for (const testid of ["feed-item-like", "feed-item-boost-action"]) {
        assert.equal(await pressed(testid), "false");
        await window.executeScript(
          `[...document.querySelectorAll("[data-testid=feed-item]")].find((i) => i.textContent.includes(arguments[0]))
             .querySelector("[data-testid=" + arguments[1] + "]").click();`,
          FRIENDS,
          testid,
        );
        await waitFor(window, `${testid} done`, async () => (await pressed(testid)) === "true").catch(async (err) => {
          await screenshot(window, "feed-like-failure.png");
          throw err;
        });
      }
      // A second click takes the like back (a NIP-09 deletion of the reaction, on the relay).
      await window.executeScript(
        `[...document.querySelectorAll("[data-testid=feed-item]")].find((i) => i.textContent.includes(arguments[0]))
           .querySelector("[data-testid=feed-item-like]").click();`,
        FRIENDS,
      );
      await waitFor(window, "like taken back", async () => (await pressed("feed-item-like")) === "false").catch(
        async (err) => {
          await screenshot(window, "feed-unlike-failure.png");
          throw err;
        },
      );
      const rssButtons = await window.executeScript(
        `return [...document.querySelectorAll("[data-testid=feed-item][data-network=rss] [data-testid=feed-item-like]")].length;`,
      );
      assert.equal(rssButtons, 0);
      await screenshot(window, "feed-liked.png");
    });

    await t.test("bob's post is answered as alice: the composer opens the reply, Post now sends it under his post", async () => {
      await window.executeScript(
        `[...document.querySelectorAll("[data-testid=feed-item]")].find((i) => i.textContent.includes(arguments[0]))
           .querySelector("[data-testid=feed-item-answer]").click();`,
        BOBS,
      );
      const banner = await find(window, "[data-testid=reply-banner]");
      assert.match(await banner.getText(), /@bob\.test/);
      assert.equal(await banner.getAttribute("data-network"), "bluesky");
      const editor = await find(window, "[data-testid=editor-primary]");
      await editor.click();
      await editor.sendKeys(REPLY);
      await (await find(window, "[data-testid=post-now]")).click();
      await find(window, "[data-testid=post-now-dialog]");
      // Only the account that read the post is offered, and it is chosen.
      await waitFor(window, "alice alone", async () => {
        const boxes = await window.findElements(By.css("[data-testid=post-account]"));
        return boxes.length === 1 && (await boxes[0].isSelected());
      });
      await (await find(window, "[data-testid=post-confirm]")).click();
      await find(window, "[data-testid=publish-panel]");
      let sent = [];
      await waitFor(window, "the reply on the PDS", async () => {
        sent = await records(PDS, "alice.test", REPLY);
        return sent.length === 1;
      }, 30_000).catch(async (err) => {
        await screenshot(window, "feed-reply-failure.png");
        throw err;
      });
      assert.equal(sent[0].value.reply.parent.uri, sent[0].value.reply.root.uri, "bob's post starts the conversation");
      assert.match(sent[0].value.reply.parent.uri, /^at:\/\/did:plc:[a-z0-9]+\/app\.bsky\.feed\.post\//);
      await screenshot(window, "feed-reply.png");
      await window.executeScript("document.activeElement?.blur()");
      await window.actions().keyDown(Key.ALT).sendKeys("3").keyUp(Key.ALT).perform();
      await find(window, "[data-testid=feed-screen]");
    });

    await t.test("bob and the Nostr friend linked as one person in two clicks, then unlinked", async () => {
      const click = (text, testid) =>
        window.executeScript(
          `[...document.querySelectorAll("[data-testid=feed-item]")].find((i) => i.textContent.includes(arguments[0]))
             .querySelector("[data-testid=" + arguments[1] + "]").click();`,
          text,
          testid,
        );
      await click(BOBS, "feed-item-link");
      assert.match(await (await find(window, "[data-testid=feed-linking]")).getText(), /bob/i);
      await click(FRIENDS, "feed-item-link");
      await waitFor(window, "both cards name the person", async () => {
        const chips = await window.findElements(By.css("[data-testid=feed-item-person]"));
        return chips.length === 2 && (await window.findElements(By.css("[data-testid=feed-linking]"))).length === 0;
      }).catch(async (err) => {
        await screenshot(window, "feed-link-failure.png");
        throw err;
      });
      await screenshot(window, "feed-people.png");
      // Two posts of different moments stay two cards; the Sources dialog lists the person.
      await (await find(window, "[data-testid=feed-open-sources]")).click();
      await find(window, "[data-testid=feed-person]");
      await (await find(window, "[data-testid=feed-person-unlink]")).click();
      await find(window, "[data-testid=feed-people-empty]");
      await window.actions().sendKeys(Key.ESCAPE).perform();
      await waitFor(window, "no person on the cards", async () =>
        (await window.findElements(By.css("[data-testid=feed-item-person]"))).length === 0,
      );
    });

    await t.test("each network's filter keeps only its own, and a Chinese search finds both posts", async () => {
      for (const network of ["nostr", "rss", "bluesky"]) {
        const chip = await find(window, `[data-testid=feed-filter-network][data-network=${network}]`);
        await chip.click();
        await waitFor(window, `only ${network} items`, async () => {
          const items = await listed(window);
          return items.length > 0 && items.every((i) => i.network === network);
        });
        await allNetworks(window);
      }
      const box = await find(window, "[data-testid=feed-search]");
      await box.sendKeys(`${RUN}：`);
      await waitFor(window, "both posts, nothing else", async () => {
        const texts = (await listed(window)).map((i) => i.text);
        return texts.length === 2 && texts.some((x) => x.includes(BOBS)) && texts.some((x) => x.includes(FRIENDS));
      });
    });
  } catch (err) {
    await screenshot(window, "feed-timeline-failure.png").catch(() => undefined);
    throw err;
  } finally {
    await window.quit().catch(() => undefined);
  }
});

/** Runs tests/peers/nostr/event.py on the relay's Python (it signs; Node here cannot). */
function nostr(...args) {
  const python = process.env.FERRY_TEST_NOSTR_PYTHON;
  assert.ok(python, "FERRY_TEST_NOSTR_PYTHON is not set: with-peers must start nostr");
  const script = new URL("../peers/nostr/event.py", import.meta.url).pathname;
  return JSON.parse(execFileSync(python, [script, ...args], { encoding: "utf8" }));
}

/** Adds a Nostr account through the accounts screen: its key imported, `relay` its only relay. */
async function addNostr(window, secret, relay) {
  await window.executeScript("document.activeElement?.blur()");
  await window.actions().keyDown(Key.ALT).sendKeys("1").keyUp(Key.ALT).perform(); // accounts open from Compose
  await (await find(window, "[data-testid=accounts-open]")).click();
  await (await find(window, "[data-testid=add-nostr]")).click();
  await (await find(window, "[data-testid=nostr-form] input[type=radio][value=import]")).click();
  await (await find(window, "[data-testid=nostr-key]")).sendKeys(secret);
  const url = await find(window, "[data-testid=nostr-form] .relay input[type=text]");
  await url.clear();
  await url.sendKeys(relay);
  await (await find(window, "[data-testid=nostr-form] button[type=submit]")).click();
  await waitFor(window, "the Nostr account added", async () => {
    const errors = await window.findElements(By.css("[data-testid=accounts-error], [data-testid=nostr-form] .bad"));
    if (errors.length > 0) throw new Error(`adding the Nostr account failed: ${await errors[0].getText()}`);
    return (await window.findElements(By.css("[data-testid=account-row][data-network=nostr]"))).length === 1;
  }, 30_000);
  await window.actions().sendKeys(Key.ESCAPE).perform();
  await waitFor(window, "the dialog to close", async () =>
    (await window.findElements(By.css("[role=dialog]"))).length === 0,
  );
  await window.actions().keyDown(Key.ALT).sendKeys("3").keyUp(Key.ALT).perform();
  await find(window, "[data-testid=feed-screen]");
}

/** The filter bar's first button: every network again. */
async function allNetworks(window) {
  await (await find(window, "[data-testid=feed-filters] button:first-child")).click();
  await waitFor(window, "every network", async () =>
    (await window.findElements(By.css("[data-testid=feed-filter-network].on"))).length === 0,
  );
}

/** The items the list holds now: network, language and text of each. */
async function listed(window) {
  return window.executeScript(
    `return [...document.querySelectorAll("[data-testid=feed-item]")].map((i) => ({
       network: i.dataset.network, lang: i.lang, text: i.textContent }));`,
  );
}
