// The first-run welcome under a fake shell: the language picked is saved and shown at once,
// the data folder is named, and every way out (Skip, Esc) creates the bilingual example draft,
// marks the welcome done and hands the draft to the composer; a failure is said, not hidden.
import { describe, expect, it, vi } from "vitest";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import Welcome from "./Welcome.svelte";

const ABOUT = {
  version: "0.1.0",
  build: "test",
  target: "debug · x86_64-linux",
  dataDir: "/home/lin/.local/share/ferry",
  logDir: "/home/lin/.local/share/ferry/logs",
  licenses: [],
};

function shell(over = {}) {
  return new FakeBackend({
    about: () => ABOUT,
    save_settings: ({ settings }) => settings,
    create_draft: ({ draft }) => ({
      id: "d-example",
      revision: 1,
      createdAt: "2026-12-06T12:00:00Z",
      updatedAt: "2026-12-06T12:00:00Z",
      content: { ...draft, attachments: [] },
    }),
    finish_welcome: () => undefined,
    ...over,
  });
}

const click = (host: HTMLElement, css: string) => (host.querySelector(css) as HTMLButtonElement).click();

describe("Welcome", () => {
  it("asks the language, names the folder, and ends with the example draft", async () => {
    setLocalePreference("en");
    const fake = shell();
    const onDone = vi.fn();
    const host = show(Welcome, fake, { onDone });
    await settle();
    click(host, "[data-testid=welcome-language][data-locale=zh-Hans]");
    await settle();
    expect(fake.called("save_settings").at(-1)).toMatchObject({ settings: { locale: "zh-Hans" } });
    expect(host.querySelector("#modal-title")?.textContent).toBe("欢迎使用 Ferry 渡");
    expect(host.querySelector("[data-testid=welcome-private]")?.textContent).toContain(ABOUT.dataDir);
    click(host, "[data-testid=welcome-next]");
    await settle();
    expect(fake.called("create_draft")).toEqual([]);
    click(host, "[data-testid=welcome-skip]");
    await settle();
    const [{ draft }] = fake.called("create_draft");
    expect(draft.variants.map((v) => v.lang)).toEqual(["zh-Hans", "en"]);
    expect(draft.variants[0].text).toContain("示例草稿");
    expect(draft.variants[1].text).toContain("example draft");
    expect(fake.called("finish_welcome")).toHaveLength(1);
    expect(onDone).toHaveBeenCalledWith("d-example");
  });

  it("Esc ends it the same way", async () => {
    setLocalePreference("en");
    const fake = shell();
    const onDone = vi.fn();
    show(Welcome, fake, { onDone });
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    await settle();
    expect(fake.called("finish_welcome")).toHaveLength(1);
    expect(onDone).toHaveBeenCalledWith("d-example");
  });

  it("says why it could not finish and stays open", async () => {
    setLocalePreference("en");
    const fake = shell({
      create_draft: () => {
        throw { code: "db.disk_full", message: "the disk is full" };
      },
    });
    const onDone = vi.fn();
    const host = show(Welcome, fake, { onDone });
    click(host, "[data-testid=welcome-language][data-locale=en]");
    await settle();
    click(host, "[data-testid=welcome-next]");
    await settle();
    click(host, "[data-testid=welcome-skip]");
    await settle();
    expect(host.querySelector("[data-testid=welcome-failed]")?.textContent).toContain("the disk is full");
    expect(fake.called("finish_welcome")).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
    expect((host.querySelector("[data-testid=welcome-skip]") as HTMLButtonElement).disabled).toBe(false);
  });
});
