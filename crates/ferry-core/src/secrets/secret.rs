//! [`Secret`]: a secret value that wipes its memory when dropped and never prints itself.

use std::fmt;

use zeroize::Zeroizing;

/// A token, private key or API key on its way to or from a [`super::SecretStore`].
///
/// - `Debug` and `Display` print `[redacted]`, so a secret that ends up in a log line, a
///   `{:?}` of a struct or an error message shows nothing.
/// - It is deliberately not `Serialize`: it cannot slip into SQLite rows, `--json` output or
///   the UI's state through serde.
/// - The text is wiped from memory when the value is dropped (clones are wiped too).
///
/// Read the value with [`Secret::expose`] at the one place that needs it (building an HTTP
/// header, signing an event) and don't keep the `&str` around.
///
/// ```compile_fail
/// // Not Serialize, so no struct holding one can be written to JSON or SQLite by serde.
/// fn serializable<T: serde::Serialize>() {}
/// serializable::<ferry_core::secrets::Secret>();
/// ```
///
/// The same check compiles for a type that is `Serialize` (a draft's variant), so the example
/// above fails for the one reason it is there for, not for a missing path or crate:
///
/// ```
/// fn serializable<T: serde::Serialize>() {}
/// serializable::<ferry_core::Variant>();
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(Zeroizing::new(value.into()))
    }

    /// The secret text. Named so that every use stands out in review.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn prints_redacted_and_exposes_the_value() {
        let secret = Secret::new("token-🔑-令牌");
        assert_eq!(format!("{secret}"), "[redacted]");
        assert_eq!(format!("{secret:?}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(&secret)), "Some([redacted])");
        assert_eq!(secret.expose(), "token-🔑-令牌");
    }
}
