import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Draft, DraftContent } from "../backend";
import { FakeBackend } from "../backend/fake";
import { setAltText, setVariantText, toggleTarget } from "./content";
import { DraftSession } from "./session.svelte";

/**
 * An in-memory stand-in for the shell with the engine's rules that matter to a session:
 * revisions count up, a save based on an old revision is refused with `draft.conflict`, a
 * save that changes nothing writes no revision.
 */
function memoryBackend() {
  const drafts = new Map<string, { draft: Draft; history: DraftContent[] }>();
  const calls: string[] = [];
  let failNextSave: { code: string; message: string } | null = null;
  const now = () => new Date(0).toISOString();
  const stored = (id: string) => {
    const entry = drafts.get(id);
    if (!entry) throw { code: "draft.not_found", message: `no draft with id ${id}` };
    return entry;
  };
  const advance = (id: string, content: DraftContent) => {
    const entry = stored(id);
    entry.history.push(structuredClone(content));
    entry.draft = { ...entry.draft, revision: entry.history.length, content: structuredClone(content) };
    return entry.draft;
  };
  const backend = new FakeBackend({
    async create_draft({ draft }) {
      calls.push("create");
      const id = `d${drafts.size + 1}`;
      const content: DraftContent = { ...draft, attachments: [] };
      drafts.set(id, {
        draft: { id, revision: 0, createdAt: now(), updatedAt: now(), content },
        history: [],
      });
      return advance(id, content);
    },
    async save_draft({ edit }) {
      calls.push(`save@${edit.baseRevision}`);
      if (failNextSave) {
        const error = failNextSave;
        failNextSave = null;
        throw error;
      }
      const entry = stored(edit.id);
      if (edit.baseRevision !== entry.draft.revision) {
        throw { code: "draft.conflict", message: "changed elsewhere" };
      }
      const attachments = edit.attachments.map((a) => {
        const known = entry.draft.content.attachments.find((k) => k.id === a.id)!;
        return { ...known, alt: a.alt };
      });
      const next: DraftContent = {
        variants: edit.variants,
        overrides: edit.overrides,
        targets: edit.targets,
        topics: edit.topics,
        attachments,
      };
      if (JSON.stringify(next) === JSON.stringify(entry.draft.content)) {
        return { draft: entry.draft, revision: null };
      }
      const draft = advance(edit.id, next);
      return {
        draft,
        revision: { number: draft.revision, createdAt: now(), kind: "edited", restoredFrom: null, preview: "" },
      };
    },
    async attach_media({ id, path }) {
      calls.push(`attach ${path}`);
      const content = structuredClone(stored(id).draft.content);
      const attachment = {
        id: `a${content.attachments.length + 1}`,
        sha256: "0".repeat(64),
        storedName: `${"0".repeat(64)}.png`,
        originalName: path.split("/").pop()!,
        mediaType: "image/png",
        width: 2,
        height: 1,
        byteLen: 72,
        alt: {},
        missing: false,
      };
      content.attachments.push(attachment);
      const draft = advance(id, content);
      return {
        attachment,
        draft,
        revision: { number: draft.revision, createdAt: now(), kind: "mediaAdded", restoredFrom: null, preview: "" },
      };
    },
    async set_attachment_focus({ id, attachmentId, focus }) {
      calls.push(`focus ${attachmentId} ${focus ? `${focus.x},${focus.y}` : "centre"}`);
      // The attachment row changes, not the history: no new revision.
      const entry = stored(id);
      const attachment = entry.draft.content.attachments.find((a) => a.id === attachmentId);
      if (!attachment) throw { code: "draft.no_attachment", message: `no attachment ${attachmentId}` };
      if (focus) attachment.focus = focus;
      else delete attachment.focus;
      return structuredClone(entry.draft);
    },
    async restore_revision({ id, number }) {
      calls.push(`restore ${number}`);
      const draft = advance(id, stored(id).history[number - 1]);
      return {
        draft,
        revision: { number: draft.revision, createdAt: now(), kind: "restored", restoredFrom: number, preview: "" },
      };
    },
  });
  return {
    backend,
    calls,
    drafts,
    failNextSave: (error: { code: string; message: string }) => (failNextSave = error),
  };
}

describe("DraftSession", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("creates the draft on the first edit, then saves on top of each new revision", async () => {
    const { backend, calls, drafts } = memoryBackend();
    const session = new DraftSession(backend, null, ["en", "zh-Hans"]);
    expect(session.id).toBeNull();

    setVariantText(session.content, "zh-Hans", "渡口见！", session.primaryLang);
    setVariantText(session.content, "en", "See you at the ferry", session.primaryLang);
    session.touch();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual(["create"]);
    expect(session.id).toBe("d1");
    // The main language goes first even when the other one was typed first.
    expect(drafts.get("d1")!.draft.content.variants.map((v) => v.lang)).toEqual(["en", "zh-Hans"]);

    toggleTarget(session.content, "bluesky");
    session.touch();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual(["create", "save@1"]);
    expect(session.revision).toBe(2);
    expect(session.saveState.kind).toBe("saved");
  });

  it("attaches between autosaves without a conflict", async () => {
    const { backend, calls, drafts } = memoryBackend();
    const session = new DraftSession(backend, null, ["en", "zh-Hans"]);
    setVariantText(session.content, "en", "Dawn", "en");
    session.touch();
    // An attach while the first edit is still waiting: the edit is stored first.
    await session.attach(["/photos/渡口.png"]);
    expect(calls).toEqual(["create", "attach /photos/渡口.png"]);
    expect(session.content.attachments.map((a) => a.originalName)).toEqual(["渡口.png"]);

    setAltText(session.content, "a1", "zh-Hans", "日出时的渡轮");
    session.touch();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.at(-1)).toBe("save@2");
    expect(session.saveState.kind).toBe("saved");
    expect(session.revision).toBe(3);

    // Clearing an alt text removes it rather than storing an empty one.
    setAltText(session.content, "a1", "zh-Hans", "");
    session.touch();
    await vi.advanceTimersByTimeAsync(500);
    expect(drafts.get("d1")!.draft.content.attachments[0].alt).toEqual({});
  });

  it("keeps the text and reports the error when a save fails, then retries", async () => {
    const { backend, failNextSave, drafts } = memoryBackend();
    const session = new DraftSession(backend, null, ["en", "zh-Hans"]);
    setVariantText(session.content, "en", "first", "en");
    session.touch();
    await vi.advanceTimersByTimeAsync(500);

    failNextSave({ code: "db.locked", message: "the database is locked" });
    setVariantText(session.content, "en", "first, then more 👩‍👩‍👧", "en");
    session.touch();
    await vi.advanceTimersByTimeAsync(500);
    expect(session.saveState.kind).toBe("error");
    expect(session.content.variants[0].text).toBe("first, then more 👩‍👩‍👧");

    await session.retrySave();
    expect(session.saveState.kind).toBe("saved");
    expect(drafts.get("d1")!.draft.content.variants[0].text).toBe("first, then more 👩‍👩‍👧");
  });

  it("restores an older revision as the working copy", async () => {
    const { backend } = memoryBackend();
    const session = new DraftSession(backend, null, ["en", "zh-Hans"]);
    setVariantText(session.content, "en", "one", "en");
    session.touch();
    await vi.advanceTimersByTimeAsync(500);
    setVariantText(session.content, "en", "two", "en");
    session.touch();
    await vi.advanceTimersByTimeAsync(500);

    await session.restore(1);
    expect(session.content.variants[0].text).toBe("one");
    expect(session.revision).toBe(3);
    expect(session.actionError).toBeNull();
  });

  it("shows an attach failure without touching the draft", async () => {
    const { backend } = memoryBackend();
    backend.answer("attach_media", () => {
      throw { code: "media.unsupported", message: "/tmp/notes.txt cannot be attached" };
    });
    const session = new DraftSession(backend, null, ["en", "zh-Hans"]);
    await session.attach(["/tmp/notes.txt"]);
    expect(session.actionError?.code).toBe("media.unsupported");
    expect(session.attaching).toBe(0);
    expect(session.content.attachments).toEqual([]);
  });

  it("sets a picture's focus at once, without a revision, and keeps it through the next save", async () => {
    const { backend, calls, drafts } = memoryBackend();
    const session = new DraftSession(backend, null, ["en", "zh-Hans"]);
    setVariantText(session.content, "en", "Dawn", "en");
    session.touch();
    await session.attach(["/photos/渡口.png"]);
    const revision = session.revision;

    const moving = session.setFocus("a1", { x: 250, y: 600 });
    expect(session.content.attachments[0].focus).toEqual({ x: 250, y: 600 });
    await moving;
    expect(calls.at(-1)).toBe("focus a1 250,600");
    expect(session.revision).toBe(revision);

    setAltText(session.content, "a1", "en", "The ferry at dawn");
    session.touch();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.at(-1)).toBe(`save@${revision}`);
    expect(drafts.get("d1")!.draft.content.attachments[0]).toMatchObject({
      alt: { en: "The ferry at dawn" },
      focus: { x: 250, y: 600 },
    });

    await session.setFocus("a1", null);
    expect(calls.at(-1)).toBe("focus a1 centre");
    expect(session.content.attachments[0].focus).toBeUndefined();
    expect(drafts.get("d1")!.draft.content.attachments[0].focus).toBeUndefined();
  });

  it("puts the old focus back when the engine refuses the new one", async () => {
    const { backend } = memoryBackend();
    const session = new DraftSession(backend, null, ["en", "zh-Hans"]);
    setVariantText(session.content, "en", "Dawn", "en");
    session.touch();
    await session.attach(["/photos/渡口.png"]);
    await session.setFocus("a1", { x: 100, y: 100 });
    backend.answer("set_attachment_focus", () => {
      throw { code: "db.locked", message: "the database is locked" };
    });
    await expect(session.setFocus("a1", { x: 900, y: 900 })).rejects.toMatchObject({ code: "db.locked" });
    expect(session.content.attachments[0].focus).toEqual({ x: 100, y: 100 });
  });
});
