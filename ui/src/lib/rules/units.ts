// The message key naming each counting unit, for the counters' spoken and hover text.
import type { Unit } from "../backend/bindings/Unit";
import type { MessageKey } from "../i18n/index.svelte";

const KEYS: Record<Unit, MessageKey> = {
  weighted: "counters.unit.weighted",
  graphemes: "counters.unit.graphemes",
  utf16: "counters.unit.utf16",
  characters: "counters.unit.characters",
  weibo_characters: "counters.unit.weiboCharacters",
};

export function unitKey(unit: Unit): MessageKey {
  return KEYS[unit];
}
