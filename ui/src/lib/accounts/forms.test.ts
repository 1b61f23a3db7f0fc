import { describe, expect, it } from "vitest";
import type { Account } from "../backend";
import { checkBluesky, checkMastodon, checkNostrKey, checkRelays, defaultAccounts, serverUrl } from "./forms";

const account = (id: string, network: Account["network"], over: Partial<Account> = {}): Account => ({
  id,
  network,
  handle: id,
  displayName: "",
  serverUrl: null,
  remoteId: id,
  audience: [],
  limits: null,
  relays: [],
  state: "active",
  stateDetail: null,
  createdAt: "2026-11-24T00:00:00Z",
  updatedAt: "2026-11-24T00:00:00Z",
  ...over,
});

describe("server addresses", () => {
  it("adds https to a bare host and keeps local http", () => {
    expect(serverUrl(" mastodon.social ")).toBe("https://mastodon.social");
    expect(serverUrl("http://127.0.0.1:2583/")).toBe("http://127.0.0.1:2583");
    expect(serverUrl("https://bsky.social/xrpc")).toBe("https://bsky.social");
  });

  it("refuses what can't be a server", () => {
    for (const bad of ["", "   ", "ftp://x.org", "not a host", "wss://relay.example"]) {
      expect(serverUrl(bad), bad).toBeNull();
    }
    expect(checkMastodon({ instance: "ftp://x" })).toEqual({ instance: "accounts.error.server" });
    expect(checkMastodon({ instance: "mastodon.social" })).toEqual({});
  });
});

describe("the Bluesky form", () => {
  it("accepts a handle or an email with an app password", () => {
    expect(checkBluesky({ pdsUrl: "https://bsky.social", identifier: "@alice.test", password: "x" })).toEqual({});
    expect(checkBluesky({ pdsUrl: "bsky.social", identifier: "a@example.org", password: "x" })).toEqual({});
  });

  it("names each missing or wrong field", () => {
    expect(checkBluesky({ pdsUrl: "", identifier: " ", password: "" })).toEqual({
      pdsUrl: "accounts.error.server",
      identifier: "accounts.error.identifier",
      password: "accounts.error.password",
    });
    expect(checkBluesky({ pdsUrl: "https://bsky.social", identifier: "alice", password: "p" })).toEqual({
      identifier: "accounts.error.handle",
    });
  });
});

describe("Nostr keys and relays", () => {
  it("accepts nsec and hex keys only", () => {
    expect(checkNostrKey(`nsec1${"q".repeat(58)}`)).toBeNull();
    expect(checkNostrKey("ab".repeat(32))).toBeNull();
    expect(checkNostrKey(`nsec1${"b".repeat(58)}`)).toBe("accounts.error.nostrKey"); // b isn't bech32
    expect(checkNostrKey(`npub1${"q".repeat(58)}`)).toBe("accounts.error.nostrKey");
    expect(checkNostrKey("密钥")).toBe("accounts.error.nostrKey");
  });

  it("wants ws(s) relays, a use for each, and one to write to", () => {
    expect(checkRelays([{ url: "wss://relay.example", read: true, write: true }])).toEqual({});
    expect(
      checkRelays([
        { url: "https://relay.example", read: true, write: true },
        { url: "wss://r2.example", read: false, write: false },
        { url: "", read: true, write: true },
      ]),
    ).toEqual({ relay0: "accounts.error.relayUrl", relay1: "accounts.error.relayUse" });
    expect(checkRelays([{ url: "wss://r.example", read: true, write: false }])).toEqual({
      relays: "accounts.error.relayWrite",
    });
  });
});

describe("Post now's default accounts", () => {
  const all = [
    account("b1", "bluesky"),
    account("b2", "bluesky", { state: "needsReauth" }),
    account("m1", "mastodon"),
    account("n1", "nostr"),
  ];

  it("takes the active accounts of the selected network chips, in the accounts' order", () => {
    expect(defaultAccounts(all, [{ network: "nostr", accountId: null }, { network: "bluesky", accountId: null }])).toEqual([
      "b1",
      "n1",
    ]);
  });

  it("takes an account the draft names even when it needs signing in (posting will say so)", () => {
    expect(defaultAccounts(all, [{ network: "bluesky", accountId: "b2" }, { network: "x", accountId: null }])).toEqual([
      "b2",
    ]);
    expect(defaultAccounts(all, [{ network: "mastodon", accountId: "gone" }])).toEqual([]);
  });
});
