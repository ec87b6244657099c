//! Text bound for a terminal: every input's control characters escaped, colours, counts.

use std::borrow::Cow;

use crate::guard;

/// Text from an input (a file name, an id, a translation, a snippet) as a terminal or a CI
/// log shows it: control characters (C0 but tab, DEL, C1) and the bidirectional embedding,
/// override and isolate controls written as `\u{1b}`, so that no input can move the cursor,
/// erase the lines above it, recolour the output or reorder what is shown, colours on or off
/// (as ripgrep and rustc show them). Every input field is one line: a line break in it is
/// escaped too. JSON and SARIF need no such care: serde_json escapes C0 itself.
pub fn shown(text: &str) -> Cow<'_, str> {
    escape_controls(text, false)
}

/// [`shown`] for a whole text of several lines that has no colours of its own (a fatal
/// error, the build summary, what sync did): its line breaks kept, every other control
/// character escaped.
pub fn shown_lines(text: &str) -> Cow<'_, str> {
    escape_controls(text, true)
}

fn escape_controls(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    guard::escape_chars(text, |c| {
        (c.is_control() && c != '\t' && !(keep_newlines && c == '\n'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// `text` in the ANSI colour `code`, when colours are on and there is one.
pub(super) fn paint(text: String, code: &str, colour: bool) -> String {
    if colour && !code.is_empty() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text
    }
}

/// "1 file", "2 files".
pub fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert!(matches!(shown("Grüße\tà tous"), Cow::Borrowed(_)));
        assert_eq!(
            shown("a\x1b[2K\u{9b}\u{202e}\u{2066}\r\nb\x7f"),
            "a\\u{1b}[2K\\u{9b}\\u{202e}\\u{2066}\\r\\nb\\u{7f}"
        );
        assert_eq!(shown_lines("one\x07\ntwo\n"), "one\\u{7}\ntwo\n");
        // Shown twice, shown the same: text already escaped holds no control character.
        assert_eq!(shown(&shown("\x1b")), "\\u{1b}");
    }
}
