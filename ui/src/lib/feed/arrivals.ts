// Newer items arriving on top of a list the reader has scrolled into: the fresh first page(s)
// merged into what is loaded, by id, and how many of the arrivals are still above the
// reader's place (the "N new items ↑" pill). Merging rather than reading the first page
// again keeps the older pages already loaded, so the row the reader is looking at is still
// there to scroll back to.

type Id = number;

export interface Merged<T> {
  items: T[];
  /** Ids the loaded list did not have, in the page's order. */
  arrived: Id[];
  /**
   * Whether the page reaches the loaded list (shares an item with it, or either is empty). A
   * page of only new items may sit above a gap of more new items: the caller reads further.
   */
  reaches: boolean;
}

/**
 * Puts a fresh top of the list (newest first) on the loaded items. The fresh part is the
 * truth for the range it covers: its items in its order (an updated item replaces the loaded
 * one), and a loaded item in that range that it no longer holds (deleted, pruned by
 * retention) is dropped. Everything the loaded list had below that range stays, in order.
 * `complete`: the fresh part is the whole list (its last page came back short), so nothing
 * loaded below it exists any more.
 */
export function mergeTop<T extends { id: Id }>(loaded: readonly T[], fresh: readonly T[], complete: boolean): Merged<T> {
  const loadedAt = new Map<Id, number>();
  loaded.forEach((item, n) => loadedAt.set(item.id, n));
  // The last loaded row the fresh part covers: loaded rows after it rank below all of it.
  let covered = -1;
  const arrived: Id[] = [];
  for (const item of fresh) {
    const at = loadedAt.get(item.id);
    if (at === undefined) arrived.push(item.id);
    else covered = Math.max(covered, at);
  }
  const reaches = covered >= 0 || loaded.length === 0 || fresh.length === 0;
  const kept = complete || !reaches ? [] : loaded.slice(covered + 1);
  return { items: [...fresh, ...kept], arrived, reaches };
}

/** How many not-yet-seen arrivals sit above row `firstVisible` (the pill's number). */
export function unseenAbove(unseen: ReadonlySet<Id>, indexOf: ReadonlyMap<Id | string, number>, firstVisible: number): number {
  let count = 0;
  for (const id of unseen) {
    const at = indexOf.get(id);
    if (at !== undefined && at < firstVisible) count += 1;
  }
  return count;
}
