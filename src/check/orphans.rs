//! Language files an article left behind: a gazette site's `<slug>.ftl` whose
//! `content/<slug>.toml` was deleted. Read as shared strings, its messages would join every
//! article's bundle (a `duplicate-message` for each `title`, a `format-error` for each
//! argument no longer given); it is set apart and reported as what it is instead.
//!
//! How one is told from a genuine shared file (`site.ftl`, `terms.ftl`) without the content
//! file: it has the headline every article has, a `title` message (`gazette new` starts each
//! article with one; a shared file cannot have it, as it would be a `duplicate-message` in
//! every article's bundle), while a shared file is there for the templates (which name its
//! messages as `ui.<id>`), for the other shared files (which reference its messages) or for its
//! terms (which any message may use). A file of the source language with no content file, a
//! `title`, no term, and no message that a template names or another shared file references
//! is an article's; the files of the same name in the targets are its translations. Setting
//! apart such a file changes no page: nothing shown uses its messages.

use std::collections::BTreeSet;

use super::bundle::template_ids;
use super::run::Parsed;
use super::{Code, Diagnostic};
use crate::project::Project;

/// The message of an article's headline, as `gazette new` writes it.
const HEADLINE: &str = "title";

/// The names (`welcome.ftl`) of the source language's files that are an article's left behind.
pub(super) fn find(project: &Project, source: &[Parsed]) -> BTreeSet<String> {
    if !project.site {
        return BTreeSet::new();
    }
    let named: BTreeSet<String> = project
        .templates
        .values()
        .flat_map(|t| template_ids(&t.text))
        .map(|(id, _)| id)
        .collect();
    source
        .iter()
        .filter(|p| {
            let slug = p.file.name.strip_suffix(".ftl").unwrap_or_default();
            let used = |id: &str| {
                named.contains(id)
                    || source.iter().any(|other| {
                        other.file.name != p.file.name
                            && other
                                .facts
                                .entries
                                .iter()
                                .any(|e| e.references.contains(id))
                    })
            };
            crate::content::is_valid_slug(slug)
                && p.facts.get(HEADLINE).is_some()
                && p.facts
                    .entries
                    .iter()
                    .all(|e| !e.id.starts_with('-') && !used(&e.id))
        })
        .map(|p| p.file.name.clone())
        .collect()
}

/// `orphaned-article`: one per file left behind, in every language.
pub(super) fn report(project: &Project, lang: &str, files: &[Parsed], out: &mut Vec<Diagnostic>) {
    for p in files {
        let slug = p.file.name.trim_end_matches(".ftl");
        let content = project.config.content.join(format!("{slug}.toml"));
        out.push(
            Diagnostic::new(
                Code::OrphanedArticle,
                lang,
                &p.file.path,
                format!(
                    "`{}` has no `{}`: it is left from a deleted article (nothing else uses its messages), and is not published",
                    p.file.name,
                    super::diagnostic::slash_path(&content)
                ),
            )
            .at(1, None)
            .help(format!(
                "remove it in every language with `gazette rm {slug}`, or restore {}",
                super::diagnostic::slash_path(&content)
            )),
        );
    }
}
