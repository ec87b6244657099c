//! Reuse or redo: the one rule by which the build and the cached `check` take an article's
//! results from the last build or work them out again.

use std::borrow::Cow;

use super::cache::{self, Unit};
use crate::check::refusals::related_articles_exist;
use crate::check::{Checker, Findings, Own};
use crate::content::Article;
use crate::error::Result;
use crate::fingerprint::Fingerprint;
use crate::plan::media::Shown;
use crate::project::{ArticleFile, Project};

/// The previous build's unit of an article, if the article's inputs are those it was made of
/// (as the files' fingerprints or stamps tell when the project was loaded).
pub fn reuse(project: &Project, article: &ArticleFile, unit: Option<Unit>) -> Option<Unit> {
    let name = format!("{}.ftl", article.slug);
    let fingerprint = cache::article(
        project,
        &article.slug,
        article.fingerprint,
        |lang| project.file(lang, &name).map(|f| f.fingerprint),
        |lang| project.shard(lang, &name).map(|s| s.fingerprint),
    );
    unit.filter(|u| u.fingerprint == fingerprint).filter(|u| {
        // Its `missing-asset` findings hold while the same files are there, and its links
        // while the articles they name are.
        u.assets
            .iter()
            .all(|(path, seen)| (*seen != Shown::Absent) == project.statics.contains_key(path))
            && u.links.iter().all(|l| is_article(project, &l.slug))
    })
}

fn is_article(project: &Project, slug: &str) -> bool {
    project.article_by_slug(slug).is_some()
}

/// An article checked again: its files and its shards of records read once, and the
/// fingerprint of exactly what was read (a file saved during the build is recorded as what
/// the build used, never as what loading saw).
pub struct Redone<'a> {
    pub article: Cow<'a, Article>,
    pub findings: Findings,
    pub own: Own,
    pub fingerprint: Fingerprint,
}

pub fn redo<'a>(project: &Project, checker: &Checker, file: &'a ArticleFile) -> Result<Redone<'a>> {
    let (article, content) = project.article(file)?;
    related_articles_exist(project, &article)?;
    let records = project.article_records(&file.slug)?;
    let (findings, own) = checker.article(&article, &records)?;
    let fingerprint = cache::article(
        project,
        &file.slug,
        content,
        |lang| own.fingerprints.get(lang).copied(),
        |lang| records.fingerprint(lang),
    );
    Ok(Redone {
        article,
        findings,
        own,
        fingerprint,
    })
}
