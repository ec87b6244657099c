//! The view an HTML article template sees: the edition plus links between editions.

use serde::Serialize;

use crate::content::BlockKind;
use crate::localise::{Edition, Text};
use crate::plan::media::ShareImage;

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
    /// The language picker: the `hreflang="x-default"` alternate, for readers of none of the
    /// page's languages.
    pub x_default: String,
    /// Prefix that turns a site-relative path (`images/x.jpg`) into a link from this page.
    pub root: String,
    /// schema.org `NewsArticle` JSON-LD, safe inside `<script>` (written with `{{{json_ld}}}`).
    pub json_ld: String,
    /// Open Graph and Twitter card tags.
    pub meta: Vec<MetaTag>,
    /// What keeps the page from publication, in a preview (`gazette serve`) only.
    pub preview: Option<Banner>,
    /// The language's Atom feed (absolute), when one is written: the page's autodiscovery
    /// link and its footer's.
    pub feed: Option<String>,
    /// What the page's footer links to besides the feed.
    pub footer: Footer,
}

/// A page's footer: the language's front page, its newest other articles, the legal links.
#[derive(Debug, Default, Serialize)]
pub struct Footer {
    /// The language's index page, as a link from this page.
    pub home: String,
    /// The same, absolute (with a `base_url`): what the text edition's footer gives.
    pub home_url: Option<String>,
    /// The language's newest other articles (`[footer]` `latest`), newest first.
    pub latest: Vec<LatestLink>,
    /// The `[[footer.links]]` of `gazette.toml`, labelled in the page's language.
    pub links: Vec<FooterLink>,
}

/// A link of a page's footer to one of the newest articles: its headline in the page's
/// language (`lang` set when shown in the source language, `--missing fallback`).
#[derive(Debug, Serialize)]
pub struct LatestLink {
    pub title: Text,
    pub href: String,
}

/// A link of a page's footer.
#[derive(Debug, Serialize)]
pub struct FooterLink {
    pub label: String,
    pub href: String,
    /// The language of the linked page, when not the page's.
    pub hreflang: Option<String>,
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
    /// The language picker's URL from an article's page.
    pub picker: String,
    /// The publisher's name, the same in every language (`[publisher]`).
    pub brand: &'a str,
    /// The publisher's logo, as a link from the page.
    pub logo: Option<String>,
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
            x_default: d.picker.clone(),
            root,
            json_ld,
            meta,
            preview: None,
            feed: None,
            footer: Footer::default(),
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

/// The `site-name` site string: the site's name in the page's language.
fn site_name(e: &Edition) -> &str {
    e.ui.get("site-name").map_or("", String::as_str)
}

/// schema.org's publisher: one organisation in every language, known by one `@id` (the home
/// page's `#publisher`), its brand name and its logo.
fn publisher(d: &Distribution) -> serde_json::Value {
    use serde_json::json;
    let mut publisher = json!({ "@type": "NewsMediaOrganization", "name": d.brand, "url": d.home });
    let fields = publisher.as_object_mut().expect("an object");
    if let Some(home) = &d.home {
        fields.insert("@id".into(), format!("{home}#publisher").into());
    }
    if let Some(logo) = &d.logo {
        fields.insert(
            "logo".into(),
            json!({ "@type": "ImageObject", "url": logo }),
        );
    }
    publisher
}

/// schema.org `VideoObject` of each video the page embeds: what it shows (its caption and
/// alt text), its poster frame and file, dated as the article.
fn videos(e: &Edition) -> Vec<serde_json::Value> {
    use serde_json::json;
    let text = |t: &Option<crate::localise::Text>| t.as_ref().map(|t| plain(&t.value));
    e.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Video)
        .map(|b| {
            let (caption, alt) = (text(&b.caption), text(&b.alt));
            let mut video = json!({
                "@type": "VideoObject",
                "name": caption.clone().or_else(|| alt.clone()),
                "description": alt.or(caption),
                "contentUrl": b.url,
                "uploadDate": e.date,
            });
            if let Some(poster) = &b.poster {
                video["thumbnailUrl"] = poster.as_str().into();
            }
            video
        })
        .collect()
}

/// An author, with the page about them when the content file gives one.
fn person(e: &Edition, name: &str) -> serde_json::Value {
    let mut person = serde_json::json!({ "@type": "Person", "name": name });
    if let Some(url) = e.author_urls.get(name) {
        person["url"] = url.as_str().into();
    }
    person
}

fn plain(text: &str) -> String {
    crate::markup::to_text(text)
}

/// schema.org `NewsArticle`: each edition names its language, and a translation the source
/// edition it translates (`translationOfWork`) and who translated it (`translator`); the
/// source edition names its translations (`workTranslation`).
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
        "author": e.authors.iter().map(|a| person(e, a)).collect::<Vec<_>>(),
        "publisher": publisher(d),
        "keywords": e.tag_names,
    });
    let fields = article.as_object_mut().expect("an object");
    if let Some(lede) = &e.lede {
        fields.insert("description".into(), plain(&lede.value).into());
    }
    if let Some(section) = &e.section {
        fields.insert("articleSection".into(), section.as_str().into());
    }
    if !e.translators.is_empty() {
        let people = e
            .translators
            .iter()
            .map(|t| json!({ "@type": "Person", "name": t }));
        fields.insert("translator".into(), people.collect::<Vec<_>>().into());
    }
    let images = images(e, share);
    if !images.is_empty() {
        fields.insert("image".into(), images.into());
    }
    let videos = videos(e);
    if !videos.is_empty() {
        fields.insert("video".into(), videos.into());
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
    let title = plain(&e.title.value);
    let description = e.lede.as_ref().map(|l| plain(&l.value));
    let mut tags = vec![
        og("og:type", "article".into()),
        og("og:site_name", site_name(e).into()),
        og("og:title", title.clone()),
        og("og:url", canonical.into()),
        og("og:locale", (d.og_locale)(&e.lang)),
    ];
    for a in alternates.iter().filter(|a| !a.current) {
        tags.push(og("og:locale:alternate", (d.og_locale)(&a.lang)));
    }
    if let Some(description) = &description {
        tags.push(og("og:description", description.clone()));
    }
    tags.extend(og_image(share));
    tags.push(og("article:published_time", e.date.clone()));
    tags.push(og("article:modified_time", e.modified.clone()));
    if let Some(section) = &e.section {
        tags.push(og("article:section", section.clone()));
    }
    for tag in &e.tag_names {
        tags.push(og("article:tag", tag.clone()));
    }
    tags.extend(twitter_card(title, description, share));
    tags
}

/// What a link to a page of the site that is no article shows (a language's index, the
/// language picker): an Open Graph `website`.
pub struct WebsiteCard<'a> {
    pub site_name: &'a str,
    pub title: &'a str,
    /// The site's description in the page's language (`site-description`), when it has one.
    pub description: Option<&'a str>,
    pub url: &'a str,
    /// Open Graph's `language_TERRITORY` of the page's language, then of its other languages.
    pub locale: String,
    pub alternate_locales: Vec<String>,
    pub image: Option<&'a ShareImage>,
}

/// Open Graph and Twitter card tags of a page of the site that is no article.
pub fn website_meta(card: &WebsiteCard) -> Vec<MetaTag> {
    let mut tags = vec![
        og("og:type", "website".into()),
        og("og:site_name", card.site_name.into()),
        og("og:title", card.title.into()),
        og("og:url", card.url.into()),
        og("og:locale", card.locale.clone()),
    ];
    for locale in &card.alternate_locales {
        tags.push(og("og:locale:alternate", locale.clone()));
    }
    if let Some(description) = card.description {
        tags.push(og("og:description", description.into()));
    }
    tags.extend(og_image(card.image));
    let description = card.description.map(str::to_owned);
    tags.extend(twitter_card(card.title.into(), description, card.image));
    tags
}

fn og(key: &'static str, content: String) -> MetaTag {
    MetaTag {
        attr: "property",
        key,
        content,
    }
}

/// The Open Graph tags of the image a page is shared with.
fn og_image(share: Option<&ShareImage>) -> Vec<MetaTag> {
    let Some(image) = share else {
        return Vec::new();
    };
    let mut tags = vec![og("og:image", image.url.clone())];
    if let Some((w, h)) = image.size {
        tags.push(og("og:image:width", w.to_string()));
        tags.push(og("og:image:height", h.to_string()));
    }
    if !image.alt.is_empty() {
        tags.push(og("og:image:alt", image.alt.clone()));
    }
    tags
}

/// The Twitter card: a large image when the page has one to be shared with.
fn twitter_card(
    title: String,
    description: Option<String>,
    share: Option<&ShareImage>,
) -> Vec<MetaTag> {
    let twitter = |key, content: String| MetaTag {
        attr: "name",
        key,
        content,
    };
    let card = if share.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let mut tags = vec![
        twitter("twitter:card", card.into()),
        twitter("twitter:title", title),
    ];
    if let Some(description) = description {
        tags.push(twitter("twitter:description", description));
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
