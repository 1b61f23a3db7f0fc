//! The hints crate's integration tests, built as one binary: each file of its own would link
//! the dictionaries' readers, jieba and the translation clients again, which on two cores
//! costs more than running every test. Test names keep their file as a prefix (`panel::…`).

mod bad_input;
mod hint_tables;
mod panel;
mod translate;
