//! An article's blocks: what each is, the fields its type needs, the messages and files it names.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::validation::is_url;
use super::values::Arg;

/// Which related-content label a `related` block gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelatedKind {
    Read,
    Watch,
}

/// What a figure shows: a photograph (the default), a chart or map, a drawing. The text
/// edition labels it so, and its credit says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    #[default]
    Photo,
    Chart,
    Illustration,
}

impl FigureKind {
    /// The word of the content file, and of the `text-<kind>` site string.
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Photo => "photo",
            FigureKind::Chart => "chart",
            FigureKind::Illustration => "illustration",
        }
    }
}

/// One encoding of a video: its file and media type (`video/mp4`), which lets a browser skip
/// what it cannot play without fetching it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VideoSource {
    pub src: String,
    #[serde(rename = "type")]
    pub media_type: String,
}

/// What a block is, with the fields its type needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum BlockBody {
    Heading {
        key: String,
    },
    Paragraph {
        key: String,
    },
    Quote {
        key: String,
    },
    List {
        items: Vec<String>,
    },
    Figure {
        key: String,
        src: String,
        /// What the image is: its label in the text edition and in its credit.
        #[serde(default)]
        kind: FigureKind,
        /// Who made it ("AFP", "Maëlle Vernier / La Gazette"), shown after the caption.
        credit: Option<String>,
        /// The image's size, for an image its file cannot tell (one given by URL).
        width: Option<u32>,
        height: Option<u32>,
    },
    Video {
        key: String,
        src: String,
        /// The frame shown before the video plays.
        poster: Option<String>,
        /// Other encodings of the video, offered before `src` in this order (an MP4 for the
        /// browsers that play no WebM).
        #[serde(default)]
        sources: Vec<VideoSource>,
        credit: Option<String>,
    },
    /// A link to another page: `href` (with its language, `lang`, when it is not the page's),
    /// or `article`, another article of the project, titled with that article's headline.
    Related {
        key: Option<String>,
        href: Option<String>,
        lang: Option<String>,
        article: Option<String>,
        kind: RelatedKind,
    },
}

/// What a block is, from the content file's `type` to the templates' `kind` (serialised as the
/// same lowercase word) and their `is_<kind>` flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    Quote,
    List,
    Figure,
    Video,
    Related,
}

impl BlockKind {
    pub const ALL: [BlockKind; 7] = [
        BlockKind::Heading,
        BlockKind::Paragraph,
        BlockKind::Quote,
        BlockKind::List,
        BlockKind::Figure,
        BlockKind::Video,
        BlockKind::Related,
    ];

    /// The word templates see as `kind` (as serialised).
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Quote => "quote",
            BlockKind::List => "list",
            BlockKind::Figure => "figure",
            BlockKind::Video => "video",
            BlockKind::Related => "related",
        }
    }

    /// The flag templates test the kind with (`{{#if is_heading}}`).
    pub fn flag(self) -> &'static str {
        match self {
            BlockKind::Heading => "is_heading",
            BlockKind::Paragraph => "is_paragraph",
            BlockKind::Quote => "is_quote",
            BlockKind::List => "is_list",
            BlockKind::Figure => "is_figure",
            BlockKind::Video => "is_video",
            BlockKind::Related => "is_related",
        }
    }
}

impl BlockBody {
    /// The files of the site this block shows (a figure's or video's `src`, a poster): the
    /// relative paths, which name files of `static/`; URLs are left to their sites.
    pub fn assets(&self) -> Vec<&str> {
        let paths = match self {
            BlockBody::Figure { src, .. } => vec![src.as_str()],
            BlockBody::Video {
                src,
                poster,
                sources,
                ..
            } => sources
                .iter()
                .map(|s| s.src.as_str())
                .chain([src.as_str()])
                .chain(poster.as_deref())
                .collect(),
            _ => Vec::new(),
        };
        paths.into_iter().filter(|p| !is_url(p)).collect()
    }

    pub fn kind(&self) -> BlockKind {
        match self {
            BlockBody::Heading { .. } => BlockKind::Heading,
            BlockBody::Paragraph { .. } => BlockKind::Paragraph,
            BlockBody::Quote { .. } => BlockKind::Quote,
            BlockBody::List { .. } => BlockKind::List,
            BlockBody::Figure { .. } => BlockKind::Figure,
            BlockBody::Video { .. } => BlockKind::Video,
            BlockBody::Related { .. } => BlockKind::Related,
        }
    }
}

/// One block of an article, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub body: BlockBody,
    pub args: BTreeMap<String, Arg>,
    /// 1-based line of the block in its file, for diagnostics.
    pub line: usize,
    /// The line of each file of the site it names ([`BlockBody::assets`]) and of its link
    /// (a related block's `href`), for diagnostics.
    pub asset_lines: BTreeMap<String, usize>,
}

impl Block {
    /// The message ids this block names.
    pub fn keys(&self) -> Vec<&str> {
        match &self.body {
            BlockBody::List { items } => items.iter().map(String::as_str).collect(),
            BlockBody::Related { key, .. } => key.iter().map(String::as_str).collect(),
            BlockBody::Heading { key }
            | BlockBody::Paragraph { key }
            | BlockBody::Quote { key }
            | BlockBody::Figure { key, .. }
            | BlockBody::Video { key, .. } => vec![key.as_str()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_kinds_are_named_as_serialised_and_flagged() {
        for kind in BlockKind::ALL {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, kind.name());
            assert_eq!(kind.flag(), format!("is_{}", kind.name()));
        }
    }
}
