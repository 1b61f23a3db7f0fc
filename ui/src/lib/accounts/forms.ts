// Checks the add-account forms before anything is sent, so a typo is named next to its field
// instead of coming back as a network error. The engine checks again (and the server has the
// last word on passwords and codes); these only catch what is knowable offline.
//
//   const errors = checkBluesky({ pdsUrl, identifier, password });
//   if (Object.keys(errors).length === 0) await publishing.addBluesky(...)
import type { Account, Relay, Target } from "../backend";
import type { MessageKey } from "../i18n/index.svelte";

export const DEFAULT_PDS = "https://bsky.social";

/** Field name → the message to show under it. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/**
 * `mastodon.social` → `https://mastodon.social`; keeps `http://` (local servers). Returns null
 * for what can't be a server address.
 */
export function serverUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (!url.hostname || /\s/.test(trimmed)) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function checkBluesky(form: { pdsUrl: string; identifier: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!serverUrl(form.pdsUrl)) errors.pdsUrl = "accounts.error.server";
  const id = form.identifier.trim().replace(/^@/, "");
  if (!id) errors.identifier = "accounts.error.identifier";
  else if (!id.includes("@") && !id.includes(".")) errors.identifier = "accounts.error.handle";
  if (!form.password) errors.password = "accounts.error.password";
  return errors;
}

export function checkMastodon(form: { instance: string }): FieldErrors {
  return serverUrl(form.instance) ? {} : { instance: "accounts.error.server" };
}

/** `nsec1…` (bech32) or 64 hex digits; anything else is refused before the keychain sees it. */
export function checkNostrKey(key: string): MessageKey | null {
  const text = key.trim();
  if (/^nsec1[02-9ac-hj-np-z]{58}$/i.test(text)) return null;
  if (/^[0-9a-f]{64}$/i.test(text)) return null;
  return "accounts.error.nostrKey";
}

/** Relays need `ws://` or `wss://`, a read or write mark each, and one to write to. */
export function checkRelays(relays: readonly Relay[]): FieldErrors {
  const errors: FieldErrors = {};
  const used = relays.filter((r) => r.url.trim());
  used.forEach((relay) => {
    const i = relays.indexOf(relay);
    if (!/^wss?:\/\/[^\s/]+/i.test(relay.url.trim())) errors[`relay${i}`] = "accounts.error.relayUrl";
    else if (!relay.read && !relay.write) errors[`relay${i}`] = "accounts.error.relayUse";
  });
  if (!used.some((r) => r.write)) errors.relays = "accounts.error.relayWrite";
  return errors;
}

/** The relays worth sending: non-empty addresses, trimmed. */
export function cleanRelays(relays: readonly Relay[]): Relay[] {
  return relays.filter((r) => r.url.trim()).map((r) => ({ ...r, url: r.url.trim() }));
}

/**
 * "Post now"'s starting choice: the accounts the draft names, and for a network chip without
 * an account every active account on that network.
 */
export function defaultAccounts(accounts: readonly Account[], targets: readonly Target[]): string[] {
  const chosen = new Set<string>();
  for (const target of targets) {
    if (target.accountId) {
      if (accounts.some((a) => a.id === target.accountId)) chosen.add(target.accountId);
      continue;
    }
    for (const a of accounts) if (a.network === target.network && a.state === "active") chosen.add(a.id);
  }
  return accounts.filter((a) => chosen.has(a.id)).map((a) => a.id);
}
