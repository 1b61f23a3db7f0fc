// One open draft in the composer: its working copy, its autosave and every call that changes
// it in the database. Calls for a draft run one after another (a save, an attach, a restore
// never overlap), so each one is based on the revision the previous one produced and the
// engine's conflict check only fires for edits made elsewhere (the CLI, another window).
//
//   const session = new DraftSession(backend, null, ["en", "zh-Hans"], onStored);
//   setVariantText(session.content, "en", "Hello", session.primaryLang); session.touch();
//   await session.attach(["/home/me/photo.png"]);
//   await session.flush();
import { Autosave, type SaveState } from "../autosave/autosave";
import { BackendError, type Backend, type Draft, type DraftContent, type Focus } from "../backend";
import { emptyContent } from "./content";

export class DraftSession {
  /** `null` until the first edit creates the draft (so "New draft" never litters the list). */
  id = $state<string | null>(null);
  revision = $state(0);
  content = $state<DraftContent>(emptyContent());
  /** The main language even before its variant exists. */
  primaryLang = $state("en");
  saveState = $state<SaveState>({ kind: "idle" });
  /** How many images are being copied in right now. */
  attaching = $state(0);
  /** The last failure of an attach or restore (save failures live in `saveState`). */
  actionError = $state<BackendError | null>(null);

  #backend: Backend;
  #autosave: Autosave<DraftContent>;
  #queue: Promise<unknown> = Promise.resolve();
  #onStored: (draft: Draft) => void;

  constructor(
    backend: Backend,
    draft: Draft | null,
    startLanguages: readonly [string, string],
    onStored: (draft: Draft) => void = () => undefined,
  ) {
    this.#backend = backend;
    this.#onStored = onStored;
    this.#autosave = new Autosave({
      save: (content) => this.#serially(() => this.#persist(content)),
      onState: (state) => (this.saveState = state),
    });
    if (draft) this.#adopt(draft);
    else this.primaryLang = startLanguages[0];
  }

  /** Call after every edit of `content`; the autosave takes it from there. */
  touch(): void {
    this.#autosave.change($state.snapshot(this.content) as DraftContent);
  }

  /** Resolves once every edit so far is stored (or the save failed, see `saveState`). */
  flush(): Promise<void> {
    return this.#autosave.flush();
  }

  retrySave(): Promise<void> {
    return this.#autosave.retry();
  }

  get dirty(): boolean {
    return this.#autosave.dirty;
  }

  /** Copies each image into the data folder and attaches it, one revision per image. */
  async attach(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    this.actionError = null;
    this.attaching += paths.length;
    try {
      await this.flush();
      for (const path of paths) {
        try {
          const stored = await this.#serially(async () => {
            const id = await this.#ensureCreated();
            return this.#backend.call("attach_media", { id, path });
          });
          this.#mergeAttachments(stored.draft);
        } catch (raw) {
          this.actionError = BackendError.from(raw);
        } finally {
          this.attaching -= 1;
        }
      }
    } catch (raw) {
      this.attaching = 0;
      this.actionError = BackendError.from(raw);
    }
  }

  /**
   * Moves where a crop to 3:4 keeps an attachment (null: back to the centre). Shown at once;
   * the engine stores it on the attachment without a new revision, and the autosave, which
   * sends only alt texts, leaves it as it is. Rejects, with the old focus back, when the
   * engine refuses (the kit shows why next to the picture).
   */
  async setFocus(attachmentId: string, focus: Focus | null): Promise<void> {
    const id = this.id;
    const local = this.content.attachments.find((a) => a.id === attachmentId);
    if (id === null || !local) return;
    const before = local.focus;
    placeFocus(local, focus);
    try {
      const stored = await this.#serially(() =>
        this.#backend.call("set_attachment_focus", { id, attachmentId, focus }),
      );
      // The focus itself is not taken back from `stored`: a later move may already be shown.
      this.revision = stored.revision;
      this.#onStored(stored);
    } catch (raw) {
      if (local.focus?.x === focus?.x && local.focus?.y === focus?.y) placeFocus(local, before);
      throw BackendError.from(raw);
    }
  }

  /** Brings back an older revision as the new head (itself a new, undoable revision). */
  async restore(number: number): Promise<void> {
    const id = this.id;
    if (id === null) return;
    this.actionError = null;
    await this.flush();
    try {
      const { draft } = await this.#serially(() => this.#backend.call("restore_revision", { id, number }));
      this.#adopt(draft);
      this.#onStored(draft);
    } catch (raw) {
      this.actionError = BackendError.from(raw);
    }
  }

  /** Makes a reply a post of its own (a new revision; the composer may then add targets). */
  async dropReply(): Promise<void> {
    const id = this.id;
    if (id === null) return;
    this.actionError = null;
    await this.flush();
    try {
      const { draft } = await this.#serially(() => this.#backend.call("drop_draft_reply", { id }));
      this.#adopt(draft);
      this.#onStored(draft);
    } catch (raw) {
      this.actionError = BackendError.from(raw);
    }
  }

  dispose(): void {
    this.#autosave.dispose();
  }

  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #ensureCreated(): Promise<string> {
    if (this.id !== null) return this.id;
    const content = $state.snapshot(this.content) as DraftContent;
    const draft = await this.#backend.call("create_draft", {
      draft: {
        variants: content.variants,
        overrides: content.overrides,
        targets: content.targets,
        topics: content.topics,
      },
    });
    this.id = draft.id;
    this.revision = draft.revision;
    this.#onStored(draft);
    return draft.id;
  }

  async #persist(content: DraftContent): Promise<void> {
    if (this.id === null) {
      await this.#ensureCreated();
      return;
    }
    const outcome = await this.#backend.call("save_draft", {
      edit: {
        id: this.id,
        baseRevision: this.revision,
        variants: content.variants,
        overrides: content.overrides,
        targets: content.targets,
        topics: content.topics,
        // A cleared alt text is no alt text, not an empty one.
        attachments: content.attachments.map((a) => ({
          id: a.id,
          alt: Object.fromEntries(Object.entries(a.alt).filter(([, text]) => text)),
        })),
      },
    });
    this.revision = outcome.draft.revision;
    if (outcome.revision) this.#onStored(outcome.draft);
  }

  /** Takes new attachments from the stored draft without touching text typed meanwhile. */
  #mergeAttachments(stored: Draft): void {
    this.revision = stored.revision;
    const known = new Set(this.content.attachments.map((a) => a.id));
    for (const attachment of stored.content.attachments) {
      if (!known.has(attachment.id)) this.content.attachments.push(attachment);
    }
    this.#onStored(stored);
  }

  #adopt(draft: Draft): void {
    this.id = draft.id;
    this.revision = draft.revision;
    this.content = structuredClone(draft.content);
    this.primaryLang = draft.content.variants[0]?.lang ?? this.primaryLang;
  }
}

function placeFocus(attachment: { focus?: Focus }, focus: Focus | null | undefined): void {
  if (focus) attachment.focus = { x: focus.x, y: focus.y };
  else delete attachment.focus;
}
