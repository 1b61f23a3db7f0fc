// Telegram, Threads, X and Nostr accounts for tests, and `add_telegram` / `add_threads` /
// `set_nostr_media_server` answers that behave like the engine against the test servers
// (tests/support). Telegram: one token it knows, one channel the bot may post to, one where it
// lacks the right. Threads: one token that may publish, one whose Meta app lacks the
// publishing permission. X: the fake X API's client id, and what a post there costs.
// Nostr media servers: a Blossom one and a NIP-96 one that take the key's uploads, and a
// Blossom one that refuses it.
//
//   const fake = new FakeBackend({ list_accounts: () => [], add_telegram: addTelegramAnswer });
import type { Account, AddedAccount, AddTelegram, AddThreads, PostCost } from "../backend";

export const FAKE_BOT_TOKEN = "7000001:AAFakeTokenForFerryTests_0123456789";

export const telegramAccount = (over: Partial<Account> = {}): Account => ({
  id: "tg1",
  network: "telegram",
  handle: "@ferry_news",
  displayName: "Ferry News",
  serverUrl: "https://api.telegram.org",
  remoteId: "-1001234567890",
  audience: [],
  limits: null,
  relays: [],
  state: "active",
  stateDetail: null,
  createdAt: "2026-11-24T00:00:00Z",
  updatedAt: "2026-11-24T00:00:00Z",
  ...over,
});

export function addTelegramAnswer({ add }: { add: AddTelegram }): AddedAccount {
  if (add.token !== FAKE_BOT_TOKEN) {
    throw { code: "net.auth", message: "telegram: the bot token was refused (401 Unauthorized)" };
  }
  if (add.chat === "@no_rights") {
    throw {
      code: "account.bot_cannot_post",
      message: "the bot is not an administrator of @no_rights; make it one with the right to post messages",
    };
  }
  if (add.chat !== "@ferry_news") throw { code: "net.rejected", message: "telegram: Bad Request: chat not found" };
  return { account: telegramAccount({ audience: add.audience }), warnings: ["posts go out as the bot @ferry_test_bot"] };
}

/** The fake Threads API's one good token (tests/support's threads_graph_api::GOOD_TOKEN). */
export const FAKE_THREADS_TOKEN = "THFakeLongLivedToken_ferry_0123456789abcdef";
/** A well-formed token whose Meta app was not given `threads_content_publish`. */
export const FAKE_THREADS_TOKEN_NO_PUBLISH = "THFakeTokenWithoutPublishing_0123456789";

export const threadsAccount = (over: Partial<Account> = {}): Account => ({
  id: "th1",
  network: "threads",
  handle: "@ferry_writer",
  displayName: "Ferry Writer",
  serverUrl: "https://graph.threads.net",
  remoteId: "17841400000000001",
  audience: [],
  limits: null,
  relays: [],
  state: "active",
  stateDetail: null,
  createdAt: "2026-12-07T00:00:00Z",
  updatedAt: "2026-12-07T00:00:00Z",
  ...over,
});

export function addThreadsAnswer({ add }: { add: AddThreads }): AddedAccount {
  if (add.token === FAKE_THREADS_TOKEN_NO_PUBLISH) {
    throw {
      code: "net.rejected",
      message:
        "threads: reading the publishing limit refused: Application does not have permission for this action: " +
        "the Meta app lacks a permission; give it threads_basic and threads_content_publish, then generate the token again",
    };
  }
  if (add.token !== FAKE_THREADS_TOKEN) {
    throw {
      code: "net.auth",
      message:
        "threads: reading the account: sign-in needed: Invalid OAuth access token: the token expired or was revoked; " +
        "generate a new long-lived token in your Meta app's dashboard and add the account again",
    };
  }
  const serverUrl = add.apiUrl ?? "https://graph.threads.net";
  return {
    account: threadsAccount({ serverUrl, audience: add.audience }),
    warnings: [
      "3 of 250 posts used in the last 24 hours",
      "the token lasts 60 days; Ferry renews it whenever it posts to Threads, so post " +
        "(or add the account again) at least every 60 days",
    ],
  };
}

/** An OAuth 2.0 client id of the shape X gives (34 letters and digits). */
export const FAKE_X_CLIENT_ID = "M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ";

export const xAccount = (over: Partial<Account> = {}): Account => ({
  id: "x1",
  network: "x",
  handle: "@ferry_writer",
  displayName: "Ferry Writer",
  serverUrl: "https://api.x.com",
  remoteId: "1849900000000000001",
  audience: [],
  limits: null,
  relays: [],
  state: "active",
  stateDetail: null,
  createdAt: "2026-12-07T00:00:00Z",
  updatedAt: "2026-12-07T00:00:00Z",
  ...over,
});

/** What the engine adds an X account with: the account, and what X charges per post. */
export const addedX = (over: Partial<Account> = {}): AddedAccount => ({
  account: xAccount(over),
  warnings: [
    "X charges your app's credits for every post: about $0.015 each, $0.200 with a link (X's prices on " +
      "2026-12-07; the Developer Console has today's). New drafts leave X off until you turn it on",
  ],
});

/** Two posts (one with a link) and one alt text: $0.015 + $0.200 + $0.005. */
export const xCost = (over: Partial<PostCost> = {}): PostCost => ({
  posts: 1,
  postsWithLink: 1,
  altTexts: 1,
  microDollars: 220_000,
  usd: "$0.220",
  pricesAsOf: "2026-12-07",
  ...over,
});

export const nostrAccount = (over: Partial<Account> = {}): Account => ({
  id: "no1",
  network: "nostr",
  handle: "npub1ferrytestaccount0000000000000000000000000000000000000000",
  displayName: "",
  serverUrl: null,
  remoteId: "f".repeat(64),
  audience: [],
  limits: null,
  relays: [{ url: "wss://relay.example", read: true, write: true }],
  state: "active",
  stateDetail: null,
  createdAt: "2027-01-03T00:00:00Z",
  updatedAt: "2027-01-03T00:00:00Z",
  ...over,
});

/** The Blossom server that takes uploads signed with the test account's key. */
export const FAKE_BLOSSOM = "https://blossom.example";
/** A NIP-96 server (it publishes /.well-known/nostr/nip96.json) that takes the key's uploads. */
export const FAKE_NIP96 = "https://nip96.example";
/** A Blossom server whose allow-list does not have the test account's key. */
export const FAKE_BLOSSOM_REFUSING = "https://closed.example";

/**
 * `set_nostr_media_server` for `account`: finds the server's protocol and checks it as the
 * engine does, clears on null.
 */
export function setMediaServerAnswer(account: Account) {
  return ({ server }: { id: string; server: string | null }): Account => {
    if (server === FAKE_BLOSSOM_REFUSING) {
      throw {
        code: "net.rejected",
        message:
          "media host: uploading a picture to closed.example refused: pubkey not allowed: the server does not take " +
          "uploads from this Nostr key; check that your account there allows it, or choose another Blossom server",
      };
    }
    if (server && server !== FAKE_BLOSSOM && server !== FAKE_NIP96) {
      throw { code: "net.unreachable", message: `media host: ${new URL(server).host} could not be reached` };
    }
    const { mediaServer: _, ...rest } = account;
    if (!server) return rest;
    return { ...rest, mediaServer: { protocol: server === FAKE_NIP96 ? "nip96" : "blossom", url: server } };
  };
}
