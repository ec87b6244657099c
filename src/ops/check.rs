//! `gazette check` and `gazette status`: the findings and coverage of the languages `--lang`
//! names, with the build cache's findings of unchanged articles.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::languages;
use crate::check::{Checker, Findings, Report};
use crate::error::Result;
use crate::incremental::cache::{self, Unit};
use crate::incremental::reuse::{redo, reuse};
use crate::project::Project;

/// `check` and `status` of the languages `--lang` names: their findings and coverage, and
/// the source language's findings, which every language is made from.
pub fn check_languages(project: &Project, wanted: Option<&[String]>) -> Result<Report> {
    let langs = languages(project, wanted)?;
    let mut report = check_with_cache(project)?;
    if wanted.is_some() {
        let source = &project.config.source;
        let kept = |lang: &String| lang == source || langs.contains(lang);
        report.diagnostics.retain(|d| kept(&d.locale));
        report.locales.retain(|lang, _| kept(lang));
        report.files.retain(|lang, _| kept(lang));
    }
    Ok(report)
}

/// `check` with the build cache: the findings of articles whose inputs did not change since
/// the last build of the project's `out/` are taken from it (the rule the build follows).
pub fn check_with_cache(project: &Project) -> Result<Report> {
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
    Ok(checker.assemble(std::iter::once(checker.shared()).chain(articles).collect()))
}
