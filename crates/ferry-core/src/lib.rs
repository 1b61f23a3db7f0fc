//! Ferry's engine. Everything the desktop app and the `ferry` CLI do goes through here, so
//! the two always agree and most behaviour is testable without a window.
