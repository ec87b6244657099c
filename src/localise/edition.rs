//! What localising makes: an edition (an article in one language), its blocks and texts, and
//! the listing the site's pages show of it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::{BlockKind, FigureKind, RelatedKind};

/// A passage of text; `lang` is set when it is shown in another language than the page's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub value: String,
    pub lang: Option<String>,
}

/// One block of an edition, with every field a template may use (null when absent, so
/// templates run in strict mode).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalBlock {
    /// Serialised as `heading`, `paragraph`, `quote`, `list`, `figure`, `video` or `related`.
    pub kind: BlockKind,
    pub text: Option<Text>,
    pub items: Vec<Text>,
    pub alt: Option<Text>,
    pub caption: Option<Text>,
    /// As the content file gives it: a path of `static/` or a URL.
    pub src: Option<String>,
    /// `src` as a link from the page (the build fills it in).
    pub url: Option<String>,
    /// A video's poster frame, as a link from the page.
    pub poster: Option<String>,
    /// A video's encodings, when it has several: its `sources`, then its `src`.
    pub sources: Vec<LocalSource>,
    /// A figure's kind: photo, chart or illustration.
    pub figure: Option<FigureKind>,
    /// Who made the image or video, as its `credit-<kind>` site string says it ("Photo: AFP").
    pub credit: Option<String>,
    /// A video's id in the page (its message id, unique in the page), which the text edition
    /// links to.
    pub id: Option<String>,
    /// An image's size in CSS pixels, when its file tells it (the build fills it in).
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Not the page's first image: loaded when the reader nears it.
    pub lazy: bool,
    /// A photo's narrower copies and itself, `<url> <width>w` each, for `srcset` (the build
    /// fills it in).
    pub srcset: Option<String>,
    pub href: Option<String>,
    /// The language of the linked page, when the content file gives it.
    pub hreflang: Option<String>,
    /// "(in French)": the `link-in-<lang>` site string, for a link to a page in another
    /// language than this one.
    pub marker: Option<String>,
    /// The linked article's slug: the build gives the block its `href` and `text`.
    pub article: Option<String>,
    /// The "(Re)lire" / "Read more" label of a related link.
    pub label: Option<String>,
    /// A related link's kind: read or watch.
    pub related: Option<RelatedKind>,
    /// The text edition's line for a figure, video or related link: its label and title
    /// (and link) as the `text-<kind>` site string puts them (the build fills it in).
    pub labelled: Option<String>,
}

impl LocalBlock {
    /// A block of `kind` with no field set yet.
    pub(super) fn empty(kind: BlockKind) -> Self {
        LocalBlock {
            kind,
            text: None,
            items: Vec::new(),
            alt: None,
            caption: None,
            src: None,
            url: None,
            poster: None,
            sources: Vec::new(),
            figure: None,
            credit: None,
            id: None,
            width: None,
            height: None,
            lazy: false,
            srcset: None,
            href: None,
            hreflang: None,
            marker: None,
            article: None,
            label: None,
            related: None,
            labelled: None,
        }
    }
}

/// One encoding of a video.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalSource {
    /// As the content file gives it, then as a link from the page (the build makes it one).
    pub url: String,
    /// Its media type (`video/mp4`), when the content file gives it or its extension tells it.
    #[serde(rename = "type")]
    pub media_type: Option<String>,
}

/// A note of a later change, as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalUpdate {
    /// RFC 3339, for `<time datetime>` and `dateModified`.
    pub at: String,
    /// The `update-note` site string: the date written the local way and what changed.
    pub text: Text,
    /// The date and time as `text` writes it, when the site string places it (`{ $date }`).
    pub time: Option<String>,
    /// `text` before and after `time`, so a template can mark the time alone up (`<time>`).
    pub before: String,
    pub after: String,
}

/// An article in one language, localised: every text of it in that language, ready to plan
/// and render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edition {
    pub lang: String,
    pub slug: String,
    /// The page's name in this language: the article's localised slug, or its slug.
    pub page: String,
    /// ISO date, or RFC 3339 date-time with offset, for `<time datetime>`.
    pub date: String,
    /// The date (and time) written the local way.
    pub date_text: String,
    /// When the article last changed: the latest update's time, else `date`.
    pub modified: String,
    /// `date` and `modified` in seconds since 1970 (a date alone: its midnight UTC), to order
    /// articles by.
    pub published_at: i64,
    pub modified_at: i64,
    pub section: Option<String>,
    pub title: Text,
    pub lede: Option<Text>,
    pub authors: Vec<String>,
    /// Author -> the page about them, for those the content file gives one.
    pub author_urls: BTreeMap<String, String>,
    /// The `byline` site string with the authors joined the local way.
    pub byline: Option<String>,
    /// Who translated this edition (`[translators]` of the content file).
    pub translators: Vec<String>,
    /// A translated edition's disclosure, "Translated from the French by …" (none on the
    /// source language's).
    pub translation: Option<String>,
    /// The tags as the content file writes them (feeds' category terms).
    pub tags: Vec<String>,
    /// The tags as the language names them (`tag-<tag>` of the shared files), in the same order.
    pub tag_names: Vec<String>,
    pub updates: Vec<LocalUpdate>,
    pub blocks: Vec<LocalBlock>,
    /// The text edition's "Read online: <url>" (`text-read-online`), with a `base_url`.
    pub read_online: Option<String>,
    /// The text edition's "Atom feed: <url>" (`text-feed`), where the language has a feed.
    pub read_feed: Option<String>,
    /// Shared interface strings (`site.ftl`…), formatted with the article's arguments.
    pub ui: BTreeMap<String, String>,
    /// Message ids shown in the source language (`--missing fallback`).
    pub fallbacks: Vec<String>,
    /// The article is a draft (built only for a preview).
    pub draft: bool,
}

/// What indexes, feeds and the sitemap show of an edition: all a build keeps of an article
/// it does not render again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub lang: String,
    pub slug: String,
    pub page: String,
    pub date: String,
    pub date_text: String,
    pub modified: String,
    pub published_at: i64,
    pub modified_at: i64,
    pub section: Option<String>,
    pub title: Text,
    pub lede: Option<Text>,
    pub authors: Vec<String>,
    pub author_urls: BTreeMap<String, String>,
    pub tags: Vec<String>,
    pub tag_names: Vec<String>,
    /// The body's HTML, as a feed entry's content (the build renders it).
    pub content: String,
}

impl Edition {
    pub fn listing(&self) -> Listing {
        Listing {
            lang: self.lang.clone(),
            slug: self.slug.clone(),
            page: self.page.clone(),
            date: self.date.clone(),
            date_text: self.date_text.clone(),
            modified: self.modified.clone(),
            published_at: self.published_at,
            modified_at: self.modified_at,
            section: self.section.clone(),
            title: self.title.clone(),
            lede: self.lede.clone(),
            authors: self.authors.clone(),
            author_urls: self.author_urls.clone(),
            tags: self.tags.clone(),
            tag_names: self.tag_names.clone(),
            content: String::new(),
        }
    }
}

/// The outcome for one (language, article).
#[derive(Debug)]
pub enum Outcome {
    Edition(Box<Edition>),
    /// Messages the language lacks (`--missing skip` or `error`).
    Missing(Vec<String>),
}

/// Each block's `id` once in the page: a second video of the same message gets `-2`, and none
/// takes `content`, the id of the page's main text.
pub(super) fn unique_ids(blocks: &mut [LocalBlock]) {
    let mut taken = std::collections::BTreeSet::from(["content".to_owned()]);
    for id in blocks.iter_mut().filter_map(|b| b.id.as_mut()) {
        let mut candidate = id.clone();
        let mut n = 1;
        while taken.contains(&candidate) {
            n += 1;
            candidate = format!("{id}-{n}");
        }
        taken.insert(candidate.clone());
        *id = candidate;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_unique_in_a_page() {
        use crate::content::BlockKind;
        let mut blocks: Vec<super::LocalBlock> = ["clip", "clip", "content", "clip-2"]
            .iter()
            .map(|id| {
                let mut b = super::LocalBlock::empty(BlockKind::Video);
                b.id = Some((*id).to_owned());
                b
            })
            .collect();
        blocks.push(super::LocalBlock::empty(BlockKind::Paragraph));
        super::unique_ids(&mut blocks);
        let ids: Vec<Option<&str>> = blocks.iter().map(|b| b.id.as_deref()).collect();
        assert_eq!(
            ids,
            [
                Some("clip"),
                Some("clip-2"),
                Some("content-2"),
                Some("clip-2-2"),
                None
            ]
        );
    }
}
