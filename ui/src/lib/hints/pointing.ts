// The Feed screen's list read for the hints column: which card the pointer is over, and
// which card a click or keyboard focus lands in (that one becomes the selection). Attached to
// the element around the list, so the cards themselves stay as they are.
//
//   <section {@attach pointing(target, (id) => (selectedId = id))}> … FeedList … </section>
import type { Attachment } from "svelte/attachments";
import type { HintTarget } from "./target.svelte";

/** The id of the feed card an event happened in, or null outside every card. */
export function cardAt(target: EventTarget | null): number | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  const id = element?.closest<HTMLElement>("[data-testid=feed-item]")?.dataset.id;
  return id ? Number(id) : null;
}

export function pointing(target: HintTarget, onPick: (id: number) => void): Attachment<HTMLElement> {
  return (node) => {
    const move = (event: PointerEvent) => {
      // A finger has no hover: its tap is a click, which selects.
      if (event.pointerType !== "touch") target.moved(event.clientX, event.clientY, cardAt(event.target));
    };
    const leave = () => target.leave();
    const pick = (event: Event) => {
      const id = cardAt(event.target);
      if (id !== null) onPick(id);
    };
    node.addEventListener("pointermove", move);
    node.addEventListener("pointerleave", leave);
    node.addEventListener("click", pick);
    node.addEventListener("focusin", pick);
    return () => {
      node.removeEventListener("pointermove", move);
      node.removeEventListener("pointerleave", leave);
      node.removeEventListener("click", pick);
      node.removeEventListener("focusin", pick);
    };
  };
}
