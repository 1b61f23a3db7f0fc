// The accounts every part of the window shares (the accounts screen, Post now, the Mastodon
// limit for the counters), read from the shell and refreshed after each change.
//
//   await refreshAccounts(backend);
//   for (const a of accountList.all) …
import { BackendError, type Account, type Backend } from "../backend";

export { mastodonLimit } from "./choice";

export const accountList = $state<{ all: Account[]; error: BackendError | null; loaded: boolean }>({
  all: [],
  error: null,
  loaded: false,
});

export async function refreshAccounts(backend: Backend): Promise<void> {
  try {
    accountList.all = await backend.call("list_accounts");
    accountList.error = null;
  } catch (raw) {
    accountList.error = BackendError.from(raw);
  } finally {
    accountList.loaded = true;
  }
}
