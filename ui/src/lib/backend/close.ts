// The window's close button: the shell asks first (ferry://close-requested, see
// src-tauri/src/close_guard.rs), the UI runs `beforeClose` (e.g. a last autosave), then
// answers with `close_main_window`. When `beforeClose` fails (the disk is full, another
// program holds the database) it answers `keep_main_window_open` instead: closing would lose
// the text, while an open window still shows it, with the error in the save indicator, for
// the person to retry or copy. A page that never answers is closed by the shell's timer.
import { EVENT, type Backend, type Unlisten } from "./index";

export function onCloseRequested(backend: Backend, beforeClose: () => Promise<void>): Promise<Unlisten> {
  return backend.listen(EVENT.closeRequested, async () => {
    try {
      await beforeClose();
    } catch {
      await backend.call("keep_main_window_open").catch(() => undefined);
      return;
    }
    // The shell closes the window once we answer (or after its own grace period).
    await backend.call("close_main_window").catch(() => undefined);
  });
}
