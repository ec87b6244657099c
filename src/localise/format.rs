//! One message formatted, with the invisible control characters that have no place in a page
//! dropped.

use fluent_bundle::FluentArgs;

use crate::intl::{self, Bundle};

/// Format a message's value or attribute; `None` when it does not exist. Invisible control
/// characters are dropped: they have no place in a page or a text file.
pub(super) fn format_message(
    bundle: &Bundle,
    id: &str,
    attr: Option<&str>,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let value = bundle.format_pattern(pattern, args, &mut errors);
    Some(clean(&intl::bind_dates(bundle.locales.first(), &value)))
}

/// Remove control and bidi-formatting characters, keeping line breaks and tabs. Every
/// message and page goes through it, so it looks only at the bytes such a character can
/// start with and copies the text between them whole.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !MAY_BE_INVISIBLE[usize::from(b)] {
            continue;
        }
        // An ASCII byte or a lead byte: `i` is a character boundary.
        let c = text[i..].chars().next().unwrap_or_default();
        if invisible(c) {
            out.push_str(&text[copied..i]);
            copied = i + c.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The bytes an [`invisible`] character starts with: C0 controls but `\t` and `\n`, DEL,
/// 0xC2 (C1 controls), 0xE2 (bidi marks, embeddings and isolates) and 0xEF (U+FEFF).
static MAY_BE_INVISIBLE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != 0x09 && b != 0x0a;
        b += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table[0xef] = true;
    table
};

/// A control or bidi-formatting character other than a line break or a tab.
fn invisible(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    #[test]
    fn clean_drops_invisible_controls_only() {
        assert_eq!(
            super::clean("a\u{2068}b\u{2069}\u{7}c\n\u{202f}d"),
            "abc\n\u{202f}d"
        );
    }

    #[test]
    fn clean_by_stretches_is_clean_by_character() {
        let ascii: String = (0x20u8..0x7f).map(char::from).chain(['\n']).collect();
        assert_eq!(super::clean(&ascii), ascii, "printable ASCII is kept");
        let text = "«\u{a0}17\u{202f}août\u{a0}» a\u{2068}b\u{2069}\u{7}c\n\u{202f}d\u{feff}\té\u{1b}[1m\r\u{85}\u{200f}x\u{2066}";
        for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let t = &text[i..];
            let by_char: String = t.chars().filter(|&c| !super::invisible(c)).collect();
            assert_eq!(super::clean(t), by_char, "{t:?}");
        }
        assert_eq!(super::clean(text).matches('\t').count(), 1, "tabs are kept");
        // Every character that starts with a byte the table passes over is kept.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let first = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            if !super::MAY_BE_INVISIBLE[usize::from(first)] {
                assert!(!super::invisible(c), "{c:?}");
            }
        }
    }
}
