//! Threads (Meta): 500 characters.
