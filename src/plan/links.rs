//! Links between articles: each link to another article given that article's edition in the
//! page's language, and what a link showed, so a page is made again when it changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::urls::page_url;
use crate::fingerprint::{Fingerprint, Fingerprinter};
use crate::localise::{Edition, Listing};

/// Every article's published editions, by slug.
pub type ByArticle = BTreeMap<String, Vec<Listing>>;

/// A link from an article's pages to another article, with the fingerprint of what it shows
/// (that article's editions: language, page and headline; empty until they are known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub slug: String,
    pub shows: Fingerprint,
}

/// The links to the articles `slugs`, with what a link to each shows: an article's pages hold
/// while these stay the same.
pub fn links_of<'s>(slugs: impl Iterator<Item = &'s String>, listings: &ByArticle) -> Vec<Link> {
    slugs
        .map(|slug| {
            let mut f = Fingerprinter::default();
            for l in listings.get(slug.as_str()).into_iter().flatten() {
                f.add(&l.lang).add(&l.page).add(&l.title.value);
                f.add(l.title.lang.as_deref().unwrap_or_default());
            }
            Link {
                slug: slug.clone(),
                shows: f.finish(),
            }
        })
        .collect()
}

/// Give each link to another article that article's edition in the page's language and
/// its headline there (under `--missing fallback`, the edition shows the source text, and
/// so does the link, marked as such); where it has none (`--missing skip`), the link is
/// left out.
pub fn link_articles(base: Option<&str>, e: &mut Edition, listings: &ByArticle) {
    let lang = e.lang.clone();
    e.blocks.retain_mut(|block| {
        let Some(slug) = block.article.as_deref() else {
            return true;
        };
        let found = listings
            .get(slug)
            .and_then(|ls| ls.iter().find(|l| l.lang == lang));
        let Some(target) = found else {
            return false;
        };
        block.href = Some(page_url(base, &target.lang, &target.page, &lang));
        block.text = Some(target.title.clone());
        true
    });
}
