//! The plaintext inside `secrets.enc`: the entries, as length-prefixed UTF-8.
//!
//! ```text
//! u32 LE  number of entries
//! then per entry, sorted by name:
//!   u32 LE  name length, name bytes ("<account_id>:<kind>")
//!   u32 LE  value length, value bytes
//! ```
//!
//! A hand-rolled format rather than JSON so that no parser makes unzeroized copies of the
//! values. Names are kept as text, not parsed into keys, so entries of a kind a newer Ferry
//! added survive a rewrite by an older one.

use std::collections::BTreeMap;

use zeroize::Zeroizing;

use super::Secret;

pub(crate) type Entries = BTreeMap<String, Secret>;

pub(crate) fn encode(entries: &Entries) -> Zeroizing<Vec<u8>> {
    let size = 4 + entries
        .iter()
        .map(|(name, value)| 8 + name.len() + value.expose().len())
        .sum::<usize>();
    // Reserved up front so the buffer never reallocates and leaves a stray copy behind.
    let mut out = Zeroizing::new(Vec::with_capacity(size));
    out.extend_from_slice(&len32(entries.len()));
    for (name, value) in entries {
        out.extend_from_slice(&len32(name.len()));
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&len32(value.expose().len()));
        out.extend_from_slice(value.expose().as_bytes());
    }
    out
}

/// Reads entries back; the error names the entry and what is wrong with it, never a value.
pub(crate) fn decode(bytes: &[u8]) -> Result<Entries, String> {
    let mut reader = Reader { bytes, at: 0 };
    let count = reader.u32("the entry count")?;
    let mut entries = Entries::new();
    for index in 0..count {
        let name = reader.text(&format!("the name of entry {index}"))?;
        let value = reader.text(&format!("the value of entry {index} ({name})"))?;
        if entries
            .insert(name.to_owned(), Secret::new(value))
            .is_some()
        {
            return Err(format!("entry {index} repeats the name {name}"));
        }
    }
    if reader.at != bytes.len() {
        return Err(format!(
            "{} unexpected bytes after the last entry",
            bytes.len() - reader.at
        ));
    }
    Ok(entries)
}

fn len32(len: usize) -> [u8; 4] {
    // Values are capped at 64 KiB and names at a few hundred bytes, far below u32::MAX.
    u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes()
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(len)
            .filter(|end| *end <= self.bytes.len());
        let end = end.ok_or_else(|| format!("{what} runs past the end of the data"))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self, what: &str) -> Result<u32, String> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn text(&mut self, what: &str) -> Result<&'a str, String> {
        let len = self.u32(what)? as usize;
        let bytes = self.take(len, what)?;
        std::str::from_utf8(bytes).map_err(|_| format!("{what} is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_cjk_emoji_and_rtl() {
        let mut entries = Entries::new();
        entries.insert("acct-1:oauth_token".into(), Secret::new("令牌-👩‍👩‍👧-مرحبا"));
        entries.insert("小红书:api_key".into(), Secret::new("ｋｅｙ，全角"));
        let bytes = encode(&entries);
        assert_eq!(decode(&bytes).unwrap(), entries);
        assert_eq!(decode(&encode(&Entries::new())).unwrap(), Entries::new());
    }

    #[test]
    fn names_the_broken_entry_without_its_value() {
        let mut entries = Entries::new();
        entries.insert("acct:api_key".into(), Secret::new("sk-very-secret"));
        let bytes = encode(&entries);
        let err = decode(&bytes[..bytes.len() - 3]).unwrap_err();
        assert!(err.contains("value of entry 0 (acct:api_key)"), "{err}");
        assert!(!err.contains("sk-very"), "{err}");
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert!(decode(&longer).unwrap_err().contains("1 unexpected bytes"));
    }
}
