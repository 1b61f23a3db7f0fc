import { describe, expect, it } from "vitest";
import { telegramAccount } from "../accounts/fixtures";
import { en } from "../i18n/locales/en";
import {
  accountLabel,
  formatCountdown,
  secondsLeft,
  sessionHandoff,
  shownState,
  stateLabel,
  svgDataUrl,
  telegramAccounts,
} from "./handoff";
import { claimLanPage, lanPage, ownsLanPage, releaseLanPage } from "./lan.svelte";

const PREFIX = "data:image/svg+xml;base64,";
const decode = (url: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(url.slice(PREFIX.length)), (c) => c.charCodeAt(0)));

describe("the QR code as an image", () => {
  it("is a base64 SVG data URL that decodes to the same document, UTF-8 intact", () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><title>渡口 · 👩‍👩‍👧</title></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith(PREFIX)).toBe(true);
    expect(url.slice(PREFIX.length)).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decode(url)).toBe(svg);
  });

  it("takes a document larger than one slice", () => {
    const svg = `<svg>${"<rect/>".repeat(20000)}码</svg>`;
    expect(decode(svgDataUrl(svg))).toBe(svg);
  });
});

describe("the countdown", () => {
  const now = Date.parse("2026-12-01T10:00:00Z");

  it("counts whole seconds up to the expiry and stops at zero", () => {
    expect(secondsLeft("2026-12-01T10:10:00Z", now)).toBe(600);
    expect(secondsLeft("2026-12-01T10:10:00Z", now + 1)).toBe(600);
    expect(secondsLeft("2026-12-01T10:10:00Z", now + 1000)).toBe(599);
    expect(secondsLeft("2026-12-01T10:00:00Z", now + 5000)).toBe(0);
    expect(secondsLeft("not a time", now)).toBe(0);
  });

  it("reads mm:ss", () => {
    expect(formatCountdown(600)).toBe("10:00");
    expect(formatCountdown(599)).toBe("09:59");
    expect(formatCountdown(61)).toBe("01:01");
    expect(formatCountdown(5)).toBe("00:05");
    expect(formatCountdown(0)).toBe("00:00");
    expect(formatCountdown(-3)).toBe("00:00");
    expect(formatCountdown(3725)).toBe("62:05");
  });
});

describe("the page's state", () => {
  it("is the engine's until the time is up, then expired", () => {
    expect(shownState("waiting", 30)).toBe("waiting");
    expect(shownState("opened", 30)).toBe("opened");
    expect(shownState("waiting", 0)).toBe("expired");
    expect(shownState("opened", 0)).toBe("expired");
    expect(shownState("none", 0)).toBe("none");
  });

  it("has a label for each state", () => {
    expect(en[stateLabel("waiting")]).toBe("Waiting for the phone…");
    expect(en[stateLabel("opened")]).toBe("Opened on the phone ✓");
    expect(en[stateLabel("expired")]).toBe("Expired — make a new code");
    expect(en[stateLabel("none")]).toBeTruthy();
  });

  it("belongs to the panel that started it last", () => {
    const a = Symbol("a");
    const b = Symbol("b");
    claimLanPage(a);
    expect(ownsLanPage(a)).toBe(true);
    claimLanPage(b);
    expect(ownsLanPage(a)).toBe(false);
    expect(releaseLanPage(a)).toBe(false);
    expect(lanPage.owner).toBe(b);
    expect(releaseLanPage(b)).toBe(true);
    expect(lanPage.owner).toBeNull();
  });
});

describe("the Telegram accounts", () => {
  it("keeps only Telegram accounts", () => {
    const mastodon = telegramAccount({ id: "m1", network: "mastodon", handle: "@lin@mastodon.social" });
    const mine = telegramAccount({ id: "tg2", handle: "@lin", displayName: "Lin" });
    expect(telegramAccounts([mastodon, telegramAccount(), mine]).map((a) => a.id)).toEqual(["tg1", "tg2"]);
  });

  it("names an account by name and handle, or the one it has", () => {
    expect(accountLabel({ displayName: "Lin", handle: "@lin" })).toBe("Lin (@lin)");
    expect(accountLabel({ displayName: "@lin", handle: "@lin" })).toBe("@lin");
    expect(accountLabel({ displayName: "", handle: "123456789" })).toBe("123456789");
    expect(accountLabel({ displayName: "Lin", handle: "" })).toBe("Lin");
  });
});

describe("the composer's hand-off", () => {
  it("saves before answering the id, and reads the session it is given now", async () => {
    const said: string[] = [];
    let session = { id: null as string | null, flush: async () => void said.push("flush") };
    const handoff = sessionHandoff(() => session);
    expect(handoff.draftId).toBeNull();
    session.flush = async () => {
      said.push("flush");
      session.id = "d1";
    };
    expect(await handoff.prepare()).toBe("d1");
    expect(said).toEqual(["flush"]);
    session = { id: "d2", flush: async () => undefined };
    expect(handoff.draftId).toBe("d2");
  });
});
