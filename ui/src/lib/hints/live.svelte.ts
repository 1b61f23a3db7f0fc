// The hints of a text that keeps changing under the panel: a variant being typed in the
// composer, or the feed item the reader moves to. Asks through a Coalescer (one request in
// flight, the latest ask wins, a stale answer dropped), so a burst of asks costs one more
// request and an older answer never replaces a newer one. While the dictionaries are still
// loading it asks again by itself, so meanings appear without another keystroke.
// With `pauseMs`, a text being typed is asked about only once typing pauses that long (the
// first ask goes at once, so the panel fills as it opens): re-laying out the hints of a long
// text on every keystroke took the page's main thread from the counters (BENCHMARKS.md).
//
//   const live = new LiveHints((q) => backend.call("hints", { text: q.text, variant: q.lang }));
//   $effect(() => live.ask({ text, lang }));
//   $effect(() => () => live.dispose());
//   {#if live.shown}<TextHints hints={live.shown.hints} text={live.shown.query.text} />{/if}
import { BackendError, type Hints } from "../backend";
import { Coalescer } from "./coalesce";
import { dictState, type DictState } from "./notices";

/** While the dictionaries load, ask again after this long. */
const RETRY_WHILE_LOADING_MS = 400;

export class LiveHints<Q extends { text: string }> {
  /** The last answer and what it answers; kept while a newer ask is on its way. */
  shown = $state<{ hints: Hints; query: Q } | null>(null);
  error = $state<BackendError | null>(null);

  #coalescer: Coalescer<Q, Hints>;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #pause: ReturnType<typeof setTimeout> | undefined;
  #pauseMs: number;
  #asked = false;

  /** `onDict` hears, with each answer, whether the dictionaries were there for it. */
  constructor(
    run: (query: Q) => Promise<Hints>,
    onDict?: (state: DictState) => void,
    { pauseMs = 0 }: { pauseMs?: number } = {},
  ) {
    this.#pauseMs = pauseMs;
    this.#coalescer = new Coalescer(run, {
      onResult: (hints, query) => {
        this.shown = { hints, query };
        this.error = null;
        const state = dictState(hints.warnings);
        onDict?.(state);
        clearTimeout(this.#retry);
        if (state === "loading") this.#retry = setTimeout(() => this.ask(query), RETRY_WHILE_LOADING_MS);
      },
      onError: (raw) => (this.error = BackendError.from(raw)),
    });
  }

  ask(query: Q): void {
    // A retry or a pause still waiting is for an older query: this one replaces it.
    clearTimeout(this.#retry);
    clearTimeout(this.#pause);
    if (this.#pauseMs > 0 && this.#asked) {
      this.#pause = setTimeout(() => this.#coalescer.ask(query), this.#pauseMs);
      return;
    }
    this.#asked = true;
    this.#coalescer.ask(query);
  }

  /** Stops asking; an answer still on its way is dropped. */
  dispose(): void {
    clearTimeout(this.#retry);
    clearTimeout(this.#pause);
    this.#coalescer.dispose();
  }
}
