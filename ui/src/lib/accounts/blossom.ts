// A Nostr account's own Blossom server (BUD-01/02): where its notes' pictures go instead of
// the media host. The address is checked here before anything is sent; whether the server
// takes uploads from the account's key only the engine's test upload can tell.
//
//   const checked = checkBlossom(field);
//   if ("server" in checked) await backend.call("set_nostr_blossom", { id, server: checked.server });
//   else show(t(checked.error));
import type { Account } from "../backend";
import type { MessageKey } from "../i18n/index.svelte";

export type BlossomCheck = { server: string } | { error: MessageKey };

/**
 * An `http://` or `https://` server address (`https://` assumed when no scheme is typed),
 * its path kept and trailing slashes dropped as the engine does; anything else is named.
 */
export function checkBlossom(text: string): BlossomCheck {
  const trimmed = text.trim();
  if (!trimmed) return { error: "accounts.blossom.error.missing" };
  const bad = { error: "accounts.blossom.error.url" } as const;
  if (/\s/.test(trimmed)) return bad;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return bad;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname) return bad;
  if (url.username || url.password || url.search || url.hash) return bad;
  return { server: `${url.origin}${url.pathname}`.replace(/\/+$/, "") };
}

/** The host (with its port) of the account's Blossom server, or null when it uses the media host. */
export function blossomHost(account: Pick<Account, "blossomUrl">): string | null {
  const server = account.blossomUrl?.trim();
  if (!server) return null;
  try {
    return new URL(server).host;
  } catch {
    return server.replace(/^https?:\/\//i, "");
  }
}
