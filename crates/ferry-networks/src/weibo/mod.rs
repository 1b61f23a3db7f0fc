//! Weibo: its current text limits and #话题# topics.
