// What a counter shows for one network's measurement: `312 / 280`, red with `+32` when over,
// and the warnings as one tooltip (read on hover and on keyboard focus).
import type { Measurement } from "../backend/bindings/Measurement";

export type CounterState = "ok" | "near" | "over" | "refused";

export interface CounterView {
  label: string;
  /** `+32` when over the limit, else empty. */
  overBy: string;
  state: CounterState;
  /** The warnings, one per line; empty when there are none. */
  warnings: string;
}

/** Within this share of the limit the counter turns amber, before it turns red. */
const NEAR = 0.9;

export function counterView(m: Measurement): CounterView {
  const state: CounterState =
    m.over_by > 0 ? "over" : !m.ok ? "refused" : m.length >= m.limit * NEAR ? "near" : "ok";
  return {
    label: `${m.length} / ${m.limit}`,
    overBy: m.over_by > 0 ? `+${m.over_by}` : "",
    state,
    warnings: m.warnings.map((w) => w.message).join("\n"),
  };
}
