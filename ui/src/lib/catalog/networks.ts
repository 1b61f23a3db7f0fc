// The networks a draft can target, in the order the chips show them: the engine's own list
// and order, from the generated contract.
import { NETWORKS as ENGINE_NETWORKS, type Network } from "../backend";
import type { MessageKey } from "../i18n/index.svelte";

export const NETWORKS: readonly Network[] = ENGINE_NETWORKS;

export function networkLabelKey(id: Network): MessageKey {
  return `network.${id}`;
}
