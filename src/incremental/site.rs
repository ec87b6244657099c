//! The articles of a build: each taken from the previous build or made again (checked,
//! localised and, unless something blocks or holds it, rendered), in two passes so that every
//! page knows the newest articles and the headlines of the articles it links to.

use rayon::prelude::*;

use super::cache::{self, Cache, Held, Page, Unit};
use super::pages::Pages;
use super::progress::Progress;
use super::reuse::{redo, reuse};
use crate::check::{Checker, Code, Diagnostic, Report, Severity};
use crate::content::Article;
use crate::error::{Error, Result};
use crate::fingerprint::{Fingerprint, Fingerprinter};
use crate::intl::OwnResources;
use crate::localise::{Edition, Listing, MissingPolicy, Outcome};
use crate::plan::links::{links_of, ByArticle, Link};
use crate::plan::listings::{latest, Newest};
use crate::plan::media::{assets_of, Shown};
use crate::plan::urls::page_path;
use crate::project::ArticleFile;
use crate::stamp::Stamp;

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

/// What a build's articles are made with: how their pages are made, and what decides whether
/// they are published.
pub struct Site<'a, 'p> {
    pub pages: Pages<'a, 'p>,
    pub policy: MissingPolicy,
    pub progress: &'a dyn Progress,
    /// The build's clock, seconds since 1970 (`SOURCE_DATE_EPOCH` when set): embargoes end by it.
    pub now: i64,
}

impl<'a, 'p> Site<'a, 'p> {
    /// The site of a build on the build's clock ([`clock`]).
    pub fn new(
        pages: Pages<'a, 'p>,
        policy: MissingPolicy,
        progress: &'a dyn Progress,
    ) -> Result<Self> {
        Ok(Site {
            pages,
            policy,
            progress,
            now: clock()?,
        })
    }
}

impl Site<'_, '_> {
    /// The report of the build: every run's findings, for the languages built.
    pub fn report(&self, checker: &Checker, units: &[Unit]) -> Report {
        let mut report = checker.assemble(
            std::iter::once(checker.shared())
                .chain(units.iter().map(|u| u.findings.clone()))
                .collect(),
        );
        let source = self.pages.project.config.source.as_str();
        report
            .diagnostics
            .retain(|d| d.locale == source || self.pages.langs.contains(&d.locale));
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
        let fingerprint = cache::site(global, &self.pages.site_image_shown(), units);
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
            self.pages.write_listings(units)?
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
            .is_some_and(|s| self.pages.output.verify(file, s))
    }

    /// Does this finding keep the build from publishing?
    pub fn blocks(&self, d: &Diagnostic) -> bool {
        let source = self.pages.project.config.source.as_str();
        d.severity == Severity::Error
            && (d.locale == source || self.pages.langs.contains(&d.locale))
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
        let project = self.pages.project;
        let kept = self.kept_units(previous);
        let dirty = kept.iter().filter(|k| k.is_none()).count();
        self.progress.start(dirty * self.pages.langs.len());
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
        let project = self.pages.project;
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
        let wanted = self.pages.project.config.footer_latest + 1;
        let mut newest = Newest::new();
        let mut unknown = std::collections::BTreeSet::new();
        for lang in self.pages.langs {
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
        let count = self.pages.project.config.footer_latest;
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
            (true, ..) if !self.pages.preview => Some(Held::Draft),
            (false, Some(at), Some((_, false))) => Some(Held::Embargo(at.to_string())),
            _ => None,
        };
        (embargo, held)
    }

    /// The previous build's unit of each article, where it still holds: same inputs, the
    /// build's clock on the same side of its embargo, the same files of `static/`, its pages
    /// intact in the output.
    fn kept_units(&self, previous: &mut Cache) -> Vec<Option<Unit>> {
        let project = self.pages.project;
        let kept: Vec<Option<Unit>> = project
            .articles
            .iter()
            .map(|a| previous.articles.remove(&a.slug))
            .collect();
        let same_asset = |(path, seen): &(String, Shown)| {
            self.pages.assets.get(path).unwrap_or(&Shown::Absent) == seen
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
        let redone = redo(self.pages.project, checker, file)?;
        let article = &redone.article;
        let (embargo, held) = self.held(article);
        let blocked = redone.findings.diagnostics.iter().any(|d| self.blocks(d));
        let mut unit = Unit {
            fingerprint: redone.fingerprint,
            findings: redone.findings,
            embargo,
            held: held.clone(),
            assets: assets_of(article, self.pages.assets, self.pages.site_image()),
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
        let (pages, derived) = self.pages.render(&editions, listings, newest)?;
        unit.pages.extend(pages);
        unit.derived = derived;
        unit.latest = self.latest_of(&unit, newest);
        Ok(unit)
    }

    /// Localise an article in every language: its editions, and the languages it is left out of.
    fn localise(&self, article: &Article, own: &OwnResources) -> (Vec<Edition>, Vec<Page>) {
        let mut editions = Vec::new();
        let mut skipped = Vec::new();
        for lang in self.pages.langs {
            self.progress.step();
            match self
                .pages
                .localiser
                .edition(lang, article, own, self.policy)
            {
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
}

/// The build's clock in seconds since 1970: `SOURCE_DATE_EPOCH` when set, so a build of the
/// same input at another time publishes the same embargoed articles, else the system's.
fn clock() -> Result<i64> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse().map_err(|_| {
            Error::Usage(format!(
                "SOURCE_DATE_EPOCH: `{v}` is not a number of seconds since 1970"
            ))
        }),
        Err(_) => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)),
    }
}
