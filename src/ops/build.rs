//! `gazette build`: check the project, make what changed, and publish the new site with its
//! cache, all or nothing. Articles go through the stages one by one, in parallel: checked,
//! localised in every language, planned, rendered and streamed to the output, so memory holds
//! a few articles at a time, not the site ([`crate::incremental`] decides what is taken from
//! the previous build). Indexes, feeds and the sitemap come last; the new site is published
//! only if nothing blocked the build.

use std::path::{Path, PathBuf};

use crate::incremental::cache::{self, Cache, Page, Unit};
use crate::incremental::pages::{brand, Pages};
use crate::incremental::site::{page_files, Site};
use crate::incremental::statics::statics;
use crate::incremental::Progress;

use crate::check::refusals::one_article_per_page;
use crate::check::{Checker, Report};
use crate::error::{Error, Result};
use crate::localise::{Localiser, MissingPolicy, Pseudo};
use crate::project::Project;
use crate::render::Renderer;
use crate::stamp::Stamp;
use crate::store;
use crate::write::{Output, Staged, Written};

use super::languages;

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
    /// Refuse to publish when there are warnings too (`--deny-warnings`).
    pub deny_warnings: bool,
    /// A preview (`gazette serve`), never a site to publish: drafts are built too, and each
    /// article's page says on a banner what keeps it from publication (a draft, texts shown
    /// in the source language).
    pub preview: bool,
    /// Add a pseudo-locale edition of the source language (`--pseudo`): its pages and
    /// index, in no feed and no sitemap.
    pub pseudo: Option<Pseudo>,
}

/// What a build did, for the summary.
/// A message of a language's page shown in the source language (`--missing fallback`).
#[derive(Debug)]
pub struct Fallback {
    pub lang: String,
    pub slug: String,
    pub id: String,
}

/// An article's page left out of a language (`--missing skip`), and the messages it lacks.
#[derive(Debug)]
pub struct Skipped {
    pub lang: String,
    pub slug: String,
    pub missing: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub out: PathBuf,
    pub languages: Vec<String>,
    pub articles: usize,
    /// Files written (new or changed).
    pub files: usize,
    /// Messages of a page shown in the source language.
    pub fallbacks: Vec<Fallback>,
    /// Pages left out of a language, for the messages they lack.
    pub skipped: Vec<Skipped>,
    /// Files already in `out/` with the same bytes (kept, not written again).
    pub unchanged: usize,
    /// Files of the previous `out/` that this build no longer has.
    pub removed: usize,
    /// Files in the output that gazette did not write: kept as they are.
    pub foreign: Vec<String>,
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
    /// The site was published but its cache could not be kept (the reason).
    CacheNotSaved(String),
    /// An article checked but not published: a draft, or under embargo.
    Held { slug: String, why: cache::Held },
}

/// The result of a build that ran to its end.
#[derive(Debug)]
pub enum BuildOutcome {
    /// The check found errors: nothing was written.
    Refused(Report),
    /// Everything was written; the report holds the warnings.
    Built(Summary, Report),
}

pub fn build(project: &Project, options: &BuildOptions) -> Result<BuildOutcome> {
    build_with_progress(project, options, &())
}

pub fn build_with_progress(
    project: &Project,
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildOutcome> {
    let mut langs = languages(project, options.langs.as_deref())?;
    langs.extend(options.pseudo.map(|p| p.tag().to_owned()));
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

/// The output folder, relative to the project: `--out`, else the `out` setting; refused if a
/// link in the project or the setting sends it out of the project.
fn output_folder(project: &Project, options: &BuildOptions) -> Result<PathBuf> {
    // `out/.` is `out`: a trailing `.` would name the folder by no name of its own.
    let named = options.out.as_ref().unwrap_or(&project.config.out);
    let mut out: PathBuf = named
        .components()
        .filter(|c| *c != std::path::Component::CurDir)
        .collect();
    if out.as_os_str().is_empty() {
        out.clone_from(named);
    }
    let out = &out;
    let config = &project.config;
    // The preview is built into the cache's folder, which is its own.
    let cache = if options.preview {
        ""
    } else {
        crate::store::DIR
    };
    let kept = [
        Path::new(cache),
        Path::new(crate::records::RECORDS_DIR),
        &config.content,
        &config.locales,
        &config.templates,
    ];
    crate::write::check_output_place(&project.root, out, options.out.is_some(), &kept).map_err(
        |message| Error::Layout {
            path: out.clone(),
            message,
        },
    )?;
    Ok(out.clone())
}

/// The build of `langs`, on the current thread pool: check and make what changed, refuse or
/// stage the new site, then publish it with its cache.
fn build_languages(
    project: &Project,
    options: &BuildOptions,
    langs: &[String],
    progress: &dyn Progress,
) -> Result<BuildOutcome> {
    let out_rel = output_folder(project, options)?;
    let output = Output::begin(&project.root.join(&out_rel), &out_rel)?;
    let checks = cache::checks(project);
    let key = format!("{langs:?} {:?} {}", options.missing, options.preview);
    let global = cache::global(&checks, &key);
    let (mut previous, refused) = cache::load(project, &out_rel, output.previous_id(), &global);

    let checker = Checker::new(project)?;
    let localiser = Localiser::new(project, checker.shared_resources(), options.pseudo);
    let renderer = Renderer::new(project)?;
    let statics = statics(project, &output, &previous)?;
    let names = localiser.language_names(langs);
    let pages = Pages {
        project,
        langs,
        names: &names,
        preview: options.preview,
        localiser: &localiser,
        renderer: &renderer,
        output: &output,
        assets: &statics.assets,
        brand: brand(project, &localiser),
    };
    let site = Site::new(pages, options.missing, progress)?;
    let (units, reused) = site.articles(&checker, &mut previous)?;
    one_article_per_page(project.articles.iter().zip(units.iter().map(page_files)))?;
    let mut report = site.report(&checker, &units);
    if options.deny_warnings {
        report.deny_warnings();
    }
    if report.diagnostics.iter().any(|d| site.blocks(d)) {
        return Ok(BuildOutcome::Refused(report));
    }

    let mut summary = summarise(project, &out_rel, langs, &units);
    summary.notes.extend(refused.map(Note::CacheRefused));
    summary.notes.extend(cleanup_notes(project, &output));
    let mut kept = kept_pages(&units, &reused, &previous);
    kept.extend(statics.kept);
    site.pages.derive_images(&previous, &units, &mut kept)?;
    let listings = site.listing_pages(&units, &previous, &global, &mut kept)?;
    // Every article, and nothing else, taken from a valid cache.
    let same_units = !previous.global.is_empty()
        && previous.articles.is_empty()
        && reused.iter().all(|r| *r)
        && listings.kept;

    let mut staged = output.finish(kept)?;
    count_written(&mut summary, &staged);
    let cache = Cache {
        output: staged.id.clone(),
        checks,
        global,
        site: listings.fingerprint,
        site_files: listings.files,
        // Moved, not copied: an archive's output has tens of thousands of files.
        stamps: std::mem::take(&mut staged.stamps),
        articles: project
            .articles
            .iter()
            .map(|a| a.slug.clone())
            .zip(units)
            .collect(),
        statics: statics.stamped,
    };
    let same_cache =
        same_units && previous.output == cache.output && previous.statics == cache.statics;
    publish(project, staged, &cache, same_cache, &mut summary)?;
    Ok(BuildOutcome::Built(summary, report))
}

/// What the summary says of the files of the staged site.
fn count_written(summary: &mut Summary, staged: &Staged) {
    summary.files = staged.written.changed;
    summary.unchanged = staged.stamps.len() - staged.written.changed;
    summary.removed = staged.written.removed;
    summary.foreign.clone_from(&staged.written.foreign);
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
fn kept_pages(units: &[Unit], reused: &[bool], previous: &Cache) -> Vec<(String, Stamp)> {
    units
        .iter()
        .zip(reused)
        .filter(|(_, reused)| **reused)
        .flat_map(|(u, _)| page_files(u))
        .filter_map(|f| previous.stamps.get(&f).map(|s| (f, *s)))
        .collect()
}

/// Publish the staged site with its cache. The cache is written before the site is published
/// (a full disk fails the build with `out/` untouched) and put in place after: killed in
/// between, the next build finds a cache of another output and does everything again. The
/// input files' stamps are kept meanwhile: they say what the files held, whatever becomes of
/// the build. `same_cache`: the cache would be written unchanged.
fn publish(
    project: &Project,
    staged: Staged,
    cache: &Cache,
    same_cache: bool,
    summary: &mut Summary,
) -> Result<()> {
    // The cache is encoded and written while the inputs' stamps are: both before publishing.
    let (pending, stamps) = rayon::join(
        || {
            let unchanged = same_cache && staged.written == Written::default();
            (!unchanged)
                .then(|| cache::stage(project, &summary.out, cache))
                .transpose()
        },
        || project.stamps().save(&project.root, project.stamped()),
    );
    let pending = pending?;
    staged.publish()?;
    // The site is out: a cache or stamps not kept only make the next build a full one.
    let kept = stamps.and_then(|()| pending.map_or(Ok(()), store::Pending::keep));
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
                summary
                    .fallbacks
                    .extend(fallbacks.iter().map(|id| Fallback {
                        lang: listing.lang.clone(),
                        slug: listing.slug.clone(),
                        id: id.clone(),
                    }));
            }
            Page::Skipped {
                lang,
                slug,
                missing,
            } => summary.skipped.push(Skipped {
                lang: lang.clone(),
                slug: slug.clone(),
                missing: missing.clone(),
            }),
        }
    }
    for (article, unit) in project.articles.iter().zip(units) {
        if let Some(why) = &unit.held {
            summary.notes.push(Note::Held {
                slug: article.slug.clone(),
                why: why.clone(),
            });
        }
    }
    // Language by language, as the summary lists them (articles stay in slug order).
    let rank = |lang: &str| langs.iter().position(|l| l == lang);
    summary.fallbacks.sort_by_key(|f| rank(&f.lang));
    summary.skipped.sort_by_key(|s| rank(&s.lang));
    summary
}
