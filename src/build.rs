//! The `build` pipeline. Articles go through it one by one, in parallel: checked, then
//! localised in every language, rendered and streamed to the output, so memory holds a few
//! articles at a time, not the site. Articles whose inputs did not change since the previous
//! build are taken from the build cache instead. Indexes, feeds and the sitemap come last,
//! from what every article left; the output is committed only if nothing blocked the build.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cache::{self, Cache, Page, Unit};
use crate::check::{Checker, Code, Diagnostic, Findings, Own, Report, Severity};
use crate::content::Article;
use crate::error::{Error, Result};
use crate::intl::OwnResources;
use crate::localise::{Listing, Localiser, MissingPolicy, Outcome};
use crate::project::{ArticleFile, Project};
use crate::render::{
    atom, sitemap, Alternate, FeedMeta, IndexEntry, IndexView, PageView, PickerView, Renderer,
    SitemapPage,
};
use crate::stamp::Stamp;
use crate::store;
use crate::write::{Output, Staged, Written};

/// What `gazette build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Only these languages (default: source and every target).
    pub langs: Option<Vec<String>>,
    /// Output folder, relative to the project root (default: the config's `out`).
    pub out: Option<PathBuf>,
    pub missing: MissingPolicy,
    /// Worker threads (default: those of the current thread pool, every core unless set).
    pub jobs: Option<usize>,
}

/// What a build did, for the summary.
#[derive(Debug, Default)]
pub struct Summary {
    pub out: PathBuf,
    pub languages: Vec<String>,
    pub articles: usize,
    /// Files written (new or changed).
    pub files: usize,
    /// (language, slug, message id) shown in the source language.
    pub fallbacks: Vec<(String, String, String)>,
    /// (language, slug, missing ids) left out of a language.
    pub skipped: Vec<(String, String, Vec<String>)>,
    /// Files already in `out/` with the same bytes (kept, not written again).
    pub unchanged: usize,
    /// Files of the previous `out/` that this build no longer has.
    pub removed: usize,
    /// Files in the output that gazette did not write: kept as they are.
    pub foreign: Vec<PathBuf>,
    /// Things the publisher should know, in the order the summary tells them.
    pub notes: Vec<Note>,
}

/// Something a build tells the publisher besides what it wrote ([`crate::report`] words it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The build cache was not used: everything was built again.
    CacheRefused(store::Refused),
    /// Staging folders of interrupted builds removed.
    StagingRemoved(usize),
    /// Temporary cache files of interrupted builds removed.
    TemporaryRemoved(usize),
    /// No `base_url`: no feeds and no sitemap.
    NoBaseUrl,
    /// The site was published but its cache could not be kept (the reason).
    CacheNotSaved(String),
}

/// The result of a build that ran to its end.
#[derive(Debug)]
pub enum BuildOutcome {
    /// The check found errors: nothing was written.
    Refused(Report),
    /// Everything was written; the report holds the warnings.
    Built(Summary, Report),
}

/// Told of a build's progress, from worker threads: one step per (language, article) pair
/// localised (pairs taken from the build cache take no step). The CLI draws a progress bar
/// with it; the library never prints.
pub trait Progress: Sync {
    fn start(&self, total: usize);
    fn step(&self);
    fn finish(&self);
}

/// No progress reporting.
impl Progress for () {
    fn start(&self, _: usize) {}
    fn step(&self) {}
    fn finish(&self) {}
}

pub fn build(project: &Project, options: &BuildOptions) -> Result<BuildOutcome> {
    build_with_progress(project, options, &())
}

pub fn build_with_progress(
    project: &Project,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildOutcome> {
    let all = project.languages();
    let langs = match &options.langs {
        None => all.clone(),
        Some(wanted) => {
            for l in wanted {
                if !all.contains(l) {
                    return Err(Error::Usage(format!(
                        "--lang: `{l}` is not a language of this project ({})",
                        all.join(", ")
                    )));
                }
            }
            all.iter().filter(|l| wanted.contains(l)).cloned().collect()
        }
    };
    // On the current pool (the CLI's, which also loaded the project) unless it has another
    // number of threads than asked.
    match options.jobs {
        Some(jobs) if jobs != rayon::current_num_threads() => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .map_err(|e| Error::Usage(format!("--jobs: {e}")))?;
            pool.install(|| build_languages(project, options, &langs, progress))
        }
        _ => build_languages(project, options, &langs, progress),
    }
}

/// The build of `langs`, on the current thread pool: check and make what changed, refuse or
/// stage the new site, then publish it with its cache.
fn build_languages(
    project: &Project,
    options: &BuildOptions,
    langs: &[String],
    progress: &dyn Progress,
) -> Result<BuildOutcome> {
    let out_rel = options
        .out
        .clone()
        .unwrap_or_else(|| project.config.out.clone());
    let output = Output::begin(&project.root.join(&out_rel), &out_rel)?;
    let checks = cache::checks(project);
    let global = cache::global(&checks, &format!("{langs:?} {:?}", options.missing));
    let (mut previous, refused) = cache::load(project, &out_rel, output.previous_id(), &global);

    let checker = Checker::new(project)?;
    let localiser = Localiser::new(project, checker.shared_resources());
    let renderer = Renderer::new(project)?;
    let names: BTreeMap<&str, String> = langs
        .iter()
        .map(|l| (l.as_str(), localiser.language_name(l)))
        .collect();
    let site = Site {
        project,
        langs,
        names: &names,
        policy: options.missing,
        localiser: &localiser,
        renderer: &renderer,
        output: &output,
        progress,
    };
    let (units, reused) = site.articles(&checker, &mut previous)?;
    let report = site.report(&checker, &units);
    if report.diagnostics.iter().any(|d| site.blocks(d)) {
        return Ok(BuildOutcome::Refused(report));
    }

    let mut summary = summarise(project, &out_rel, langs, &units);
    summary.notes.extend(refused.map(Note::CacheRefused));
    summary.notes.extend(cleanup_notes(project, &output));
    let mut kept = kept_pages(&units, &reused, &previous);
    let listings = site.listing_pages(&units, &previous, &global, &mut kept)?;
    // Every article, and nothing else, taken from a valid cache.
    let same_units = !previous.global.is_empty()
        && previous.articles.is_empty()
        && reused.iter().all(|r| *r)
        && listings.kept;

    let staged = output.finish(kept)?;
    summary.files = staged.written.changed;
    summary.unchanged = staged.stamps.len() - staged.written.changed;
    summary.removed = staged.written.removed;
    summary.foreign.clone_from(&staged.written.foreign);
    let cache = Cache {
        output: staged.id.clone(),
        checks,
        global,
        site: listings.fingerprint,
        site_files: listings.files,
        stamps: staged.stamps.clone(),
        articles: project
            .articles
            .iter()
            .map(|a| a.slug.clone())
            .zip(units)
            .collect(),
    };
    let same_cache = same_units && previous.output == cache.output;
    publish(project, staged, &cache, same_cache, &mut summary)?;
    Ok(BuildOutcome::Built(summary, report))
}

/// What this build removed of the interrupted ones.
fn cleanup_notes(project: &Project, output: &Output) -> Vec<Note> {
    let temporary = store::remove_leftovers(&project.root);
    [
        (output.leftovers > 0).then_some(Note::StagingRemoved(output.leftovers)),
        (temporary > 0).then_some(Note::TemporaryRemoved(temporary)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The pages of the articles taken from the previous build, with their recorded stamps.
fn kept_pages(units: &[Unit], reused: &[bool], previous: &Cache) -> Vec<(PathBuf, Stamp)> {
    units
        .iter()
        .zip(reused)
        .filter(|(_, reused)| **reused)
        .flat_map(|(u, _)| page_files(u))
        .filter_map(|f| previous.stamps.get(&f).map(|s| (f, *s)))
        .collect()
}

/// The indexes, feeds and sitemap of a build.
struct Listings {
    /// What they are made of ([`cache::site`]).
    fingerprint: String,
    files: Vec<PathBuf>,
    /// Taken from the previous build as they were.
    kept: bool,
}

/// Publish the staged site, then keep its cache and the input files' stamps. The cache is
/// written before the site is published (a full disk fails the build with `out/` untouched)
/// and put in place after: killed in between, the next build finds a cache of another output
/// and does everything again. `same_cache`: the cache would be written unchanged.
fn publish(
    project: &Project,
    staged: Staged,
    cache: &Cache,
    same_cache: bool,
    summary: &mut Summary,
) -> Result<()> {
    let pending = if same_cache && staged.written == Written::default() {
        None
    } else {
        Some(cache::stage(project, &summary.out, cache)?)
    };
    staged.publish()?;
    // The site is out: a cache or stamps not kept only make the next build a full one.
    let kept = pending
        .map_or(Ok(()), store::Pending::keep)
        .and_then(|()| project.stamps().save(&project.root, project.stamped()));
    if let Err(e) = kept {
        summary.notes.push(Note::CacheNotSaved(e.to_string()));
    }
    Ok(())
}

/// What the summary says of the articles: fallbacks and skipped pages, language by language.
fn summarise(project: &Project, out: &Path, langs: &[String], units: &[Unit]) -> Summary {
    let mut summary = Summary {
        out: out.to_path_buf(),
        languages: langs.to_vec(),
        articles: project.articles.len(),
        ..Summary::default()
    };
    for page in units.iter().flat_map(|u| &u.pages) {
        match page {
            Page::Published { listing, fallbacks } => {
                for id in fallbacks {
                    summary.fallbacks.push((
                        listing.lang.clone(),
                        listing.slug.clone(),
                        id.clone(),
                    ));
                }
            }
            Page::Skipped {
                lang,
                slug,
                missing,
            } => summary
                .skipped
                .push((lang.clone(), slug.clone(), missing.clone())),
        }
    }
    // Language by language, as the summary lists them (articles stay in slug order).
    let rank = |lang: &str| langs.iter().position(|l| l == lang);
    summary.fallbacks.sort_by_key(|(lang, ..)| rank(lang));
    summary.skipped.sort_by_key(|(lang, ..)| rank(lang));
    if project.config.base_url.is_none() {
        summary.notes.push(Note::NoBaseUrl);
    }
    summary
}

/// `check` with the build cache: the findings of articles whose inputs did not change since
/// the last build of the project's `out/` are taken from it ([`reuse`]).
pub fn check(project: &Project) -> Result<Report> {
    let checks = cache::checks(project);
    let mut known = match cache::read(project, &project.config.out) {
        Ok(Some(c)) if c.checks == checks => c.articles,
        _ => BTreeMap::new(),
    };
    let checker = Checker::new(project)?;
    let units: Vec<Option<Unit>> = project
        .articles
        .iter()
        .map(|a| known.remove(&a.slug))
        .collect();
    let articles: Vec<Findings> = project
        .articles
        .par_iter()
        .zip(units)
        .map(|(a, unit)| match reuse(project, a, unit) {
            Some(unit) => Ok(unit.findings),
            None => Ok(redo(project, &checker, a)?.findings),
        })
        .collect::<Result<_>>()?;
    Ok(Report::assemble(
        project,
        std::iter::once(checker.shared()).chain(articles),
    ))
}

/// The previous build's unit of an article, if the article's inputs are those it was made of
/// (as the files' fingerprints or stamps tell when the project was loaded).
fn reuse(project: &Project, article: &ArticleFile, unit: Option<Unit>) -> Option<Unit> {
    let name = format!("{}.ftl", article.slug);
    let fingerprint = cache::article(project, &article.slug, article.fingerprint, |lang| {
        project.file(lang, &name).map(|f| f.fingerprint)
    });
    unit.filter(|u| u.fingerprint == fingerprint)
}

/// An article checked again: its files read once, and the fingerprint of exactly what was read
/// (a file saved during the build is recorded as what the build used, never as what loading saw).
struct Redone<'a> {
    article: Cow<'a, Article>,
    findings: Findings,
    own: Own,
    fingerprint: String,
}

fn redo<'a>(project: &Project, checker: &Checker, file: &'a ArticleFile) -> Result<Redone<'a>> {
    let (article, content) = project.article(file)?;
    let (findings, own) = checker.article(&article)?;
    let fingerprint = cache::article(project, &file.slug, content, |lang| {
        own.fingerprints.get(lang).copied()
    });
    Ok(Redone {
        article,
        findings,
        own,
        fingerprint,
    })
}

/// The URL of an edition: absolute under `base_url`, else relative to a page of `from`.
fn page_url(base: Option<&str>, lang: &str, slug: &str, from: &str) -> String {
    lang_url(base, lang, &format!("{slug}.html"), from)
}

/// The URL of a file of a language folder, absolute or relative to a page of `from`.
fn lang_url(base: Option<&str>, lang: &str, file: &str, from: &str) -> String {
    match base {
        Some(b) => format!("{b}/{lang}/{file}"),
        None if lang == from => file.to_owned(),
        None => format!("../{lang}/{file}"),
    }
}

/// The files of an article's published editions, relative to the output folder.
fn page_files(unit: &Unit) -> impl Iterator<Item = PathBuf> + '_ {
    unit.pages.iter().flat_map(|page| match page {
        Page::Published { listing, .. } => ["html", "txt"]
            .map(|ext| page_path(&listing.lang, &listing.slug, ext))
            .to_vec(),
        Page::Skipped { .. } => Vec::new(),
    })
}

/// `<lang>/<slug>.<ext>`, relative to the output folder.
fn page_path(lang: &str, slug: &str, ext: &str) -> PathBuf {
    PathBuf::from(lang).join(format!("{slug}.{ext}"))
}

/// What every page of a build is made with.
struct Site<'a, 'p> {
    project: &'p Project,
    langs: &'a [String],
    /// Each language's name in itself.
    names: &'a BTreeMap<&'a str, String>,
    policy: MissingPolicy,
    localiser: &'a Localiser<'p>,
    renderer: &'a Renderer,
    output: &'a Output,
    progress: &'a dyn Progress,
}

impl Site<'_, '_> {
    /// The report of the build: every run's findings, for the languages built.
    fn report(&self, checker: &Checker, units: &[Unit]) -> Report {
        let mut report = Report::assemble(
            self.project,
            std::iter::once(checker.shared()).chain(units.iter().map(|u| u.findings.clone())),
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
    fn listing_pages(
        &self,
        units: &[Unit],
        previous: &Cache,
        global: &str,
        kept: &mut Vec<(PathBuf, Stamp)>,
    ) -> Result<Listings> {
        let fingerprint = cache::site(global, units);
        let intact = !previous.global.is_empty()
            && previous.site == fingerprint
            && previous.site_files.iter().all(|f| {
                previous
                    .stamps
                    .get(f)
                    .is_some_and(|s| self.output.verify(f, s))
            });
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

    /// Does this finding keep the build from publishing?
    fn blocks(&self, d: &Diagnostic) -> bool {
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
    /// localised and rendered straight to the output.
    /// Returns the units and, for each, whether it was taken from the previous build; the
    /// units taken are removed from `previous`, which then holds those of deleted articles.
    fn articles(&self, checker: &Checker, previous: &mut Cache) -> Result<(Vec<Unit>, Vec<bool>)> {
        let project = self.project;
        let kept: Vec<Option<Unit>> = project
            .articles
            .iter()
            .map(|a| previous.articles.remove(&a.slug))
            .collect();
        let kept: Vec<Option<Unit>> = project
            .articles
            .par_iter()
            .zip(kept)
            .map(|(a, unit)| {
                reuse(project, a, unit).filter(|u| {
                    page_files(u).all(|f| {
                        previous
                            .stamps
                            .get(&f)
                            .is_some_and(|s| self.output.verify(&f, s))
                    })
                })
            })
            .collect();
        let reused: Vec<bool> = kept.iter().map(Option::is_some).collect();
        let dirty = reused.iter().filter(|r| !**r).count();
        self.progress.start(dirty * self.langs.len());
        let units = project
            .articles
            .par_iter()
            .zip(kept)
            .map(|(file, kept)| match kept {
                Some(unit) => Ok(unit),
                None => {
                    let redone = redo(project, checker, file)?;
                    let pages = if redone.findings.diagnostics.iter().any(|d| self.blocks(d)) {
                        Vec::new()
                    } else {
                        self.article(&redone.article, &redone.own.resources)?
                    };
                    Ok(Unit {
                        fingerprint: redone.fingerprint,
                        findings: redone.findings,
                        pages,
                    })
                }
            })
            .collect::<Result<_>>()?;
        self.progress.finish();
        Ok((units, reused))
    }

    /// Localise an article in every language, render and write its editions.
    fn article(&self, article: &Article, own: &OwnResources) -> Result<Vec<Page>> {
        let base = self.project.config.base_url.as_deref();
        let mut editions = Vec::new();
        let mut pages = Vec::new();
        for lang in self.langs {
            self.progress.step();
            match self.localiser.edition(lang, article, own, self.policy) {
                Outcome::Edition(e) => editions.push(e),
                // With `error`, the check has already refused anything missing.
                Outcome::Missing(missing) => pages.push(Page::Skipped {
                    lang: lang.clone(),
                    slug: article.slug.clone(),
                    missing,
                }),
            }
        }
        for e in &editions {
            // In the project's language order (source first), not alphabetical.
            let alternates = editions
                .iter()
                .map(|other| Alternate {
                    lang: other.lang.clone(),
                    name: self.names[other.lang.as_str()].clone(),
                    href: page_url(base, &other.lang, &e.slug, &e.lang),
                    current: other.lang == e.lang,
                })
                .collect();
            let view = PageView {
                edition: e,
                canonical: page_url(base, &e.lang, &e.slug, &e.lang),
                alternates,
                root: root_prefix(base),
            };
            let (html, text) = self.renderer.article(&view)?;
            self.output
                .put(&page_path(&e.lang, &e.slug, "html"), html.as_bytes())?;
            self.output
                .put(&page_path(&e.lang, &e.slug, "txt"), text.as_bytes())?;
            pages.push(Page::Published {
                listing: e.listing(),
                fallbacks: e.fallbacks.clone(),
            });
        }
        Ok(pages)
    }

    /// A language's index and, with `base_url`, its feed; returns the files written.
    fn language_pages(&self, lang: &str, published: &[Vec<&Listing>]) -> Result<Vec<PathBuf>> {
        let (project, langs, names) = (self.project, self.langs, self.names);
        let base = project.config.base_url.as_deref();
        let mut files = Vec::new();
        let mut put = |rel: PathBuf, bytes: &[u8]| {
            self.output.put(&rel, bytes)?;
            files.push(rel);
            Ok::<(), Error>(())
        };
        let mut list: Vec<&Listing> = published
            .iter()
            .flatten()
            .filter(|l| l.lang == lang)
            .copied()
            .collect();
        list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        let ui = self.localiser.site_strings(lang);
        let alternates = langs
            .iter()
            .map(|l| Alternate {
                lang: l.clone(),
                name: names[l.as_str()].clone(),
                href: lang_url(base, l, "index.html", lang),
                current: l == lang,
            })
            .collect();
        let view = IndexView {
            lang,
            ui: &ui,
            articles: list.iter().map(|e| IndexEntry::new(e)).collect(),
            alternates,
            canonical: lang_url(base, lang, "index.html", lang),
            root: root_prefix(base),
            feed: base.map(|_| "feed.xml".to_owned()),
        };
        put(
            PathBuf::from(lang).join("index.html"),
            self.renderer.index_html(&view)?.as_bytes(),
        )?;
        if let Some(b) = base {
            let self_url = format!("{b}/{lang}/feed.xml");
            let index_url = format!("{b}/{lang}/index.html");
            let title = ui.get("site-name").map_or(lang, String::as_str);
            let meta = FeedMeta {
                lang,
                title,
                self_url: &self_url,
                index_url: &index_url,
                base_url: b,
            };
            put(
                PathBuf::from(lang).join("feed.xml"),
                atom(&meta, &list).as_bytes(),
            )?;
        }
        Ok(files)
    }

    /// Indexes, language picker, feeds and sitemap: the pages made of every article. Returns
    /// the files written, sorted.
    fn pages(&self, units: &[Unit]) -> Result<Vec<PathBuf>> {
        // Each article's editions, in the project's language order.
        let published: Vec<Vec<&Listing>> = units
            .iter()
            .map(|u| {
                u.pages
                    .iter()
                    .filter_map(|p| match p {
                        Page::Published { listing, .. } => Some(listing),
                        Page::Skipped { .. } => None,
                    })
                    .collect()
            })
            .collect();
        // Each language's index and feed, in parallel.
        let written: Vec<Vec<PathBuf>> = self
            .langs
            .par_iter()
            .map(|lang| self.language_pages(lang, &published))
            .collect::<Result<_>>()?;
        let mut files: Vec<PathBuf> = written.into_iter().flatten().collect();
        let mut put = |rel: &str, bytes: &[u8]| {
            self.output.put(Path::new(rel), bytes)?;
            files.push(PathBuf::from(rel));
            Ok::<(), Error>(())
        };
        put("index.html", self.picker_html()?.as_bytes())?;
        if let Some(base) = self.project.config.base_url.as_deref() {
            put(
                "sitemap.xml",
                sitemap(&self.sitemap_pages(base, &published)).as_bytes(),
            )?;
        }
        files.sort();
        Ok(files)
    }

    /// The language picker at the root of the site, in the source language.
    fn picker_html(&self) -> Result<String> {
        let base = self.project.config.base_url.as_deref();
        let source = self.project.config.source.as_str();
        let ui = self.localiser.site_strings(source);
        let picker = PickerView {
            lang: source,
            ui: &ui,
            languages: self
                .langs
                .iter()
                .map(|l| Alternate {
                    lang: l.clone(),
                    name: self.names[l.as_str()].clone(),
                    href: match base {
                        Some(b) => format!("{b}/{l}/index.html"),
                        None => format!("{l}/index.html"),
                    },
                    current: false,
                })
                .collect(),
            canonical: base.map_or_else(|| "index.html".to_owned(), |b| format!("{b}/")),
        };
        self.renderer.picker_html(&picker)
    }

    /// The sitemap's entries: the indexes, then every article with its editions.
    fn sitemap_pages(&self, base: &str, published: &[Vec<&Listing>]) -> Vec<SitemapPage> {
        let source = self.project.config.source.as_str();
        let url_of = |lang: &str, file: &str| format!("{base}/{lang}/{file}");
        let mut pages = vec![SitemapPage {
            editions: self
                .langs
                .iter()
                .map(|l| (l.clone(), url_of(l, "index.html")))
                .collect(),
            default: self
                .langs
                .iter()
                .any(|l| l == source)
                .then(|| url_of(source, "index.html")),
            lastmod: None,
        }];
        for editions in published {
            let Some(first) = editions.first() else {
                continue;
            };
            let file = format!("{}.html", first.slug);
            pages.push(SitemapPage {
                editions: editions
                    .iter()
                    .map(|e| (e.lang.clone(), url_of(&e.lang, &file)))
                    .collect(),
                default: editions
                    .iter()
                    .any(|e| e.lang == source)
                    .then(|| url_of(source, &file)),
                lastmod: Some(first.date.clone()),
            });
        }
        pages
    }
}

/// Prefix that turns a site-relative path into a link from a page one folder down.
fn root_prefix(base: Option<&str>) -> String {
    match base {
        Some(b) => format!("{b}/"),
        None => "../".to_owned(),
    }
}
