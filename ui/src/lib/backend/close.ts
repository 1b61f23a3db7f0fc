// The window's close button: the shell asks first (ferry://close-requested, see
// src-tauri/src/close_guard.rs), the UI runs `beforeClose` (e.g. a last autosave), then
// answers with `close_main_window` — also when `beforeClose` failed, since a window that
// refuses to close is worse (a failed save already shows in the save indicator).
import { EVENT, type Backend, type Unlisten } from "./index";

export function onCloseRequested(backend: Backend, beforeClose: () => Promise<void>): Promise<Unlisten> {
  return backend.listen(EVENT.closeRequested, async () => {
    await beforeClose().catch(() => undefined);
    // The shell closes the window once we answer (or after its own grace period).
    await backend.call("close_main_window").catch(() => undefined);
  });
}
