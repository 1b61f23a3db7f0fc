// The `Backend` over Tauri's IPC, and the only module that imports `@tauri-apps/*`. Command
// and event names, argument keys and result types all come from the contract generated from
// the shell (bindings/contract.ts), so a renamed command or argument fails `npm run check`.
import { convertFileSrc, invoke } from "@tauri-apps/api/core";
import { listen as listenToShell } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open } from "@tauri-apps/plugin-dialog";
import { FEED_IMAGE_SCHEME, IMAGE_EXTENSIONS, MEDIA_SCHEME, type Events } from "./bindings/contract";
import { BackendError } from "./errors";
import type { Backend, DropEvent } from "./index";

export const tauriBackend: Backend = {
  async call(name, ...args) {
    try {
      return await invoke(name, args[0]);
    } catch (raw) {
      throw BackendError.from(raw);
    }
  },

  listen<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void) {
    return listenToShell<Events[E]>(event, ({ payload }) => handler(payload));
  },

  async pickImages(title, filterName) {
    const picked = await open({
      title,
      multiple: true,
      directory: false,
      filters: [{ name: filterName, extensions: [...IMAGE_EXTENSIONS] }],
    });
    if (picked === null) return [];
    return Array.isArray(picked) ? picked : [picked];
  },

  async pickFolder(title) {
    const picked = await open({ title, multiple: false, directory: true });
    return typeof picked === "string" ? picked : null;
  },

  mediaUrl: (storedName) => convertFileSrc(storedName, MEDIA_SCHEME),
  // A dash, not a slash: convertFileSrc percent-encodes slashes (feed_image_protocol.rs).
  feedImageUrl: (itemId, which) => convertFileSrc(`${itemId}-${which}`, FEED_IMAGE_SCHEME),

  async onFileDrop(handler) {
    return getCurrentWebview().onDragDropEvent(({ payload }) => {
      let event: DropEvent | undefined;
      if (payload.type === "enter") event = { kind: "enter", paths: payload.paths };
      else if (payload.type === "drop") event = { kind: "drop", paths: payload.paths };
      else if (payload.type === "leave") event = { kind: "leave" };
      if (event) handler(event);
    });
  },
};
