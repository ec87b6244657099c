//! The view an HTML article template sees: the edition plus links between editions.

use serde::Serialize;

use crate::content::BlockKind;
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

/// Give every block of a serialised article view `is_heading`, `is_paragraph`… booleans, so a
/// template picks a block's markup with `{{#if is_heading}}…{{else if is_paragraph}}` instead of
/// one `(eq kind "…")` helper call per kind (the profile's top render cost). `kind` stays.
pub(super) fn add_kind_flags(view: &mut serde_json::Value) {
    let Some(serde_json::Value::Array(blocks)) = view.get_mut("blocks") else {
        return;
    };
    for block in blocks {
        let Some(block) = block.as_object_mut() else {
            continue;
        };
        let kind = block.get("kind").and_then(|k| k.as_str()).unwrap_or("");
        let kind = BlockKind::ALL.iter().position(|k| k.name() == kind);
        for (i, k) in BlockKind::ALL.iter().enumerate() {
            block.insert(k.flag().to_owned(), (kind == Some(i)).into());
        }
    }
}
