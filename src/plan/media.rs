//! The files of `static/` a page shows, placed: links to figures, videos and posters from the
//! page, images' sizes, narrower copies and share cards to derive, the image a page is shared
//! with.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::{is_url, Article};
use crate::localise::{LocalBlock, Text};
use crate::media::{self, Derived};

/// What a build knows of each file of `static/`: its path in the site -> how a page shows it.
pub type Assets = BTreeMap<String, Shown>;

/// How a page shows a file of `static/`, as far as the build knows it. Kept in the build
/// cache as the text it always was there (`absent`, `file`, `<width>x<height>`, with
/// ` <fingerprint>` for an image gazette derives others from), so older caches still read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Shown {
    /// A path an article names that is no file of `static/`.
    Absent,
    /// A file of `static/` that is not an image of known size.
    File,
    /// An image whose size its file tells.
    Image(Image),
}

impl Shown {
    /// The image, when the file is one of known size.
    pub fn image(&self) -> Option<&Image> {
        match self {
            Shown::Image(image) => Some(image),
            Shown::Absent | Shown::File => None,
        }
    }
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Shown::Absent => f.write_str("absent"),
            Shown::File => f.write_str("file"),
            Shown::Image(Image {
                size: (w, h),
                fingerprint: None,
            }) => write!(f, "{w}x{h}"),
            Shown::Image(Image {
                size: (w, h),
                fingerprint: Some(print),
            }) => write!(f, "{w}x{h} {print}"),
        }
    }
}

impl From<Shown> for String {
    fn from(shown: Shown) -> String {
        shown.to_string()
    }
}

impl TryFrom<String> for Shown {
    type Error = String;

    fn try_from(text: String) -> Result<Shown, String> {
        let image = || {
            let (size, fingerprint) = match text.split_once(' ') {
                Some((size, f)) => (size, Some(f.to_owned())),
                None => (text.as_str(), None),
            };
            let (w, h) = size.split_once('x')?;
            let size = (w.parse().ok()?, h.parse().ok()?);
            Some(Image { size, fingerprint })
        };
        match text.as_str() {
            "absent" => Ok(Shown::Absent),
            "file" => Ok(Shown::File),
            _ => image()
                .map(Shown::Image)
                .ok_or_else(|| format!("not how a page shows a file: {text:?}")),
        }
    }
}

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

/// An image of `static/` as the build knows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Image {
    pub size: (u32, u32),
    /// The fingerprint of its bytes, for an image gazette derives others from.
    pub fingerprint: Option<String>,
}

impl Image {
    /// What gazette derives from the image at `source` (a file of `static/`), if it can.
    pub fn derived(&self, source: &str, variant: media::Variant) -> Option<Derived> {
        Some(Derived {
            source: source.to_owned(),
            fingerprint: self.fingerprint.clone()?,
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
) -> Vec<(String, Shown)> {
    let figure = article
        .blocks
        .iter()
        .any(|b| b.body.kind() == crate::content::BlockKind::Figure);
    let shared = site_image.filter(|_| !figure);
    let mut used: Vec<(String, Shown)> = article
        .blocks
        .iter()
        .flat_map(|b| b.body.assets())
        .chain(shared)
        .map(|p| {
            let seen = assets.get(p).cloned().unwrap_or(Shown::Absent);
            (p.to_owned(), seen)
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
        let Some(image) = assets.get(src).and_then(Shown::image) else {
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
    let image = assets.get(src).and_then(Shown::image);
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
