import { describe, expect, it } from "vitest";
import type { Account } from "../backend";
import { mastodonLimit } from "./choice";

const mastodon = (id: string, max: number | null): Account => ({
  id,
  network: "mastodon",
  handle: `@${id}@example.social`,
  displayName: "",
  serverUrl: "https://example.social",
  remoteId: id,
  audience: [],
  limits:
    max === null
      ? null
      : {
          maxCharacters: max,
          maxMediaAttachments: 4,
          charactersReservedPerUrl: 23,
          imageSizeLimit: null,
          imageMatrixLimit: null,
          descriptionLimit: null,
        },
  relays: [],
  state: "active",
  stateDetail: null,
  createdAt: "2026-11-24T00:00:00Z",
  updatedAt: "2026-11-24T00:00:00Z",
});

describe("the Mastodon limit the counters use", () => {
  const accounts = [mastodon("a", null), mastodon("b", 1000), mastodon("c", 5000)];

  it("is the limit of the account the draft names", () => {
    expect(mastodonLimit(accounts, [{ network: "mastodon", accountId: "c" }])).toBe(5000);
  });

  it("else the first Mastodon account whose server's limit is known", () => {
    expect(mastodonLimit(accounts, [{ network: "mastodon", accountId: null }])).toBe(1000);
    expect(mastodonLimit(accounts, [])).toBe(1000);
  });

  it("is unknown without Mastodon accounts", () => {
    expect(mastodonLimit([], [{ network: "mastodon", accountId: null }])).toBeNull();
    expect(mastodonLimit([mastodon("a", null)], [])).toBeNull();
  });
});
