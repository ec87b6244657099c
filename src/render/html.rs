//! The view an HTML article template sees: the edition plus links between editions.

use serde::Serialize;

use crate::content::BlockKind;
use crate::localise::{Edition, Text};

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
    /// schema.org `NewsArticle` JSON-LD, safe inside `<script>` (written with `{{{json_ld}}}`).
    pub json_ld: String,
    /// Open Graph and Twitter card tags.
    pub meta: Vec<MetaTag>,
    /// What keeps the page from publication, in a preview (`gazette serve`) only.
    pub preview: Option<Banner>,
}

/// A preview page's banner: each text that applies, in the page's language where it can be.
#[derive(Debug, Serialize)]
pub struct Banner {
    /// The article is a draft.
    pub draft: Option<Text>,
    /// Texts are shown in the source language: the words before their list.
    pub fallback: Option<Text>,
    /// The message ids shown in the source language.
    pub missing: Vec<String>,
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

/// An Open Graph (`attr` = `property`) or Twitter card (`attr` = `name`) `<meta>` tag.
#[derive(Debug, Serialize)]
pub struct MetaTag {
    pub attr: &'static str,
    pub key: &'static str,
    pub content: String,
}

/// What a page tells search engines and social networks beyond its text.
pub struct Distribution<'a> {
    /// The publisher's home page, when the site has a `base_url`.
    pub home: Option<String>,
    /// The source language: each other edition is a translation of that one.
    pub source: &'a str,
    /// Open Graph's `language_TERRITORY` of a language (`fr_FR`).
    pub og_locale: &'a dyn Fn(&str) -> String,
}

impl<'a> PageView<'a> {
    pub fn new(
        edition: &'a Edition,
        canonical: String,
        alternates: Vec<Alternate>,
        root: String,
        share: Option<ShareImage>,
        d: &Distribution,
    ) -> Self {
        let share = share.as_ref();
        let json_ld = json_ld(edition, &canonical, &alternates, share, d);
        let meta = meta_tags(edition, &canonical, &alternates, share, d);
        PageView {
            edition,
            canonical,
            alternates,
            root,
            json_ld,
            meta,
            preview: None,
        }
    }
}

/// schema.org `ImageObject`s for JSON-LD's `image`: the share image first, then the page's
/// figures as they are (with their sizes) and its videos' posters.
fn images(e: &Edition, share: Option<&ShareImage>) -> Vec<serde_json::Value> {
    use serde_json::json;
    let object = |url: &str, size: Option<(u32, u32)>| match size {
        Some((w, h)) => json!({ "@type": "ImageObject", "url": url, "width": w, "height": h }),
        None => json!({ "@type": "ImageObject", "url": url }),
    };
    let figures = e.blocks.iter().filter(|b| b.kind == BlockKind::Figure);
    let figures = figures.filter_map(|b| Some(object(b.url.as_deref()?, b.width.zip(b.height))));
    let posters = e.blocks.iter().filter_map(|b| b.poster.as_deref());
    let mut images: Vec<serde_json::Value> =
        share.map(|s| object(&s.url, s.size)).into_iter().collect();
    for image in figures.chain(posters.map(|p| object(p, None))) {
        if !images.iter().any(|i| i["url"] == image["url"]) {
            images.push(image);
        }
    }
    images
}

/// The `site-name` site string: the publisher.
fn site_name(e: &Edition) -> &str {
    e.ui.get("site-name").map_or("", String::as_str)
}

fn plain(text: &str) -> String {
    crate::markup::to_text(text)
}

/// schema.org `NewsArticle`: each edition names its language, and a translation the source
/// edition it translates (`translationOfWork`); the source edition names its translations
/// (`workTranslation`).
fn json_ld(
    e: &Edition,
    canonical: &str,
    alternates: &[Alternate],
    share: Option<&ShareImage>,
    d: &Distribution,
) -> String {
    use serde_json::json;
    let work = |a: &Alternate| json!({ "@type": "NewsArticle", "@id": a.href, "url": a.href, "inLanguage": a.lang });
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": canonical,
        "url": canonical,
        "mainEntityOfPage": { "@type": "WebPage", "@id": canonical },
        "headline": plain(&e.title.value),
        "inLanguage": e.lang,
        "datePublished": e.date,
        "dateModified": e.modified,
        "author": e.authors.iter().map(|a| json!({ "@type": "Person", "name": a })).collect::<Vec<_>>(),
        "publisher": { "@type": "NewsMediaOrganization", "name": site_name(e), "url": d.home },
        "keywords": e.tags,
    });
    let fields = article.as_object_mut().expect("an object");
    if let Some(lede) = &e.lede {
        fields.insert("description".into(), plain(&lede.value).into());
    }
    if let Some(section) = &e.section {
        fields.insert("articleSection".into(), section.as_str().into());
    }
    let images = images(e, share);
    if !images.is_empty() {
        fields.insert("image".into(), images.into());
    }
    let others = alternates.iter().filter(|a| !a.current);
    if e.lang == d.source {
        let translations: Vec<_> = others.map(work).collect();
        fields.insert("workTranslation".into(), translations.into());
    } else if let Some(original) = alternates.iter().find(|a| a.lang == d.source) {
        fields.insert("translationOfWork".into(), work(original));
    }
    // `</script>` can never close the element early: `<`, `>` and `&` are written as escapes.
    article
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Open Graph and Twitter card tags.
fn meta_tags(
    e: &Edition,
    canonical: &str,
    alternates: &[Alternate],
    share: Option<&ShareImage>,
    d: &Distribution,
) -> Vec<MetaTag> {
    let og = |key, content: String| MetaTag {
        attr: "property",
        key,
        content,
    };
    let mut tags = vec![
        og("og:type", "article".into()),
        og("og:site_name", site_name(e).into()),
        og("og:title", plain(&e.title.value)),
        og("og:url", canonical.into()),
        og("og:locale", (d.og_locale)(&e.lang)),
    ];
    for a in alternates.iter().filter(|a| !a.current) {
        tags.push(og("og:locale:alternate", (d.og_locale)(&a.lang)));
    }
    if let Some(lede) = &e.lede {
        tags.push(og("og:description", plain(&lede.value)));
    }
    if let Some(image) = share {
        tags.push(og("og:image", image.url.clone()));
        if let Some((w, h)) = image.size {
            tags.push(og("og:image:width", w.to_string()));
            tags.push(og("og:image:height", h.to_string()));
        }
        if !image.alt.is_empty() {
            tags.push(og("og:image:alt", image.alt.clone()));
        }
    }
    tags.push(og("article:published_time", e.date.clone()));
    tags.push(og("article:modified_time", e.modified.clone()));
    if let Some(section) = &e.section {
        tags.push(og("article:section", section.clone()));
    }
    for tag in &e.tags {
        tags.push(og("article:tag", tag.clone()));
    }
    let card = if share.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let twitter = |key, content: String| MetaTag {
        attr: "name",
        key,
        content,
    };
    tags.push(twitter("twitter:card", card.into()));
    tags.push(twitter("twitter:title", plain(&e.title.value)));
    if let Some(lede) = &e.lede {
        tags.push(twitter("twitter:description", plain(&lede.value)));
    }
    if let Some(image) = share {
        tags.push(twitter("twitter:image", image.url.clone()));
        if !image.alt.is_empty() {
            tags.push(twitter("twitter:image:alt", image.alt.clone()));
        }
    }
    tags
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
