import { describe, expect, it } from "vitest";
import type { Account } from "../backend";
import type { XFields } from "./forms";
import {
  botApiUrl,
  checkBluesky,
  checkMastodon,
  checkNostrKey,
  checkRelays,
  checkTelegram,
  checkThreads,
  defaultAccounts,
  serverUrl,
  telegramPrefill,
  telegramRequest,
  threadsPrefill,
  threadsRequest,
  X_PORT,
  checkX,
  xCallback,
  xRequest,
} from "./forms";
import { FAKE_BOT_TOKEN, FAKE_THREADS_TOKEN, telegramAccount, threadsAccount } from "./fixtures";

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

describe("the Threads form", () => {
  const form = (over: Partial<{ token: string; apiUrl: string }> = {}) => ({ token: FAKE_THREADS_TOKEN, apiUrl: "", ...over });

  it("accepts 20 or more letters, digits, _ or -, around spaces", () => {
    expect(checkThreads(form())).toEqual({});
    expect(checkThreads(form({ token: `  ${FAKE_THREADS_TOKEN}\n` }))).toEqual({});
    expect(checkThreads(form({ token: "THAA-b_c".padEnd(20, "9") }))).toEqual({});
    expect(checkThreads(form({ token: `THAA${"x".repeat(200)}` }))).toEqual({});
  });

  it("names an empty token, and one that is too short or has spaces or other signs in it", () => {
    expect(checkThreads(form({ token: " \n " }))).toEqual({ token: "accounts.error.threadsToken" });
    for (const token of ["THAA0123456789abcde", "THAA 0123456789 abcdef", "THAA0123456789abcdef=", "令牌THAA0123456789abcdef"]) {
      expect(checkThreads(form({ token })), token).toEqual({ token: "accounts.error.threadsTokenShape" });
    }
  });

  it("says when an address or a user id was pasted instead of the token", () => {
    const urls = [
      "https://www.threads.net/@ferry_writer",
      "threads.com/@ferry_writer",
      "developers.facebook.com/apps/1234/use_cases/",
      "https://graph.threads.net/v1.0/me?access_token=THAA0123456789abcdef",
    ];
    for (const token of urls) expect(checkThreads(form({ token })), token).toEqual({ token: "accounts.error.threadsTokenUrl" });
    for (const token of ["17841400000000001", " 1234567890 ", "@ferry_writer", "@ferry.writer"]) {
      expect(checkThreads(form({ token })), token).toEqual({ token: "accounts.error.threadsTokenId" });
    }
  });

  it("takes an empty Threads API server as Meta's, and wants http(s) for another", () => {
    expect(checkThreads(form({ apiUrl: "  " }))).toEqual({});
    expect(checkThreads(form({ apiUrl: "graph.example/threads" }))).toEqual({});
    for (const apiUrl of ["ftp://graph.example", "wss://graph.example", "not a server"]) {
      expect(checkThreads(form({ apiUrl })), apiUrl).toEqual({ apiUrl: "accounts.error.threadsApiUrl" });
    }
    expect(checkThreads(form({ token: "", apiUrl: "ftp://x" }))).toEqual({
      token: "accounts.error.threadsToken",
      apiUrl: "accounts.error.threadsApiUrl",
    });
  });

  it("sends the token trimmed, with no server meaning Meta's and a given one's path kept", () => {
    expect(threadsRequest(form({ token: ` ${FAKE_THREADS_TOKEN}\n`, apiUrl: " " }), ["zh-Hans"])).toEqual({
      token: FAKE_THREADS_TOKEN,
      apiUrl: null,
      audience: ["zh-Hans"],
    });
    expect(threadsRequest(form({ apiUrl: "http://127.0.0.1:8090/" }), []).apiUrl).toBe("http://127.0.0.1:8090");
    expect(threadsRequest(form({ apiUrl: "graph.example/threads/" }), []).apiUrl).toBe("https://graph.example/threads");
  });

  it("signs in again to the same server, never with the old token", () => {
    expect(threadsPrefill(threadsAccount())).toEqual({ apiUrl: "" });
    expect(threadsPrefill(threadsAccount({ serverUrl: "https://graph.threads.net/" }))).toEqual({ apiUrl: "" });
    expect(threadsPrefill(threadsAccount({ serverUrl: null }))).toEqual({ apiUrl: "" });
    expect(threadsPrefill(threadsAccount({ serverUrl: "http://127.0.0.1:8090" }))).toEqual({
      apiUrl: "http://127.0.0.1:8090",
    });
  });
});

describe("the X form", () => {
  const id = "M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ";
  const form = (over: Partial<XFields> = {}) => ({
    clientId: id,
    clientSecret: "",
    port: X_PORT,
    ...over,
  });

  it("accepts 10 to 100 letters, digits, _ or -, around spaces", () => {
    expect(checkX(form())).toEqual({});
    expect(checkX(form({ clientId: ` ${id}\n` }))).toEqual({});
    expect(checkX(form({ clientId: "abc_DEF-12" }))).toEqual({});
    expect(checkX(form({ clientId: "a".repeat(100) }))).toEqual({});
  });

  it("names an empty, pasted-address, cut-off or spaced client id", () => {
    expect(checkX(form({ clientId: " " }))).toEqual({ clientId: "accounts.error.xClientId" });
    expect(checkX(form({ clientId: "https://developer.x.com/en/portal" }))).toEqual({
      clientId: "accounts.error.xClientIdUrl",
    });
    expect(checkX(form({ clientId: "console.x.com/apps/123" }))).toEqual({ clientId: "accounts.error.xClientIdUrl" });
    for (const bad of ["short", "abc def ghi jkl", "a".repeat(101), "M1M5R3BMVy13:QmpScXky"]) {
      expect(checkX(form({ clientId: bad })), bad).toEqual({ clientId: "accounts.error.xClientIdShape" });
    }
  });

  it("takes an empty port as the default, and wants 1024 to 65535 otherwise", () => {
    expect(checkX(form({ port: null }))).toEqual({});
    expect(checkX(form({ port: 1024 }))).toEqual({});
    expect(checkX(form({ port: 65535 }))).toEqual({});
    for (const bad of [0, 80, 65536, 8717.5, NaN]) {
      expect(checkX(form({ port: bad })), String(bad)).toEqual({ port: "accounts.error.xPort" });
    }
    // The callback shown follows the port, the default's when it is emptied.
    expect([xCallback(X_PORT), xCallback(9000), xCallback(null)]).toEqual([
      "http://127.0.0.1:8717/callback",
      "http://127.0.0.1:9000/callback",
      "http://127.0.0.1:8717/callback",
    ]);
  });

  it("sends the fields trimmed, with an empty secret meaning none and X's own servers", () => {
    expect(xRequest(form({ clientId: ` ${id} `, clientSecret: "  " }), ["en"])).toEqual({
      clientId: id,
      clientSecret: null,
      port: 8717,
      apiUrl: null,
      authorizeUrl: null,
      audience: ["en"],
    });
    expect(xRequest(form({ clientSecret: " s3cret ", port: null }), [])).toMatchObject({ clientSecret: "s3cret", port: null });
    // A test server serves its consent page beside its API.
    expect(xRequest(form({ apiUrl: " http://127.0.0.1:9/ " }), [])).toMatchObject({
      apiUrl: "http://127.0.0.1:9/",
      authorizeUrl: "http://127.0.0.1:9/i/oauth2/authorize",
    });
  });
});

describe("Post now's default accounts", () => {
  const all = [
    account("b1", "bluesky"),
    account("b2", "bluesky", { state: "needsReauth" }),
    account("m1", "mastodon"),
    account("n1", "nostr"),
    account("x1", "x"),
    account("x2", "x"),
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

  it("leaves X accounts unchecked for an X chip, since X charges for every post", () => {
    const chips = [{ network: "x", accountId: null }, { network: "mastodon", accountId: null }] as const;
    expect(defaultAccounts(all, chips)).toEqual(["m1"]);
  });

  it("checks an X account the draft names by id", () => {
    expect(defaultAccounts(all, [{ network: "x", accountId: "x2" }, { network: "x", accountId: null }])).toEqual(["x2"]);
  });
});
