//! Checks on what one language's bundles hold together: ids defined twice, references to
//! nothing, and ids that articles or templates name but the source language lacks.

use std::collections::BTreeMap;

use super::run::{Language, Parsed};
use super::{Code, Diagnostic};
use crate::config::Bundles;
use crate::ftl::Entry;
use crate::project::Project;

/// `duplicate-message` and `unresolved-reference` in one language.
pub(super) fn duplicates_and_references(language: &Language, out: &mut Vec<Diagnostic>) {
    // Shared files form one bundle with every article: an id defined twice among them is a
    // duplicate once, reported where it is defined the second time.
    // The shared files' run reports those; an article's run only needs what they define.
    // With one bundle per file (`bundles = "file"`), an id only clashes within its file.
    if language.bundles == Bundles::File {
        for parsed in language.reported() {
            duplicates(language, parsed, &mut BTreeMap::new(), out);
        }
    } else {
        let mut seen = BTreeMap::new();
        let mut shared_out = Vec::new();
        for parsed in language.shared() {
            duplicates(language, parsed, &mut seen, &mut shared_out);
        }
        match language.own() {
            Some(own) if language.article.is_some() => duplicates(language, own, &mut seen, out),
            _ if language.article.is_none() => out.append(&mut shared_out),
            _ => {}
        }
    }
    for parsed in language.reported() {
        let bundle = language.bundle_of(parsed);
        for entry in &parsed.facts.entries {
            for reference in &entry.references {
                if !resolves(&bundle, reference) {
                    out.push(
                        Diagnostic::new(
                            Code::UnresolvedReference,
                            language.lang,
                            &parsed.file.path,
                            format!("`{}` references `{reference}`, which does not exist", entry.id),
                        )
                        .at_entry(entry)
                        .help(format!(
                            "define `{reference}` in this file or a shared file of `{}`, or remove the reference",
                            language.lang
                        )),
                    );
                }
            }
        }
    }
}

fn duplicates<'a>(
    language: &Language,
    parsed: &'a Parsed,
    seen: &mut BTreeMap<&'a str, (String, usize)>,
    out: &mut Vec<Diagnostic>,
) {
    for entry in &parsed.facts.entries {
        let here = (parsed.file.name.clone(), entry.line);
        if let Some((file, line)) = seen.get(entry.id.as_str()) {
            out.push(
                Diagnostic::new(
                    Code::DuplicateMessage,
                    language.lang,
                    &parsed.file.path,
                    format!(
                        "`{}` is already defined in {}/{file} at line {line}",
                        entry.id, language.lang
                    ),
                )
                .at_entry(entry)
                .help("rename or remove one of the two definitions".into()),
            );
        } else {
            seen.insert(entry.id.as_str(), here);
        }
    }
}

/// Does `id` or `id.attr` exist in the files of a bundle?
fn resolves(bundle: &[&Parsed], reference: &str) -> bool {
    let (id, attribute) = match reference.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (reference, None),
    };
    bundle.iter().any(|p| {
        p.facts.get(id).is_some_and(|e: &Entry| match attribute {
            None => e.has_value || id.starts_with('-'),
            Some(a) => e.attributes.iter().any(|(name, _)| name == a),
        })
    })
}

/// `missing-source-message`: ids named by articles or templates that the source lacks.
pub(super) fn check_sources(project: &Project, source: &Language, out: &mut Vec<Diagnostic>) {
    let lang = &source.lang;
    let shared: Vec<&Parsed> = source.shared().collect();
    let defined = |file: Option<&Parsed>, id: &str| {
        file.into_iter()
            .chain(shared.iter().copied())
            .any(|p| p.facts.get(id).is_some())
    };
    if let Some(article) = source.article {
        let own = source.own();
        let mut ids: Vec<&str> = vec![article.title.as_str()];
        if article.lede_required {
            ids.push(&article.lede);
        }
        ids.extend(article.messages().into_iter().map(|(id, _)| id));
        if let Some(section) = &article.section {
            missing_section(lang, article, section, &defined, out);
        }
        for id in ids {
            // An id inside junk already has its `syntax-error`.
            let in_junk = own.is_some_and(|p| p.facts.junk_ids.contains(id));
            if !defined(own, id) && !in_junk {
                let mut d = Diagnostic::new(
                    Code::MissingSourceMessage,
                    lang,
                    &article.path,
                    format!(
                        "`{id}` is named by the article but not defined in {}",
                        crate::check::diagnostic::slash_path(
                            &project.ftl_path(lang, &format!("{}.ftl", article.slug))
                        )
                    ),
                )
                .id(id)
                .help(missing_id_help(id, lang, own));
                if let Some(line) = article.key_lines.get(id) {
                    d = d.at(*line, None);
                }
                out.push(d);
            }
        }
    }
    // Templates are only rendered for articles: a plain Fluent project needs no site strings.
    let templates = project
        .templates
        .values()
        .filter(|_| source.article.is_none() && !project.articles.is_empty());
    for template in templates {
        for (id, line) in template_ids(&template.text) {
            if !defined(None, &id) {
                out.push(
                    Diagnostic::new(
                        Code::MissingSourceMessage,
                        lang,
                        &template.path,
                        format!("the template uses `ui.{id}`, which no shared {lang} file defines"),
                    )
                    .at(line, None)
                    .id(&id)
                    .help(format!("add `{id}` to locales/{lang}/site.ftl")),
                );
            }
        }
    }
    if source.article.is_none() && !project.articles.is_empty() {
        missing_footer_labels(project, lang, &defined, out);
    }
}

/// `missing-source-message`: a footer link of `gazette.toml` is labelled by a site string,
/// which the source's shared files must define.
fn missing_footer_labels(
    project: &Project,
    lang: &str,
    defined: &dyn Fn(Option<&Parsed>, &str) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let footer = project.config.footer_links.iter();
    for link in footer.filter(|l| !defined(None, &l.key)) {
        let config = std::path::Path::new(crate::config::CONFIG_FILE);
        out.push(
            Diagnostic::new(
                Code::MissingSourceMessage,
                lang,
                config,
                format!(
                    "footer.links: `{}` labels a footer link, but no shared {lang} file defines it",
                    link.key
                ),
            )
            .id(&link.key)
            .help(format!(
                "add `{}` (the link's label) to locales/{lang}/site.ftl",
                link.key
            )),
        );
    }
}

/// What to do about an id the article names and its file lacks: the id meant when one of the
/// file's is near (`inro` for `intro`), else add it.
fn missing_id_help(id: &str, lang: &str, own: Option<&Parsed>) -> String {
    let ids = own
        .into_iter()
        .flat_map(|p| p.facts.entries.iter().map(|e| e.id.as_str()));
    match crate::guard::nearest(id, ids, 0.85) {
        Some(meant) => format!("did you mean `{meant}`? (or add `{id}` to the {lang} file)"),
        None => format!("add `{id}` to the {lang} file, or fix the id in the article"),
    }
}

/// `missing-source-message`: an article's section is named by its `section-<id>` site
/// string, which the source's shared files must define.
fn missing_section(
    lang: &str,
    article: &crate::content::Article,
    section: &str,
    defined: &dyn Fn(Option<&Parsed>, &str) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let id = format!("section-{section}");
    if defined(None, &id) {
        return;
    }
    let mut d = Diagnostic::new(
        Code::MissingSourceMessage,
        lang,
        &article.path,
        format!("section `{section}` has no site string: no shared {lang} file defines `{id}`"),
    )
    .id(&id)
    .help(format!(
        "add `{id}` (the section's name) to locales/{lang}/site.ftl"
    ));
    if let Some(line) = article.key_lines.get(&id) {
        d = d.at(*line, None);
    }
    out.push(d);
}

/// Interface strings a template names as `ui.<id>`, with their lines.
pub(crate) fn template_ids(text: &str) -> Vec<(String, usize)> {
    let mut ids = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("ui.") {
            let before = rest[..i].chars().next_back();
            rest = &rest[i + 3..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.') {
                continue;
            }
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !id.is_empty() {
                ids.push((id, n + 1));
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    #[test]
    fn template_ids_are_found_with_lines() {
        let ids = super::template_ids(
            "<p>{{ui.site-name}}</p>\n{{#if x}}{{ ui.home }} {{menu.ui.x}}{{/if}}",
        );
        assert_eq!(ids, [("site-name".into(), 1), ("home".into(), 2)]);
    }
}
