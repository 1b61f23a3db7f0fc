//! Text for `parse_mode: "HTML"`: the writer's text with `<`, `>` and `&` escaped, so a
//! `<3` or `AT&T` arrives as typed instead of being refused as broken markup ("Bad Request:
//! can't parse entities"). Telegram counts its limits after parsing, so escaping costs no
//! characters (see `telegram::measure`).

/// Escapes the three characters Telegram's HTML parse mode reads as markup.
///
/// ```
/// use ferry_networks::telegram::client::escape_html;
/// assert_eq!(escape_html("1 < 2 & 3 > 2 😀"), "1 &lt; 2 &amp; 3 &gt; 2 😀");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// A message's or caption's text, ready for HTML parse mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingText {
    html: String,
}

impl OutgoingText {
    /// The writer's plain text, escaped.
    pub fn plain(text: &str) -> Self {
        OutgoingText {
            html: escape_html(text),
        }
    }

    pub fn html(&self) -> &str {
        &self.html
    }

    pub fn is_empty(&self) -> bool {
        self.html.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_nothing_else_changes() {
        let text = "<b>不是粗体</b> & «guillemets» 👩‍👩‍👧 مرحبا &amp;";
        assert_eq!(
            OutgoingText::plain(text).html(),
            "&lt;b&gt;不是粗体&lt;/b&gt; &amp; «guillemets» 👩‍👩‍👧 مرحبا &amp;amp;"
        );
    }
}
