//! The rules a value of `gazette.toml` follows: language tags, time zones, paths, URLs, Fluent
//! function names; each error names its key and line.

use std::collections::BTreeMap;
use std::path::PathBuf;

use intl_pluralrules::{PluralRuleType, PluralRules};
use toml::Spanned;

use crate::content;
use crate::intl;

/// `[time_zones]`: each a zone of the tz database; the source language's zone is
/// `time_zone`.
pub(super) fn edition_zones(
    raw: BTreeMap<String, Spanned<String>>,
    source: &str,
    line: &dyn Fn(usize) -> usize,
) -> std::result::Result<BTreeMap<String, String>, String> {
    let mut zones = BTreeMap::new();
    for (lang, zone) in raw {
        let at = line(zone.span().start);
        if lang == source {
            return Err(format!(
                "line {at}: time_zones.{lang}: the source language's zone is `time_zone`: write time_zone = \"{}\"",
                zone.get_ref()
            ));
        }
        let zone = check_time_zone(zone.get_ref())
            .map_err(|m| format!("line {at}: time_zones.{lang}: {m}"))?;
        zones.insert(lang, zone);
    }
    Ok(zones)
}

/// `functions`: each a Fluent function's name.
pub(super) fn function_names(names: Vec<String>) -> std::result::Result<Vec<String>, String> {
    match names.iter().find(|f| !is_function_name(f)) {
        Some(f) => Err(format!(
            "functions: `{f}` is not a Fluent function name (upper-case letters, digits, `_` and `-`, e.g. \"SHORTDATE\")"
        )),
        None => Ok(names),
    }
}

/// A value as its check gives it back, or why not.
pub(super) type Checked = std::result::Result<String, String>;

/// A value of `gazette.toml` as `check` gives it back, with its line; else why not, at its
/// line and key (`line 3: image: …`).
pub(super) fn checked(
    value: Option<Spanned<String>>,
    key: &str,
    line: &dyn Fn(usize) -> usize,
    check: &dyn Fn(&str) -> Checked,
) -> std::result::Result<Option<(String, usize)>, String> {
    let Some(value) = value else {
        return Ok(None);
    };
    let at = line(value.span().start);
    match check(value.get_ref()) {
        Ok(checked) => Ok(Some((checked, at))),
        Err(m) => Err(format!("line {at}: {key}: {m}")),
    }
}

/// A zone of the tz database (`Europe/London`), in its canonical spelling, or why not, with
/// the nearest name when one is close.
pub(super) fn check_time_zone(zone: &str) -> std::result::Result<String, String> {
    if let Ok(tz) = jiff::tz::TimeZone::get(zone) {
        return Ok(tz.iana_name().unwrap_or(zone).to_owned());
    }
    let names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.as_str().to_owned())
        .collect();
    let hint = crate::guard::nearest(zone, names.iter().map(String::as_str), 0.9)
        .map(|n| format!(": did you mean `{n}`?"))
        .unwrap_or_else(|| ": write a name such as \"Europe/London\"".to_owned());
    Err(format!(
        "`{zone}` is not a time zone of the tz database{hint}"
    ))
}

/// A file of the site named in the settings: a relative path of `static/`, as a content
/// file's `src` is (no URL, no `..`, no leading `/`).
pub(super) fn check_static_path(path: &str) -> std::result::Result<(), String> {
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.contains(['\\', ':', '\0'])
        || path.chars().any(|c| c.is_control() || c.is_whitespace())
        || path.split('/').any(|seg| seg == "..");
    if bad {
        return Err(format!(
            "`{}` must be a file of static/, as a path inside it (images/logo.png)",
            path.escape_debug()
        ));
    }
    Ok(())
}

/// A file of the site, as `image` names it: a relative path of `static/`, no `..`, no URL.
pub(super) fn check_site_path(path: &str) -> std::result::Result<(), String> {
    let fine = !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..");
    if fine && !content::is_url(path) {
        Ok(())
    } else {
        Err(format!(
            "`{}` must be a path of a file under static/, e.g. image = \"images/site.svg\"",
            path.escape_debug()
        ))
    }
}

/// A path as reports print it: `./de` and `de/.` are `de`, and `.` is the project root itself
/// (the empty path), so files print as `de/app.ftl`, never `./de/app.ftl`.
pub fn clean_path(path: PathBuf) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// The site's address, without a final `/`: an absolute web address, or why not, with the
/// line as it should be (`base_url = "https://example.org"` for `example.org`).
pub(super) fn check_base_url(url: &str) -> std::result::Result<String, String> {
    let url = url.trim_end_matches('/');
    if url.starts_with("https://") || url.starts_with("http://") {
        return Ok(url.to_owned());
    }
    let host = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = if host.is_empty() {
        "www.example.org"
    } else {
        host
    };
    Err(format!(
        "`{url}` must be an absolute http:// or https:// URL: base_url = \"https://{host}\""
    ))
}

/// Fluent's function names: an upper-case letter, then upper-case letters, digits, `_`, `-`.
fn is_function_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// A language tag gazette can use: well-formed BCP 47, in canonical form, of a language CLDR
/// knows (`french`, `xx` are refused, the first with "did you mean `fr`?").
pub fn check_language_tag(tag: &str) -> std::result::Result<(), String> {
    let canonical = canonical_tag(tag)?;
    if canonical != tag {
        return Err(format!(
            "`{tag}` is not a language tag in canonical form: write `{canonical}`"
        ));
    }
    Ok(())
}

/// A `format_locales` value must be a locale CLDR has data for, or dates and numbers would be
/// formatted the root locale's way without a word: its language must have CLDR plural rules
/// (the data gazette's plurals come from).
pub(super) fn check_format_locale(locale: &str) -> std::result::Result<(), String> {
    check_language_tag(locale)?;
    let language = locale
        .parse::<unic_langid::LanguageIdentifier>()
        .map_err(|_| format!("`{locale}` is not a BCP 47 language tag"))?
        .language;
    let language = unic_langid::LanguageIdentifier::from_parts(language, None, None, &[]);
    let rules = PluralRules::create(language, PluralRuleType::CARDINAL);
    rules.map(|_| ()).map_err(|_| {
        format!("`{locale}` is not a CLDR locale: write a language tag such as `en` or `en-GB`")
    })
}

/// The canonical spelling of a BCP 47 tag (`de_de` -> `de-DE`) of a language CLDR knows, or
/// why it is not one.
fn canonical_tag(tag: &str) -> std::result::Result<String, String> {
    let id = tag
        .parse::<unic_langid::LanguageIdentifier>()
        .map_err(|_| not_a_tag(tag, "is not a BCP 47 language tag"))?;
    if !intl::is_known_language(id.language.as_str()) {
        return Err(not_a_tag(tag, "is not a language CLDR knows"));
    }
    Ok(id.to_string())
}

/// Why `tag` is refused, with the tag of the language it names when it is a language's name.
fn not_a_tag(tag: &str, why: &str) -> String {
    match intl::language_named(tag) {
        Some(code) => format!("`{tag}` {why}: did you mean `{code}`?"),
        None => format!("`{tag}` {why}"),
    }
}

/// A language folder's name must be its tag in canonical form: `locales/DE` next to
/// `locales/de` would otherwise be published as another language, and `DE`, `de_DE` or
/// `de-de` would never be paired with a `de` or `de-DE` of `gazette.toml` or a lock record.
pub(crate) fn check_language_folder(lang: &str) -> std::result::Result<(), String> {
    let canonical = canonical_tag(lang)
        .map_err(|m| format!("{m}: a language folder is named by its tag (`de`, `pt-BR`)"))?;
    if canonical != lang {
        return Err(format!(
            "a language folder is named by its BCP 47 tag in canonical form: rename it `{canonical}`"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_folders_are_named_by_their_canonical_tag() {
        assert!(check_language_folder("pt-BR").is_ok());
        let err = check_language_folder("pt_br").unwrap_err();
        assert!(err.contains("rename it `pt-BR`"), "{err}");
        assert!(check_language_folder("not a tag").is_err());
    }
}
