// The accounts every part of the window shares (the accounts screen, Post now, the Mastodon
// limit for the counters), read from the shell and refreshed after each change.
//
//   await refreshAccounts();
//   for (const a of accountList.all) …
import { BackendError } from "../backend";
import { publishing, type Account } from "../backend/publishing";

export { mastodonLimit } from "./choice";

export const accountList = $state<{ all: Account[]; error: BackendError | null; loaded: boolean }>({
  all: [],
  error: null,
  loaded: false,
});

export async function refreshAccounts(): Promise<void> {
  try {
    accountList.all = await publishing.listAccounts();
    accountList.error = null;
  } catch (raw) {
    accountList.error = BackendError.from(raw);
  } finally {
    accountList.loaded = true;
  }
}
