// The networks a draft can target, in the order the chips show them.
import type { NetworkId } from "../backend";
import type { MessageKey } from "../i18n/index.svelte";

export const NETWORKS: readonly NetworkId[] = [
  "x",
  "bluesky",
  "mastodon",
  "threads",
  "telegram",
  "nostr",
  "rednote",
  "weibo",
];

export function networkLabelKey(id: NetworkId): MessageKey {
  return `network.${id}`;
}
