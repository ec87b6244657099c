//! Stage 3, check: judge the translations of a [`Project`] and report [`Diagnostic`]s.
//!
//! One file per rule family: `bundle` (what one language's bundles hold together), `compare`
//! (each target file against its source file, and whether it is stale against `gazette.lock`),
//! `quality` (whether a translation reads like one), `format` (every message formatted for
//! real).

mod bundle;
mod compare;
pub mod diagnostic;
mod expansion;
mod format;
mod quality;

pub use diagnostic::{Code, Counts, Diagnostic, Report, Severity};

use crate::ftl::{self, FileFacts};
use crate::project::{FtlFile, Project};

/// One parsed `.ftl` file.
pub(crate) struct Parsed<'p> {
    pub file: &'p FtlFile,
    pub facts: FileFacts,
    /// The file is an article's own (`<slug>.ftl`), not shared by every article.
    pub article: bool,
}

/// The parsed files of one language, in name order.
pub(crate) struct Language<'p> {
    pub lang: String,
    pub files: Vec<Parsed<'p>>,
    /// File name -> index in `files`: an archive has thousands of files per language.
    by_name: std::collections::HashMap<&'p str, usize>,
}

impl<'p> Language<'p> {
    fn parse(project: &'p Project, lang: &str) -> Self {
        let files: Vec<Parsed<'p>> = project
            .files(lang)
            .iter()
            .map(|file| Parsed {
                file,
                facts: ftl::parse(&file.text),
                article: project.is_article_file(&file.name),
            })
            .collect();
        let by_name = files
            .iter()
            .enumerate()
            .map(|(i, p)| (p.file.name.as_str(), i))
            .collect();
        Language {
            lang: lang.to_owned(),
            files,
            by_name,
        }
    }

    pub fn file(&self, name: &str) -> Option<&Parsed<'p>> {
        self.by_name.get(name).map(|&i| &self.files[i])
    }

    /// The files shared by every article of this language.
    pub fn shared(&self) -> impl Iterator<Item = &Parsed<'p>> {
        self.files.iter().filter(|p| !p.article)
    }

    /// The files that make up the bundle a file's messages are formatted in: an article file
    /// with the shared files, or the shared files alone.
    pub fn bundle_of<'a>(&'a self, file: &'a Parsed<'p>) -> Vec<&'a Parsed<'p>> {
        let mut files: Vec<_> = self.shared().collect();
        if file.article {
            files.insert(0, file);
        }
        files
    }
}

/// Run every check on the project.
pub fn check(project: &Project) -> Report {
    let source = Language::parse(project, &project.config.source);
    let targets: Vec<_> = project
        .targets()
        .iter()
        .map(|lang| Language::parse(project, lang))
        .collect();

    let mut diagnostics = Vec::new();
    for language in std::iter::once(&source).chain(&targets) {
        file_checks(language, &mut diagnostics);
        bundle::check(language, &mut diagnostics);
        format::check(project, language, &mut diagnostics);
    }
    bundle::check_sources(project, &source, &mut diagnostics);
    let mut locales = std::collections::BTreeMap::new();
    let mut files = std::collections::BTreeMap::new();
    for target in &targets {
        let by_file = compare::check(project, &source, target, &mut diagnostics);
        let mut total = Counts::default();
        for counts in by_file.values() {
            total.add(counts);
        }
        locales.insert(target.lang.clone(), total);
        files.insert(target.lang.clone(), by_file);
    }

    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code, &a.id, &a.attribute).cmp(&(
            &b.file,
            b.line,
            b.column,
            b.code,
            &b.id,
            &b.attribute,
        ))
    });
    diagnostics.dedup();
    Report {
        source: project.config.source.clone(),
        diagnostics,
        locales,
        files,
    }
}

/// Checks that need one file only: syntax errors and attributes defined twice.
fn file_checks(language: &Language, out: &mut Vec<Diagnostic>) {
    for parsed in &language.files {
        let path = &parsed.file.path;
        for entry in &parsed.facts.entries {
            for pattern in &entry.patterns {
                let rejected = crate::markup::rejected_tags(&pattern.visible);
                if rejected.is_empty() {
                    continue;
                }
                let mut d = Diagnostic::new(
                    Code::UnsupportedMarkup,
                    &language.lang,
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
                Diagnostic::new(Code::SyntaxError, &language.lang, path, e.message.clone())
                    .at(e.line, Some(e.column))
                    .help(
                        "fix the Fluent syntax; the whole entry is ignored until it parses".into(),
                    ),
            );
        }
        for entry in &parsed.facts.entries {
            let mut seen = std::collections::BTreeSet::new();
            for (name, line) in &entry.attributes {
                if !seen.insert(name) {
                    out.push(
                        Diagnostic::new(
                            Code::DuplicateAttribute,
                            &language.lang,
                            path,
                            format!("attribute `.{name}` is defined twice in `{}`", entry.id),
                        )
                        .at(*line, Some(ftl::indent_column(&parsed.file.text, *line)))
                        .id(&entry.id)
                        .attribute(name)
                        .help("keep one of the two definitions".into()),
                    );
                }
            }
        }
    }
}
