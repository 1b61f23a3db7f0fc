// The `Backend` over Tauri's IPC: each method is one `invoke` of a command in
// src-tauri/src/commands/, with arguments named as the Rust parameters (camelCase here,
// snake_case there; Tauri converts).
import { convertFileSrc, invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open } from "@tauri-apps/plugin-dialog";
import type { Backend, DropEvent } from "./index";
import { BackendError } from "./errors";

/** The image types the engine accepts (it sniffs the bytes too; this only filters the list). */
const IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp"];

/** The shell's custom protocol serving `<data dir>/media/` (see src-tauri/src/media_protocol.rs). */
const MEDIA_PROTOCOL = "ferry-media";

/** Emitted by the shell when the main window is asked to close (see src-tauri/src/lib.rs). */
const CLOSE_REQUESTED = "ferry://close-requested";

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw BackendError.from(raw);
  }
}

export const tauriBackend: Backend = {
  databaseStatus: () => call("database_status"),
  retryDatabase: () => call("retry_database"),
  startFresh: () => call("start_fresh"),

  listDrafts: (query) => call("list_drafts", { query }),
  getDraft: (id) => call("get_draft", { id }),
  createDraft: (draft) => call("create_draft", { draft }),
  saveDraft: (edit) => call("save_draft", { edit }),
  deleteDraft: (id) => call("delete_draft", { id }),
  history: (id) => call("draft_history", { id }),
  revision: (id, number) => call("get_revision", { id, number }),
  restoreRevision: (id, number) => call("restore_revision", { id, number }),
  attachMedia: (id, path) => call("attach_media", { id, path }),

  settings: () => call("get_settings"),
  systemLanguages: () => call("system_languages"),
  saveSettings: (settings) => call("save_settings", { settings }),

  hints: (text, variant) => call("hints", { text, variant }),
  convertChinese: (text, target) => call("convert_chinese", { text, target }),
  translationStatus: () => call("translation_status"),
  translationProviders: () => call("list_translation_providers"),
  addTranslationProvider: (provider) => call("add_translation_provider", { provider }),
  updateTranslationProvider: (id, change) => call("update_translation_provider", { id, change }),
  removeTranslationProvider: (id) => call("remove_translation_provider", { id }),
  translate: (text, from, to) => call("translate_text", { text, from, to }),
  checkVariant: (request) => call("check_variant", { request }),

  async pickImages(title, filterName) {
    const picked = await open({
      title,
      multiple: true,
      directory: false,
      filters: [{ name: filterName, extensions: IMAGE_EXTENSIONS }],
    });
    if (picked === null) return [];
    return Array.isArray(picked) ? picked : [picked];
  },

  mediaUrl: (storedName) => convertFileSrc(storedName, MEDIA_PROTOCOL),

  async onFileDrop(handler) {
    return getCurrentWebview().onDragDropEvent(({ payload }) => {
      let event: DropEvent | undefined;
      if (payload.type === "enter") event = { kind: "enter", paths: payload.paths };
      else if (payload.type === "drop") event = { kind: "drop", paths: payload.paths };
      else if (payload.type === "leave") event = { kind: "leave" };
      if (event) handler(event);
    });
  },

  async onCloseRequested(beforeClose) {
    return listen(CLOSE_REQUESTED, async () => {
      try {
        await beforeClose();
      } finally {
        // The shell closes the window once we answer (or after its own grace period).
        await invoke("close_main_window").catch(() => undefined);
      }
    });
  },
};
