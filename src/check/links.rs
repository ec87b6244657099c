//! `broken-link`: a link into the site — under `base_url`, or root-relative (`/fr/…`) — that
//! no page of the build and no file of `static/` answers, in a related block's `href` or in
//! a message's `<a href>`, in every language.
//!
//! Whether a link answers depends on the whole site, while the checks run an article at a
//! time (and `build` keeps each article's findings): each run records the links it found and
//! the pages it publishes ([`Findings::links`], [`Findings::pages`]), and [`resolve`] judges
//! the links once every run is known, kept or new.

use std::collections::BTreeSet;

use super::run::{Findings, Language, SiteLink};
use super::{Code, Diagnostic};
use crate::content::{Article, BlockBody};
use crate::project::{Project, STATIC};

/// The pages an article's editions are published at, in every language of the project
/// (`fr/coalition-des-volontaires.html` and `.txt`); none for a draft, which is not published.
/// An article under embargo answers: its pages are there once it is out.
pub(super) fn pages_of(project: &Project, article: &Article) -> Vec<String> {
    if article.draft {
        return Vec::new();
    }
    let langs = project.languages();
    let pages = langs
        .iter()
        .map(|l| format!("{l}/{}", article.page_slug(l)));
    pages
        .flat_map(|p| [format!("{p}.html"), format!("{p}.txt")])
        .collect()
}

/// The pages of the site beside the articles': the language picker, each language's index
/// and, with `base_url`, its feed and the sitemap.
pub(super) fn site_pages(project: &Project) -> Vec<String> {
    let with_base = project.config.base_url.is_some();
    let mut pages = vec!["index.html".to_owned()];
    pages.extend(with_base.then(|| "sitemap.xml".to_owned()));
    for lang in project.languages() {
        pages.push(format!("{lang}/index.html"));
        pages.extend(with_base.then(|| format!("{lang}/feed.xml")));
    }
    pages
}

/// The related blocks' `href`s into the site, at their lines of the content file.
pub(super) fn of_article(
    project: &Project,
    lang: &str,
    article: &Article,
    out: &mut Vec<SiteLink>,
) {
    for block in &article.blocks {
        let BlockBody::Related {
            href: Some(href), ..
        } = &block.body
        else {
            continue;
        };
        let line = block.asset_lines.get(href).copied().unwrap_or(block.line);
        if let Some(link) = site_link(project, href, lang, &article.path, line, None) {
            out.push(link);
        }
    }
}

/// The `<a href>`s into the site of the messages of the files a run reports on, each at the
/// line of the file that holds it.
pub(super) fn of_messages(project: &Project, language: &Language, out: &mut Vec<SiteLink>) {
    for parsed in language.reported() {
        for entry in &parsed.facts.entries {
            for pattern in &entry.patterns {
                for href in crate::markup::links(&pattern.text) {
                    let line = line_of(&parsed.text, pattern.line, &href);
                    let path = &parsed.file.path;
                    let id = Some(entry.id.as_str());
                    out.extend(site_link(project, &href, language.lang, path, line, id));
                }
            }
        }
    }
}

/// The line at or after `from` of `text` where `needle` is written (`from` when it is not
/// found as such, say written with escapes).
fn line_of(text: &str, from: usize, needle: &str) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(from.saturating_sub(1))
        .map(str::len)
        .sum();
    text.get(start..)
        .and_then(|rest| rest.find(needle))
        .map_or(from, |at| {
            from + text[start..start + at].matches('\n').count()
        })
}

/// The link `href` written at `file`:`line`, if it leads into the site.
fn site_link(
    project: &Project,
    href: &str,
    lang: &str,
    file: &std::path::Path,
    line: usize,
    id: Option<&str>,
) -> Option<SiteLink> {
    let path = site_path(href, project.config.base_url.as_deref())?;
    let mut finding = Diagnostic::new(
        Code::BrokenLink,
        lang,
        file,
        format!("`{href}` leads to no page of the site: no page of the build and no file of {STATIC}/ is at `/{path}`"),
    )
    .at(line, None)
    .help("link to a page the site publishes (an article's is `<lang>/<page>.html`), or remove the link".into());
    if let Some(id) = id {
        finding = finding.id(id);
    }
    Some(SiteLink { path, finding })
}

/// The path in the site a link names, if it leads into the site: an `http(s)` URL under
/// `base_url` (either scheme), or a root-relative path (`/fr/x.html`, under `base_url`'s own
/// path when it has one).
fn site_path(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap_or_default();
    let without_scheme = |url: &str| {
        let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|s| lower.starts_with(s));
        scheme.map(|s| url[s.len()..].to_owned())
    };
    let base = base.and_then(without_scheme);
    let rest = match (without_scheme(href), &base) {
        (Some(url), Some(base)) => {
            let (host, rest) = host_and_path(&url);
            let (base_host, base_path) = host_and_path(base);
            if !host.eq_ignore_ascii_case(base_host) {
                return None;
            }
            rest.strip_prefix(base_path.trim_end_matches('/'))?
                .to_owned()
        }
        (Some(_), None) => return None,
        (None, _) if href.starts_with('/') && !href.starts_with("//") => {
            let base_path = base.as_deref().map_or("", |b| host_and_path(b).1);
            href.strip_prefix(base_path.trim_end_matches('/'))?
                .to_owned()
        }
        _ => return None,
    };
    if !rest.is_empty() && !rest.starts_with('/') {
        // `https://example.org/gazettes` is not under `https://example.org/gazette`.
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(&rest).decode_utf8_lossy();
    Some(decoded.trim_start_matches('/').to_owned())
}

/// `host/path` split before the path's `/` (kept): `("host", "/path")`, `("host", "")`.
fn host_and_path(url: &str) -> (&str, &str) {
    url.split_at(url.find('/').unwrap_or(url.len()))
}

/// The `broken-link` findings of a whole site: every run's links that none of the runs'
/// pages, the site's own pages and the files of `static/` answers. A folder's path (`fr/`,
/// or the root) answers when its `index.html` does.
pub(super) fn resolve(project: &Project, runs: &[Findings]) -> Vec<Diagnostic> {
    let mut pages: BTreeSet<&str> = runs
        .iter()
        .flat_map(|r| &r.pages)
        .map(String::as_str)
        .collect();
    pages.extend(project.statics.keys().map(String::as_str));
    let answers = |path: &str| {
        pages.contains(path)
            || ((path.is_empty() || path.ends_with('/'))
                && pages.contains(format!("{path}index.html").as_str()))
    };
    let mut found = Vec::new();
    for link in runs.iter().flat_map(|r| &r.links) {
        if answers(&link.path) {
            continue;
        }
        let mut finding = link.finding.clone();
        let near = format!("{}.html", link.path.trim_end_matches('/'));
        let near = if answers(&near) {
            Some(near.as_str())
        } else {
            crate::guard::nearest(&link.path, pages.iter().copied(), 0.8)
        };
        if let Some(near) = near {
            finding.help = format!("did you mean `/{near}`?");
        }
        found.push(finding);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::site_path;

    #[test]
    fn links_into_the_site_are_told_from_links_out_of_it() {
        let base = Some("https://www.gazette.example");
        let path = |href| site_path(href, base);
        assert_eq!(
            path("https://www.gazette.example/fr/a.html#x").as_deref(),
            Some("fr/a.html")
        );
        assert_eq!(
            path("http://WWW.gazette.example/fr/").as_deref(),
            Some("fr/")
        );
        assert_eq!(path("https://www.gazette.example").as_deref(), Some(""));
        assert_eq!(
            path("/fr/caf%C3%A9.html?a=1").as_deref(),
            Some("fr/café.html")
        );
        assert_eq!(path("https://other.example/fr/a.html"), None);
        assert_eq!(path("https://www.gazette.example.org/fr/a.html"), None);
        assert_eq!(path("//other.example/fr/a.html"), None);
        assert_eq!(path("mailto:desk@gazette.example"), None);
        let under = |href| site_path(href, Some("https://x.example/gazette/"));
        assert_eq!(
            under("https://x.example/gazette/fr/a.html").as_deref(),
            Some("fr/a.html")
        );
        assert_eq!(under("https://x.example/gazettes/fr/a.html"), None);
        assert_eq!(under("/gazette/de/").as_deref(), Some("de/"));
        assert_eq!(under("/de/"), None);
        assert_eq!(site_path("/de/a.html", None).as_deref(), Some("de/a.html"));
        assert_eq!(site_path("https://x.example/de/a.html", None), None);
    }
}
