import { describe, expect, it } from "vitest";
import type { NetworkCheck, VariantCheckRequest } from "../backend";
import { FakeBackend } from "../backend/fake";
import { emptyContent } from "../composer/content";
import { VariantChecks } from "./checks.svelte";
import { networkLimits, setMastodonLimit } from "./limits.svelte";

describe("VariantChecks", () => {
  it("sends the content, language and limits, and keeps the newest answer", async () => {
    const sent: VariantCheckRequest[] = [];
    const answers: NetworkCheck[][] = [];
    const checks = new VariantChecks(
      new FakeBackend({
        check_variant: async ({ request }) => {
          sent.push(structuredClone(request));
          return answers.shift() ?? [];
        },
      }),
    );
    setMastodonLimit(11_000);
    const content = { ...emptyContent(), variants: [{ lang: "en", text: "hi" }] };
    answers.push([{ network: "mastodon" } as NetworkCheck]);
    checks.request(content, "en", networkLimits);
    await checks.settled();
    expect(sent).toEqual([{ content, lang: "en", limits: { mastodon: 11_000 }, preview: null }]);
    expect(checks.of("mastodon")).toEqual({ network: "mastodon" });
    expect(checks.of("x")).toBeUndefined();
    setMastodonLimit(null);
  });

  it("keeps the last answer and reports a failure with its code", async () => {
    const checks = new VariantChecks(
      new FakeBackend({
        check_variant: async () => {
          throw { code: "limits.invalid", message: "limits.mastodon: … not 0" };
        },
      }),
    );
    checks.request(emptyContent(), "en", networkLimits);
    await checks.settled();
    expect(checks.error?.code).toBe("limits.invalid");
    expect(checks.checks).toEqual([]);
  });
});

describe("setMastodonLimit", () => {
  it("takes a positive whole number, anything else means the default", () => {
    setMastodonLimit(11_000);
    expect(networkLimits.mastodon).toBe(11_000);
    for (const bad of [0, -5, 1.5, Number.NaN, null]) {
      setMastodonLimit(bad);
      expect(networkLimits.mastodon).toBeNull();
    }
  });
});
