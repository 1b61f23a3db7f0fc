// What X will charge the person's app for the draft on the checked accounts, for "Post now"
// and "Schedule…": X charges for every post, so with an X account checked the engine's preview
// (`preview_post`) is asked whenever the choice changes, and only a price shown for the choice
// as it is now may be accepted.
//
//   // While the component starts (it follows the choice in an effect):
//   const xCost = new XCostPreview(backend, { session: () => session, chosen: () => chosen });
//   <XCostNote {account} preview={xCost.previewOf(account.id)} loading={xCost.loading} />
//   <button disabled={xCost.blocks} onclick={() => send(chosen, xCost.accepted)}>
import { untrack } from "svelte";
import { accountList } from "../accounts/accounts.svelte";
import { BackendError, type Backend, type TargetPreview } from "../backend";
import type { DraftSession } from "../composer/session.svelte";

const keyOf = (ids: readonly string[]) => [...ids].sort().join(" ");

export class XCostPreview {
  /** The last failed preview; "Try again" (`retry`) asks once more. */
  failure = $state<BackendError | null>(null);
  /** The previews, and the choice they answer: a cost shown for another choice is not this one's. */
  #cost = $state<{ key: string; previews: TargetPreview[] } | null>(null);
  /** Bumped by every new choice, so a late answer for an earlier one is dropped. */
  #round = 0;
  #backend: Backend;
  #session: () => DraftSession;
  #chosen: () => string[];

  /** `ready`: the dialog has filled in its first choice (nothing is asked before). */
  constructor(
    backend: Backend,
    from: { session: () => DraftSession; chosen: () => string[]; ready?: () => boolean },
  ) {
    this.#backend = backend;
    this.#session = from.session;
    this.#chosen = from.chosen;
    const ready = from.ready ?? (() => true);
    $effect(() => {
      const to = [...from.chosen()];
      const wanted = ready() && this.xChecked;
      untrack(() => {
        if (wanted) void this.#ask(to);
        else {
          this.#round += 1;
          this.#cost = null;
          this.failure = null;
        }
      });
    });
  }

  get xChecked(): boolean {
    return this.#chosen().some((id) => accountList.all.some((a) => a.id === id && a.network === "x"));
  }

  /** The price on screen answers the choice as it is now. */
  get shown(): boolean {
    return this.#cost !== null && this.#cost.key === keyOf(this.#chosen());
  }

  /** Asked, not answered yet (for the X rows' "working out…" line). */
  get loading(): boolean {
    return !this.shown && !this.failure;
  }

  /** X is checked without a price shown for it: nothing may be sent until it is, or X is left out. */
  get blocks(): boolean {
    return this.xChecked && !this.shown;
  }

  /** What to send as `acceptXCost`: true only for X checked at a price the person saw. */
  get accepted(): boolean {
    return this.xChecked && this.shown;
  }

  previewOf(accountId: string): TargetPreview | undefined {
    return this.shown ? this.#cost?.previews.find((p) => p.accountId === accountId) : undefined;
  }

  retry(): void {
    void this.#ask([...this.#chosen()]);
  }

  async #ask(to: string[]): Promise<void> {
    const round = ++this.#round;
    this.failure = null;
    try {
      // The engine prices the stored draft: save what was just typed first, as posting does.
      const session = this.#session();
      await session.flush();
      if (!session.id) return;
      const request = { draftId: session.id, to, mapping: [], allowThreads: true, acceptXCost: false };
      const previews = await this.#backend.call("preview_post", { request });
      if (round === this.#round) this.#cost = { key: keyOf(to), previews };
    } catch (raw) {
      if (round === this.#round) this.failure = BackendError.from(raw);
    }
  }
}
