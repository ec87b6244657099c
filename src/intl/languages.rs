//! Languages: known to CLDR, named in themselves and in others, written left to right or right
//! to left, and their lists joined the local way.

use unic_langid::LanguageIdentifier;

use super::icu::icu_locale;

/// A formatting locale as Open Graph writes it, `language_TERRITORY`, the territory CLDR
/// deems likely where the locale names none (`fr` -> `fr_FR`, `en-GB` -> `en_GB`).
pub fn og_locale(format_locale: &str) -> String {
    let Ok(mut id) = icu_locale_core::LanguageIdentifier::try_from_str(format_locale) else {
        return format_locale.replace('-', "_");
    };
    icu_locale::LocaleExpander::new_common().maximize(&mut id);
    match id.region {
        Some(region) => format!("{}_{}", id.language, region),
        None => id.language.to_string(),
    }
}

/// Is `language` (a language subtag: `fr`, `gsw`) one CLDR knows, that is one its likely
/// subtags give a script and a region? `xx` and `french` are well-formed tags of no language.
pub fn is_known_language(language: &str) -> bool {
    let Ok(language) = icu_locale_core::subtags::Language::try_from_str(language) else {
        return false;
    };
    let mut id = icu_locale_core::LanguageIdentifier::from((language, None, None));
    icu_locale::LocaleExpander::new_extended().maximize(&mut id)
        == icu_locale::TransformResult::Modified
}

/// The language subtag a language's English name stands for (`French` -> `fr`, `german` ->
/// `de`), or failing that the one whose CLDR name is nearest (a typo, `Portugese`): what a
/// user who typed a name where a tag goes meant.
pub fn language_named(name: &str) -> Option<String> {
    let typed = name.trim().to_lowercase();
    let mut best: Option<(f64, String)> = None;
    // Every two- and three-letter subtag: CLDR's names can only be looked up by subtag.
    for subtag in all_short_subtags() {
        if !is_known_language(&subtag) {
            continue;
        }
        let Some(english) = language_name(&subtag, "en") else {
            continue;
        };
        let score = strsim::jaro_winkler(&typed, &english.to_lowercase());
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, subtag));
        }
    }
    // 0.9: one wrong, missing or swapped letter in a name of six or more.
    best.filter(|(score, _)| *score >= 0.9).map(|(_, s)| s)
}

/// `aa` ... `zz`, then `aaa` ... `zzz`.
fn all_short_subtags() -> impl Iterator<Item = String> {
    let letters = || b'a'..=b'z';
    let two = letters().flat_map(move |a| letters().map(move |b| [a, b].to_vec()));
    let three = letters()
        .flat_map(move |a| letters().flat_map(move |b| letters().map(move |c| [a, b, c].to_vec())));
    two.chain(three)
        .map(|bytes| String::from_utf8(bytes).expect("ASCII letters"))
}

/// Names joined the local way, with CLDR's "and" (A, B and C / A, B et C / A, B und C).
pub fn format_and_list(format_locale: &str, items: &[String]) -> String {
    use icu_list::options::{ListFormatterOptions, ListLength};
    let lang: LanguageIdentifier = format_locale.parse().unwrap_or_default();
    let options = ListFormatterOptions::default().with_length(ListLength::Wide);
    match icu_list::ListFormatter::try_new_and(icu_locale(&lang).into(), options) {
        Ok(f) => f.format(items.iter()).to_string(),
        Err(_) => items.join(", "),
    }
}

/// The tag of the mirrored, right-to-left pseudo edition
/// (`--pseudo bidi`): CLDR has no script for it, so its direction is said here.
pub const PSEUDO_RTL: &str = "und-x-plocm";

/// Whether a language is written right to left, by CLDR's likely script for it (`ar`, `he`,
/// `fa`, `ur`, `az-Arab`…); an unknown or malformed tag is left to right.
pub fn is_rtl(tag: &str) -> bool {
    static DIRECTIONS: icu_locale::LocaleDirectionality =
        icu_locale::LocaleDirectionality::new_common();
    if tag == PSEUDO_RTL {
        return true;
    }
    icu_locale_core::LanguageIdentifier::try_from_str(tag)
        .is_ok_and(|id| DIRECTIONS.is_right_to_left(&id))
}

/// The `dir` attribute of a language: `rtl` or `ltr`.
pub fn dir(tag: &str) -> &'static str {
    if is_rtl(tag) {
        "rtl"
    } else {
        "ltr"
    }
}

/// A language's name in `in_lang`, from CLDR (`ja` in `ja`: 日本語; `fr` in `en`: French);
/// `None` when CLDR has no name for it there.
pub fn language_name(tag: &str, in_lang: &str) -> Option<String> {
    use icu_locale::names::{LanguageIdentifierDisplayName, LanguageIdentifierDisplayNameOptions};
    use writeable::TryWriteable;
    let subject = icu_locale_core::LanguageIdentifier::try_from_str(tag).ok()?;
    let locale = icu_locale_core::Locale::try_from_str(in_lang).ok()?;
    let options = LanguageIdentifierDisplayNameOptions::default();
    let name =
        LanguageIdentifierDisplayName::try_new_light(locale.into(), subject, options).ok()?;
    let name = name.as_borrowed();
    let written = name.try_write_to_string().ok()?;
    Some(written.into_owned())
}

/// A language's name in itself (its autonym): 日本語, العربية, Deutsch.
pub fn autonym(tag: &str) -> Option<String> {
    language_name(tag, tag)
}

/// A character's strong direction: `Some(true)` right to left (Hebrew, Arabic…), `Some(false)`
/// left to right (Latin, CJK…), `None` for digits, punctuation and spaces.
fn strong_rtl(c: char) -> Option<bool> {
    use icu_properties::{props::BidiClass, CodePointMapData};
    match CodePointMapData::<BidiClass>::new().get(c) {
        BidiClass::LeftToRight => Some(false),
        BidiClass::RightToLeft | BidiClass::ArabicLetter => Some(true),
        _ => None,
    }
}

/// Whether a text has a right-to-left letter: a passage with none (a fallback passage in the
/// source language, a pseudo-locale's Latin) has no left-to-right run to isolate.
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| strong_rtl(c) == Some(true))
}

/// The byte ranges of a text's left-to-right runs: each from a strongly left-to-right
/// character to the last one before the next right-to-left character (a Latin name, a URL,
/// an English phrase inside an Arabic sentence).
pub fn ltr_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut open: Option<std::ops::Range<usize>> = None;
    for (i, c) in text.char_indices() {
        match (strong_rtl(c), &mut open) {
            (Some(false), Some(run)) => run.end = i + c.len_utf8(),
            (Some(false), None) => open = Some(i..i + c.len_utf8()),
            (Some(true), _) => runs.extend(open.take()),
            (None, _) => {}
        }
    }
    runs.extend(open);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_known_by_cldr_and_found_by_their_english_names() {
        for known in ["fr", "de", "pt", "gsw", "ar", "ja"] {
            assert!(is_known_language(known), "{known}");
        }
        for unknown in ["xx", "french", "und", "qaa"] {
            assert!(!is_known_language(unknown), "{unknown}");
        }
        assert_eq!(language_named("french").as_deref(), Some("fr"));
        assert_eq!(language_named("English").as_deref(), Some("en"));
        assert_eq!(language_named("german").as_deref(), Some("de"));
        assert_eq!(language_named("Portugese").as_deref(), Some("pt"));
        assert_eq!(language_named("xx"), None);
    }

    #[test]
    fn open_graph_locales_have_a_territory() {
        assert_eq!(og_locale("fr"), "fr_FR");
        assert_eq!(og_locale("en-GB"), "en_GB");
        assert_eq!(og_locale("de"), "de_DE");
        assert_eq!(og_locale("pt-BR"), "pt_BR");
    }

    #[test]
    fn lists_join_the_local_way() {
        let names: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        assert_eq!(format_and_list("en-GB", &names), "A, B and C");
        assert_eq!(format_and_list("fr", &names), "A, B et C");
        assert_eq!(format_and_list("de", &names), "A, B und C");
        assert_eq!(format_and_list("fr", &names[..1]), "A");
    }

    #[test]
    fn directions_come_from_cldr_scripts() {
        for rtl in ["ar", "he", "fa", "ur", "ar-EG", "az-Arab", PSEUDO_RTL] {
            assert!(is_rtl(rtl), "{rtl}");
        }
        for ltr in [
            "fr",
            "en-GB",
            "ja",
            "zh-Hant",
            "az",
            "und-x-ploc",
            "not a tag",
        ] {
            assert!(!is_rtl(ltr), "{ltr}");
        }
        assert_eq!(dir("he"), "rtl");
    }

    #[test]
    fn languages_are_named_in_themselves_and_in_others() {
        assert_eq!(autonym("ja").as_deref(), Some("日本語"));
        assert_eq!(autonym("ar").as_deref(), Some("العربية"));
        assert_eq!(autonym("he").as_deref(), Some("עברית"));
        assert_eq!(autonym("de").as_deref(), Some("Deutsch"));
        assert_eq!(language_name("fr", "en").as_deref(), Some("French"));
        assert_eq!(language_name("ja", "fr").as_deref(), Some("japonais"));
    }

    #[test]
    fn left_to_right_runs_of_right_to_left_text() {
        let text = "قال Emmanuel Macron: «نعم» في London.";
        let runs: Vec<&str> = ltr_runs(text).iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(runs, ["Emmanuel Macron", "London"]);
        assert!(has_rtl(text));
        assert!(!has_rtl("Emmanuel Macron à Londres, 17 août"));
    }
}
