//! The lists of articles the indexes, feeds, footers and the sitemap show: a language's
//! editions newest first, the newest ones a footer lists, the sitemap's entries.

use std::collections::BTreeMap;

use super::urls::{self, from_root, lang_path, picker_url};
use crate::localise::{Listing, Pseudo};

/// Each language's newest published editions, newest first as its index lists them, one more
/// than a footer lists (`[footer]` `latest`), so that a page among them still lists as many
/// others.
pub type Newest = BTreeMap<String, Vec<Listing>>;

/// The editions a footer in `lang` lists: the language's newest but the page's own article.
pub fn latest<'n>(
    newest: &'n Newest,
    count: usize,
    lang: &str,
    slug: &'n str,
) -> impl Iterator<Item = &'n Listing> {
    let list = newest.get(lang).into_iter().flatten();
    list.filter(move |l| l.slug != slug).take(count)
}

/// A language's published editions, newest first as its index and feed list them (by slug
/// where two share a date).
pub fn newest_first<'l>(published: &[Vec<&'l Listing>], lang: &str) -> Vec<&'l Listing> {
    let mut list: Vec<&Listing> = published
        .iter()
        .flatten()
        .filter(|l| l.lang == lang)
        .copied()
        .collect();
    list.sort_by(|a, b| (b.published_at.cmp(&a.published_at)).then_with(|| a.slug.cmp(&b.slug)));
    list
}

/// One page of the site in every language it exists in.
pub struct SitemapPage {
    /// Language -> absolute URL, in a stable order.
    pub editions: Vec<(String, String)>,
    /// The `x-default` URL: the language picker.
    pub default: Option<String>,
    /// The `x-default` page is one of this page's own (the picker, with the indexes), so it
    /// has its `<url>` too.
    pub default_listed: bool,
    /// ISO date of the content, when the page has one.
    pub lastmod: Option<String>,
}

/// The sitemap's entries, under `base_url`: the indexes with the language picker, their
/// `x-default`, then every article with its editions, and the picker as theirs.
pub fn sitemap_pages(
    base: &str,
    langs: &[String],
    published: &[Vec<&Listing>],
) -> Vec<SitemapPage> {
    let url_of = |lang: &str, file: &str| from_root(Some(base), &lang_path(lang, file));
    let mut pages = vec![SitemapPage {
        editions: langs
            .iter()
            .filter(|l| Pseudo::of(l).is_none())
            .map(|l| (l.clone(), url_of(l, urls::INDEX)))
            .collect(),
        default: Some(picker_url(Some(base))),
        default_listed: true,
        lastmod: None,
    }];
    for editions in published {
        let Some(first) = editions.first() else {
            continue;
        };
        pages.push(SitemapPage {
            editions: editions
                .iter()
                .filter(|e| Pseudo::of(&e.lang).is_none())
                .map(|e| (e.lang.clone(), url_of(&e.lang, &urls::page_file(&e.page))))
                .collect(),
            default: Some(picker_url(Some(base))),
            default_listed: false,
            lastmod: Some(first.modified.clone()),
        });
    }
    pages
}
