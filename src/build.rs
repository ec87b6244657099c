//! The `build` pipeline: check, localise every (language, article) in parallel, render, write.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::check::{self, Code, Report, Severity};
use crate::content::Article;
use crate::error::{Error, Result};
use crate::localise::{Edition, Localiser, MissingPolicy, Outcome};
use crate::project::Project;
use crate::render::{
    atom, sitemap, Alternate, FeedMeta, IndexEntry, IndexView, PageView, PickerView, Renderer,
    SitemapPage,
};
use crate::write::{self, Site};

/// What `gazette build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Only these languages (default: source and every target).
    pub langs: Option<Vec<String>>,
    /// Output folder, relative to the project root (default: the config's `out`).
    pub out: Option<PathBuf>,
    pub missing: MissingPolicy,
    /// Worker threads (default: all cores).
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
    /// Things the publisher should know (e.g. why no feed was written).
    pub notes: Vec<String>,
}

/// The result of a build that ran to its end.
#[derive(Debug)]
pub enum BuildOutcome {
    /// The check found errors: nothing was written.
    Refused(Report),
    /// Everything was written; the report holds the warnings.
    Built(Summary, Report),
}

/// Told of a build's progress, from worker threads: one step per (language, article) page
/// rendered. The CLI draws a progress bar with it; the library never prints.
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

    let mut report = check::check(project);
    report
        .diagnostics
        .retain(|d| d.locale == report.source || langs.contains(&d.locale));
    let blocking = |d: &check::Diagnostic| {
        d.severity == Severity::Error
            && !(options.missing != MissingPolicy::Error
                && d.locale != report.source
                && matches!(
                    d.code,
                    Code::MissingMessage
                        | Code::MissingAttribute
                        | Code::MissingValue
                        | Code::MissingTerm
                ))
    };
    if report.diagnostics.iter().any(blocking) {
        return Ok(BuildOutcome::Refused(report));
    }

    let renderer = Renderer::new(project)?;
    let localiser = Localiser::new(project);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("--jobs: {e}")))?;

    let pairs: Vec<(&str, &Article)> = langs
        .iter()
        .flat_map(|l| project.articles.iter().map(move |a| (l.as_str(), a)))
        .collect();
    let outcomes: Vec<Outcome> = pool.install(|| {
        pairs
            .par_iter()
            .map(|(lang, article)| localiser.edition(lang, article, options.missing))
            .collect()
    });

    let mut summary = Summary {
        out: options
            .out
            .clone()
            .unwrap_or_else(|| project.config.out.clone()),
        languages: langs.clone(),
        articles: project.articles.len(),
        ..Summary::default()
    };
    // slug -> language -> edition, for the links between editions.
    let mut editions: BTreeMap<&str, BTreeMap<&str, Edition>> = BTreeMap::new();
    for ((lang, article), outcome) in pairs.iter().zip(outcomes) {
        match outcome {
            Outcome::Edition(e) => {
                for id in &e.fallbacks {
                    summary
                        .fallbacks
                        .push((lang.to_string(), article.slug.clone(), id.clone()));
                }
                editions.entry(&article.slug).or_default().insert(lang, *e);
            }
            // With `error`, the check has already refused anything missing.
            Outcome::Missing(ids) => {
                summary
                    .skipped
                    .push((lang.to_string(), article.slug.clone(), ids));
            }
        }
    }

    let names: BTreeMap<&str, String> = langs
        .iter()
        .map(|l| (l.as_str(), localiser.language_name(l)))
        .collect();
    let base = project.config.base_url.as_deref();
    let jobs: Vec<(&Edition, Vec<Alternate>)> = editions
        .values()
        .flat_map(|by_lang| {
            by_lang.values().map(|e| {
                // In the project's language order (source first), not alphabetical.
                let alternates = langs
                    .iter()
                    .filter(|l| by_lang.contains_key(l.as_str()))
                    .map(|l| Alternate {
                        lang: l.clone(),
                        name: names[l.as_str()].clone(),
                        href: page_url(base, l, &e.slug, &e.lang),
                        current: *l == e.lang,
                    })
                    .collect();
                (e, alternates)
            })
        })
        .collect();
    progress.start(jobs.len());
    let pages = pool.install(|| {
        jobs.par_iter()
            .map(|(e, alternates)| {
                progress.step();
                let view = PageView {
                    edition: e,
                    canonical: page_url(base, &e.lang, &e.slug, &e.lang),
                    alternates: alternates.clone(),
                    root: root_prefix(base),
                };
                let dir = PathBuf::from(&e.lang);
                let (html, text) = renderer.article(&view)?;
                Ok([
                    (dir.join(format!("{}.html", e.slug)), html.into_bytes()),
                    (dir.join(format!("{}.txt", e.slug)), text.into_bytes()),
                ])
            })
            .collect::<Result<Vec<_>>>()
    });
    progress.finish();
    let pages = pages?;
    let mut site: Site = pages.into_iter().flatten().collect();
    site_pages(
        project,
        &localiser,
        &renderer,
        &langs,
        &names,
        &editions,
        &mut site,
        &mut summary,
    )?;
    summary.files = site.len();
    let written =
        pool.install(|| write::write_site(&project.root.join(&summary.out), &summary.out, &site))?;
    summary.unchanged = summary.files - written.changed;
    summary.files = written.changed;
    summary.removed = written.removed;
    Ok(BuildOutcome::Built(summary, report))
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

/// Indexes, language picker, feeds and sitemap: the pages made of every article.
#[allow(clippy::too_many_arguments)]
fn site_pages(
    project: &Project,
    localiser: &Localiser,
    renderer: &Renderer,
    langs: &[String],
    names: &BTreeMap<&str, String>,
    editions: &BTreeMap<&str, BTreeMap<&str, Edition>>,
    site: &mut Site,
    summary: &mut Summary,
) -> Result<()> {
    let base = project.config.base_url.as_deref();
    let source = project.config.source.as_str();
    for lang in langs {
        let mut list: Vec<&Edition> = editions
            .values()
            .filter_map(|m| m.get(lang.as_str()))
            .collect();
        list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        let ui = localiser.site_strings(lang);
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
        site.insert(
            PathBuf::from(lang).join("index.html"),
            renderer.index_html(&view)?.into_bytes(),
        );
        if let Some(b) = base {
            let self_url = format!("{b}/{lang}/feed.xml");
            let index_url = format!("{b}/{lang}/index.html");
            let title = ui.get("site-name").map_or(lang.as_str(), String::as_str);
            let meta = FeedMeta {
                lang,
                title,
                self_url: &self_url,
                index_url: &index_url,
                base_url: b,
            };
            site.insert(
                PathBuf::from(lang).join("feed.xml"),
                atom(&meta, &list).into_bytes(),
            );
        }
    }

    let ui = localiser.site_strings(source);
    let picker = PickerView {
        lang: source,
        ui: &ui,
        languages: langs
            .iter()
            .map(|l| Alternate {
                lang: l.clone(),
                name: names[l.as_str()].clone(),
                href: match base {
                    Some(b) => format!("{b}/{l}/index.html"),
                    None => format!("{l}/index.html"),
                },
                current: false,
            })
            .collect(),
        canonical: base.map_or_else(|| "index.html".to_owned(), |b| format!("{b}/")),
    };
    site.insert(
        PathBuf::from("index.html"),
        renderer.picker_html(&picker)?.into_bytes(),
    );

    let Some(b) = base else {
        summary.notes.push("feeds and sitemap not written: they need absolute URLs; set `base_url` in gazette.toml".into());
        return Ok(());
    };
    let mut pages: Vec<SitemapPage> = Vec::new();
    let url_of = |lang: &str, file: &str| format!("{b}/{lang}/{file}");
    pages.push(SitemapPage {
        editions: langs
            .iter()
            .map(|l| (l.clone(), url_of(l, "index.html")))
            .collect(),
        default: langs
            .iter()
            .any(|l| l == source)
            .then(|| url_of(source, "index.html")),
        lastmod: None,
    });
    for by_lang in editions.values() {
        let ordered: Vec<&Edition> = langs
            .iter()
            .filter_map(|l| by_lang.get(l.as_str()))
            .collect();
        let Some(first) = ordered.first() else {
            continue;
        };
        let file = format!("{}.html", first.slug);
        pages.push(SitemapPage {
            editions: ordered
                .iter()
                .map(|e| (e.lang.clone(), url_of(&e.lang, &file)))
                .collect(),
            default: by_lang.contains_key(source).then(|| url_of(source, &file)),
            lastmod: Some(first.date.clone()),
        });
    }
    site.insert(PathBuf::from("sitemap.xml"), sitemap(&pages).into_bytes());
    Ok(())
}

/// Prefix that turns a site-relative path into a link from a page one folder down.
fn root_prefix(base: Option<&str>) -> String {
    match base {
        Some(b) => format!("{b}/"),
        None => "../".to_owned(),
    }
}
