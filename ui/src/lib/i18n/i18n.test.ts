import { describe, expect, it } from "vitest";
import { en } from "./locales/en";
import { CATALOGS, LOCALES, format, matchLocale, systemLocale } from "./index.svelte";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogs", () => {
  it.each(LOCALES)("%s has exactly the English keys", (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LOCALES)("%s fills the same placeholders as English", (locale) => {
    for (const [key, text] of Object.entries(CATALOGS[locale])) {
      expect(placeholders(text), `${locale} ${key}`).toEqual(
        placeholders(en[key as keyof typeof en]),
      );
    }
  });

  it.each(LOCALES)("%s has no empty text", (locale) => {
    for (const [key, text] of Object.entries(CATALOGS[locale])) {
      expect(text.trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("the Chinese catalogs are translated, not copies of English", () => {
    const same = (locale: "zh-Hans" | "zh-Hant") =>
      Object.keys(en).filter((k) => {
        const key = k as keyof typeof en;
        return CATALOGS[locale][key] === en[key] && /[a-z]{3}/.test(en[key].replace(/\{\w+\}/g, ""));
      });
    // Brand names stay as they are.
    const brands = ["network.bluesky", "network.mastodon", "network.threads", "network.telegram", "network.nostr"];
    expect(same("zh-Hans").filter((k) => !brands.includes(k))).toEqual([]);
    expect(same("zh-Hant").filter((k) => !brands.includes(k))).toEqual([]);
  });
});

describe("locale matching", () => {
  it("maps OS tags to our three locales", () => {
    expect(matchLocale("en-US")).toBe("en");
    expect(matchLocale("zh-CN")).toBe("zh-Hans");
    expect(matchLocale("zh_TW")).toBe("zh-Hant");
    expect(matchLocale("zh-HK")).toBe("zh-Hant");
    expect(matchLocale("zh-Hant-CN")).toBe("zh-Hant");
    expect(matchLocale("zh-Hans-HK")).toBe("zh-Hans");
    expect(matchLocale("zh")).toBe("zh-Hans");
    expect(matchLocale("fr-FR")).toBeUndefined();
  });

  it("takes the first preferred language we have, else English", () => {
    expect(systemLocale(["fr-FR", "zh-TW", "en"])).toBe("zh-Hant");
    expect(systemLocale(["de"])).toBe("en");
    expect(systemLocale([])).toBe("en");
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("第 {number} 版", { number: 3 })).toBe("第 3 版");
    expect(format("{a} and {b}", { a: "x" })).toBe("x and {b}");
  });
});
