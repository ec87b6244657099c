//! One article as its file gives it: metadata, blocks, and the messages they name.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::blocks::{Block, BlockBody};
use super::values::{Arg, DateTime, Published};

/// A correction or addition noted on the page: when, and the message that says what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub at: DateTime,
    pub key: String,
}

/// Variables gazette itself passes to the site strings it formats (`byline`, `update-note`,
/// the text edition's labels, a figure's credit, `link-in`'s language name,
/// `translated-from-by`'s translators, `time`'s hour and minute): every article's messages
/// may be formatted with them.
pub const SITE_VARIABLES: [&str; 9] = [
    "authors",
    "credit",
    "hour",
    "language",
    "minute",
    "note",
    "title",
    "translators",
    "url",
];

/// One article: its metadata and blocks.
#[derive(Debug, Clone)]
pub struct Article {
    pub slug: String,
    /// `content/<slug>.toml`, relative to the project root.
    pub path: PathBuf,
    pub date: Published,
    pub section: Option<String>,
    /// Message id of the headline.
    pub title: String,
    /// Arguments of the headline.
    pub title_args: BTreeMap<String, Arg>,
    /// Message id of the standfirst.
    pub lede: String,
    /// Arguments of the standfirst.
    pub lede_args: BTreeMap<String, Arg>,
    /// The byline, in the order the file gives.
    pub authors: Vec<String>,
    /// Language -> who translated the article into it (`[translators] en = ["Name"]`), for
    /// the translation's disclosure line and its metadata.
    pub translators: BTreeMap<String, Vec<String>>,
    /// Author -> the page about them (`authors = [{ name = "…", url = "https://…" }]`).
    pub author_urls: BTreeMap<String, String>,
    pub tags: Vec<String>,
    /// Notes of later changes, oldest first.
    pub updates: Vec<Update>,
    /// Checked, never published.
    pub draft: bool,
    /// Not published before this instant.
    pub embargo: Option<DateTime>,
    /// Language -> the page name of the article's edition there, when not its slug.
    pub slugs: BTreeMap<String, String>,
    /// The lede was named in the file, so its message must exist (the default one is optional).
    pub lede_required: bool,
    pub blocks: Vec<Block>,
    /// Message id -> 1-based line of the file where it is named, for diagnostics.
    pub key_lines: BTreeMap<String, usize>,
}

impl Article {
    /// Every message id the blocks and update notes name, with the arguments it is formatted
    /// with (the headline and standfirst are named apart).
    pub fn messages(&self) -> Vec<(&str, &BTreeMap<String, Arg>)> {
        static NONE: BTreeMap<String, Arg> = BTreeMap::new();
        let mut out = Vec::new();
        for block in &self.blocks {
            for key in block.keys() {
                out.push((key, &block.args));
            }
        }
        out.extend(self.updates.iter().map(|u| (u.key.as_str(), &NONE)));
        out
    }

    /// The union of the headline's, standfirst's and blocks' arguments plus `date`: what
    /// messages not named by a block (and the shared interface strings) are formatted with.
    pub fn all_args(&self) -> BTreeMap<String, Arg> {
        let mut args = BTreeMap::new();
        let named = [&self.title_args, &self.lede_args];
        for set in named.into_iter().chain(self.blocks.iter().map(|b| &b.args)) {
            for (k, v) in set {
                args.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        args.insert("date".to_owned(), self.date.arg());
        for name in SITE_VARIABLES {
            args.entry(name.to_owned())
                .or_insert_with(|| Arg::String(String::new()));
        }
        args
    }

    /// The articles its related blocks link to, sorted, each once.
    pub fn links(&self) -> Vec<&str> {
        let mut slugs: Vec<&str> = self
            .blocks
            .iter()
            .filter_map(|b| match &b.body {
                BlockBody::Related { article, .. } => article.as_deref(),
                _ => None,
            })
            .collect();
        slugs.sort_unstable();
        slugs.dedup();
        slugs
    }

    /// The page name of the article's edition in `lang`: its localised slug, or its slug.
    pub fn page_slug(&self, lang: &str) -> &str {
        self.slugs.get(lang).unwrap_or(&self.slug)
    }
}
