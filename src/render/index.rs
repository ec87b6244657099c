//! Views of the per-language index (`out/<lang>/index.html`) and of the language picker
//! (`out/index.html`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::html::{Alternate, MetaTag};
use crate::localise::{Listing, Text};

/// One article in a language's index.
#[derive(Debug, Serialize)]
pub struct IndexEntry<'a> {
    pub title: &'a Text,
    pub lede: Option<&'a Text>,
    pub date: &'a str,
    pub date_text: &'a str,
    pub section: Option<&'a str>,
    /// Relative to the index page.
    pub href: String,
}

impl<'a> IndexEntry<'a> {
    pub fn new(e: &'a Listing) -> Self {
        IndexEntry {
            title: &e.title,
            lede: e.lede.as_ref(),
            date: &e.date,
            date_text: &e.date_text,
            section: e.section.as_deref(),
            href: format!("{}.html", e.page),
        }
    }
}

/// Everything `index.html.hbs` gets.
#[derive(Debug, Serialize)]
pub struct IndexView<'a> {
    pub lang: &'a str,
    pub ui: &'a BTreeMap<String, String>,
    /// Newest first.
    pub articles: Vec<IndexEntry<'a>>,
    /// The index in every language.
    pub alternates: Vec<Alternate>,
    /// The language picker: the `hreflang="x-default"` alternate.
    pub x_default: String,
    pub canonical: String,
    pub root: String,
    /// The language's Atom feed, when one is written.
    pub feed: Option<String>,
    /// The site's description in the language (`site-description`), when it has one.
    pub description: Option<String>,
    /// Open Graph and Twitter card tags.
    pub meta: Vec<MetaTag>,
}

/// Everything `languages.html.hbs` gets: the site's front door, in no one language (`lang` is
/// `mul`, "multiple languages"): each language speaks for itself.
#[derive(Debug, Serialize)]
pub struct PickerView<'a> {
    pub lang: &'a str,
    /// The source language's shared strings.
    pub ui: &'a BTreeMap<String, String>,
    /// The publisher's name, the same in every language.
    pub name: &'a str,
    /// Each language's index, named in its own language.
    pub languages: Vec<Alternate>,
    /// Each language's Atom feed (with a `base_url`), named in its own language.
    pub feeds: Vec<Alternate>,
    /// "Choose a language" in each language that says it (`choose-language`), in it.
    pub prompts: Vec<Prompt>,
    pub canonical: String,
    /// The site's description in the source language (`site-description`), when it has one.
    pub description: Option<String>,
    /// Open Graph and Twitter card tags.
    pub meta: Vec<MetaTag>,
}

/// A text in the language `lang`, on a page in none.
#[derive(Debug, Serialize)]
pub struct Prompt {
    pub lang: String,
    pub text: String,
}
