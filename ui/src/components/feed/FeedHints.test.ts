// The Feed screen's hints column mounted with the screen under an in-memory backend: it
// explains the item the reader is on (selected with J/K or a click, or pointed at for a
// moment), asks once for where a burst of keys stopped, never lets a late answer for an item
// left behind replace the current one, and speaks the UI's language. Timers are fake, so the
// delays are exact: SETTLE_MS for a selection, HOVER_MS for the pointer.
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FeedItem, Hints } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { Feed } from "../../lib/feed/feed.svelte";
import { item, source } from "../../lib/feed/fixtures";
import { HINT_CAP } from "../../lib/hints/excerpt";
import { hintsFor, pointedCard } from "../../lib/hints/fixtures";
import { HOVER_MS, SETTLE_MS } from "../../lib/hints/target.svelte";
import { setLocalePreference, type Locale } from "../../lib/i18n/index.svelte";
import FeedScreen from "./FeedScreen.svelte";

const DICTIONARY = {
  日出: ["rìchū", "sunrise"],
  渡轮: ["dùlún", "ferry"],
  ferry: ["渡轮"],
  tide: ["潮汐"],
} as const;

const ITEMS: FeedItem[] = [
  item({ id: 1, title: null, text: "今天的日出很美。", html: "<p>今天的<strong>日出</strong>很美。</p>", lang: "zh-Hans" }),
  item({ id: 2, title: null, text: "The last ferry waits for the tide.", html: null, lang: "en" }),
  item({ id: 3, title: null, text: "渡轮晚班照常开。", html: null, lang: "zh-Hans" }),
  item({ id: 4, title: null, text: "High tide at noon.", html: null, lang: "en" }),
  item({ id: 5, title: null, text: "渡轮停航。", html: null, lang: "zh-Hans" }),
];

let mounted: ReturnType<typeof mount>[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
});
afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
  localStorage.clear();
  vi.useRealTimers();
});

type HintsAnswer = (args: { text: string }) => Hints | Promise<Hints>;

function backend(items = ITEMS, hints: HintsAnswer = ({ text }) => hintsFor(text, DICTIONARY)): FakeBackend {
  return new FakeBackend({
    list_feed_items: () => items,
    list_feed_sources: () => [source()],
    feed_settings: () => ({ retention: 1000, rsshub_base: null }),
    hints: (args) => hints(args),
  });
}

async function show(fake: FakeBackend, locale: Locale = "en") {
  setLocalePreference(locale);
  const feed = new Feed(fake);
  await feed.start();
  const target = document.body.appendChild(document.createElement("div"));
  mounted.push(mount(FeedScreen, { target, props: { feed, active: true }, context: backendContext(fake) }));
  flushSync();
  return target;
}

/** Lets `ms` pass, then lets the answers it caused arrive and be drawn. */
async function wait(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 10; i++) {
    flushSync();
    await Promise.resolve();
  }
  flushSync();
}

function press(key: string) {
  (document.activeElement ?? document.body).dispatchEvent(
    new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }),
  );
  flushSync();
}

const card = (root: Element, id: number) => root.querySelector<HTMLElement>(`[data-testid=feed-item][data-id="${id}"]`)!;
const panel = (root: Element) => root.querySelector<HTMLElement>("[data-testid=feed-hints]")!;
const explained = (root: Element) => panel(root).querySelector<HTMLElement>("[data-testid=feed-hints-item]")?.dataset.id;
const gloss = (root: Element, word: string) => pointedCard(panel(root), word);
const asked = (fake: FakeBackend) => fake.called("hints");

/** The pointer moves onto card `id` (or the screen's header with null), at (x, y). */
function point(root: Element, id: number | null, x: number, y: number) {
  const at = id === null ? root.querySelector("[data-testid=feed-search]")! : card(root, id);
  at.dispatchEvent(new MouseEvent("pointermove", { bubbles: true, clientX: x, clientY: y }));
}

describe("Feed hints", () => {
  it("says what it is for until an item is selected, then explains it from its plain text", async () => {
    const fake = backend();
    const target = await show(fake);
    expect(panel(target).textContent).toContain("Select or point at an item to see pinyin and meanings");
    expect(asked(fake)).toEqual([]);

    press("j");
    await wait(SETTLE_MS);
    expect(explained(target)).toBe("1");
    expect(gloss(target, "日出")).toContain("rìchū");
    expect(gloss(target, "日出")).toContain("sunrise");
    // The item's text and declared language, never its HTML.
    expect(asked(fake)).toEqual([{ text: "今天的日出很美。", variant: "zh-Hans" }]);

    // An English item: Chinese for its words.
    press("j");
    await wait(SETTLE_MS);
    expect(explained(target)).toBe("2");
    expect(gloss(target, "ferry")).toContain("渡轮");
    expect(gloss(target, "tide")).toContain("潮汐");
    expect(asked(fake).at(-1)).toEqual({ text: "The last ferry waits for the tide.", variant: "en" });

    // A click on a card selects it, and the column follows.
    card(target, 5).click();
    flushSync();
    expect(card(target, 5).classList.contains("selected")).toBe(true);
    await wait(SETTLE_MS);
    expect(explained(target)).toBe("5");
    expect(gloss(target, "渡轮")).toContain("dùlún");
  });

  it("asks once, for the last item, when J is pressed four times fast", async () => {
    const fake = backend();
    const target = await show(fake);
    for (let n = 0; n < 4; n++) {
      press("j");
      await wait(SETTLE_MS / 4);
    }
    await wait(SETTLE_MS);
    expect(asked(fake)).toEqual([{ text: "High tide at noon.", variant: "en" }]);
    expect(explained(target)).toBe("4");
  });

  it("follows the pointer once it rests on an item; a quick pass over one does not; leaving goes back", async () => {
    const fake = backend();
    const target = await show(fake);
    press("j");
    await wait(SETTLE_MS);
    expect(explained(target)).toBe("1");

    // Sweeping across 2 and 3 on the way to 4.
    point(target, 2, 10, 200);
    await wait(HOVER_MS / 3);
    point(target, 3, 10, 300);
    await wait(HOVER_MS / 3);
    point(target, 4, 10, 400);
    await wait(HOVER_MS - 10);
    expect(explained(target)).toBe("1");
    await wait(10);
    expect(explained(target)).toBe("4");
    // It stays there while the pointer rests.
    await wait(HOVER_MS * 3);
    expect(explained(target)).toBe("4");
    expect(asked(fake).map((a) => a.text)).toEqual(["今天的日出很美。", "High tide at noon."]);

    // Into the hints column to read the cards: it keeps the hovered item.
    target.querySelector("[data-testid=feed-screen]")!.dispatchEvent(new MouseEvent("pointerleave"));
    panel(target).dispatchEvent(new MouseEvent("pointerenter"));
    await wait(HOVER_MS * 2);
    expect(explained(target)).toBe("4");

    // Out of the list anywhere else: back to the selected item.
    point(target, null, 10, 20);
    await wait(HOVER_MS);
    expect(explained(target)).toBe("1");
  });

  it("never lets an older answer replace a newer one", async () => {
    const pending: { text: string; answer: () => void }[] = [];
    const fake = backend(ITEMS, ({ text }) => {
      return new Promise<Hints>((resolve) => {
        pending.push({ text, answer: () => resolve(hintsFor(text, DICTIONARY)) });
      });
    });
    const target = await show(fake);
    press("j");
    await wait(SETTLE_MS);
    press("j");
    await wait(SETTLE_MS);
    // Item 1's answer is still out; item 2 waits for it rather than racing it.
    expect(pending.map((p) => p.text)).toEqual(["今天的日出很美。"]);

    pending[0].answer();
    await wait(0);
    expect(gloss(target, "日出")).toBe("");
    expect(explained(target)).toBeUndefined();
    expect(pending.map((p) => p.text)).toEqual(["今天的日出很美。", "The last ferry waits for the tide."]);

    pending[1].answer();
    await wait(0);
    expect(explained(target)).toBe("2");
    expect(gloss(target, "ferry")).toContain("渡轮");
  });

  it("hints a long item's first characters and says it stopped there", async () => {
    const long = "渡轮晚班照常开。".repeat(300); // 2,400 characters
    const fake = backend([item({ id: 9, title: null, text: long, html: null, lang: "zh-Hans" })]);
    const target = await show(fake);
    press("j");
    await wait(SETTLE_MS);
    const sent = asked(fake)[0].text;
    expect([...sent].length).toBeLessThanOrEqual(HINT_CAP);
    expect(long.startsWith(sent)).toBe(true);
    expect(target.querySelector("[data-testid=feed-hints-cut]")?.textContent).toBe(
      `Hints cover the first ${[...sent].length.toLocaleString()} of 2,400 characters.`,
    );
  });

  it("leaves J and K to the list while a word card in the column has focus", async () => {
    const fake = backend();
    const target = await show(fake);
    press("j");
    await wait(SETTLE_MS);
    panel(target).querySelector<HTMLElement>(".hinted")!.focus();
    press("j");
    await wait(SETTLE_MS);
    expect(target.querySelector(".selected")?.getAttribute("data-id")).toBe("2");
    expect(explained(target)).toBe("2");
  });

  it.each([
    ["zh-Hans", "选中或指向一条内容，即可看到拼音和释义。", "提示"],
    ["zh-Hant", "選取或指向一則內容，即可看到拼音和釋義。", "提示"],
  ] as const)("speaks %s", async (locale, empty, title) => {
    const target = await show(backend(), locale);
    expect(panel(target).querySelector("[data-testid=feed-hints-empty]")?.textContent).toBe(empty);
    expect(panel(target).querySelector("h2")?.textContent).toBe(title);
  });

  it("collapses like the composer's column and remembers it", async () => {
    const target = await show(backend());
    panel(target).querySelector<HTMLButtonElement>("[data-testid=hints-toggle]")!.click();
    flushSync();
    expect(panel(target).classList.contains("collapsed")).toBe(true);
    expect(localStorage.getItem("ferry.hints.open")).toBe("false");
  });
});
