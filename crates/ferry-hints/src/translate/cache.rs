//! Remembering translations, so the same text is never sent (or paid for) twice.
//!
//! `TranslationCache` is the seam: ferry-core's SQLite store implements it for the app;
//! `MemoryCache` serves tests and short-lived tools. Keys are derived from everything that
//! changes the answer — provider, model, languages and text — never from the API key.

use std::collections::HashMap;
use std::sync::Mutex;

use async_trait::async_trait;

/// What a cached translation is filed under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CacheKey {
    /// `libretranslate`, `deepl`, `openai:<model>`.
    pub provider: String,
    pub source: String,
    pub target: String,
    pub text: String,
}

/// Storage for translations.
#[async_trait]
pub trait TranslationCache: Send + Sync {
    async fn get(&self, key: &CacheKey) -> Result<Option<String>, String>;
    async fn put(&self, key: &CacheKey, translation: &str) -> Result<(), String>;
}

/// An in-process cache.
#[derive(Debug, Default)]
pub struct MemoryCache {
    entries: Mutex<HashMap<CacheKey, String>>,
}

impl MemoryCache {
    pub fn len(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[async_trait]
impl TranslationCache for MemoryCache {
    async fn get(&self, key: &CacheKey) -> Result<Option<String>, String> {
        let entries = self
            .entries
            .lock()
            .map_err(|_| "cache lock poisoned".to_owned())?;
        Ok(entries.get(key).cloned())
    }

    async fn put(&self, key: &CacheKey, translation: &str) -> Result<(), String> {
        let mut entries = self
            .entries
            .lock()
            .map_err(|_| "cache lock poisoned".to_owned())?;
        entries.insert(key.clone(), translation.to_owned());
        Ok(())
    }
}
