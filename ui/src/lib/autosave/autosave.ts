// Autosave: call `change()` on every edit; the latest value is saved no later than `maxWaitMs`
// (500 ms) after the first unsaved edit, sooner (`quietMs`) when typing pauses. Saves never
// overlap: an edit made while a save is in flight is saved right after it, with whatever the
// first save returned (e.g. the new revision number) already applied by the caller.
//
//   const autosave = new Autosave({ save: (text) => backend.saveDraft(...), onState: show });
//   textarea.oninput = () => autosave.change(textarea.value);
//   await autosave.flush(); // before switching drafts or closing the window
//
// A failed save keeps the value pending and reports `error`; the next edit, `retry()`,
// `flush()` or, on its own, a retry every `retryMs` (5 s) tries again — so a draft refused by
// a full disk or a locked database saves by itself once the cause is gone. The caller's text
// is never touched, so nothing typed is lost.

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "error"; error: unknown };

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions<T> {
  save: (value: T) => Promise<void>;
  onState?: (state: SaveState) => void;
  /** Save this long after the last edit when typing pauses. */
  quietMs?: number;
  /** Never let an edit wait longer than this before its save starts. */
  maxWaitMs?: number;
  /** After a failed save, try again this long after it while nothing else does. */
  retryMs?: number;
  timers?: Timers;
}

const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const AUTOSAVE_MAX_WAIT_MS = 500;
export const AUTOSAVE_RETRY_MS = 5000;

export class Autosave<T> {
  #save: (value: T) => Promise<void>;
  #onState: (state: SaveState) => void;
  #quietMs: number;
  #maxWaitMs: number;
  #retryMs: number;
  #timers: Timers;

  #pending: { value: T } | undefined;
  #firstEditAt: number | undefined;
  #timer: unknown;
  #inFlight: Promise<void> | undefined;
  #state: SaveState = { kind: "idle" };

  constructor(options: AutosaveOptions<T>) {
    this.#save = options.save;
    this.#onState = options.onState ?? (() => undefined);
    this.#maxWaitMs = options.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS;
    this.#quietMs = Math.min(options.quietMs ?? 250, this.#maxWaitMs);
    this.#retryMs = options.retryMs ?? AUTOSAVE_RETRY_MS;
    this.#timers = options.timers ?? browserTimers;
  }

  get state(): SaveState {
    return this.#state;
  }

  /** True while an edit has not reached the database yet. */
  get dirty(): boolean {
    return this.#pending !== undefined || this.#inFlight !== undefined;
  }

  change(value: T): void {
    const now = this.#timers.now();
    this.#pending = { value };
    this.#firstEditAt ??= now;
    if (this.#state.kind !== "saving") this.#setState({ kind: "pending" });
    this.#schedule(now);
  }

  /** Saves what is pending now and resolves once everything edited so far is stored. */
  async flush(): Promise<void> {
    this.#cancelTimer();
    while (this.#inFlight || this.#pending) {
      if (this.#inFlight) await this.#inFlight;
      else if (!(await this.#run())) return;
    }
  }

  /** Tries the failed save again at once. */
  retry(): Promise<void> {
    return this.flush();
  }

  /** Stops the timer; pending edits are dropped (call `flush` first to keep them). */
  dispose(): void {
    this.#cancelTimer();
    this.#pending = undefined;
    this.#firstEditAt = undefined;
  }

  #schedule(now: number): void {
    this.#cancelTimer();
    if (this.#inFlight) return; // the running save reschedules when it ends
    const first = this.#firstEditAt ?? now;
    const due = Math.min(now + this.#quietMs, first + this.#maxWaitMs);
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      void this.#run();
    }, Math.max(0, due - now));
  }

  /** A later try of the failed value, unless an edit or a flush already scheduled one. */
  #scheduleRetry(): void {
    if (this.#timer !== undefined || !this.#pending) return;
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      void this.#run();
    }, this.#retryMs);
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Saves the pending value; resolves false when the save failed. */
  async #run(): Promise<boolean> {
    if (this.#inFlight || !this.#pending) return true;
    const { value } = this.#pending;
    this.#pending = undefined;
    this.#firstEditAt = undefined;
    this.#setState({ kind: "saving" });
    let ok = true;
    const attempt = this.#save(value).then(
      () => undefined,
      (error: unknown) => {
        ok = false;
        // Keep the failed value unless a newer edit already replaced it.
        this.#pending ??= { value };
        this.#setState({ kind: "error", error });
      },
    );
    this.#inFlight = attempt;
    await attempt;
    this.#inFlight = undefined;
    if (!ok) {
      this.#scheduleRetry();
      return false;
    }
    if (this.#pending) {
      this.#setState({ kind: "pending" });
      this.#firstEditAt ??= this.#timers.now();
      this.#schedule(this.#timers.now());
    } else {
      this.#setState({ kind: "saved", at: this.#timers.now() });
    }
    return true;
  }

  #setState(state: SaveState): void {
    this.#state = state;
    this.#onState(state);
  }
}
