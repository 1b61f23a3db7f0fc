// The QR code for the phone in the RedNote kit, under a fake shell and fake clock: nothing
// served until asked, the code as an image (never as markup), the address, the countdown and
// the state asked for every 2 s, and the page stopped by "Stop", by closing the kit, by
// another draft, or replaced by another column's page. (A .svelte.test.ts file: the draft id
// the composer hands over is reactive state.)
import { flushSync, mount, unmount } from "svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LanPage, LanPageState } from "../../lib/backend";
import { backendContext } from "../../lib/backend/context";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import type { KitHandoff } from "../../lib/rednote/handoff";
import { settle, show } from "../../lib/testing/mount";
import LanQrPanel from "./LanQrPanel.svelte";

const find = <E extends Element = HTMLElement>(host: HTMLElement, testid: string) =>
  host.querySelector(`[data-testid=${testid}]`) as E | null;

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><title>渡</title><path d="M0 0h7v7H0z"/></svg>';
const URL_ = "http://192.168.1.20:41234/k/3f9c2a7e5b1d4c6f8a0e2b4d6f8a1c3e";
const PAGE: LanPage = { url: URL_, qrSvg: SVG, expiresAt: "2026-12-01T10:10:00Z", pictures: 3, notes: ["tiny.gif is served as it is"] };

let draft = $state<{ id: string | null }>({ id: "d1" });
const handoff: KitHandoff = {
  get draftId() {
    return draft.id;
  },
  prepare: async () => draft.id,
};

function shell(over: Partial<ConstructorParameters<typeof FakeBackend>[0]> = {}) {
  let state: LanPageState = "waiting";
  const fake = new FakeBackend({
    start_lan_handoff: () => PAGE,
    lan_handoff_state: () => state,
    stop_lan_handoff: () => undefined,
    ...over,
  });
  return { fake, set: (to: LanPageState) => (state = to) };
}

async function started(fake: FakeBackend): Promise<HTMLElement> {
  const host = show(LanQrPanel, fake, { handoff, lang: "zh-Hans", fit: "pad" });
  find(host, "kit-qr-start")!.click();
  await settle();
  return host;
}

/** Moves the fake clock (and the intervals) on, then lets the answers arrive. */
async function wait(ms: number) {
  vi.advanceTimersByTime(ms);
  await settle();
}

beforeEach(() => {
  setLocalePreference("en");
  draft.id = "d1";
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
  vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
});

afterEach(() => vi.useRealTimers());

describe("the QR code for the phone", () => {
  it("serves nothing until asked, and says what asking does", async () => {
    const { fake } = shell();
    const host = show(LanQrPanel, fake, { handoff, lang: "zh-Hans", fit: "pad" });
    await wait(5000);
    expect(fake.calls).toEqual([]);
    expect(host.textContent).toContain("for 10 minutes, for one phone; the phone must be on the same Wi-Fi");
    expect(find(host, "kit-qr-start")!.textContent?.trim()).toBe("Show a QR code for the phone");
    expect(find(host, "kit-qr-image")).toBeNull();
  });

  it("shows the code as an image, the address, the countdown and the state", async () => {
    const { fake } = shell();
    const host = await started(fake);
    expect(fake.called("start_lan_handoff")).toEqual([{ handoff: { draftId: "d1", lang: "zh-Hans", fit: "pad" } }]);
    const img = find<HTMLImageElement>(host, "kit-qr-image")!;
    expect(img.tagName).toBe("IMG");
    const src = img.getAttribute("src")!;
    expect(src.startsWith("data:image/svg+xml;base64,")).toBe(true);
    const bytes = Uint8Array.from(atob(src.split(",")[1]), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(SVG);
    expect(host.querySelector("svg")).toBeNull();
    expect(find(host, "kit-qr-url")!.textContent).toBe(URL_);
    expect(find(host, "kit-qr-countdown")!.textContent).toBe("10:00");
    const state = find(host, "kit-qr-state")!;
    expect(state.dataset.state).toBe("waiting");
    expect(state.textContent?.trim()).toBe("Waiting for the phone…");
    expect(host.textContent).toContain("the text and 3 pictures");
    expect(host.textContent).toContain("tiny.gif is served as it is");
    expect(document.activeElement).toBe(find(host, "kit-qr-stop"));
  });

  it("asks for the state every 2 s and counts down until the page expires", async () => {
    const { fake, set } = shell();
    const host = await started(fake);
    await wait(1000);
    expect(fake.called("lan_handoff_state")).toHaveLength(0);
    expect(find(host, "kit-qr-countdown")!.textContent).toBe("09:59");
    await wait(1000);
    expect(fake.called("lan_handoff_state")).toHaveLength(1);
    set("opened");
    await wait(2000);
    expect(find(host, "kit-qr-state")!.dataset.state).toBe("opened");
    expect(find(host, "kit-qr-state")!.textContent?.trim()).toBe("Opened on the phone ✓");
    expect(find(host, "kit-qr-countdown")!.textContent).toBe("09:56");
    expect(find(host, "kit-qr-start")).toBeNull();

    set("expired");
    await wait(2000);
    expect(find(host, "kit-qr-state")!.dataset.state).toBe("expired");
    expect(find(host, "kit-qr-state")!.textContent?.trim()).toBe("Expired — make a new code");
    expect(find(host, "kit-qr-countdown")!.textContent).toBe("00:00");
    const asked = fake.called("lan_handoff_state").length;
    await wait(10_000);
    expect(fake.called("lan_handoff_state")).toHaveLength(asked);
    expect(find(host, "kit-qr-start")!.textContent?.trim()).toBe("Make a new code");
  });

  it("calls the page expired when its time is up, before the engine is asked again", async () => {
    const { fake } = shell();
    const host = await started(fake);
    await wait(600_000);
    expect(find(host, "kit-qr-state")!.dataset.state).toBe("expired");
    expect(find(host, "kit-qr-countdown")!.textContent).toBe("00:00");
  });

  it("stops the page with Stop and offers a new code", async () => {
    const { fake } = shell();
    const host = await started(fake);
    find(host, "kit-qr-stop")!.click();
    await settle();
    expect(fake.called("stop_lan_handoff")).toHaveLength(1);
    expect(find(host, "kit-qr-image")).toBeNull();
    expect(document.activeElement).toBe(find(host, "kit-qr-start"));
    await wait(4000);
    expect(fake.called("lan_handoff_state")).toHaveLength(0);
  });

  it("stops the page when the kit closes", async () => {
    const { fake } = shell();
    const host = document.body.appendChild(document.createElement("div"));
    const panel = mount(LanQrPanel, { target: host, props: { handoff, lang: "zh-Hans", fit: "crop" }, context: backendContext(fake) });
    flushSync();
    find(host, "kit-qr-start")!.click();
    await settle();
    expect(fake.called("stop_lan_handoff")).toHaveLength(0);
    unmount(panel);
    await settle();
    expect(fake.called("stop_lan_handoff")).toHaveLength(1);
    await wait(4000);
    expect(fake.called("lan_handoff_state")).toHaveLength(0);
  });

  it("stops the page when another draft opens", async () => {
    const { fake } = shell();
    const host = await started(fake);
    draft.id = "d2";
    flushSync();
    await settle();
    expect(fake.called("stop_lan_handoff")).toHaveLength(1);
    expect(find(host, "kit-qr-image")).toBeNull();
  });

  it("leaves a page another column started alone", async () => {
    const { fake } = shell();
    const first = await started(fake);
    const second = await started(fake);
    expect(find(first, "kit-qr-image")).toBeNull();
    expect(find(second, "kit-qr-image")).not.toBeNull();
    const third = document.body.appendChild(document.createElement("div"));
    const closed = mount(LanQrPanel, { target: third, props: { handoff, lang: "en", fit: "crop" }, context: backendContext(fake) });
    flushSync();
    unmount(closed);
    await settle();
    expect(fake.called("stop_lan_handoff")).toHaveLength(0);
    find(first, "kit-qr-start")!.click();
    await settle();
    find(first, "kit-qr-stop")!.click();
    await settle();
    expect(fake.called("stop_lan_handoff")).toHaveLength(1);
    expect(find(second, "kit-qr-image")).toBeNull();
  });

  it("says why when this computer is on no local network", async () => {
    const { fake } = shell({
      start_lan_handoff: () => {
        throw { code: "handoff.no_lan", message: "this computer is on no local network: connect it to the phone's Wi-Fi" };
      },
    });
    const host = await started(fake);
    const error = find(host, "kit-qr-error")!;
    expect(error.dataset.code).toBe("handoff.no_lan");
    expect(error.getAttribute("role")).toBe("alert");
    expect(error.textContent).toContain("on no local network");
    expect(find(host, "kit-qr-image")).toBeNull();
    expect(find(host, "kit-qr-start")).not.toBeNull();
  });
});
