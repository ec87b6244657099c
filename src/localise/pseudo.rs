//! The pseudo-locales (`--pseudo`): the source language's texts accented or mirrored.

use crate::intl;

/// A pseudo-locale edition of the source language (`--pseudo`), to see truncation,
/// concatenation, hard-coded text and direction bugs before the first translation exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pseudo {
    /// `und-x-ploc`: every letter accented, vowels doubled (about a third longer).
    Accented,
    /// `und-x-plocm`: letters mirrored, the page right to left.
    Bidi,
}

impl Pseudo {
    pub const ALL: [Pseudo; 2] = [Pseudo::Accented, Pseudo::Bidi];

    /// Its language tag: Windows' pseudo-locale names (`qps-ploc`, `qps-plocm`) as BCP 47
    /// private use of an undetermined language. Windows' own tags are invalid `lang` values:
    /// `ploc` and `plocm` read as a script and a variant the IANA registry lacks (Nu), and
    /// `qps` is no language axe-core knows.
    pub fn tag(self) -> &'static str {
        match self {
            Pseudo::Accented => "und-x-ploc",
            Pseudo::Bidi => intl::PSEUDO_RTL,
        }
    }

    /// The pseudo-locale of a language tag, if it is one.
    pub fn of(lang: &str) -> Option<Pseudo> {
        Pseudo::ALL.into_iter().find(|p| p.tag() == lang)
    }

    /// The transform of the translators' text (not of the values placed in it).
    pub(super) fn transform(self) -> fn(&str) -> std::borrow::Cow<'_, str> {
        match self {
            Pseudo::Accented => |s| pseudo_text(s, false, true),
            Pseudo::Bidi => |s| pseudo_text(s, true, false),
        }
    }
}

/// fluent-pseudo's transform of a text's letters outside inline markup (tags and character
/// references are kept).
fn pseudo_text(text: &str, flipped: bool, elongate: bool) -> std::borrow::Cow<'_, str> {
    if !text.contains(['<', '&']) {
        return fluent_pseudo::transform(text, flipped, elongate);
    }
    crate::markup::map_text(text, |piece, out| {
        out.push_str(&fluent_pseudo::transform(piece, flipped, elongate));
    })
    .into()
}

#[cfg(test)]
mod tests {
    /// HTML checkers accept only registered subtags in `lang`: the pseudo tags keep their
    /// names in the private-use part, after a primary language and nothing else.
    #[test]
    fn pseudo_tags_are_valid_in_html() {
        for pseudo in super::Pseudo::ALL {
            let locale = icu_locale_core::Locale::try_from_str(pseudo.tag()).unwrap();
            assert_eq!(locale.id.language.as_str(), "und", "{}", pseudo.tag());
            assert!(locale.id.script.is_none() && locale.id.variants.is_empty());
            assert!(!locale.extensions.private.is_empty(), "{}", pseudo.tag());
        }
    }

    #[test]
    fn pseudo_locales_change_letters_never_markup() {
        let text = "<a href=\"https://x.example/a\">Lire</a> &amp; <em>voir</em>";
        let accented = super::Pseudo::Accented.transform()(text);
        assert_eq!(
            accented,
            "<a href=\"https://x.example/a\">Ŀiřee</a> &amp; <em>ṽooiř</em>"
        );
        let mirrored = super::Pseudo::Bidi.transform()("Lire <a href=\"x\">");
        assert!(
            mirrored.ends_with(" <a href=\"x\">") && !mirrored.contains("Lire"),
            "{mirrored}"
        );
    }
}
