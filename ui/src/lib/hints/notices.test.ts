import { describe, expect, it } from "vitest";
import { format } from "../i18n/index.svelte";
import { en } from "../i18n/locales/en";
import { zhHant } from "../i18n/locales/zh-Hant";
import { dictState, mismatchNotice, otherWarnings } from "./notices";

const tEn = (key: keyof typeof en, params?: Record<string, string | number>) => format(en[key], params);
const tZhHant = (key: keyof typeof en, params?: Record<string, string | number>) =>
  format(zhHant[key], params);

describe("mismatch warning", () => {
  it("names both languages and the share in the expected one", () => {
    const m = {
      code: "mismatch.language",
      expected: "zh-Hans",
      found: "en",
      share: 0.123,
      message: "…",
    };
    expect(mismatchNotice(m, tEn)).toBe("This 简体中文 text reads as English (only 12% 简体中文).");
    expect(mismatchNotice(m, tZhHant)).toBe("這段简体中文看起來是English（简体中文只佔 12%）。");
  });

  it("says when Simplified is written in Traditional characters", () => {
    const m = { code: "mismatch.script", expected: "zh-Hans", found: "zh-Hant", share: 0, message: "" };
    expect(mismatchNotice(m, tEn)).toBe("This 简体中文 text is written in 繁體中文 characters.");
  });
});

describe("dictionary notices", () => {
  it("tells loading from missing and keeps other warnings", () => {
    const w = (code: string) => ({ code, message: code });
    expect(dictState([])).toBe("ready");
    expect(dictState([w("dict.loading")])).toBe("loading");
    expect(dictState([w("dict.loading"), w("dict.missing")])).toBe("missing");
    expect(otherWarnings([w("dict.missing"), w("hints.table_invalid")])).toEqual([
      w("hints.table_invalid"),
    ]);
  });
});
