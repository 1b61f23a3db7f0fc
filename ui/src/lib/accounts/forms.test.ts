import { describe, expect, it } from "vitest";
import type { Account } from "../backend";
import {
  botApiUrl,
  checkBluesky,
  checkMastodon,
  checkNostrKey,
  checkRelays,
  checkTelegram,
  defaultAccounts,
  serverUrl,
  telegramPrefill,
  telegramRequest,
} from "./forms";
import { FAKE_BOT_TOKEN, telegramAccount } from "./fixtures";

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

describe("the Telegram form", () => {
  const form = (over: Partial<{ token: string; chat: string; apiUrl: string }> = {}) => ({
    token: FAKE_BOT_TOKEN,
    chat: "@ferry_news",
    apiUrl: "",
    ...over,
  });

  it("accepts a token with a chat as @name, bare name, t.me link or numeric id", () => {
    for (const chat of ["@ferry_news", "ferry_news", "https://t.me/ferry_news", "t.me/ferry_news/", "-1001234567890"]) {
      expect(checkTelegram(form({ chat })), chat).toEqual({});
    }
    expect(checkTelegram(form({ token: ` ${FAKE_BOT_TOKEN}\n`, chat: "  @ferry_news " }))).toEqual({});
  });

  it("names an empty token or chat, and one that can't be either", () => {
    expect(checkTelegram(form({ token: "  ", chat: "" }))).toEqual({
      token: "accounts.error.token",
      chat: "accounts.error.chat",
    });
    expect(checkTelegram(form({ token: "AAFakeTokenForFerryTests_0123456789", chat: "@abc" }))).toEqual({
      token: "accounts.error.tokenShape",
      chat: "accounts.error.chatShape",
    });
    expect(checkTelegram(form({ token: "7000001:short", chat: "@9lives" }))).toEqual({
      token: "accounts.error.tokenShape",
      chat: "accounts.error.chatShape",
    });
    expect(checkTelegram(form({ chat: "频道名称" }))).toEqual({ chat: "accounts.error.chatShape" });
  });

  it("takes an empty Bot API server as Telegram's, and keeps a given one's path", () => {
    expect(checkTelegram(form({ apiUrl: "   " }))).toEqual({});
    expect(checkTelegram(form({ apiUrl: "ftp://bots.example" }))).toEqual({ apiUrl: "accounts.error.apiUrl" });
    expect(botApiUrl("http://127.0.0.1:8081/")).toBe("http://127.0.0.1:8081");
    expect(botApiUrl("bots.example/api")).toBe("https://bots.example/api");
    expect(botApiUrl("not a server")).toBeNull();
  });

  it("sends the fields trimmed, with no server meaning Telegram's", () => {
    const sent = telegramRequest(form({ token: ` ${FAKE_BOT_TOKEN} `, chat: " @ferry_news ", apiUrl: " " }), ["en"]);
    expect(sent).toEqual({ token: FAKE_BOT_TOKEN, chat: "@ferry_news", apiUrl: null, audience: ["en"] });
    expect(telegramRequest(form({ apiUrl: "http://localhost:8081/" }), []).apiUrl).toBe("http://localhost:8081");
  });

  it("signs in again to the same chat and server, never with the old token", () => {
    expect(telegramPrefill(telegramAccount())).toEqual({ chat: "@ferry_news", apiUrl: "" });
    const local = telegramAccount({ handle: "Family", remoteId: "-4001", serverUrl: "http://127.0.0.1:8081" });
    expect(telegramPrefill(local)).toEqual({ chat: "-4001", apiUrl: "http://127.0.0.1:8081" });
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
