//! The check stage: judge a [`Project`] (its settings, content, translations, links and assets) and report [`Diagnostic`]s.
//!
//! One file per rule family: `bundle` (what one language's bundles hold together), `compare`
//! (each target file against its source file, and whether it is stale against `gazette.lock.d/`),
//! `quality` (whether a translation reads like one), `format` (every message formatted for
//! real).

mod assets;
mod bundle;
mod compare;
pub mod diagnostic;
mod expansion;
mod format;
mod links;
mod orphans;
mod quality;
pub mod refusals;
mod run;

pub use diagnostic::{Code, Counts, Diagnostic, Levels, Report, Severity};
pub use run::{Findings, SiteLink};

/// The site strings a template names: `init` must ship every one.
#[cfg(test)]
pub(crate) use bundle::template_ids;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Article;
use crate::error::Result;
use crate::ftl;
use crate::intl::{OwnResources, SharedResources};
use crate::project::{ArticleRecords, Project};
use crate::records::ReviewRecords;
use run::{Language, Parsed};

/// What an article's run of the checks read of its own files, for `build`: the parsed
/// resources (to format the article without parsing them again) and the fingerprint of each
/// text (what the build records is exactly what it checked and rendered).
pub struct Own {
    pub resources: OwnResources,
    /// Language -> fingerprint of the text of the article's file.
    pub fingerprints: BTreeMap<String, u128>,
}

/// The checks of a project, with every language's shared files parsed once.
pub struct Checker<'p> {
    project: &'p Project,
    /// Source first, then the targets: (language, its shared files).
    languages: Vec<(String, Vec<Parsed<'p>>)>,
    /// The CLDR plural categories of each language, in the same order.
    plurals: Vec<quality::Plurals>,
    /// The files of each language (in the same order) left from deleted articles: neither
    /// shared nor an article's ([`orphans`]).
    orphans: Vec<Vec<Parsed<'p>>>,
    /// What the project makes of each code (`[check]`, `--allow`…), applied to every run's
    /// findings, so that a build and the cache keep them as they are reported.
    levels: Levels,
}

impl<'p> Checker<'p> {
    pub fn new(project: &'p Project) -> Result<Self> {
        let levels = Levels::new(&project.config.levels)?;
        let mut languages: Vec<(String, Vec<Parsed>)> =
            std::iter::once(project.config.source.clone())
                .chain(project.targets())
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|lang| {
                    let shared = project
                        .files(&lang)
                        .iter()
                        .filter(|f| !project.is_article_file(&f.name))
                        .map(|f| Parsed::new(project, f, false))
                        .collect::<Result<_>>()?;
                    Ok((lang, shared))
                })
                .collect::<Result<_>>()?;
        let left = orphans::find(project, &languages[0].1);
        let orphans = languages
            .iter_mut()
            .map(|(_, shared)| {
                let (orphans, kept) = std::mem::take(shared)
                    .into_iter()
                    .partition(|p| left.contains(&p.file.name));
                *shared = kept;
                orphans
            })
            .collect();
        let plurals = languages
            .iter()
            .map(|(lang, _)| quality::plural_categories(project.config.format_locale(lang)))
            .collect();
        Ok(Checker {
            project,
            languages,
            plurals,
            orphans,
            levels,
        })
    }

    /// Whether the source language's file `name` (`welcome.ftl`) is one a deleted article
    /// left ([`orphans`]): neither shared nor an article's.
    pub fn is_orphaned(&self, name: &str) -> bool {
        self.orphans
            .first()
            .is_some_and(|files| files.iter().any(|p| p.file.name == name))
    }

    /// The parsed shared files of the languages checked, for the editions.
    pub fn shared_resources(&self) -> SharedResources {
        self.languages
            .iter()
            .map(|(lang, shared)| {
                let resources = shared.iter().map(|p| Arc::clone(&p.resource)).collect();
                (lang.clone(), resources)
            })
            .collect()
    }

    /// The report of a whole project from the findings of all its runs (kept from the last
    /// build or new), with the links into the site none of their pages answers.
    pub fn assemble(&self, runs: Vec<Findings>) -> Report {
        let mut broken = links::resolve(self.project, &runs);
        self.levels.apply(&mut broken);
        let site = Findings {
            diagnostics: broken,
            ..Findings::default()
        };
        Report::assemble(self.project, runs.into_iter().chain([site]))
    }

    /// The run of the shared files and templates.
    pub fn shared(&self) -> Findings {
        self.run(None, &[], &self.project.reviews)
    }

    /// The run of one article: its own file in every language, judged against the records of
    /// that file (the project's own may lack them: loading defers an article's shards).
    pub fn article(&self, article: &Article, records: &ArticleRecords) -> Result<(Findings, Own)> {
        let name = format!("{}.ftl", article.slug);
        let own: Vec<Option<Parsed<'p>>> = self
            .languages
            .iter()
            .map(|(lang, _)| {
                let file = self.project.file(lang, &name);
                file.map(|f| Parsed::new(self.project, f, true)).transpose()
            })
            .collect::<Result<_>>()?;
        let findings = self.run(Some(article), &own, records.reviews());
        let mut read = Own {
            resources: OwnResources::new(),
            fingerprints: BTreeMap::new(),
        };
        for ((lang, _), parsed) in self.languages.iter().zip(own) {
            if let Some(p) = parsed {
                let fingerprint = xxhash_rust::xxh3::xxh3_128(p.text.as_bytes());
                read.fingerprints.insert(lang.clone(), fingerprint);
                read.resources.insert(lang.clone(), p.resource);
            }
        }
        Ok((findings, read))
    }

    fn run(
        &self,
        article: Option<&Article>,
        own: &[Option<Parsed<'p>>],
        records: &ReviewRecords,
    ) -> Findings {
        let project = self.project;
        let languages: Vec<Language> = self
            .languages
            .iter()
            .enumerate()
            .map(|(i, (lang, shared))| Language {
                lang,
                shared,
                own: own.get(i).and_then(Option::as_ref),
                article,
                records,
                bundles: project.bundles(),
            })
            .collect();
        let mut findings = Findings::default();
        let out = &mut findings.diagnostics;
        for language in &languages {
            if project.site {
                links::of_messages(project, language, &mut findings.links);
            }
            file_checks(language, project.site, out);
            bundle::duplicates_and_references(language, out);
            format::format_every_message(project, language, out);
        }
        let (source, targets) = languages.split_first().expect("the source language");
        bundle::check_sources(project, source, out);
        if article.is_none() && project.site {
            findings.pages = links::site_pages(project);
        }
        if article.is_none() {
            settings(project, out);
            for ((lang, _), files) in self.languages.iter().zip(&self.orphans) {
                orphans::report(project, lang, files, out);
            }
        }
        if let Some(article) = article {
            assets::missing_assets(project, source.lang, article, out);
            links::of_article(project, source.lang, article, &mut findings.links);
            findings.pages = links::pages_of(project, article);
        }
        for (target, plurals) in targets.iter().zip(&self.plurals[1..]) {
            let by_file = compare::compare_with_source(project, source, target, plurals, out);
            findings.files.insert(target.lang.to_owned(), by_file);
        }
        drop_consequences(&mut findings.diagnostics);
        self.levels.apply(&mut findings.diagnostics);
        findings
    }
}

/// One mistake, one finding: a variable the source never uses (`unknown-variable`) also
/// fails formatting (`format-error`, "Unknown variable"), which says nothing more.
fn drop_consequences(diagnostics: &mut Vec<Diagnostic>) {
    let unknown: Vec<(String, Option<String>, String)> = diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownVariable)
        .map(|d| (d.file.clone(), d.id.clone(), d.message.clone()))
        .collect();
    diagnostics.retain(|d| {
        let Some((_, var)) = d.message.split_once("Unknown variable: ") else {
            return true;
        };
        let quoted = format!("`{}`", var.trim());
        !(d.code == Code::FormatError
            && unknown
                .iter()
                .any(|(file, id, m)| *file == d.file && *id == d.id && m.contains(&quoted)))
    });
}

/// Run every check on the project ([`crate::incremental::check_with_cache`] takes unchanged
/// articles' findings from the build cache).
pub fn check_project(project: &Project) -> Result<Report> {
    let checker = Checker::new(project)?;
    let shared = checker.shared();
    let articles: Vec<Findings> = project
        .articles
        .par_iter()
        .map(|a| {
            let records = project.article_records(&a.slug)?;
            Ok(checker.article(&project.article(a)?.0, &records)?.0)
        })
        .collect::<Result<_>>()?;
    Ok(checker.assemble(std::iter::once(shared).chain(articles).collect()))
}

impl Report {
    /// The report of a whole project from the findings of all its runs: diagnostics sorted
    /// by file, position, code and id (so output is stable), coverage summed per language.
    pub fn assemble(project: &Project, runs: impl IntoIterator<Item = Findings>) -> Report {
        let mut diagnostics = Vec::new();
        let mut files: BTreeMap<String, BTreeMap<String, Counts>> = project
            .targets()
            .into_iter()
            .map(|l| (l, BTreeMap::new()))
            .collect();
        for run in runs {
            diagnostics.extend(run.diagnostics);
            for (lang, by_file) in run.files {
                let into = files.entry(lang).or_default();
                for (file, counts) in by_file {
                    into.entry(file).or_default().add(&counts);
                }
            }
        }
        // Syntax errors first: what else is reported may follow from them.
        diagnostics.sort_by(|a, b| {
            let later = |d: &Diagnostic| d.code != Code::SyntaxError;
            (
                later(a),
                &a.file,
                a.line,
                a.column,
                a.code,
                &a.id,
                &a.attribute,
            )
                .cmp(&(
                    later(b),
                    &b.file,
                    b.line,
                    b.column,
                    b.code,
                    &b.id,
                    &b.attribute,
                ))
        });
        diagnostics.dedup();
        let locales = files
            .iter()
            .map(|(lang, by_file)| {
                let mut total = Counts::default();
                for counts in by_file.values() {
                    total.add(counts);
                }
                (lang.clone(), total)
            })
            .collect();
        Report {
            source: project.config.source.clone(),
            diagnostics,
            locales,
            files,
        }
    }
}

/// `missing-base-url`: a gazette site without `base_url` publishes without what needs absolute
/// URLs. Reported at line 1 of gazette.toml, where the key can go. `missing-asset`: the
/// publisher's logo is no file of `static/`.
fn settings(project: &Project, out: &mut Vec<Diagnostic>) {
    let file = std::path::Path::new(crate::config::CONFIG_FILE);
    if let Some((logo, line)) = &project.config.publisher.logo {
        if !project.statics.contains_key(logo) {
            let static_dir = crate::project::STATIC;
            out.push(
                Diagnostic::new(
                    Code::MissingAsset,
                    &project.config.source,
                    file,
                    format!("publisher.logo: `{logo}` is not a file of {static_dir}/: search engines would be sent to nothing"),
                )
                .at(*line, None)
                .help(format!("add {static_dir}/{logo}, or fix the path")),
            );
        }
    }
    if !project.site || project.config.base_url.is_some() {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::MissingBaseUrl,
            &project.config.source,
            file,
            "`base_url` is not set: the site is built without Atom feeds, without a sitemap, \
             without absolute canonical and `hreflang` links, and the text editions without \
             their \"Read online\" link"
                .to_owned(),
        )
        .at(1, None)
        .help(
            "set `base_url = \"https://…\"` in gazette.toml, the address the site is published at"
                .into(),
        ),
    );
}

/// `format-error` for a number literal of `entry` that would be published as another number
/// (more significant digits than a double holds): never a silently different number.
fn inexact_numbers(
    lang: &str,
    path: &std::path::Path,
    entry: &ftl::Entry,
    out: &mut Vec<Diagnostic>,
) {
    for literal in &entry.numbers {
        let Some(published) = crate::intl::literal_published_otherwise(literal) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                Code::FormatError,
                lang,
                path,
                format!(
                    "`{}` writes the number {literal}, which would be published as {published}: a number keeps 15 significant digits",
                    entry.id
                ),
            )
            .at_entry(entry)
            .help("write it with at most 15 significant digits, or as text (`{ \"…\" }`) to show it as typed".into()),
        );
    }
}

/// Checks that need one file only: syntax errors, attributes defined twice and, in a gazette
/// site (whose messages gazette renders), markup that would be shown as text.
fn file_checks(language: &Language, site: bool, out: &mut Vec<Diagnostic>) {
    for parsed in language.reported() {
        let path = &parsed.file.path;
        for entry in parsed.facts.entries.iter().filter(|_| site) {
            for pattern in &entry.patterns {
                let rejected = crate::markup::rejected_tags(&pattern.visible);
                if rejected.is_empty() {
                    continue;
                }
                let mut d = Diagnostic::new(
                    Code::UnsupportedMarkup,
                    language.lang,
                    path,
                    format!(
                        "`{}` holds markup that will be shown as text: {}",
                        entry.id,
                        rejected.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ")
                    ),
                )
                .at(pattern.line, None)
                .id(&entry.id)
                .help("use only <em>, <strong>, <a href=\"https://…\"> and <abbr title=\"…\">, each closed in order".into());
                if let Some(a) = &pattern.attribute {
                    d = d.attribute(a);
                }
                out.push(d);
            }
        }
        for e in &parsed.facts.errors {
            out.push(
                Diagnostic::new(Code::SyntaxError, language.lang, path, e.message.clone())
                    .at(e.line, Some(e.column))
                    .help(
                        "fix the Fluent syntax; the whole entry is ignored until it parses".into(),
                    ),
            );
        }
        for entry in &parsed.facts.entries {
            inexact_numbers(language.lang, path, entry, out);
            let mut seen = std::collections::BTreeSet::new();
            for (name, line) in &entry.attributes {
                if !seen.insert(name) {
                    out.push(
                        Diagnostic::new(
                            Code::DuplicateAttribute,
                            language.lang,
                            path,
                            format!("attribute `.{name}` is defined twice in `{}`", entry.id),
                        )
                        .at(*line, Some(ftl::indent_column(&parsed.text, *line)))
                        .id(&entry.id)
                        .attribute(name)
                        .help("keep one of the two definitions".into()),
                    );
                }
            }
        }
    }
}
