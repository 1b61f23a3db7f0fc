//! Offline hints for writing to two audiences at once.
