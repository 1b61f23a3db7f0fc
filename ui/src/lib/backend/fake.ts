// An in-memory `Backend` for tests: each test answers the commands it needs, sees every call
// the code under test made, and emits the shell's events when it wants them to arrive.
//
//   const fake = new FakeBackend({ post_now: async ({ request }) => job(request.draftId) });
//   const jobs = new PublishJobs(fake);
//   fake.emit(EVENT.publish, event);
//   expect(fake.called("post_now")).toHaveLength(1);
//
// Answers reject like the shell's: whatever a handler throws arrives as a `BackendError`, and
// a command without a handler rejects with `app.unexpected` (so a test sees the missing answer).
import type { ArgsOf, Backend, CommandName, Commands, DropEvent, Events, Result, Unlisten } from "./index";
import { FEED_IMAGE_SCHEME, MEDIA_SCHEME } from "./bindings/contract";
import { BackendError } from "./errors";

export type Answer<K extends CommandName> = (args: Commands[K]["args"]) => Result<K> | Promise<Result<K>>;
export type Answers = { [K in CommandName]?: Answer<K> };

export class FakeBackend implements Backend {
  /** Every command called, in order, with its arguments. */
  readonly calls: { name: CommandName; args: unknown }[] = [];
  #answers: Answers;
  #listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  constructor(answers: Answers = {}) {
    this.#answers = { ...answers };
  }

  /** Answers (or answers differently) one command from now on. */
  answer<K extends CommandName>(name: K, answer: Answer<K>): void {
    (this.#answers as Record<K, Answer<K>>)[name] = answer;
  }

  /** The arguments of each call of one command, in order. */
  called<K extends CommandName>(name: K): Commands[K]["args"][] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args as Commands[K]["args"]);
  }

  async call<K extends CommandName>(name: K, ...args: ArgsOf<K>): Promise<Result<K>> {
    const given = (args[0] ?? {}) as Commands[K]["args"];
    this.calls.push({ name, args: given });
    const answer = this.#answers[name] as Answer<K> | undefined;
    if (!answer) {
      throw new BackendError({ code: "app.unexpected", message: `the fake backend has no answer for ${name}` });
    }
    try {
      return await answer(given);
    } catch (raw) {
      throw BackendError.from(raw);
    }
  }

  async listen<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): Promise<Unlisten> {
    const handlers = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, handlers);
    handlers.add(handler);
    return () => handlers.delete(handler);
  }

  /** Delivers an event to everyone listening, as the shell would. */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const handler of this.#listeners.get(event) ?? []) (handler as (p: Events[E]) => void)(payload);
  }

  /** How many handlers follow an event right now. */
  listening(event: keyof Events): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  async pickImages(): Promise<string[]> {
    return [];
  }

  /** What the folder picker answers (a test sets it; null: cancelled). */
  pickedFolder: string | null = null;

  async pickFolder(): Promise<string | null> {
    return this.pickedFolder;
  }

  mediaUrl(storedName: string): string {
    return `${MEDIA_SCHEME}://localhost/${storedName}`;
  }

  feedImageUrl(itemId: number, which: "avatar" | number): string {
    return `${FEED_IMAGE_SCHEME}://localhost/${itemId}-${which}`;
  }

  async onFileDrop(_handler: (event: DropEvent) => void): Promise<Unlisten> {
    return () => undefined;
  }
}
