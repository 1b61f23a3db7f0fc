// Telegram accounts for tests, and an `add_telegram` answer that behaves like the engine
// against the test Bot API server (tests/support): one token it knows, one channel the bot
// may post to, one where it lacks the right.
//
//   const fake = new FakeBackend({ list_accounts: () => [], add_telegram: addTelegramAnswer });
import type { Account, AddedAccount, AddTelegram } from "../backend";

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
