//! Atom 1.0 feed of a language's articles, written with an XML writer so every text is escaped
//! and the document is well-formed. Feeds need absolute URLs, so they exist only with a
//! `base_url`.

use quick_xml::events::BytesText;
use quick_xml::Writer;

use crate::localise::Listing;

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// A feed's identity and links.
pub struct FeedMeta<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    /// The feed's own absolute URL (also its id).
    pub self_url: &'a str,
    /// The language's index page.
    pub index_url: &'a str,
    pub base_url: &'a str,
}

/// How many articles a language's feed carries, the newest: readers poll a feed for what is
/// new, and each entry holds its whole article, so an archive's feed of 10,000 entries would
/// weigh tens of megabytes and be rewritten by any correction.
pub const FEED_ENTRIES: usize = 50;

/// The feed of `editions`, newest first; `updated` is the latest change of any of them, so the same
/// content always gives the same bytes.
pub fn atom(meta: &FeedMeta, editions: &[&Listing]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let updated = editions.iter().max_by_key(|e| e.modified_at).map_or_else(
        || "1970-01-01T00:00:00Z".to_owned(),
        |e| timestamp(&e.modified),
    );
    let result = w
        .create_element("feed")
        .with_attribute(("xmlns", ATOM))
        .with_attribute(("xml:lang", meta.lang))
        .write_inner_content(|w| {
            text(w, "title", meta.title)?;
            text(w, "id", meta.self_url)?;
            text(w, "updated", &updated)?;
            w.create_element("link")
                .with_attribute(("rel", "self"))
                .with_attribute(("type", "application/atom+xml"))
                .with_attribute(("href", meta.self_url))
                .write_empty()?;
            w.create_element("link")
                .with_attribute(("rel", "alternate"))
                .with_attribute(("type", "text/html"))
                .with_attribute(("href", meta.index_url))
                .write_empty()?;
            w.create_element("author")
                .write_inner_content(|w| text(w, "name", meta.title).map(|_| ()))?;
            for e in editions {
                let url = format!("{}/{}/{}.html", meta.base_url, e.lang, e.page);
                w.create_element("entry").write_inner_content(|w| {
                    text(w, "title", &plain(&e.title.value))?;
                    text(w, "id", &url)?;
                    w.create_element("link")
                        .with_attribute(("rel", "alternate"))
                        .with_attribute(("type", "text/html"))
                        .with_attribute(("href", url.as_str()))
                        .write_empty()?;
                    text(w, "published", &timestamp(&e.date))?;
                    text(w, "updated", &timestamp(&e.modified))?;
                    if let Some(lede) = &e.lede {
                        text(w, "summary", &plain(&lede.value))?;
                    }
                    for name in &e.authors {
                        w.create_element("author").write_inner_content(|w| {
                            text(w, "name", name)?;
                            if let Some(url) = e.author_urls.get(name) {
                                text(w, "uri", url)?;
                            }
                            Ok(())
                        })?;
                    }
                    // The term stays the tag as written, the same in every language; the
                    // label is the language's name for it.
                    for (tag, name) in e.tags.iter().zip(&e.tag_names) {
                        w.create_element("category")
                            .with_attribute(("term", tag.as_str()))
                            .with_attribute(("label", name.as_str()))
                            .write_empty()?;
                    }
                    w.create_element("content")
                        .with_attribute(("type", "html"))
                        .write_text_content(BytesText::new(&e.content))?;
                    Ok(())
                })?;
            }
            Ok(())
        });
    result.expect("writing to memory cannot fail");
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&String::from_utf8(w.into_inner()).expect("the writer wrote UTF-8"));
    out.push('\n');
    out
}

/// `<name>text</name>`, escaped.
fn text<'w>(
    w: &'w mut Writer<Vec<u8>>,
    name: &'w str,
    value: &str,
) -> std::io::Result<&'w mut Writer<Vec<u8>>> {
    w.create_element(name)
        .write_text_content(BytesText::new(value))
}

/// An RFC 3339 timestamp as Atom wants it: a date-time with offset stays as it is, a date
/// alone is midnight UTC.
fn timestamp(date: &str) -> String {
    if date.contains('T') {
        date.to_owned()
    } else {
        format!("{date}T00:00:00Z")
    }
}

/// Feed readers get plain text: inline markup of a translation is dropped.
fn plain(s: &str) -> String {
    crate::markup::to_text(s)
}
