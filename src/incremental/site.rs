//! The site of a build: every article's editions, then the pages made of every article
//! (language indexes, feeds, the language picker, the sitemap), written to the output.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::cache::{self, Cache, Held, Page, Unit};
use super::progress::Progress;
use super::reuse::{redo, reuse};
use crate::check::{Checker, Code, Diagnostic, Report, Severity};
use crate::content::{is_url, Article};
use crate::error::{Error, Result};
use crate::fingerprint::{Fingerprint, Fingerprinter};
use crate::intl::OwnResources;
use crate::localise::{Edition, Listing, Localiser, MissingPolicy, Outcome, Pseudo, Text};
use crate::media::{self, Derived};
use crate::plan::links::{link_articles, links_of, ByArticle, Link};
use crate::plan::listings::{latest, newest_first, Newest};
use crate::plan::media::{assets_of, place_media, share_image, Assets, Image, ShareImage, Shown};
use crate::plan::text::label_for_text;
use crate::plan::urls::{
    self, feed_url, from_root, lang_path, lang_url, page_path, page_url, picker_canonical,
    picker_url, root_prefix, shown_from,
};
use crate::project::{ArticleFile, Project};
use crate::render::{
    atom, sitemap, website_meta, Alternate, Banner, Distribution, FeedMeta, Footer, FooterLink,
    IndexEntry, IndexView, LatestLink, MetaTag, PageView, PickerView, Prompt, Renderer,
    SitemapPage, WebsiteCard, FEED_ENTRIES,
};
use crate::stamp::Stamp;
use crate::write::Output;

/// The files of `static/` of a build: what pages need of each, and what the next build needs.
pub struct Statics {
    pub assets: Assets,
    /// Site path -> the stamp of its file in `static/` and what pages need of it, for the
    /// files whose stamps may be kept ([`crate::stamp`]).
    pub stamped: BTreeMap<String, (Stamp, Shown)>,
    /// The files taken from the previous site as they are, with their stamps there.
    pub kept: Vec<(String, Stamp)>,
}

/// Copy every file of `static/` into the output as it is, streamed (a file of `static/` may be
/// a video of gigabytes: none is held in memory): one whose stamp is
/// the one the previous build recorded, and whose copy in the output is intact, is taken from
/// the previous site without being read, as unchanged pages are. A file in the place of one
/// of gazette's pages (a language folder, `index.html`, `sitemap.xml`) is refused.
pub fn statics(project: &Project, output: &Output, previous: &Cache) -> Result<Statics> {
    let languages = project.languages();
    let stamps = project.stamps();
    let made: Vec<(String, Stamp, Shown, bool)> = project
        .statics
        .par_iter()
        .map(|(site_path, rel)| {
            let first = site_path.split('/').next().unwrap_or_default();
            let reserved = [urls::PICKER, urls::SITEMAP].contains(&site_path.as_str())
                || site_path.starts_with(&format!("{}/", media::DERIVED_DIR))
                || first.starts_with(".gazette")
                || languages.iter().any(|l| l == first);
            if reserved {
                return Err(Error::Content {
                    path: rel.clone(),
                    message: "this is the place of one of gazette's own pages: move the file"
                        .into(),
                });
            }
            let path = project.root.join(rel);
            // Opened once: the size pages show, the bytes published and the stamp are all
            // this file's, whatever is saved in its place meanwhile.
            let file = std::fs::File::open(&path).map_err(|e| Error::io(rel, e))?;
            let meta = file.metadata().map_err(|e| Error::io(rel, e))?;
            if !meta.is_file() {
                let e =
                    std::io::Error::new(std::io::ErrorKind::InvalidInput, "is not a regular file");
                return Err(Error::io(rel, e));
            }
            let stamp = Stamp::of(&meta);
            let known = previous.statics.get(site_path).filter(|(s, _)| *s == stamp);
            let intact = || {
                previous
                    .stamps
                    .get(site_path)
                    .is_some_and(|s| output.verify(site_path, s))
            };
            if let Some((_, shown)) = known.filter(|_| intact()) {
                return Ok((site_path.clone(), stamp, shown.clone(), true));
            }
            output.put_file(site_path, &file, meta.len())?;
            let shown = shown(site_path, &file).map_err(|e| Error::io(rel, e))?;
            Ok((site_path.clone(), stamp, shown, false))
        })
        .collect::<Result<_>>()?;
    let mut statics = Statics {
        assets: Assets::new(),
        stamped: BTreeMap::new(),
        kept: Vec::new(),
    };
    for (site_path, stamp, shown, kept) in made {
        if kept {
            statics
                .kept
                .push((site_path.clone(), previous.stamps[&site_path]));
        }
        if stamps.keeps(stamp) {
            statics
                .stamped
                .insert(site_path.clone(), (stamp, shown.clone()));
        }
        statics.assets.insert(site_path, shown);
    }
    if let Some((image, line)) = &project.config.image {
        if !statics.assets.contains_key(image) {
            return Err(Error::Config {
                path: crate::config::CONFIG_FILE.into(),
                message: format!(
                    "line {line}: image: `{}` is no file of static/: put the image there, or name one that is",
                    image.escape_debug()
                ),
            });
        }
    }
    Ok(statics)
}

/// What a page needs of a file of `static/`, read from its copy: an image's size (and, for
/// one gazette derives others from, the fingerprint of its bytes: `<width>x<height>
/// <fingerprint>`), else [`Shown::File`].
fn shown(site_path: &str, mut file: &std::fs::File) -> std::io::Result<Shown> {
    use std::io::Seek;
    if file.rewind().is_err() {
        return Ok(Shown::File);
    }
    let Some((w, h)) = media::image_size(site_path, std::io::BufReader::new(file)) else {
        return Ok(Shown::File);
    };
    let fingerprint = match media::Source::of(site_path) {
        Some(_) => {
            file.rewind()?;
            Some(media::fingerprint(file)?)
        }
        None => None,
    };
    Ok(Shown::Image(Image {
        size: (w, h),
        fingerprint,
    }))
}

/// What the first pass over the articles made of one.
enum Made {
    /// Taken from the previous build.
    Kept(Unit),
    /// Checked again and, where it was to be published, rendered.
    Done(Unit),
    /// Checked and localised; its pages wait for the listings of the articles it links to.
    Linked(Unit, Vec<Edition>),
}

/// The articles that may be published, newest first as the indexes list them: (published
/// at, slug, index in the project).
type Order<'p> = Vec<(i64, &'p str, usize)>;

/// An article's edition in `lang`, from what a build made of it.
fn edition_in(made: &Made, lang: &str) -> Option<Listing> {
    match made {
        Made::Kept(u) | Made::Done(u) => published(u).find(|l| l.lang == lang).cloned(),
        Made::Linked(_, editions) => editions
            .iter()
            .find(|e| e.lang == lang)
            .map(Edition::listing),
    }
}

/// When an article was published, if the build publishes it in some language.
fn published_at(made: &Made) -> Option<i64> {
    match made {
        Made::Kept(u) | Made::Done(u) => published(u).next().map(|l| l.published_at),
        Made::Linked(_, editions) => editions.first().map(|e| e.published_at),
    }
}

/// The listings of a unit's published editions.
fn published(unit: &Unit) -> impl Iterator<Item = &Listing> {
    unit.pages.iter().filter_map(|p| match p {
        Page::Published { listing, .. } => Some(&**listing),
        Page::Skipped { .. } => None,
    })
}

fn listings_by_slug(made: &[Made]) -> ByArticle {
    made.iter()
        .filter_map(|m| {
            let listings: Vec<Listing> = match m {
                Made::Kept(u) | Made::Done(u) => published(u).cloned().collect(),
                // Not rendered yet: its editions say what a link to it shows.
                Made::Linked(_, editions) => editions.iter().map(Edition::listing).collect(),
            };
            Some((listings.first()?.slug.clone(), listings))
        })
        .collect()
}

/// The indexes, feeds and sitemap of a build.
pub struct Listings {
    /// What they are made of ([`cache::site`]).
    pub fingerprint: Fingerprint,
    pub files: Vec<String>,
    /// Taken from the previous build as they were.
    pub kept: bool,
}

/// The files of an article's published editions, relative to the output folder.
pub fn page_files(unit: &Unit) -> impl Iterator<Item = String> + '_ {
    unit.pages.iter().flat_map(|page| match page {
        Page::Published { listing, .. } => ["html", "txt"]
            .map(|ext| page_path(&listing.lang, &listing.page, ext))
            .to_vec(),
        Page::Skipped { .. } => Vec::new(),
    })
}

/// What every page of a build is made with.
pub struct Site<'a, 'p> {
    pub project: &'p Project,
    pub langs: &'a [String],
    /// Each language's name in itself.
    pub names: &'a BTreeMap<&'a str, String>,
    pub policy: MissingPolicy,
    /// A preview: drafts built, every article's page with its banner.
    pub preview: bool,
    pub localiser: &'a Localiser<'p>,
    pub renderer: &'a Renderer,
    pub output: &'a Output,
    pub progress: &'a dyn Progress,
    /// The build's clock, seconds since 1970 (`SOURCE_DATE_EPOCH` when set): embargoes end by it.
    pub now: i64,
    /// The files of `static/`, as [`statics`] copied them.
    pub assets: &'a Assets,
    /// The publisher's name ([`brand`]).
    pub brand: String,
}

impl Site<'_, '_> {
    /// The report of the build: every run's findings, for the languages built.
    pub fn report(&self, checker: &Checker, units: &[Unit]) -> Report {
        let mut report = checker.assemble(
            std::iter::once(checker.shared())
                .chain(units.iter().map(|u| u.findings.clone()))
                .collect(),
        );
        let source = self.project.config.source.as_str();
        report
            .diagnostics
            .retain(|d| d.locale == source || self.langs.contains(&d.locale));
        report
    }

    /// Indexes, feeds and the sitemap are made of the articles' listings alone: when none
    /// changed (a correction to an article's body) and they are intact in the output, they
    /// are kept (added to `kept`), else made again.
    pub fn listing_pages(
        &self,
        units: &[Unit],
        previous: &Cache,
        global: &Fingerprint,
        kept: &mut Vec<(String, Stamp)>,
    ) -> Result<Listings> {
        let fingerprint = cache::site(global, &self.site_image_shown(), units);
        let intact = !previous.global.is_empty()
            && previous.site == fingerprint
            && previous.site_files.iter().all(|f| self.intact(previous, f));
        let files = if intact {
            kept.extend(
                previous
                    .site_files
                    .iter()
                    .map(|f| (f.clone(), previous.stamps[f])),
            );
            previous.site_files.clone()
        } else {
            self.pages(units)?
        };
        Ok(Listings {
            fingerprint,
            files,
            kept: intact,
        })
    }

    /// Is the page `file` of the output still the one the previous build recorded?
    fn intact(&self, previous: &Cache, file: &str) -> bool {
        previous
            .stamps
            .get(file)
            .is_some_and(|s| self.output.verify(file, s))
    }

    /// Does this finding keep the build from publishing?
    pub fn blocks(&self, d: &Diagnostic) -> bool {
        let source = self.project.config.source.as_str();
        d.severity == Severity::Error
            && (d.locale == source || self.langs.contains(&d.locale))
            && !(self.policy != MissingPolicy::Error
                && d.locale != source
                && matches!(
                    d.code,
                    Code::MissingMessage
                        | Code::MissingAttribute
                        | Code::MissingValue
                        | Code::MissingTerm
                ))
    }

    /// Every article's unit: taken from the previous build when its inputs did not change and
    /// its pages in the output are intact, else checked and, when nothing blocks the build,
    /// localised and rendered straight to the output. An article that links to others is
    /// rendered once every article's listings are known, and is taken from the previous build
    /// only if the listings of the articles it links to are those its pages were made with.
    /// Returns the units and, for each, whether it was taken from the previous build; the
    /// units taken are removed from `previous`, which then holds those of deleted articles.
    pub fn articles(
        &self,
        checker: &Checker,
        previous: &mut Cache,
    ) -> Result<(Vec<Unit>, Vec<bool>)> {
        let project = self.project;
        let kept = self.kept_units(previous);
        let dirty = kept.iter().filter(|k| k.is_none()).count();
        self.progress.start(dirty * self.langs.len());
        let (newest, first) = self.newest(checker, kept)?;
        let made: Vec<Made> = project
            .articles
            .par_iter()
            .zip(first)
            .map(|(file, first)| match first {
                Some(made) => Ok(made),
                None => match self.redo_article(checker, file)? {
                    // Rendered at once, streamed: nothing else to wait for.
                    Made::Linked(unit, editions) if unit.links.is_empty() => Ok(Made::Done(
                        self.render_linked(unit, editions, None, &newest)?,
                    )),
                    made => Ok(made),
                },
            })
            .collect::<Result<_>>()?;
        self.progress.finish();
        let listings = listings_by_slug(&made);
        let done: Vec<(Unit, bool)> = project
            .articles
            .par_iter()
            .zip(made)
            .map(|(file, made)| {
                let made = match made {
                    Made::Kept(unit)
                        if unit.links
                            == links_of(unit.links.iter().map(|l| &l.slug), &listings)
                            && unit.latest == self.latest_of(&unit, &newest) =>
                    {
                        return Ok((unit, true));
                    }
                    Made::Kept(_) => self.redo_article(checker, file)?,
                    made => made,
                };
                match made {
                    Made::Linked(unit, editions) => Ok((
                        self.render_linked(unit, editions, Some(&listings), &newest)?,
                        false,
                    )),
                    // Not rendered here (held, blocked, or rendered in the first pass): what
                    // the articles it names and the newest ones showed is recorded all the same.
                    Made::Kept(mut unit) | Made::Done(mut unit) => {
                        unit.links = links_of(unit.links.iter().map(|l| &l.slug), &listings);
                        unit.latest = self.latest_of(&unit, &newest);
                        Ok((unit, false))
                    }
                }
            })
            .collect::<Result<_>>()?;
        Ok(done.into_iter().unzip())
    }

    /// Each language's newest editions, known before any page is rendered so that each is
    /// rendered once: the articles that may be published are ordered by date (the previous
    /// build's unit tells it where it holds, else the content file), and the changed ones
    /// that come first in a language are checked and localised now, until the first editions
    /// of every language are known. Returns them with what each article is made of so far:
    /// its kept unit, or what was made of it now, or nothing (to do).
    fn newest(
        &self,
        checker: &Checker,
        kept: Vec<Option<Unit>>,
    ) -> Result<(Newest, Vec<Option<Made>>)> {
        let project = self.project;
        let mut made: Vec<Option<Made>> = kept.into_iter().map(|k| k.map(Made::Kept)).collect();
        if project.config.footer_latest == 0 {
            return Ok((Newest::new(), made));
        }
        let dates: Vec<Option<i64>> = project
            .articles
            .par_iter()
            .zip(&made)
            .map(|(file, made)| match made {
                Some(made) => Ok(published_at(made)),
                None => {
                    let (article, _) = project.article(file)?;
                    Ok(self.held(&article).1.is_none().then(|| article.date.unix()))
                }
            })
            .collect::<Result<_>>()?;
        let mut order: Order = dates
            .into_iter()
            .zip(&project.articles)
            .enumerate()
            .filter_map(|(i, (at, file))| Some((at?, file.slug.as_str(), i)))
            .collect();
        order.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        loop {
            let (newest, unknown) = self.first_editions(&order, &made);
            if unknown.is_empty() {
                return Ok((newest, made));
            }
            let redone: Vec<(usize, Made)> = unknown
                .into_par_iter()
                .map(|i| Ok((i, self.redo_article(checker, &project.articles[i])?)))
                .collect::<Result<_>>()?;
            for (i, m) in redone {
                made[i] = Some(m);
            }
        }
    }

    /// Each language's first editions along `order`, and the articles met whose editions are
    /// not known yet (counted as if they had one in every language).
    fn first_editions(&self, order: &Order, made: &[Option<Made>]) -> (Newest, Vec<usize>) {
        let wanted = self.project.config.footer_latest + 1;
        let mut newest = Newest::new();
        let mut unknown = std::collections::BTreeSet::new();
        for lang in self.langs {
            let mut list = Vec::new();
            let mut met = 0;
            for &(_, _, i) in order.iter() {
                if met == wanted {
                    break;
                }
                match &made[i] {
                    Some(m) => {
                        let Some(listing) = edition_in(m, lang) else {
                            continue;
                        };
                        list.push(listing);
                    }
                    None => {
                        unknown.insert(i);
                    }
                }
                met += 1;
            }
            newest.insert(lang.clone(), list);
        }
        (newest, unknown.into_iter().collect())
    }

    /// The fingerprint of what the footers of a unit's pages list ([`Unit::latest`]).
    fn latest_of(&self, unit: &Unit, newest: &Newest) -> Fingerprint {
        let count = self.project.config.footer_latest;
        let mut f = Fingerprinter::default();
        for page in published(unit) {
            f.add(&page.lang);
            for l in latest(newest, count, &page.lang, &page.slug) {
                f.add(&l.slug).add(&l.page).add(&l.title.value);
                f.add(l.title.lang.as_deref().unwrap_or_default());
            }
        }
        f.finish()
    }

    /// Whether the build publishes an article: its embargo against the build's clock, and
    /// why it is held if it is (a draft outside a preview, an embargo not passed).
    fn held(&self, article: &Article) -> (Option<(i64, bool)>, Option<Held>) {
        let embargo = article.embargo.map(|at| {
            let at = at.unix();
            (at, self.now >= at)
        });
        let held = match (article.draft, article.embargo, embargo) {
            (true, ..) if !self.preview => Some(Held::Draft),
            (false, Some(at), Some((_, false))) => Some(Held::Embargo(at.to_string())),
            _ => None,
        };
        (embargo, held)
    }

    /// The previous build's unit of each article, where it still holds: same inputs, the
    /// build's clock on the same side of its embargo, the same files of `static/`, its pages
    /// intact in the output.
    fn kept_units(&self, previous: &mut Cache) -> Vec<Option<Unit>> {
        let project = self.project;
        let kept: Vec<Option<Unit>> = project
            .articles
            .iter()
            .map(|a| previous.articles.remove(&a.slug))
            .collect();
        let same_asset = |(path, seen): &(String, Shown)| {
            self.assets.get(path).unwrap_or(&Shown::Absent) == seen
        };
        project
            .articles
            .par_iter()
            .zip(kept)
            .map(|(a, unit)| {
                reuse(project, a, unit)
                    .filter(|u| {
                        u.embargo
                            .is_none_or(|(at, passed)| (self.now >= at) == passed)
                    })
                    .filter(|u| u.assets.iter().all(same_asset))
                    .filter(|u| page_files(u).all(|f| self.intact(previous, &f)))
            })
            .collect()
    }

    /// An article checked again and, unless something blocks it or it is held (a draft, an
    /// embargo), localised, its editions left to render.
    fn redo_article(&self, checker: &Checker, file: &ArticleFile) -> Result<Made> {
        let redone = redo(self.project, checker, file)?;
        let article = &redone.article;
        let (embargo, held) = self.held(article);
        let blocked = redone.findings.diagnostics.iter().any(|d| self.blocks(d));
        let mut unit = Unit {
            fingerprint: redone.fingerprint,
            findings: redone.findings,
            embargo,
            held: held.clone(),
            assets: assets_of(article, self.assets, self.site_image()),
            derived: Vec::new(),
            links: article
                .links()
                .into_iter()
                .map(|s| Link {
                    slug: s.to_owned(),
                    shows: Fingerprint::default(),
                })
                .collect(),
            latest: Fingerprint::default(),
            pages: Vec::new(),
        };
        if blocked || held.is_some() {
            return Ok(Made::Done(unit));
        }
        let (editions, skipped) = self.localise(article, &redone.own.resources);
        unit.pages = skipped;
        Ok(Made::Linked(unit, editions))
    }

    /// An article's editions rendered, with the listings of the articles it links to (none
    /// when it links to none) and the newest articles, which it records.
    fn render_linked(
        &self,
        mut unit: Unit,
        editions: Vec<Edition>,
        listings: Option<&ByArticle>,
        newest: &Newest,
    ) -> Result<Unit> {
        if let Some(listings) = listings {
            unit.links = links_of(unit.links.iter().map(|l| &l.slug), listings);
        }
        let (pages, derived) = self.render(&editions, listings, newest)?;
        unit.pages.extend(pages);
        unit.derived = derived;
        unit.latest = self.latest_of(&unit, newest);
        Ok(unit)
    }

    /// Localise an article in every language: its editions, and the languages it is left out of.
    fn localise(&self, article: &Article, own: &OwnResources) -> (Vec<Edition>, Vec<Page>) {
        let mut editions = Vec::new();
        let mut skipped = Vec::new();
        for lang in self.langs {
            self.progress.step();
            match self.localiser.edition(lang, article, own, self.policy) {
                Outcome::Edition(e) => editions.push(*e),
                // With `error`, the check has already refused anything missing.
                Outcome::Missing(missing) => skipped.push(Page::Skipped {
                    lang: lang.clone(),
                    slug: article.slug.clone(),
                    missing,
                }),
            }
        }
        (editions, skipped)
    }

    /// The site's image (`image` in `gazette.toml`), a path of `static/`.
    fn site_image(&self) -> Option<&str> {
        self.project
            .config
            .image
            .as_ref()
            .map(|(path, _)| path.as_str())
    }

    /// The site's image with its alt text in `lang`: the `site-image-alt` site string (of
    /// the language, else of the source language), else the site's name.
    fn site_image_alt(&self, lang: &str) -> Option<(&str, Text)> {
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
    fn og_locale(&self, lang: &str) -> String {
        let config = &self.project.config;
        let writes_as = Pseudo::of(lang).map_or(lang, |_| config.source.as_str());
        crate::intl::og_locale(config.format_locale(writes_as))
    }

    /// The site's image as a page with no figure of its own is shared with, its alt text in
    /// `lang`, as a link from a page whose `root` prefix is given; with its card to derive.
    fn site_share(&self, lang: &str, root: &str) -> (Option<ShareImage>, Option<Derived>) {
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
    fn site_image_shown(&self) -> String {
        let image = self.site_image().unwrap_or_default();
        match self.assets.get(image) {
            Some(shown) => format!("{image} {shown}"),
            None => format!("{image} "),
        }
    }

    /// The Open Graph and Twitter card tags of an index or the language picker, in `lang`:
    /// `title` at `url`, shared with the site's image (as a link from `root`).
    fn website_meta(&self, lang: &str, title: &str, url: &str, root: &str) -> Vec<MetaTag> {
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
    fn render(
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
    fn footer(&self, e: &Edition, root: &str, newest: &Newest) -> Footer {
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
    fn banner(&self, e: &Edition) -> Option<Banner> {
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
    fn language_pages(&self, lang: &str, published: &[Vec<&Listing>]) -> Result<Vec<String>> {
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
    fn pages(&self, units: &[Unit]) -> Result<Vec<String>> {
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
                sitemap(&self.sitemap_pages(base, &published)).as_bytes(),
            )?;
        }
        files.sort();
        Ok(files)
    }

    /// The language picker at the root of the site, in every language: the publisher's name,
    /// "Choose a language" in each language, each language named in itself.
    fn picker_html(&self) -> Result<String> {
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

    /// The sitemap's entries: the indexes with the language picker, their `x-default`, then
    /// every article with its editions, and the picker as theirs.
    fn sitemap_pages(&self, base: &str, published: &[Vec<&Listing>]) -> Vec<SitemapPage> {
        let url_of = |lang: &str, file: &str| from_root(Some(base), &lang_path(lang, file));
        let mut pages = vec![SitemapPage {
            editions: self
                .langs
                .iter()
                .filter(|l| Pseudo::of(l).is_none())
                .map(|l| (l.clone(), url_of(l, urls::INDEX)))
                .collect(),
            default: Some(picker_url(Some(base))),
            default_listed: true,
            lastmod: None,
        }];
        for editions in published {
            let Some(first) = editions.first() else {
                continue;
            };
            pages.push(SitemapPage {
                editions: editions
                    .iter()
                    .filter(|e| Pseudo::of(&e.lang).is_none())
                    .map(|e| (e.lang.clone(), url_of(&e.lang, &urls::page_file(&e.page))))
                    .collect(),
                default: Some(picker_url(Some(base))),
                default_listed: false,
                lastmod: Some(first.modified.clone()),
            });
        }
        pages
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
