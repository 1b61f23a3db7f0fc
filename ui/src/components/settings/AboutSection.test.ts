// About shows the version and build the shell reports and every license, readable in full.
import { describe, expect, it } from "vitest";
import type { About } from "../../lib/backend";
import { FakeBackend } from "../../lib/backend/fake";
import { setLocalePreference } from "../../lib/i18n/index.svelte";
import { settle, show } from "../../lib/testing/mount";
import AboutSection from "./AboutSection.svelte";

const ABOUT: About = {
  version: "0.1.0",
  build: "3b33860a1b2c",
  target: "release · x86_64-linux",
  dataDir: "/home/mei/.local/share/Ferry",
  logDir: "/home/mei/.local/share/Ferry/logs",
  licenses: [
    { covers: "Ferry", spdx: "MIT", text: "Permission is hereby granted…" },
    { covers: "CC-CEDICT (Chinese words)", spdx: "CC-BY-SA-4.0", text: "Creative Commons Attribution-ShareAlike 4.0" },
  ],
};

describe("AboutSection", () => {
  it("shows the version, the build and each license in full", async () => {
    setLocalePreference("zh-Hant");
    const fake = new FakeBackend({ about: () => ABOUT });
    const host = show(AboutSection, fake);
    await settle();
    expect(host.querySelector("h3")?.textContent).toBe("關於 Ferry");
    expect(host.querySelector("[data-testid=about-version]")?.textContent).toBe("0.1.0");
    expect(host.textContent).toContain("3b33860a1b2c");
    expect(host.textContent).toContain("release · x86_64-linux");
    const licenses = [...host.querySelectorAll("[data-testid=about-license]")];
    expect(licenses.map((l) => l.querySelector("summary")?.textContent)).toEqual([
      "Ferry — MIT",
      "CC-CEDICT (Chinese words) — CC-BY-SA-4.0",
    ]);
    expect(licenses[1].querySelector("pre")?.textContent).toContain("ShareAlike 4.0");
  });
});
