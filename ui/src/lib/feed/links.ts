// Links inside feed items open in the system browser, never in the webview: a click anywhere
// in an item's text is looked at here, and only web addresses are handed on.
import { t, type MessageKey } from "../i18n/index.svelte";

/** The web address a click landed on (inside an `<a href>`), or null when it was not a link. */
export function clickedLink(target: EventTarget | null): { href: string; web: boolean } | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  const anchor = element?.closest("a[href]");
  if (!anchor) return null;
  const href = anchor.getAttribute("href") ?? "";
  return { href, web: isWebAddress(href) };
}

export function isWebAddress(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** A source's name for lists: its title once fetched, else its address without the scheme. */
export function sourceName(source: { title: string | null; url: string }): string {
  const name = source.title?.trim() || source.url.replace(/^https?:\/\//, "");
  // A Nostr account with no profile name is titled by its npub: 63 characters that would
  // crowd out the author on every card. The start and end are enough to tell keys apart.
  return /^npub1[02-9ac-hj-np-z]{20,}$/.test(name) ? `${name.slice(0, 10)}…${name.slice(-4)}` : name;
}

/** A handle as cards show it, with one `@` in front whether or not the network sent one. */
export function atHandle(handle: string): string {
  return `@${handle.replace(/^@/, "")}`;
}

const NETWORK_NAMES: Record<string, MessageKey> = {
  rss: "feed.network.rss",
  mastodon: "network.mastodon",
  nostr: "network.nostr",
  bluesky: "network.bluesky",
};

/** A network's name in the UI's language; an unknown one (a newer engine) as it is. */
export function networkName(network: string): string {
  const key = NETWORK_NAMES[network];
  return key ? t(key) : network;
}

/** Whether an item's language tag is Chinese (`zh`, `zh-Hans`, `zh-CN` …). */
export function isChinese(lang: string | null): boolean {
  const tag = lang?.toLowerCase() ?? "";
  return tag === "zh" || tag.startsWith("zh-");
}

/** The other audience's language for an item: English for Chinese, else Simplified Chinese. */
export function otherAudience(lang: string | null): "en" | "zh-Hans" {
  return isChinese(lang) ? "en" : "zh-Hans";
}
