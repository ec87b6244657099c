//! One run of the checks: the parsed files it reads of a language, and what it found.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use serde::{Deserialize, Serialize};

use super::diagnostic::{Counts, Diagnostic};
use crate::config::Bundles;
use crate::content::Article;
use crate::error::Result;
use crate::ftl::{self, FileFacts};
use crate::project::{FtlFile, Project};
use crate::records::ReviewRecords;

/// One parsed `.ftl` file: its facts for the checks, its resource for formatting.
pub(crate) struct Parsed<'p> {
    pub file: &'p FtlFile,
    pub text: Cow<'p, str>,
    pub facts: FileFacts,
    pub resource: Arc<FluentResource>,
    /// The file is an article's own (`<slug>.ftl`), not shared by every article.
    pub article: bool,
}

impl<'p> Parsed<'p> {
    pub(super) fn new(project: &Project, file: &'p FtlFile, article: bool) -> Result<Self> {
        let text = project.text_of(file)?;
        Ok(Parsed {
            file,
            facts: ftl::parse(&text),
            resource: crate::intl::resource(&text),
            text,
            article,
        })
    }
}

/// What one run of the checks sees of a language. The project is checked in independent
/// runs: one for the shared files, then one per article (its own file with the shared files
/// as context), so articles are checked in parallel, never all held in memory, and an
/// article's findings can be kept from one build to the next.
pub(crate) struct Language<'a, 'p> {
    pub lang: &'a str,
    pub(super) shared: &'a [Parsed<'p>],
    pub(super) own: Option<&'a Parsed<'p>>,
    /// The article of this run; `None` in the shared files' run.
    pub article: Option<&'a Article>,
    /// The records of the files this run reports on.
    pub records: &'a ReviewRecords,
    /// Which of the language's files form one bundle.
    pub bundles: Bundles,
}

impl<'a, 'p> Language<'a, 'p> {
    /// The files this run reports on: the article's own file, or the shared files.
    pub fn reported(&self) -> Vec<&'a Parsed<'p>> {
        match self.article {
            Some(_) => self.own.into_iter().collect(),
            None => self.shared.iter().collect(),
        }
    }

    pub fn file(&self, name: &str) -> Option<&'a Parsed<'p>> {
        self.own
            .filter(|p| p.file.name == name)
            .or_else(|| self.shared.iter().find(|p| p.file.name == name))
    }

    /// The article's own file, in an article's run.
    pub fn own(&self) -> Option<&'a Parsed<'p>> {
        self.own
    }

    /// The files shared by every article of this language.
    pub fn shared(&self) -> impl Iterator<Item = &'a Parsed<'p>> {
        self.shared.iter()
    }

    /// The files that make up the bundle a file's messages are formatted in: an article file
    /// with the shared files, or the shared files alone.
    pub fn bundle_of(&self, file: &'a Parsed<'p>) -> Vec<&'a Parsed<'p>> {
        let mut files: Vec<_> = self.shared().collect();
        if file.article {
            files.insert(0, file);
        }
        files
    }
}

/// What one run found: diagnostics, and the coverage of the files it reported on
/// (target language -> target file -> counts). Kept by `build` from one run to the next.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Findings {
    pub diagnostics: Vec<Diagnostic>,
    pub files: BTreeMap<String, BTreeMap<String, Counts>>,
    /// The links into the site it found, judged once every run is known (`links`).
    pub links: Vec<SiteLink>,
    /// The pages of the site its article (or, for the shared run, the site itself) publishes.
    pub pages: Vec<String>,
}

/// A link into the site, where it is written: resolved by `links::resolve`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteLink {
    /// The path in the site it names, percent-decoded, without `#fragment` or `?query`
    /// (`fr/coalition-des-volontaires.html`; empty for the site's root).
    pub path: String,
    /// The finding, should no page answer.
    pub finding: Diagnostic,
}
