//! The files of `static/` a page shows, placed: links to figures, videos and posters from the
//! page, images' sizes, narrower copies and share cards to derive, the image a page is shared
//! with.

use std::collections::BTreeMap;

use crate::content::{is_url, Article};
use crate::localise::{LocalBlock, Text};
use crate::media::{self, Derived};

/// What a build knows of each file of `static/`: its path in the site -> how a page shows it
/// (`<width>x<height>` for an image whose size its file tells, else [`FILE`]).
pub type Assets = BTreeMap<String, String>;

/// A file of `static/` that is not an image of known size.
pub const FILE: &str = "file";

/// What a unit records of a path its article names that is no file of `static/`.
pub const ABSENT: &str = "absent";

/// The picture a link to the page shows on social networks (`og:image`, `twitter:image`)
/// and in search results (JSON-LD `image`).
#[derive(Debug, Clone, PartialEq)]
pub struct ShareImage {
    pub url: String,
    /// Width and height in pixels, when known.
    pub size: Option<(u32, u32)>,
    /// What it shows, as text (an image's alt text).
    pub alt: String,
}

/// An image of `static/` as the build knows it ([`shown`]).
pub struct Image<'a> {
    pub size: (u32, u32),
    /// For an image gazette derives others from.
    pub fingerprint: Option<&'a str>,
}

impl<'a> Image<'a> {
    pub fn of(shown: &'a str) -> Option<Image<'a>> {
        let (size, fingerprint) = match shown.split_once(' ') {
            Some((size, f)) => (size, Some(f)),
            None => (shown, None),
        };
        let (w, h) = size.split_once('x')?;
        Some(Image {
            size: (w.parse().ok()?, h.parse().ok()?),
            fingerprint,
        })
    }

    /// What gazette derives from the image at `source` (a file of `static/`), if it can.
    pub fn derived(&self, source: &str, variant: media::Variant) -> Option<Derived> {
        Some(Derived {
            source: source.to_owned(),
            fingerprint: self.fingerprint?.to_owned(),
            variant,
        })
    }
}

/// The files of `static/` an article's pages show, with what the build knows of each: its
/// figures, videos and posters, and the site's image when it has no figure (its share image).
pub fn assets_of(
    article: &Article,
    assets: &Assets,
    site_image: Option<&str>,
) -> Vec<(String, String)> {
    let figure = article
        .blocks
        .iter()
        .any(|b| b.body.kind() == crate::content::BlockKind::Figure);
    let shared = site_image.filter(|_| !figure);
    let mut used: Vec<(String, String)> = article
        .blocks
        .iter()
        .flat_map(|b| b.body.assets())
        .chain(shared)
        .map(|p| {
            let seen = assets.get(p).map_or(ABSENT, String::as_str);
            (p.to_owned(), seen.to_owned())
        })
        .collect();
    used.sort();
    used.dedup();
    used
}

/// Links from the page to its figures, videos and posters; images' sizes (the file's, else
/// the content file's); a photo's narrower copies (`srcset`, returned as the images to
/// derive); every image but the first loaded lazily.
pub fn place_media(blocks: &mut [LocalBlock], assets: &Assets, root: &str) -> Vec<Derived> {
    let link = |src: &str| match is_url(src) {
        true => src.to_owned(),
        false => format!("{root}{src}"),
    };
    let mut images = 0;
    let mut derived = Vec::new();
    for block in blocks {
        block.url = block.src.as_deref().map(link);
        block.poster = block.poster.as_deref().map(link);
        for source in &mut block.sources {
            source.url = link(&source.url);
        }
        if block.kind != crate::content::BlockKind::Figure {
            continue;
        }
        block.lazy = images > 0;
        images += 1;
        let (Some(src), Some(url)) = (block.src.as_deref(), block.url.as_deref()) else {
            continue;
        };
        let Some(image) = assets.get(src).and_then(|s| Image::of(s)) else {
            continue;
        };
        let (width, height) = image.size;
        (block.width, block.height) = (Some(width), Some(height));
        if media::Source::of(src) == Some(media::Source::Svg) {
            continue;
        }
        let mut set = Vec::new();
        for w in media::WIDTHS.into_iter().filter(|w| *w < width) {
            if let Some(d) = image.derived(src, media::Variant::Width(w)) {
                set.push(format!("{root}{} {w}w", d.path()));
                derived.push(d);
            }
        }
        if !set.is_empty() {
            set.push(format!("{url} {width}w"));
            block.srcset = Some(set.join(", "));
        }
    }
    derived
}

/// The image a page is shared with: its first figure's, as a 1200×630 card (or as it is when
/// given by URL, or when gazette cannot derive a card from it), else the site's image's card;
/// with the images to derive for it.
pub fn share_image(
    blocks: &[LocalBlock],
    assets: &Assets,
    root: &str,
    site: Option<(&str, Text)>,
) -> (Option<ShareImage>, Option<Derived>) {
    let first = blocks
        .iter()
        .find(|b| b.kind == crate::content::BlockKind::Figure);
    let (src, alt, given) = match (first, site) {
        (Some(b), _) => {
            let alt = b.alt.as_ref().map(|t| crate::markup::to_text(&t.value));
            let given = b.width.zip(b.height);
            (b.src.as_deref().unwrap_or_default(), alt, given)
        }
        (None, Some((src, alt))) => (src, Some(crate::markup::to_text(&alt.value)), None),
        (None, None) => return (None, None),
    };
    let alt = alt.unwrap_or_default();
    if is_url(src) {
        let share = ShareImage {
            url: src.to_owned(),
            size: given,
            alt,
        };
        return (Some(share), None);
    }
    let image = assets.get(src).and_then(|s| Image::of(s));
    let card = image
        .as_ref()
        .and_then(|i| i.derived(src, media::Variant::Card));
    let share = match &card {
        Some(card) => ShareImage {
            url: format!("{root}{}", card.path()),
            size: Some(media::CARD),
            alt,
        },
        None => ShareImage {
            url: format!("{root}{src}"),
            size: image.map(|i| i.size),
            alt,
        },
    };
    (Some(share), card)
}
