// A Nostr account's own media server: where its notes' pictures go instead of the media host.
// It is a Blossom server (BUD-01/02) or a NIP-96 one; the engine finds which when the server is
// chosen (a NIP-96 server publishes /.well-known/nostr/nip96.json) and keeps the answer. The
// address is checked here before anything is sent; whether the server takes uploads from the
// account's key only the engine's test upload can tell.
//
//   const checked = checkMediaServer(field);
//   if ("server" in checked) await backend.call("set_nostr_media_server", { id, server: checked.server });
//   else show(t(checked.error));
import type { Account, MediaServerProtocol } from "../backend";
import type { MessageKey } from "../i18n/index.svelte";

export type MediaServerCheck = { server: string } | { error: MessageKey };

/** How each protocol is named on screen: the protocols' own names, the same in every language. */
export const PROTOCOL_NAMES: Record<MediaServerProtocol, string> = { blossom: "Blossom", nip96: "NIP-96" };

/**
 * An `http://` or `https://` server address (`https://` assumed when no scheme is typed),
 * its path kept and trailing slashes dropped as the engine does; anything else is named.
 */
export function checkMediaServer(text: string): MediaServerCheck {
  const trimmed = text.trim();
  if (!trimmed) return { error: "accounts.mediaServer.error.missing" };
  const bad = { error: "accounts.mediaServer.error.url" } as const;
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

/** The host (with its port) of the account's media server, or null when it uses the media host. */
export function mediaServerHost(account: Pick<Account, "mediaServer">): string | null {
  const server = account.mediaServer?.url.trim();
  if (!server) return null;
  try {
    return new URL(server).host;
  } catch {
    return server.replace(/^https?:\/\//i, "");
  }
}
