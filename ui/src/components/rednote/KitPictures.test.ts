// "Pictures as RedNote shows them" in the RedNote kit, under a fake shell and the composer's
// real draft session: the pictures in order beside their 3:4 frames, the focus moved by the
// pointer, the keys (sent once they rest) or "Centre", stored with set_attachment_focus and
// kept in the session's working copy; pad, GIFs, 3:4 pictures and more than 18 pictures.
import { flushSync } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Attachment, Draft, Focus, NetworkCheck } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { DraftSession } from "../../lib/composer/session.svelte";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import KitPictures from "./KitPictures.svelte";
import PublishKit from "./PublishKit.svelte";

const all = (host: HTMLElement, testid: string) => [...host.querySelectorAll<HTMLElement>(`[data-testid=${testid}]`)];
const find = (host: HTMLElement, testid: string) => host.querySelector<HTMLElement>(`[data-testid=${testid}]`);

function picture(id: string, width: number, height: number, more: Partial<Attachment> = {}): Attachment {
  return {
    id,
    sha256: id.padEnd(64, "0"),
    storedName: `${id}.jpg`,
    originalName: `${id}.jpg`,
    mediaType: "image/jpeg",
    width,
    height,
    byteLen: 1000,
    alt: {},
    missing: false,
    ...more,
  };
}

/** The engine's side: the focus lands on the stored attachment; no new revision. */
function shell(attachments: Attachment[]) {
  const draft: Draft = {
    id: "d1",
    revision: 4,
    createdAt: "2026-12-01T10:00:00Z",
    updatedAt: "2026-12-01T10:00:00Z",
    content: { variants: [{ lang: "zh-Hans", text: "渡口" }], overrides: [], targets: [], topics: [], attachments },
  } as Draft;
  const fake = new FakeBackend({
    set_attachment_focus: ({ attachmentId, focus }) => {
      const stored = draft.content.attachments.find((a) => a.id === attachmentId)!;
      if (focus) stored.focus = focus;
      else delete stored.focus;
      return structuredClone(draft);
    },
  });
  const session = new DraftSession(fake, structuredClone(draft), ["zh-Hans", "en"]);
  sessions.push(session);
  return { fake, session };
}

let sessions: DraftSession[] = [];
afterEach(() => {
  for (const s of sessions) s.dispose();
  sessions = [];
  vi.useRealTimers();
});

function kit(session: DraftSession, fake: FakeBackend, fit: "crop" | "pad" = "crop"): HTMLElement {
  setLocalePreference("en");
  return show(KitPictures, fake, {
    attachments: session.content.attachments,
    fit,
    onFocus: (id: string, focus: Focus | null) => session.setFocus(id, focus),
  });
}

/** A picture drawn 200×100 px at the page's top left (jsdom lays nothing out). */
function laidOut(row: HTMLElement): HTMLElement {
  const original = row.querySelector<HTMLElement>(".original")!;
  original.getBoundingClientRect = () => ({ left: 0, top: 0, width: 200, height: 100, right: 200, bottom: 100, x: 0, y: 0, toJSON: () => ({}) });
  return original;
}

const pointer = (type: string, clientX: number, clientY: number) =>
  new PointerEvent(type, { bubbles: true, cancelable: true, clientX, clientY, button: 0, pointerId: 1 });

const preview = (row: HTMLElement) => row.querySelector<HTMLImageElement>("[data-testid=kit-picture-preview]")!;

describe("the kit's pictures", () => {
  it("says RedNote needs pictures when the draft has none", () => {
    const { fake, session } = shell([]);
    const host = kit(session, fake);
    expect(find(host, "kit-pictures-empty")!.textContent).toContain("RedNote needs 1 to 18 pictures");
    expect(all(host, "kit-picture")).toEqual([]);
  });

  it("shows each picture in order beside its 3:4 crop around its focus", () => {
    const { fake, session } = shell([
      picture("wide", 1600, 900),
      picture("tall", 1000, 2000, { focus: { x: 200, y: 800 } }),
      picture("ready", 1080, 1440),
      picture("loop", 480, 480, { mediaType: "image/gif", storedName: "loop.gif", originalName: "loop.gif" }),
    ]);
    const host = kit(session, fake);
    const rows = all(host, "kit-picture");
    expect(rows.map((r) => r.dataset.attachmentId)).toEqual(["wide", "tall", "ready", "loop"]);
    expect(rows.map((r) => r.dataset.focus)).toEqual(["500,500", "200,800", "500,500", "500,500"]);
    expect(preview(rows[0]).getAttribute("src")).toBe(fake.mediaUrl("wide.jpg"));
    expect(preview(rows[0]).style.objectPosition).toBe("50% 50%");
    expect(preview(rows[1]).style.objectPosition).toBe("20% 80%");
    expect(rows[1].textContent).toContain("Keeps 20% across, 80% down");
    // Only pictures the crop cuts have a point to move.
    expect(rows.map((r) => r.querySelector("[data-testid=kit-picture-focus]") !== null)).toEqual([true, true, false, false]);
    expect(rows[2].textContent).toContain("Already 3:4");
    expect(rows[3].textContent).toContain("sent as it is");
    expect(preview(rows[3]).getAttribute("src")).toBe(fake.mediaUrl("loop.gif"));
  });

  it("moves the focus where the picture is clicked, and stores it", async () => {
    const { fake, session } = shell([picture("wide", 1600, 900)]);
    const host = kit(session, fake);
    const row = find(host, "kit-picture")!;
    const original = laidOut(row);
    original.dispatchEvent(pointer("pointerdown", 50, 25));
    original.dispatchEvent(pointer("pointerup", 50, 25));
    await settle();
    expect(fake.called("set_attachment_focus")).toEqual([{ id: "d1", attachmentId: "wide", focus: { x: 250, y: 250 } }]);
    expect(session.content.attachments[0].focus).toEqual({ x: 250, y: 250 });
    expect(row.dataset.focus).toBe("250,250");
    expect(preview(row).style.objectPosition).toBe("25% 25%");
  });

  it("follows a drag and stores only where it ends", async () => {
    const { fake, session } = shell([picture("wide", 1600, 900)]);
    const host = kit(session, fake);
    const row = find(host, "kit-picture")!;
    const original = laidOut(row);
    original.dispatchEvent(pointer("pointerdown", 100, 50));
    original.dispatchEvent(pointer("pointermove", 160, 10));
    flushSync();
    expect(row.dataset.focus).toBe("800,100");
    expect(preview(row).style.objectPosition).toBe("80% 10%");
    // Off the picture: held at its edge.
    original.dispatchEvent(pointer("pointermove", 260, -30));
    original.dispatchEvent(pointer("pointerup", 260, -30));
    await settle();
    expect(fake.called("set_attachment_focus").map((a) => a.focus)).toEqual([{ x: 1000, y: 0 }]);
    expect(row.dataset.focus).toBe("1000,0");
  });

  it("moves with the arrow keys and sends once they rest; Home goes back to the centre", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { fake, session } = shell([picture("tall", 1000, 2000)]);
    const host = kit(session, fake);
    const row = find(host, "kit-picture")!;
    const handle = find(row, "kit-picture-focus")!;
    const press = (key: string, shiftKey = false) =>
      handle.dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey, bubbles: true, cancelable: true }));
    press("ArrowRight");
    press("ArrowRight");
    press("ArrowDown", true);
    flushSync();
    expect(row.dataset.focus).toBe("550,600");
    expect(handle.getAttribute("aria-label")).toContain("55% across, 60% down");
    await vi.advanceTimersByTimeAsync(290);
    expect(fake.called("set_attachment_focus")).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    flushSync();
    expect(fake.called("set_attachment_focus").map((a) => a.focus)).toEqual([{ x: 550, y: 600 }]);

    press("Home");
    await vi.advanceTimersByTimeAsync(310);
    flushSync();
    expect(fake.called("set_attachment_focus").map((a) => a.focus)).toEqual([{ x: 550, y: 600 }, null]);
    expect(session.content.attachments[0].focus).toBeUndefined();
    expect(row.dataset.focus).toBe("500,500");
  });

  it("puts a picture back in the centre with its button", async () => {
    const { fake, session } = shell([picture("wide", 1600, 900, { focus: { x: 900, y: 500 } })]);
    const host = kit(session, fake);
    const centre = find(host, "kit-picture-centre") as HTMLButtonElement;
    expect(centre.disabled).toBe(false);
    centre.click();
    await settle();
    expect(fake.called("set_attachment_focus")).toEqual([{ id: "d1", attachmentId: "wide", focus: null }]);
    expect(centre.disabled).toBe(true);
    expect(find(host, "kit-picture")!.dataset.focus).toBe("500,500");
  });

  it("shows why the engine refused a focus, and the old one back", async () => {
    const { fake, session } = shell([picture("wide", 1600, 900, { focus: { x: 100, y: 500 } })]);
    fake.answer("set_attachment_focus", () => {
      throw { code: "db.locked", message: "the database is locked" };
    });
    const host = kit(session, fake);
    find(host, "kit-picture-centre")!.click();
    await settle();
    expect(find(host, "kit-picture-error")!.textContent).toContain("the database is locked");
    expect(find(host, "kit-picture")!.dataset.focus).toBe("100,500");
  });

  it("hides the focus when padding, which shows the whole picture on white", () => {
    const { fake, session } = shell([picture("wide", 1600, 900, { focus: { x: 100, y: 500 } })]);
    const host = kit(session, fake, "pad");
    expect(find(host, "kit-pictures")!.textContent).toContain("Padding shows the whole picture");
    expect(find(host, "kit-picture-focus")).toBeNull();
    expect(find(host, "kit-picture-centre")).toBeNull();
    const row = find(host, "kit-picture")!;
    expect(preview(row).style.objectPosition).toBe("");
    expect(preview(row).parentElement!.classList.contains("pad")).toBe(true);
  });

  it("leaves out the pictures past RedNote's 18", () => {
    const { fake, session } = shell(Array.from({ length: 20 }, (_, i) => picture(`p${i + 1}`, 1600, 900)));
    const host = kit(session, fake);
    expect(all(host, "kit-picture").map((r) => r.dataset.attachmentId).at(-1)).toBe("p18");
    expect(all(host, "kit-picture")).toHaveLength(18);
    expect(find(host, "kit-pictures-left-out")!.textContent).toContain("2 more are left out");
  });

  it("follows the kit's fit", () => {
    setLocalePreference("en");
    const { fake, session } = shell([picture("wide", 1600, 900)]);
    const check = {
      network: "rednote",
      text: "渡口\n清晨",
      body: "清晨",
      title: "渡口",
      titleLength: 2,
      titleLimit: 20,
      topics: { text: "", t_tags: [] },
      fromOverride: false,
      misshapenImages: ["wide"],
      preview: {
        measurement: { network: "rednote", length: 2, limit: 1000, unit: "graphemes", ok: true, over_by: 0, warnings: [] },
        spans: [],
        parts: [],
      },
    } as NetworkCheck;
    const host = show(PublishKit, fake, {
      check,
      lang: "zh-Hans",
      attachments: session.content.attachments,
      onExport: async () => null,
      onFocus: (id: string, focus: Focus | null) => session.setFocus(id, focus),
    });
    expect(find(host, "kit-picture-focus")).not.toBeNull();
    const fit = find(host, "kit-export-fit") as HTMLSelectElement;
    fit.value = "pad";
    fit.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
    expect(find(host, "kit-picture-focus")).toBeNull();
    expect(find(host, "kit-picture-preview")).not.toBeNull();
  });
});
