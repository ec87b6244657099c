//! `gazette check` and `gazette status`: the findings and coverage of the languages `--lang`
//! names, with the build cache's findings of unchanged articles.

use crate::check::Report;
use crate::error::Result;
use crate::incremental::check_with_cache;
use crate::ops::build::languages;
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
