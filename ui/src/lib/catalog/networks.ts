// The networks a draft can target, in the order the chips show them.
import type { Network } from "../backend";
import type { MessageKey } from "../i18n/index.svelte";

export const NETWORKS: readonly Network[] = [
  "x",
  "bluesky",
  "mastodon",
  "threads",
  "telegram",
  "nostr",
  "rednote",
  "weibo",
];

export function networkLabelKey(id: Network): MessageKey {
  return `network.${id}`;
}
