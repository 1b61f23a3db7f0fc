// Rendering checks: spans → highlighted preview (links shortened as counted, mentions and
// hashtags marked, the over-limit tail struck), thread parts, the RedNote kit and counters.
import { type Component, flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { Attachment, NetworkCheck, PreviewSpan, SpanKind } from "../backend";
import { backendContext } from "../backend/context";
import { FakeBackend } from "../backend/fake";
import CounterRow from "../../components/counters/CounterRow.svelte";
import NetworkPreview from "../../components/preview/NetworkPreview.svelte";
import PublishKit from "../../components/rednote/PublishKit.svelte";

const encoder = new TextEncoder();

/** Spans over `parts` laid end to end, with UTF-8 byte offsets as the shell sends them. */
function spansOf(parts: [SpanKind, string, number?][]): { text: string; spans: PreviewSpan[] } {
  let at = 0;
  const spans = parts.map(([kind, piece, counted]) => {
    const start = at;
    at += encoder.encode(piece).length;
    return { kind, byte_start: start, byte_end: at, counted: counted ?? null };
  });
  return { text: parts.map((p) => p[1]).join(""), spans };
}

function check(
  network: NetworkCheck["network"],
  parts: [SpanKind, string, number?][],
  m: Partial<NetworkCheck["preview"]["measurement"]> = {},
  extra: Partial<NetworkCheck> = {},
): NetworkCheck {
  const { text, spans } = spansOf(parts);
  return {
    network,
    text,
    body: text,
    title: null,
    titleLength: null,
    titleLimit: null,
    topics: { text: "", t_tags: [] },
    fromOverride: false,
    misshapenImages: [],
    preview: {
      measurement: {
        network,
        length: 10,
        limit: 280,
        unit: "weighted",
        ok: true,
        over_by: 0,
        warnings: [],
        ...m,
      },
      spans,
      parts: [],
    },
    ...extra,
  };
}

let mounted: ReturnType<typeof mount>[] = [];
function render<P extends Record<string, any>>(component: Component<P>, props: P) {
  const target = document.createElement("div");
  document.body.append(target);
  // The kit's pictures take their addresses from the backend.
  mounted.push(mount(component, { target, props, context: new Map(backendContext(new FakeBackend())) }));
  flushSync();
  return target;
}

afterEach(() => {
  for (const m of mounted) unmount(m);
  mounted = [];
  document.body.innerHTML = "";
});

describe("preview", () => {
  it("builds the highlighted text from byte spans, CJK and emoji intact", () => {
    const c = check("x", [
      ["plain", "渡口见 👩‍👩‍👧 "],
      ["link", "https://www.example.com/a/very/long/path/indeed", 23],
      ["plain", " "],
      ["hashtag", "#旅行"],
      ["plain", " "],
      ["mention", "@alice"],
    ]);
    const el = render(NetworkPreview, { check: c, lang: "zh-Hans" });
    const text = el.querySelector('[data-testid="preview-text"]')!;
    expect(text.textContent).toContain("渡口见 👩‍👩‍👧 ");
    const link = text.querySelector('[data-kind="link"]')!;
    expect(link.textContent).toBe("example.com/a/very/lon…");
    expect(link.getAttribute("title")).toContain("https://www.example.com/a/very/long/path/indeed");
    expect(link.getAttribute("title")).toContain("23");
    expect(text.querySelector('[data-kind="hashtag"]')!.textContent).toBe("#旅行");
    expect(text.querySelector('[data-kind="mention"]')!.textContent).toBe("@alice");
    expect(text.innerHTML).not.toContain("<script");
  });

  it("marks the tail past the limit and escapes markup in the text", () => {
    const c = check("telegram", [
      ["plain", "<b>fits</b> "],
      ["over_limit", "太长了"],
    ]);
    const el = render(NetworkPreview, { check: c, lang: "en" });
    expect(el.querySelector("b")).toBeNull();
    expect(el.querySelector('[data-kind="over_limit"]')!.textContent).toBe("太长了");
  });

  it("shows a long post on a threaded network as its numbered parts", () => {
    const c = check("x", [["plain", "long"]]);
    c.preview.parts = ["第一部分 1/2", "second part 2/2"];
    const el = render(NetworkPreview, { check: c, lang: "en" });
    const items = [...el.querySelectorAll('[data-testid="thread-parts"] li')].map((li) => li.textContent);
    expect(items).toEqual(["第一部分 1/2", "second part 2/2"]);
    expect(el.textContent).toContain("2");
  });
});

describe("counters", () => {
  it("turn red with the exact over-by and expose the warnings on focus", () => {
    const over = check("x", [["plain", "x"]], {
      length: 303,
      over_by: 23,
      ok: false,
      warnings: [{ code: "post.too_long", message: "x: 23 weighted characters over the limit of 280" }],
    });
    const fine = check("bluesky", [["plain", "x"]], { length: 120, limit: 300, unit: "graphemes" });
    const el = render(CounterRow, { checks: [over, fine], lang: "en" });
    const x = el.querySelector('[data-testid="counter-en-x"]') as HTMLElement;
    expect(x.dataset.state).toBe("over");
    expect(x.querySelector('[data-testid="over-by"]')!.textContent).toBe("+23");
    expect(x.getAttribute("tabindex")).toBe("0");
    const tip = document.getElementById(x.getAttribute("aria-describedby")!)!;
    expect(tip.textContent).toContain("23 weighted characters over the limit of 280");
    const b = el.querySelector('[data-testid="counter-en-bluesky"]') as HTMLElement;
    expect(b.dataset.state).toBe("ok");
    expect(b.textContent).toContain("120 / 300");
  });
});

describe("RedNote kit", () => {
  const image = (name: string, width: number, height: number): Attachment => ({
    id: name,
    sha256: "",
    storedName: name,
    originalName: name,
    mediaType: "image/jpeg",
    width,
    height,
    byteLen: 1,
    alt: {},
    missing: false,
  });

  it("shows title, body and topics with their counts, and the images not 3:4", () => {
    const c = check("rednote", [["plain", "清晨的渡口"]], { length: 5, limit: 1000, unit: "graphemes" }, {
      title: "渡口见面👩‍👩‍👧",
      titleLength: 5,
      titleLimit: 20,
      body: "清晨的渡口",
      topics: { text: "#旅行[话题]#", t_tags: [] },
      misshapenImages: ["wide.png"],
    });
    const el = render(PublishKit, {
      check: c,
      lang: "zh-Hans",
      attachments: [image("tall.jpg", 1080, 1440), image("wide.png", 1600, 900)],
    });
    expect(el.querySelector('[data-testid="kit-title"] .value')!.textContent).toBe("渡口见面👩‍👩‍👧");
    expect(el.querySelector('[data-testid="kit-title-count"]')!.textContent).toBe("5 / 20");
    expect(el.querySelector('[data-testid="kit-body-count"]')!.textContent).toBe("5 / 1000");
    expect(el.querySelector('[data-testid="kit-topics"] .value')!.textContent).toBe("#旅行[话题]#");
    const images = el.querySelector('[data-testid="kit-images"]')!.textContent!;
    expect(images).toContain("wide.png (1600×900)");
    expect(images).not.toContain("tall.jpg");
  });

  it("lists what makes RedNote show the note to fewer people, and nothing when clean", () => {
    const c = check("rednote", [["plain", "加我vx 详情见 ferrytoday.com"]], { limit: 1000 }, {
      reach: { links: ["ferrytoday.com"], elsewhere: ["vx", "@lin@mastodon.social"], qrCodeImages: ["poster.png"] },
    });
    const el = render(PublishKit, {
      check: c,
      lang: "zh-Hans",
      attachments: [image("tall.jpg", 1080, 1440), image("poster.png", 1080, 1440)],
    });
    expect(el.querySelector('[data-testid="kit-reach-links"]')!.textContent).toContain("ferrytoday.com");
    expect(el.querySelector('[data-testid="kit-reach-elsewhere"]')!.textContent).toContain("vx、@lin@mastodon.social");
    const qr = el.querySelector('[data-testid="kit-reach-qr"]')!.textContent!;
    expect(qr).toContain("poster.png");
    expect(qr).not.toContain("tall.jpg");
    const clean = render(PublishKit, { check: check("rednote", [["plain", "清晨的渡口"]]), lang: "zh-Hans", attachments: [] });
    expect(clean.querySelector('[data-testid="kit-reach"]')).toBeNull();
  });

  it("marks the note published with its link, and shows why a link is refused", async () => {
    const calls: [string, string][] = [];
    let refuse = false;
    const onMarkPublished = async (lang: string, url: string) => {
      calls.push([lang, url]);
      if (refuse) throw { code: "outbox.bad_note_link", message: "\"https://x.example\" can't be recorded: it is not a RedNote link" };
    };
    const el = render(PublishKit, { check: check("rednote", [["plain", "清晨的渡口"]]), lang: "zh-Hans", attachments: [], onMarkPublished });
    const input = el.querySelector('[data-testid="kit-published-link"]') as HTMLInputElement;
    const button = el.querySelector('[data-testid="kit-mark-published"]') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    input.value = " http://xhslink.com/a/AbC123 ";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    button.click();
    await new Promise((done) => setTimeout(done, 0));
    flushSync();
    expect(calls).toEqual([["zh-Hans", "http://xhslink.com/a/AbC123"]]);
    expect(el.querySelector('[data-testid="kit-marked"]')).not.toBeNull();
    expect(input.value).toBe("");

    refuse = true;
    input.value = "https://x.example";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    flushSync();
    button.click();
    await new Promise((done) => setTimeout(done, 0));
    flushSync();
    expect(el.querySelector('[data-testid="kit-published-error"]')!.textContent).toContain("not a RedNote link");
    expect(input.value).toBe("https://x.example");
  });

  it("exports the kit with the chosen fit and lists what to know, or why it failed", async () => {
    const asked: [string, string][] = [];
    let fail = false;
    const onExport = async (lang: string, fit: "crop" | "pad") => {
      asked.push([lang, fit]);
      if (fail) throw { code: "handoff.folder", message: "cannot write the kit in /gone: there is no such folder" };
      return { folder: "/home/lin/Phone/渡口见面 (RedNote)", files: ["body.txt", "note.txt", "01.jpg", "02.gif"], notes: ["tiny.gif was copied as it is"] };
    };
    const el = render(PublishKit, { check: check("rednote", [["plain", "清晨的渡口"]]), lang: "zh-Hans", attachments: [], onExport });
    const fit = el.querySelector('[data-testid="kit-export-fit"]') as HTMLSelectElement;
    fit.value = "pad";
    fit.dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
    (el.querySelector('[data-testid="kit-export-button"]') as HTMLButtonElement).click();
    await new Promise((done) => setTimeout(done, 0));
    flushSync();
    expect(asked).toEqual([["zh-Hans", "pad"]]);
    const done = el.querySelector('[data-testid="kit-export"]')!.textContent!;
    expect(done).toContain("渡口见面 (RedNote)");
    expect(done).toContain("4");
    expect(done).toContain("tiny.gif was copied as it is");

    fail = true;
    (el.querySelector('[data-testid="kit-export-button"]') as HTMLButtonElement).click();
    await new Promise((done) => setTimeout(done, 0));
    flushSync();
    expect(el.querySelector('[data-testid="kit-export-error"]')!.textContent).toContain("no such folder");
  });

  it("offers no marking where nobody handles it", () => {
    const el = render(PublishKit, { check: check("rednote", [["plain", "清晨的渡口"]]), lang: "zh-Hans", attachments: [] });
    expect(el.querySelector('[data-testid="kit-published"]')).toBeNull();
  });

  it("marks a title over 20 characters", () => {
    const c = check(
      "rednote",
      [["plain", "正文"]],
      { limit: 1000 },
      { title: "长".repeat(23), titleLength: 23, titleLimit: 20 },
    );
    const el = render(PublishKit, { check: c, lang: "zh-Hans", attachments: [] });
    expect(el.querySelector('[data-testid="kit-title-count"]')!.classList.contains("over")).toBe(true);
  });
});
