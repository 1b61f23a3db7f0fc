// Which account's settings apply to the open draft, chosen from plain data.
//
//   setMastodonLimit(mastodonLimit(accountList.all, session.content.targets));
import type { Account, Target } from "../backend";

/**
 * The character limit the Mastodon counter should use: the instance limit (read when signing
 * in) of the Mastodon account the draft names, else of the first Mastodon account; null when
 * none is known (the counter then uses Mastodon's default 500).
 */
export function mastodonLimit(accounts: readonly Account[], targets: readonly Target[] = []): number | null {
  const named = targets.find((t) => t.network === "mastodon" && t.accountId)?.accountId;
  const mastodon = accounts.filter((a) => a.network === "mastodon" && a.limits);
  const chosen = mastodon.find((a) => a.id === named) ?? mastodon[0];
  return chosen?.limits?.maxCharacters ?? null;
}
