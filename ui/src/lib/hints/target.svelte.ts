// Which feed item the Feed screen's hints column explains. The reader is on an item in two
// ways: the selected one (J/K, a click, focus) and the one under the pointer. Either takes
// over only once it has held still a moment, so a burst of J presses or a mouse sweeping across
// the list asks for hints once, for where it stopped, rather than for every item passed:
//
//   selection → after SETTLE_MS;  pointer on an item → after HOVER_MS;
//   pointer off the list → back to the selected item after HOVER_MS, unless it went into the
//   hints column (`hold`), where the reader has come to read the hovered item's cards.
//
//   const target = new HintTarget();
//   $effect(() => target.select(selectedId));
//   <FeedHintsPanel item={itemById(target.id)} />
export const SETTLE_MS = 150;
export const HOVER_MS = 300;

export class HintTarget {
  /** The item the column shows, once settled; null for none. */
  id = $state<number | null>(null);

  /**
   * `id` as last set, read by the methods instead of `id`: they run inside effects (the
   * screen's `select(selectedId)`), which must not come to depend on the target they move.
   */
  #current: number | null = null;
  #selected: number | null = null;
  #pending: { id: number | null; timer: ReturnType<typeof setTimeout> } | null = null;
  #pointer: string | null = null;

  /** The selection changed (J/K, click, focus, or cleared by a search). */
  select(id: number | null): void {
    this.#selected = id;
    this.#want(id, SETTLE_MS);
  }

  /**
   * The pointer moved to (x, y), over item `id` (null: over no item). A move to where the
   * pointer already was is the webview re-reading the hover after cards scrolled under a
   * still pointer (J/K scroll the list): the reader pointed at nothing new, so it is ignored.
   */
  moved(x: number, y: number, id: number | null): void {
    const at = `${x},${y}`;
    if (at === this.#pointer) return;
    this.#pointer = at;
    this.#want(id ?? this.#selected, HOVER_MS);
  }

  /** The pointer left the list. */
  leave(): void {
    this.#pointer = null;
    this.#want(this.#selected, HOVER_MS);
  }

  /** The pointer reached the hints column: keep what it shows. */
  hold(): void {
    this.#cancel();
  }

  dispose(): void {
    this.#cancel();
  }

  #want(id: number | null, delay: number): void {
    // Already on its way: a pointer moving within one card must not restart the wait.
    if (this.#pending && this.#pending.id === id) return;
    this.#cancel();
    if (id === this.#current) return;
    const timer = setTimeout(() => {
      this.#pending = null;
      this.#current = id;
      this.id = id;
    }, delay);
    this.#pending = { id, timer };
  }

  #cancel(): void {
    if (this.#pending) clearTimeout(this.#pending.timer);
    this.#pending = null;
  }
}
