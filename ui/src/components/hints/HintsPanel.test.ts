// The composer's hints column mounted under an in-memory backend: one section per variant
// with text (main language first) with hover cards from the `hints` answers, the empty state,
// and the collapse remembered on this machine. The Feed screen's column shares its frame, so
// these pin the composer's side of that.
import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Draft } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { DraftSession } from "../../lib/composer/session.svelte";
import { hintsFor, pointedCard } from "../../lib/hints/fixtures";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import HintsPanel from "./HintsPanel.svelte";

const DICTIONARY = { 日出: ["rìchū", "sunrise"], ferry: ["渡轮"] } as const;

function draft(variants: { lang: string; text: string }[]): Draft {
  return {
    id: "d1",
    revision: 1,
    createdAt: "2026-11-24T02:00:00Z",
    updatedAt: "2026-11-24T02:00:00Z",
    content: { variants, overrides: [], targets: [], topics: [], attachments: [] },
  };
}

let mounted: ReturnType<typeof mount>[] = [];
let sessions: DraftSession[] = [];
afterEach(() => {
  for (const m of mounted) unmount(m);
  for (const s of sessions) s.dispose();
  mounted = [];
  sessions = [];
  document.body.innerHTML = "";
  localStorage.clear();
});

function show(variants: { lang: string; text: string }[]) {
  setLocalePreference("en");
  const fake = new FakeBackend({
    hints: ({ text }) => hintsFor(text, DICTIONARY),
    translation_status: () => null,
  });
  const session = new DraftSession(fake, draft(variants), ["en", "zh-Hans"]);
  sessions.push(session);
  const target = document.body.appendChild(document.createElement("div"));
  mounted.push(
    mount(HintsPanel, { target, props: { session, onOpenSettings: () => undefined }, context: backendContext(fake) }),
  );
  flushSync();
  return { target, fake };
}

const card = (root: Element, lang: string, word: string) => {
  const section = root.querySelector(`[data-testid=hints-${lang}]`);
  return section ? pointedCard(section, word) : "";
};

describe("HintsPanel (composer)", () => {
  it("hints every variant with text, the main one first, with each variant's language", async () => {
    const { target, fake } = show([
      { lang: "en", text: "Morning ferry" },
      { lang: "zh-Hans", text: "今天的日出很美。" },
    ]);
    await vi.waitFor(() => expect(card(target, "zh-Hans", "日出")).toContain("sunrise"));
    expect(card(target, "zh-Hans", "日出")).toContain("rìchū");
    expect(card(target, "en", "ferry")).toContain("渡轮");
    const sections = [...target.querySelectorAll<HTMLElement>("[data-testid^=hints-][data-lang]")];
    expect(sections.map((s) => s.dataset.lang)).toEqual(["en", "zh-Hans"]);
    expect(fake.called("hints")).toEqual(
      expect.arrayContaining([
        { text: "Morning ferry", variant: "en" },
        { text: "今天的日出很美。", variant: "zh-Hans" },
      ]),
    );
  });

  it("says what it is for while both texts are empty", () => {
    const { target } = show([{ lang: "en", text: "  " }]);
    expect(target.querySelector("[data-testid=hints-panel] .empty")?.textContent).toContain("pinyin");
  });

  it("collapses to a strip and stays collapsed next time", async () => {
    const first = show([{ lang: "en", text: "Morning ferry" }]);
    first.target.querySelector<HTMLButtonElement>("[data-testid=hints-toggle]")!.click();
    flushSync();
    expect(first.target.querySelector("[data-testid=hints-expand]")).not.toBeNull();
    expect(localStorage.getItem("ferry.hints.open")).toBe("false");
    for (const m of mounted) unmount(m);
    mounted = [];

    const again = show([{ lang: "en", text: "Morning ferry" }]);
    expect(again.target.querySelector("[data-testid=hints-panel]")?.classList.contains("collapsed")).toBe(true);
    again.target.querySelector<HTMLButtonElement>("[data-testid=hints-expand]")!.click();
    flushSync();
    await vi.waitFor(() => expect(card(again.target, "en", "ferry")).toContain("渡轮"));
    expect(localStorage.getItem("ferry.hints.open")).toBe("true");
  });
});
