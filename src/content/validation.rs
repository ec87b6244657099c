//! The rules an article's names and links follow: slugs, links and URLs, media types, language
//! tags.

/// Is `slug` a valid article slug: lowercase ASCII letters, digits and `-`, not empty?
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A page name (a slug, or a localised one) must be a valid slug and must not take the name of
/// the language's index page.
pub(super) fn check_slug(slug: &str) -> std::result::Result<(), String> {
    if !is_valid_slug(slug) {
        return Err(format!(
            "invalid slug `{slug}`: use lowercase ASCII letters, digits and `-` only"
        ));
    }
    if slug == "index" {
        // Its page would be `out/<lang>/index.html`, the language's index.
        return Err(
            "the slug `index` is taken by each language's index page: rename the file".into(),
        );
    }
    Ok(())
}

/// A video source's media type: `video/<subtype>`, with parameters (`codecs`) if need be,
/// written into the page's `type` attribute as it is.
pub(super) fn check_media_type(media_type: &str) -> std::result::Result<(), String> {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    let subtype = essence.strip_prefix("video/").unwrap_or_default();
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c);
    if subtype.is_empty() || !subtype.chars().all(token) {
        return Err(format!(
            "`{media_type}` is not a video media type: write e.g. type = \"video/mp4\""
        ));
    }
    Ok(())
}

/// The language of a linked page: a BCP 47 tag (`fr`, `pt-BR`).
pub(super) fn check_lang(lang: &str) -> std::result::Result<(), String> {
    match lang.parse::<unic_langid::LanguageIdentifier>() {
        Ok(id) if id == lang => Ok(()),
        _ => Err(format!(
            "lang: `{}` is not a BCP 47 language tag such as `fr` or `pt-BR`",
            lang.escape_debug()
        )),
    }
}

/// Is `link` an http(s) URL rather than a path inside the site?
pub fn is_url(link: &str) -> bool {
    let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A `src` or `href` must be an http(s) URL (or mailto, for links) or a relative path inside
/// the site: no `..`, no absolute path, no other scheme (`javascript:`, `data:`…).
pub(crate) fn check_link(link: &str, mailto: bool) -> std::result::Result<(), String> {
    let lower = link.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    if web || (mailto && lower.starts_with("mailto:")) {
        return if link.chars().any(|c| c.is_control() || c.is_whitespace()) {
            Err(format!(
                "`{}` contains spaces or control characters",
                link.escape_debug()
            ))
        } else {
            Ok(())
        };
    }
    let bad = link.is_empty()
        || link.starts_with('/')
        || link.contains(['\\', ':', '\0'])
        || link.chars().any(|c| c.is_control() || c.is_whitespace())
        || link.split('/').any(|seg| seg == "..");
    if bad {
        Err(format!(
            "`{}` must be an http(s) URL or a relative path inside the site (no `..`, no leading `/`)",
            link.escape_debug()
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_urls_or_relative_paths() {
        for ok in [
            "images/a.jpg",
            "https://x.example/a?b=c",
            "http://x.example",
        ] {
            assert!(check_link(ok, false).is_ok(), "{ok}");
        }
        assert!(check_link("mailto:desk@x.example", true).is_ok());
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "../secret",
            "a/../../b",
            "/etc/passwd",
            "a\0b",
            "",
            "a b.jpg",
            "mailto:x@y",
        ] {
            assert!(check_link(bad, false).is_err(), "{bad}");
        }
    }

    #[test]
    fn slugs() {
        assert!(is_valid_slug("coalition-des-volontaires-2"));
        for bad in ["", "A", "a b", "..", "a/b", "é", "a_b"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
