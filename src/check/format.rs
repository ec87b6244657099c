//! `format-error`: every message of every article, formatted for real with that article's
//! arguments in every language, exactly as `build` will format it.

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentArgs, FluentError, FluentResource};

use super::expansion::{Sizes, MAX_FORMATTED_BYTES};
use super::{Code, Diagnostic, Language, Parsed};
use crate::intl::{self, Bundle};
use crate::project::Project;

pub(super) fn check(project: &Project, language: &Language, out: &mut Vec<Diagnostic>) {
    let lang = language.lang;
    let locale = project.config.format_locale(lang);
    let shared: Vec<&Parsed> = language.shared().collect();
    let resources_with = |own: Option<&Parsed>| {
        let files = own.into_iter().chain(shared.iter().copied());
        files
            .map(|p| p.resource.clone())
            .collect::<Vec<Arc<FluentResource>>>()
    };

    let Some(article) = language.article else {
        // With articles, shared files are formatted in each article's run, with its arguments.
        if project.articles.is_empty() {
            // A plain Fluent project: no arguments are known, so only non-variable errors count.
            let bundle = intl::bundle(locale, resources_with(None));
            let sizes = Sizes::new(resources_with(None), 0);
            for parsed in &shared {
                format_file(&bundle, &sizes, lang, parsed, &|_| None, false, out);
            }
        }
        return;
    };
    let own = language.own();
    let bundle = intl::bundle(locale, resources_with(own));
    let longest_arg = article.all_args().values().fold(0, |n, a| match a {
        crate::content::Arg::String(s) => n.max(s.len() as u64),
        _ => n,
    });
    let sizes = Sizes::new(resources_with(own), longest_arg);
    let all = intl::fluent_args(&article.all_args());
    let by_key: BTreeMap<&str, FluentArgs> = article
        .messages()
        .into_iter()
        .map(|(id, args)| {
            let mut a = intl::fluent_args(args);
            a.set(
                "date",
                all.get("date").cloned().unwrap_or_else(|| "".into()),
            );
            (id, a)
        })
        .collect();
    let args_of = |id: &str| Some(by_key.get(id).unwrap_or(&all));
    for parsed in own.into_iter().chain(shared.iter().copied()) {
        format_file(&bundle, &sizes, lang, parsed, &args_of, true, out);
    }
}

fn format_file<'a>(
    bundle: &Bundle,
    sizes: &Sizes,
    lang: &str,
    parsed: &Parsed,
    args_of: &dyn Fn(&str) -> Option<&'a FluentArgs<'a>>,
    variables_known: bool,
    out: &mut Vec<Diagnostic>,
) {
    for entry in &parsed.facts.entries {
        // Terms are formatted where messages use them.
        let Some(message) = bundle.get_message(&entry.id) else {
            continue;
        };
        let args = args_of(&entry.id);
        let patterns = message
            .value()
            .map(|v| (None, v))
            .into_iter()
            .chain(message.attributes().map(|a| (Some(a.id()), a.value())));
        for (attribute, pattern) in patterns {
            let size = sizes.of(&entry.id, attribute);
            if size > MAX_FORMATTED_BYTES {
                // Formatting it would take memory and time by the gigabyte: judged unread.
                let mut d = Diagnostic::new(
                    Code::FormatError,
                    lang,
                    &parsed.file.path,
                    format!(
                        "`{}` would format to more than {} MiB through its references; gazette does not format it",
                        match attribute {
                            Some(a) => format!("{}.{a}", entry.id),
                            None => entry.id.clone(),
                        },
                        MAX_FORMATTED_BYTES >> 20
                    ),
                )
                .at(entry.line, Some(entry.column))
                .id(&entry.id)
                .help("reference fewer or shorter messages".to_owned());
                if let Some(a) = attribute {
                    d = d.attribute(a);
                }
                out.push(d);
                continue;
            }
            let mut errors = Vec::new();
            bundle.format_pattern(pattern, args, &mut errors);
            for error in errors {
                if !reportable(&error, variables_known) {
                    continue;
                }
                let mut d = Diagnostic::new(
                    Code::FormatError,
                    lang,
                    &parsed.file.path,
                    format!(
                        "formatting `{}` failed: {error}",
                        match attribute {
                            Some(a) => format!("{}.{a}", entry.id),
                            None => entry.id.clone(),
                        }
                    ),
                )
                .at(entry.line, Some(entry.column))
                .id(&entry.id)
                .help(match &error {
                    FluentError::ResolverError(ResolverError::Reference(
                        ReferenceKind::Variable { .. },
                    )) => "use only the variables the article passes (see its `args`)".to_owned(),
                    _ => "fix the message so Fluent can format it".to_owned(),
                });
                if let Some(a) = attribute {
                    d = d.attribute(a);
                }
                out.push(d);
            }
        }
    }
}

/// Errors that no other code already reports.
fn reportable(error: &FluentError, variables_known: bool) -> bool {
    match error {
        FluentError::ResolverError(ResolverError::Reference(kind)) => match kind {
            ReferenceKind::Message { .. } | ReferenceKind::Term { .. } => false,
            ReferenceKind::Variable { .. } => variables_known,
            ReferenceKind::Function { .. } => true,
        },
        // A reference to a message without value: `unresolved-reference` says so.
        FluentError::ResolverError(ResolverError::NoValue(_)) => false,
        _ => true,
    }
}
