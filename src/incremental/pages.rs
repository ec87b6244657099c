//! The pages of a build: an article's editions rendered and written, and the pages made of
//! every article (each language's index and feed, the language picker, the sitemap).

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::cache::{Cache, Page, Unit};
use crate::content::is_url;
use crate::error::{Error, Result};
use crate::localise::{Edition, Listing, Localiser, Pseudo, Text};
use crate::media::Derived;
use crate::plan::links::{link_articles, ByArticle};
use crate::plan::listings::{latest, newest_first, sitemap_pages, Newest};
use crate::plan::media::{place_media, share_image, Assets, ShareImage};
use crate::plan::text::label_for_text;
use crate::plan::urls::{
    self, feed_url, from_root, lang_path, lang_url, page_path, page_url, picker_canonical,
    picker_url, root_prefix, shown_from,
};
use crate::project::Project;
use crate::render::{
    atom, sitemap, website_meta, Alternate, Banner, Distribution, FeedMeta, Footer, FooterLink,
    IndexEntry, IndexView, LatestLink, MetaTag, PageView, PickerView, Prompt, Renderer,
    WebsiteCard, FEED_ENTRIES,
};
use crate::stamp::Stamp;
use crate::write::Output;

/// What every page of a build is made with.
pub struct Pages<'a, 'p> {
    pub project: &'p Project,
    pub langs: &'a [String],
    /// Each language's name in itself.
    pub names: &'a BTreeMap<&'a str, String>,
    /// A preview: drafts built, every article's page with its banner.
    pub preview: bool,
    pub localiser: &'a Localiser<'p>,
    pub renderer: &'a Renderer,
    pub output: &'a Output,
    /// The files of `static/`, as [`super::statics::statics`] copied them.
    pub assets: &'a Assets,
    /// The publisher's name ([`brand`]).
    pub brand: String,
}

impl Pages<'_, '_> {
    /// The site's image (`image` in `gazette.toml`), a path of `static/`.
    pub fn site_image(&self) -> Option<&str> {
        self.project
            .config
            .image
            .as_ref()
            .map(|(path, _)| path.as_str())
    }

    /// The site's image with its alt text in `lang`: the `site-image-alt` site string (of
    /// the language, else of the source language), else the site's name.
    pub fn site_image_alt(&self, lang: &str) -> Option<(&str, Text)> {
        let alt = ["site-image-alt", "site-name"]
            .iter()
            .find_map(|id| self.localiser.site_text(lang, id));
        let alt = alt.unwrap_or(Text {
            value: String::new(),
            lang: None,
        });
        Some((self.site_image()?, alt))
    }

    /// Open Graph's `language_TERRITORY` of a language; a pseudo edition writes as its source
    /// language does (dates, numbers, og:locale).
    pub fn og_locale(&self, lang: &str) -> String {
        let config = &self.project.config;
        let writes_as = Pseudo::of(lang).map_or(lang, |_| config.source.as_str());
        crate::intl::og_locale(config.format_locale(writes_as))
    }

    /// The site's image as a page with no figure of its own is shared with, its alt text in
    /// `lang`, as a link from a page whose `root` prefix is given; with its card to derive.
    pub fn site_share(&self, lang: &str, root: &str) -> (Option<ShareImage>, Option<Derived>) {
        share_image(&[], self.assets, root, self.site_image_alt(lang))
    }

    /// Put in the output the images the units' pages show that gazette derives, and the site's
    /// image's card whenever `image` is set: the indexes and the language picker are shared
    /// with it even when no article is.
    pub fn derive_images(
        &self,
        previous: &Cache,
        units: &[Unit],
        kept: &mut Vec<(String, Stamp)>,
    ) -> Result<()> {
        let card = self.site_share(&self.project.config.source, "").1;
        let output = self.output;
        super::images::derive(self.project, output, previous, units, card.as_ref(), kept)
    }

    /// What the site's image is, as the fingerprint of the pages shared with it: its path and
    /// how a page shows it (its size and the fingerprint of its bytes).
    pub fn site_image_shown(&self) -> String {
        let image = self.site_image().unwrap_or_default();
        match self.assets.get(image) {
            Some(shown) => format!("{image} {shown}"),
            None => format!("{image} "),
        }
    }

    /// The Open Graph and Twitter card tags of an index or the language picker, in `lang`:
    /// `title` at `url`, shared with the site's image (as a link from `root`).
    pub fn website_meta(&self, lang: &str, title: &str, url: &str, root: &str) -> Vec<MetaTag> {
        let ui = self.localiser.site_strings(lang);
        let (image, _) = self.site_share(lang, root);
        let card = WebsiteCard {
            site_name: ui.get("site-name").unwrap_or(&self.brand),
            title,
            description: ui.get("site-description").map(String::as_str),
            url,
            locale: self.og_locale(lang),
            alternate_locales: self
                .langs
                .iter()
                .filter(|l| *l != lang && shown_from(lang, l))
                .map(|l| self.og_locale(l))
                .collect(),
            image: image.as_ref(),
        };
        website_meta(&card)
    }

    /// Render and write an article's editions; `listings` give its links to other articles,
    /// `newest` its footers' lists. Returns their pages and the images they show that gazette
    /// derives.
    pub fn render(
        &self,
        editions: &[Edition],
        listings: Option<&ByArticle>,
        newest: &Newest,
    ) -> Result<(Vec<Page>, Vec<Derived>)> {
        let base = self.project.config.base_url.as_deref();
        let root = root_prefix(base);
        let config = &self.project.config;
        let og_locale = |lang: &str| self.og_locale(lang);
        let distribution = Distribution {
            home: base.map(|b| format!("{b}/")),
            picker: picker_url(base),
            brand: &self.brand,
            logo: config
                .publisher
                .logo
                .as_ref()
                .map(|(l, _)| format!("{root}{l}")),
            source: &config.source,
            og_locale: &og_locale,
        };
        let mut pages = Vec::new();
        let mut derived = Vec::new();
        for e in editions {
            let mut e = e.clone();
            let site = self.site_image_alt(&e.lang);
            let (share, card) = share_image(&e.blocks, self.assets, &root, site);
            derived.extend(card);
            derived.extend(place_media(&mut e.blocks, self.assets, &root));
            if let Some(listings) = listings {
                link_articles(base, &mut e, listings);
            }
            // In the project's language order (source first), not alphabetical.
            let alternates = editions
                .iter()
                .filter(|other| shown_from(&e.lang, &other.lang))
                .map(|other| Alternate {
                    lang: other.lang.clone(),
                    name: self.names[other.lang.as_str()].clone(),
                    href: page_url(base, &other.lang, &other.page, &e.lang),
                    current: other.lang == e.lang,
                })
                .collect();
            let canonical = page_url(base, &e.lang, &e.page, &e.lang);
            let feed = feed_url(base, &e.lang);
            let online = base.map(|_| canonical.as_str());
            label_for_text(self.localiser, &mut e, online, feed.as_deref());
            let mut view = PageView::new(
                &e,
                canonical,
                alternates,
                root.clone(),
                share,
                &distribution,
            );
            if self.preview {
                view.preview = self.banner(&e);
            }
            view.footer = self.footer(&e, &root, newest);
            view.feed = feed;
            let (html, text, body) = self.renderer.article(&view)?;
            self.output
                .put(&page_path(&e.lang, &e.page, "html"), html.as_bytes())?;
            self.output
                .put(&page_path(&e.lang, &e.page, "txt"), text.as_bytes())?;
            let mut listing = e.listing();
            listing.content = body;
            pages.push(Page::Published {
                listing: Box::new(listing),
                fallbacks: e.fallbacks.clone(),
            });
        }
        derived.sort();
        derived.dedup();
        Ok((pages, derived))
    }

    /// An article page's footer: its language's index, its newest other articles with their
    /// headlines there, the legal links of `gazette.toml` labelled by their site strings (the
    /// key itself where no language defines it, which `check` reports).
    pub fn footer(&self, e: &Edition, root: &str, newest: &Newest) -> Footer {
        let base = self.project.config.base_url.as_deref();
        let links = self.project.config.footer_links.iter();
        let count = self.project.config.footer_latest;
        Footer {
            home: format!("{root}{}", lang_path(&e.lang, urls::INDEX)),
            home_url: base.map(|b| from_root(Some(b), &lang_path(&e.lang, urls::INDEX))),
            latest: latest(newest, count, &e.lang, &e.slug)
                .map(|l| LatestLink {
                    title: l.title.clone(),
                    href: page_url(base, &l.lang, &l.page, &e.lang),
                })
                .collect(),
            links: links
                .filter(|l| l.languages.as_ref().is_none_or(|ls| ls.contains(&e.lang)))
                .map(|l| FooterLink {
                    label: e.ui.get(&l.key).unwrap_or(&l.key).clone(),
                    href: if is_url(&l.href) {
                        l.href.clone()
                    } else {
                        format!("{root}{}", l.href)
                    },
                    hreflang: l.lang.clone().filter(|l| *l != e.lang),
                })
                .collect(),
        }
    }

    /// What a preview's page says keeps it from publication: a draft, texts shown in the
    /// source language (listed); none when nothing does. Its words are the language's
    /// `preview-draft` and `preview-fallback` site strings, else the source language's, else
    /// English.
    pub fn banner(&self, e: &Edition) -> Option<Banner> {
        let text = |id, english: &str| {
            let found = self.localiser.site_text(&e.lang, id);
            found.unwrap_or_else(|| Text {
                value: english.to_owned(),
                lang: (e.lang != "en").then(|| "en".to_owned()),
            })
        };
        let banner = Banner {
            draft: e.draft.then(|| {
                text(
                    "preview-draft",
                    "Draft: not published while its content file says draft = true.",
                )
            }),
            fallback: (!e.fallbacks.is_empty()).then(|| {
                text(
                    "preview-fallback",
                    "Not yet translated, shown in the source language:",
                )
            }),
            missing: e.fallbacks.clone(),
        };
        (banner.draft.is_some() || banner.fallback.is_some()).then_some(banner)
    }

    /// A language's index and, with `base_url`, its feed; returns the files written.
    pub fn language_pages(&self, lang: &str, published: &[Vec<&Listing>]) -> Result<Vec<String>> {
        let (project, langs, names) = (self.project, self.langs, self.names);
        let base = project.config.base_url.as_deref();
        let mut files = Vec::new();
        let mut put = |rel: String, bytes: &[u8]| {
            self.output.put(&rel, bytes)?;
            files.push(rel);
            Ok::<(), Error>(())
        };
        let list = newest_first(published, lang);
        let ui = self.localiser.site_strings(lang);
        let feed = feed_url(base, lang);
        let alternates = langs
            .iter()
            .filter(|l| shown_from(lang, l))
            .map(|l| Alternate {
                lang: l.clone(),
                name: names[l.as_str()].clone(),
                href: lang_url(base, l, urls::INDEX, lang),
                current: l == lang,
            })
            .collect();
        let canonical = lang_url(base, lang, urls::INDEX, lang);
        let title = ui.get("site-name").unwrap_or(&self.brand);
        let view = IndexView {
            lang,
            ui: &ui,
            articles: list.iter().map(|e| IndexEntry::new(e)).collect(),
            alternates,
            x_default: picker_url(base),
            meta: self.website_meta(lang, title, &canonical, &root_prefix(base)),
            canonical,
            root: root_prefix(base),
            feed: feed.as_ref().map(|_| urls::FEED.to_owned()),
            description: ui.get("site-description").cloned(),
        };
        put(
            lang_path(lang, urls::INDEX),
            self.renderer.index_html(&view)?.as_bytes(),
        )?;
        if let (Some(b), Some(self_url)) = (base, feed) {
            let index_url = from_root(base, &lang_path(lang, urls::INDEX));
            let title = ui.get("site-name").map_or(lang, String::as_str);
            let meta = FeedMeta {
                lang,
                title,
                self_url: &self_url,
                index_url: &index_url,
                base_url: b,
            };
            let newest = &list[..list.len().min(FEED_ENTRIES)];
            put(lang_path(lang, urls::FEED), atom(&meta, newest).as_bytes())?;
        }
        Ok(files)
    }

    /// Indexes, language picker, feeds and sitemap: the pages made of every article. Returns
    /// the files written, sorted.
    pub fn write_listings(&self, units: &[Unit]) -> Result<Vec<String>> {
        // Each article's editions, in the project's language order.
        let published: Vec<Vec<&Listing>> = units
            .iter()
            .map(|u| {
                u.pages
                    .iter()
                    .filter_map(|p| match p {
                        Page::Published { listing, .. } => Some(&**listing),
                        Page::Skipped { .. } => None,
                    })
                    .collect()
            })
            .collect();
        // Each language's index and feed, in parallel.
        let written: Vec<Vec<String>> = self
            .langs
            .par_iter()
            .map(|lang| self.language_pages(lang, &published))
            .collect::<Result<_>>()?;
        let mut files: Vec<String> = written.into_iter().flatten().collect();
        let mut put = |rel: &str, bytes: &[u8]| {
            self.output.put(rel, bytes)?;
            files.push(rel.to_owned());
            Ok::<(), Error>(())
        };
        put(urls::PICKER, self.picker_html()?.as_bytes())?;
        if let Some(base) = self.project.config.base_url.as_deref() {
            put(
                urls::SITEMAP,
                sitemap(&sitemap_pages(base, self.langs, &published)).as_bytes(),
            )?;
        }
        files.sort();
        Ok(files)
    }

    /// The language picker at the root of the site, in every language: the publisher's name,
    /// "Choose a language" in each language, each language named in itself.
    pub fn picker_html(&self) -> Result<String> {
        let base = self.project.config.base_url.as_deref();
        let source = self.project.config.source.as_str();
        let ui = self.localiser.site_strings(source);
        let alternate = |l: &String, href| Alternate {
            lang: l.clone(),
            name: self.names[l.as_str()].clone(),
            href,
            current: false,
        };
        let mut prompts: Vec<Prompt> = Vec::new();
        for lang in self.langs {
            let strings = self.localiser.site_strings(lang);
            let Some(text) = strings.get("choose-language") else {
                continue;
            };
            if !prompts.iter().any(|p| p.text == *text) {
                prompts.push(Prompt {
                    lang: lang.clone(),
                    text: text.clone(),
                });
            }
        }
        let canonical = picker_canonical(base);
        // The picker is the site's root: a site-relative path is a link from it as it is.
        let root = base.map_or("", |_| canonical.as_str());
        let picker = PickerView {
            lang: "mul",
            ui: &ui,
            name: &self.brand,
            prompts,
            languages: self
                .langs
                .iter()
                .map(|l| alternate(l, from_root(base, &lang_path(l, urls::INDEX))))
                .collect(),
            feeds: self
                .langs
                .iter()
                .filter_map(|l| Some(alternate(l, feed_url(base, l)?)))
                .collect(),
            meta: self.website_meta(source, &self.brand, &canonical, root),
            canonical,
            description: ui.get("site-description").cloned(),
        };
        self.renderer.picker_html(&picker)
    }
}

/// The publisher's name: `[publisher]`'s, else the source language's `site-name`.
pub fn brand(project: &Project, localiser: &Localiser) -> String {
    let config = &project.config;
    config.publisher.name.clone().unwrap_or_else(|| {
        let ui = localiser.site_strings(&config.source);
        ui.get("site-name").cloned().unwrap_or_default()
    })
}
