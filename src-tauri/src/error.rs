//! What a failed command sends to the UI: `{code, message}`, the engine's [`ErrorPayload`].
//!
//! Every command returns `Result<T, CommandError>`, so `?` on an engine call is all a command
//! body needs; the UI's `BackendError` reads the same two fields.

use ferry_core::{ErrorPayload, StoreError};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct CommandError(pub ErrorPayload);

pub type CommandResult<T> = Result<T, CommandError>;

/// Every code a command can fail with; the UI's `ErrorCode` union is generated from this list.
/// (Filled in as each error enum declares its codes.)
pub fn codes() -> Vec<&'static str> {
    Vec::new()
}

impl CommandError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        CommandError(ErrorPayload {
            code: code.to_owned(),
            message: message.into(),
        })
    }

    pub fn code(&self) -> &str {
        &self.0.code
    }
}

impl From<StoreError> for CommandError {
    fn from(err: StoreError) -> Self {
        CommandError(err.payload())
    }
}

impl From<ErrorPayload> for CommandError {
    fn from(payload: ErrorPayload) -> Self {
        CommandError(payload)
    }
}

impl From<tauri::Error> for CommandError {
    fn from(err: tauri::Error) -> Self {
        CommandError::new("app.window", err.to_string())
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.0.code, self.0.message)
    }
}

impl std::error::Error for CommandError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_errors_keep_code_and_message() {
        let err = CommandError::from(StoreError::DraftNotFound { id: "d1".into() });
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "draft.not_found");
        assert_eq!(json["message"], "no draft with id d1");
    }
}
