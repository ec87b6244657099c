//! Every output path and URL of the site, in one place: where a page is written in `out/`, and
//! how another page links to it (absolute under `base_url`, else relative).

use crate::localise::Pseudo;

/// The language picker, at the root of the site.
pub const PICKER: &str = "index.html";
/// The sitemap, at the root of the site (with `base_url`).
pub const SITEMAP: &str = "sitemap.xml";
/// A language's index, in its folder.
pub const INDEX: &str = "index.html";
/// A language's Atom feed, in its folder (with `base_url`).
pub const FEED: &str = "feed.xml";

/// `<lang>/<page>.<ext>`, relative to the output folder: `page` is the edition's name in its
/// language (its localised slug, `[slugs]`, or the article's slug).
pub fn page_path(lang: &str, page: &str, ext: &str) -> String {
    format!("{lang}/{page}.{ext}")
}

/// `<slug>.html`: an edition's page in its language folder.
pub fn page_file(slug: &str) -> String {
    format!("{slug}.html")
}

/// `<lang>/<file>`: a file of a language folder, relative to the output folder.
pub fn lang_path(lang: &str, file: &str) -> String {
    format!("{lang}/{file}")
}

/// The URL of an edition: absolute under `base_url`, else relative to a page of `from`.
pub fn page_url(base: Option<&str>, lang: &str, slug: &str, from: &str) -> String {
    lang_url(base, lang, &page_file(slug), from)
}

/// The URL of a file of a language folder, absolute or relative to a page of `from`.
pub fn lang_url(base: Option<&str>, lang: &str, file: &str, from: &str) -> String {
    match base {
        Some(b) => format!("{b}/{lang}/{file}"),
        None if lang == from => file.to_owned(),
        None => format!("../{lang}/{file}"),
    }
}

/// A site path as linked from the site's root (the language picker): absolute under
/// `base_url`, else as it is.
pub fn from_root(base: Option<&str>, path: &str) -> String {
    match base {
        Some(b) => format!("{b}/{path}"),
        None => path.to_owned(),
    }
}

/// The language picker's own URL: the site's root under `base_url`, else its file.
pub fn picker_canonical(base: Option<&str>) -> String {
    base.map_or_else(|| PICKER.to_owned(), |b| format!("{b}/"))
}

/// The language picker (`out/index.html`) from a page one folder down: every page's
/// `hreflang="x-default"` alternate.
pub fn picker_url(base: Option<&str>) -> String {
    match base {
        Some(b) => format!("{b}/"),
        None => format!("../{PICKER}"),
    }
}

/// Prefix that turns a site-relative path into a link from a page one folder down.
pub fn root_prefix(base: Option<&str>) -> String {
    match base {
        Some(b) => format!("{b}/"),
        None => "../".to_owned(),
    }
}

/// A language's Atom feed: written with a `base_url` (feeds need absolute links), for every
/// language but a pseudo-locale.
pub fn feed_url(base: Option<&str>, lang: &str) -> Option<String> {
    let base = base.filter(|_| Pseudo::of(lang).is_none())?;
    Some(format!("{base}/{}", lang_path(lang, FEED)))
}

/// Whether a page in `page_lang` links to its edition in `lang` (switcher, `hreflang`): a
/// pseudo-locale edition is linked from pseudo-locale pages only, so no published page names it.
pub fn shown_from(page_lang: &str, lang: &str) -> bool {
    Pseudo::of(lang).is_none() || Pseudo::of(page_lang).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_absolute_under_base_url_else_relative_to_the_page() {
        let base = Some("https://x.example");
        assert_eq!(
            page_url(base, "de", "a", "fr"),
            "https://x.example/de/a.html"
        );
        assert_eq!(page_url(None, "fr", "a", "fr"), "a.html");
        assert_eq!(page_url(None, "de", "a", "fr"), "../de/a.html");
        assert_eq!(picker_url(None), "../index.html");
        assert_eq!(picker_canonical(base), "https://x.example/");
        assert_eq!(from_root(None, &lang_path("de", INDEX)), "de/index.html");
        assert_eq!(
            feed_url(base, "en").as_deref(),
            Some("https://x.example/en/feed.xml")
        );
        assert_eq!(feed_url(base, "und-x-ploc"), None);
        assert_eq!(feed_url(None, "en"), None);
        assert!(!shown_from("fr", "und-x-ploc") && shown_from("und-x-ploc", "fr"));
    }
}
