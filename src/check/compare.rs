//! Each target file against the source file at the same path in its language folder: what is
//! missing, what is obsolete, and whether attributes and variables agree.

use super::{Code, Counts, Diagnostic, Language};
use crate::ftl::Entry;
use crate::project::Project;

/// Compare one target language with the source; returns its coverage.
pub(super) fn check(
    project: &Project,
    source: &Language,
    target: &Language,
    out: &mut Vec<Diagnostic>,
) -> Counts {
    let lang = target.lang.as_str();
    let mut counts = Counts::default();
    for src in &source.files {
        let path = project.ftl_path(lang, &src.file.name);
        let tgt = target.file(&src.file.name);
        for entry in &src.facts.entries {
            counts.messages += 1;
            let Some(tgt) = tgt else {
                counts.missing += 1;
                out.push(missing(lang, &path, entry, true));
                continue;
            };
            match tgt.facts.get(&entry.id) {
                Some(t) => {
                    counts.translated += 1;
                    compare_entry(lang, &path, entry, t, out);
                }
                None => {
                    counts.missing += 1;
                    // An id inside junk already has its syntax-error.
                    if !tgt.facts.junk_ids.contains(&entry.id) {
                        out.push(missing(lang, &path, entry, false));
                    }
                }
            }
        }
    }
    for tgt in &target.files {
        let src = source.file(&tgt.file.name);
        for entry in &tgt.facts.entries {
            let known = src.is_some_and(|s| {
                s.facts.get(&entry.id).is_some() || s.facts.junk_ids.contains(&entry.id)
            });
            if !known {
                counts.obsolete += 1;
                let why = match src {
                    Some(_) => "the source no longer has it".to_owned(),
                    None => format!(
                        "there is no source file {}",
                        super::diagnostic::slash_path(
                            &project.ftl_path(&source.lang, &tgt.file.name)
                        )
                    ),
                };
                out.push(
                    Diagnostic::new(
                        Code::ObsoleteMessage,
                        lang,
                        &tgt.file.path,
                        format!("`{}` is obsolete: {why}", entry.id),
                    )
                    .at(entry.line, Some(entry.column))
                    .id(&entry.id)
                    .help(format!(
                        "delete `{}` from this file, or rename it to the source's new id",
                        entry.id
                    )),
                );
            }
        }
    }
    counts
}

fn missing(lang: &str, path: &std::path::Path, entry: &Entry, no_file: bool) -> Diagnostic {
    let message = if no_file {
        format!("`{}` is not translated: the file does not exist", entry.id)
    } else {
        format!("`{}` is not translated", entry.id)
    };
    Diagnostic::new(Code::MissingMessage, lang, path, message)
        .id(&entry.id)
        .help(format!(
            "run `gazette sync {lang}` to add a stub, then translate it"
        ))
}

/// Attributes, value and variables of one message present on both sides.
fn compare_entry(
    lang: &str,
    path: &std::path::Path,
    src: &Entry,
    tgt: &Entry,
    out: &mut Vec<Diagnostic>,
) {
    let at = |code: Code, message: String, line: usize| {
        Diagnostic::new(code, lang, path, message)
            .at(line, Some(if line == tgt.line { tgt.column } else { 1 }))
            .id(&tgt.id)
    };
    if src.has_value && !tgt.has_value {
        out.push(
            at(
                Code::MissingValue,
                format!(
                    "`{}` has attributes but no value; the source has a value",
                    tgt.id
                ),
                tgt.line,
            )
            .help("translate the message's value on the line of its id".into()),
        );
    }
    for (name, _) in &src.attributes {
        if !tgt.attributes.iter().any(|(n, _)| n == name) {
            out.push(
                at(
                    Code::MissingAttribute,
                    format!("`{}` lacks the attribute `.{name}`", tgt.id),
                    tgt.line,
                )
                .attribute(name)
                .help(format!("add `.{name} = …` under `{}`", tgt.id)),
            );
        }
    }
    for (name, line) in &tgt.attributes {
        if !src.attributes.iter().any(|(n, _)| n == name) {
            out.push(
                at(
                    Code::ObsoleteAttribute,
                    format!(
                        "`{}` has an attribute `.{name}` that the source lacks",
                        tgt.id
                    ),
                    *line,
                )
                .attribute(name)
                .help(format!(
                    "delete `.{name}`, or rename it to the source's attribute"
                )),
            );
        }
    }
    for var in tgt.variables.difference(&src.variables) {
        out.push(
            at(
                Code::UnknownVariable,
                format!(
                    "`{}` uses `${var}`, which the source message never uses",
                    tgt.id
                ),
                tgt.line,
            )
            .help(format!(
                "use only the source's variables ({})",
                list_vars(src)
            )),
        );
    }
    for var in src.variables.difference(&tgt.variables) {
        out.push(
            at(Code::DroppedVariable, format!("`{}` omits `${var}`, which the source uses", tgt.id), tgt.line)
                .help(format!("place `{{ ${var} }}` in the translation, unless the language truly has no use for it")),
        );
    }
}

fn list_vars(entry: &Entry) -> String {
    if entry.variables.is_empty() {
        return "none".into();
    }
    entry
        .variables
        .iter()
        .map(|v| format!("${v}"))
        .collect::<Vec<_>>()
        .join(", ")
}
