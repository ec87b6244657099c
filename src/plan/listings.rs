//! The lists of articles the indexes, feeds and footers show: a language's editions newest
//! first, and the newest ones a footer lists.

use std::collections::BTreeMap;

use crate::localise::Listing;

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
