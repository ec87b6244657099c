//! The view an HTML article template sees: the edition plus links between editions.

use serde::Serialize;

use crate::localise::Edition;

/// A link to the same article in another language (or this one, `current`).
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: String,
    /// The language's name in itself.
    pub name: String,
    pub href: String,
    pub current: bool,
}

/// Everything `article.html.hbs` gets.
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    #[serde(flatten)]
    pub edition: &'a Edition,
    /// Absolute when `base_url` is set, else relative to the page.
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    /// Prefix that turns a site-relative path (`images/x.jpg`) into a link from this page.
    pub root: String,
}
