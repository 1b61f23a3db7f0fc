// Limits only an account knows, passed to every counter request. The one today: a Mastodon
// instance's own `max_characters` (500 by default; many instances allow more).
//
// The hook for the accounts screen / publishing (ui-post): when the accounts are loaded, call
//
//   import { setMastodonLimit } from "$lib/rules/limits.svelte";
//   setMastodonLimit(account.limits?.maxCharacters ?? null);   // null: back to 500
//
// and every Mastodon counter and preview re-counts against it.
import type { NetworkLimits } from "../backend";

export const networkLimits: NetworkLimits = $state({ mastodon: null });

/** The Mastodon instance's character limit, or null to count against the default 500. */
export function setMastodonLimit(max: number | null): void {
  networkLimits.mastodon = max !== null && Number.isInteger(max) && max > 0 ? max : null;
}
