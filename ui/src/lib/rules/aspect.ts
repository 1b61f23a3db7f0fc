// RedNote shows image notes at 3:4 (portrait) and crops or letterboxes other shapes. Which
// images miss that shape is decided by the rules in Rust (ferry_networks::rednote::
// fits_image_shape) and named by id in each network's check; this picks them out of the
// draft's attachments for display.
import type { Attachment, NetworkCheck } from "../backend";

/** The attachments `check` names as misshapen for its network, in the draft's order. */
export function misshapen(check: Pick<NetworkCheck, "misshapenImages">, attachments: readonly Attachment[]): Attachment[] {
  const ids = new Set(check.misshapenImages);
  return attachments.filter((a) => ids.has(a.id));
}
