//! Turns sqlx/SQLite failures into the engine's errors, naming the database file.
//!
//! SQLite reports *why* through result codes: busy/locked means another connection holds the
//! write lock past our busy timeout; full means the disk is (the write was rolled back);
//! read-only, can't-open and I/O errors mean the file or folder can't be written; corrupt /
//! not-a-database mean the file is damaged.

use std::path::Path;

use crate::error::StoreError;

// Primary SQLite result codes (https://sqlite.org/rescode.html).
const SQLITE_BUSY: i32 = 5;
const SQLITE_LOCKED: i32 = 6;
const SQLITE_READONLY: i32 = 8;
const SQLITE_IOERR: i32 = 10;
const SQLITE_CORRUPT: i32 = 11;
const SQLITE_FULL: i32 = 13;
const SQLITE_CANTOPEN: i32 = 14;
const SQLITE_NOTADB: i32 = 26;

pub fn from_sqlx(path: &Path, err: sqlx::Error) -> StoreError {
    let path = path.to_path_buf();
    match &err {
        sqlx::Error::Database(db) => {
            let code = db
                .code()
                .and_then(|c| c.parse::<i32>().ok())
                .map(|c| c & 0xff);
            let detail = db.message().to_owned();
            match code {
                Some(SQLITE_BUSY | SQLITE_LOCKED) => StoreError::Locked { path },
                Some(SQLITE_FULL) => StoreError::DiskFull { path },
                Some(SQLITE_READONLY | SQLITE_CANTOPEN | SQLITE_IOERR) => {
                    StoreError::Unwritable { path, detail }
                }
                Some(SQLITE_CORRUPT | SQLITE_NOTADB) => StoreError::Corrupt { path, detail },
                _ => StoreError::Sqlite { path, detail },
            }
        }
        // Every pooled connection stayed busy past the acquire timeout: another writer.
        sqlx::Error::PoolTimedOut => StoreError::Locked { path },
        sqlx::Error::Io(io) if io.kind() == std::io::ErrorKind::StorageFull => {
            StoreError::DiskFull { path }
        }
        sqlx::Error::Io(io) => StoreError::Unwritable {
            path,
            detail: io.to_string(),
        },
        _ => StoreError::Sqlite {
            path,
            detail: err.to_string(),
        },
    }
}
