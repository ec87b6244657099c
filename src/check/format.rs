//! `format-error`: every message of every article, formatted for real with that article's
//! arguments in every language, exactly as `build` will format it.

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};

use super::expansion::{Sizes, MAX_FORMATTED_BYTES};
use super::run::{Language, Parsed};
use super::{Code, Diagnostic, Severity};
use crate::config::Bundles;
use crate::intl::{self, Bundle};
use crate::project::Project;

pub(super) fn format_every_message(
    project: &Project,
    language: &Language,
    out: &mut Vec<Diagnostic>,
) {
    let lang = language.lang;
    let locale = project.config.format_locale(lang);
    let shared: Vec<&Parsed> = language.shared().collect();
    let resources_with = |own: Option<&Parsed>| {
        let files = own.into_iter().chain(shared.iter().copied());
        files
            .map(|p| p.resource.clone())
            .collect::<Vec<Arc<FluentResource>>>()
    };

    let errors = Errors {
        lang,
        functions: &project.config.functions,
        site: project.site,
    };
    let Some(article) = language.article else {
        // With articles, shared files are formatted in each article's run, with its arguments.
        if project.articles.is_empty() {
            // A plain Fluent project: no arguments are known, so only non-variable errors count.
            let sizes = Sizes::new(resources_with(None), 0);
            let whole = errors.bundle(locale, resources_with(None));
            let mut defined = std::collections::HashSet::new();
            for parsed in &shared {
                // One bundle per file: a file that defines an id an earlier file defines too
                // (which the whole bundle takes from the earlier one) is formatted with its
                // own definitions first.
                let ids = || parsed.facts.entries.iter().map(|e| e.id.as_str());
                let shadowed =
                    language.bundles == Bundles::File && ids().any(|id| defined.contains(id));
                defined.extend(ids());
                let alone;
                let bundle = if shadowed {
                    alone = errors.bundle(locale, resources_with(Some(parsed)));
                    &alone
                } else {
                    &whole
                };
                format_file(bundle, &sizes, &errors, parsed, &|_| None, false, out);
            }
        }
        return;
    };
    let own = language.own();
    let bundle = errors.bundle(locale, resources_with(own));
    let longest_arg = article.all_args().values().fold(0, |n, a| match a {
        crate::content::Arg::String(s) => n.max(s.len() as u64),
        _ => n,
    });
    let sizes = Sizes::new(resources_with(own), longest_arg);
    let clock = intl::Clock::default();
    let all = intl::fluent_args(&article.all_args(), &clock);
    // The headline and the standfirst are formatted with their own arguments alone, as the
    // editions format them: a variable only a block passes is unknown there.
    let named = [
        (article.title.as_str(), &article.title_args),
        (article.lede.as_str(), &article.lede_args),
    ];
    let by_key: BTreeMap<&str, FluentArgs> = named
        .into_iter()
        .chain(article.messages())
        .map(|(id, args)| {
            let mut a = intl::fluent_args(args, &clock);
            a.set(
                "date",
                all.get("date").cloned().unwrap_or_else(|| "".into()),
            );
            (id, a)
        })
        .collect();
    let args_of = |id: &str| Some(by_key.get(id).unwrap_or(&all));
    for parsed in own.into_iter().chain(shared.iter().copied()) {
        format_file(&bundle, &sizes, &errors, parsed, &args_of, true, out);
    }
}

/// How formatting errors are judged: the functions the application declares, and whether
/// the project is a gazette site (whose editions gazette formats itself).
struct Errors<'a> {
    lang: &'a str,
    functions: &'a [String],
    site: bool,
}

impl Errors<'_> {
    /// A bundle with the declared functions: opaque, each gives back its first argument.
    fn bundle(
        &self,
        locale: &str,
        resources: impl IntoIterator<Item = Arc<FluentResource>>,
    ) -> Bundle {
        let mut bundle = intl::bundle(locale, resources);
        for name in self.functions {
            let _ = bundle.add_function(name, |positional, _named| {
                positional.first().cloned().unwrap_or(FluentValue::None)
            });
        }
        bundle
    }

    /// The `format-error` of an error Fluent reported formatting `what` (`id` or `id.attr`).
    fn diagnostic(
        &self,
        path: &std::path::Path,
        entry: &crate::ftl::Entry,
        what: &str,
        error: &FluentError,
    ) -> Diagnostic {
        let d = Diagnostic::new(
            Code::FormatError,
            self.lang,
            path,
            format!("formatting `{what}` failed: {error}"),
        )
        .at_entry(entry);
        match error {
            FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Function {
                id,
            })) => self.unknown_function(what, id, d),
            FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                ..
            })) => d.help("use only the variables the article passes to this message: a block's `args`, the headline's `title_args`, the standfirst's `lede_args`".to_owned()),
            _ => d.help("fix the message so Fluent can format it".to_owned()),
        }
    }

    /// A call to a function nobody declared: an error in a gazette site, which would publish
    /// it broken, a warning elsewhere (the application may register it).
    fn unknown_function(&self, what: &str, id: &str, d: Diagnostic) -> Diagnostic {
        let mut d = Diagnostic {
            message: format!("`{what}` calls `{id}()`, a function gazette does not know"),
            ..d
        }
        .help(format!(
            "if the application registers `{id}`, declare it in gazette.toml: `functions = [\"{id}\"]`"
        ));
        if !self.site {
            d.severity = Severity::Warning;
        }
        d
    }
}

fn format_file<'a>(
    bundle: &Bundle,
    sizes: &Sizes,
    judge: &Errors,
    parsed: &Parsed,
    args_of: &dyn Fn(&str) -> Option<&'a FluentArgs<'a>>,
    variables_known: bool,
    out: &mut Vec<Diagnostic>,
) {
    let lang = judge.lang;
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
            let what = match attribute {
                Some(a) => format!("{}.{a}", entry.id),
                None => entry.id.clone(),
            };
            let size = sizes.of(&entry.id, attribute);
            if size > MAX_FORMATTED_BYTES {
                // Formatting it would take memory and time by the gigabyte: judged unread.
                let mut d = Diagnostic::new(
                    Code::FormatError,
                    lang,
                    &parsed.file.path,
                    format!(
                        "`{what}` would format to more than {} MiB through its references; gazette does not format it",
                        MAX_FORMATTED_BYTES >> 20
                    ),
                )
                .at_entry(entry)
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
                if reportable(&error, variables_known) {
                    let d = judge.diagnostic(&parsed.file.path, entry, &what, &error);
                    out.push(match attribute {
                        Some(a) => d.attribute(a),
                        None => d,
                    });
                }
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
