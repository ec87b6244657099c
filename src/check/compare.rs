//! Each target file against the source file at the same path in its language folder: what is
//! missing, what is obsolete or stale, whether attributes and variables agree, and (through
//! `quality`) whether the translation reads like one.

use std::collections::{BTreeMap, BTreeSet};

use super::diagnostic::slash_path;
use super::run::{Language, Parsed};
use super::{quality, Code, Counts, Diagnostic};
use crate::ftl::Entry;
use crate::project::Project;
use crate::records::ReviewRecords;

/// Compare one target language with the source; returns its coverage per target file
/// (relative path as diagnostics print it), files that do not exist yet included.
pub(super) fn compare_with_source(
    project: &Project,
    source: &Language,
    target: &Language,
    plurals: &quality::Plurals,
    out: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Counts> {
    let lang = target.lang;
    let mut files: BTreeMap<String, Counts> = BTreeMap::new();
    for src in source.reported() {
        let tgt = target.file(&src.file.name);
        // The target's own path: its name may be spelt in another normalisation form.
        let path = tgt.map_or_else(
            || project.ftl_path(lang, &src.file.name),
            |t| t.file.path.clone(),
        );
        let counts = files.entry(slash_path(&path)).or_default();
        let bundle = tgt.map(|t| target.bundle_of(t)).unwrap_or_default();
        let has_term = |term: &str| bundle.iter().any(|p| p.facts.get(term).is_some());
        let quality_target = quality::Target {
            lang,
            path: &path,
            plurals,
            has_term: &has_term,
        };
        let pair = Pair {
            project,
            records: target.records,
            src,
            tgt,
            quality: &quality_target,
        };
        pair.compare(counts, out);
    }
    for tgt in target.reported() {
        let counts = files.entry(slash_path(&tgt.file.path)).or_default();
        obsolete_messages(project, source, lang, tgt, counts, out);
    }
    files
}

/// A source file and the target file of the same name (if there is one).
struct Pair<'a, 'p> {
    project: &'a Project,
    records: &'a ReviewRecords,
    src: &'a Parsed<'p>,
    tgt: Option<&'a Parsed<'p>>,
    quality: &'a quality::Target<'a>,
}

impl Pair<'_, '_> {
    /// Every message of the source file: counted, and its translation judged.
    fn compare(&self, counts: &mut Counts, out: &mut Vec<Diagnostic>) {
        let (lang, path) = (self.quality.lang, self.quality.path);
        let mut seen = BTreeSet::new();
        for entry in &self.src.facts.entries {
            // An id defined twice is a `duplicate-message`, and one message to translate.
            if !seen.insert(entry.id.as_str()) {
                continue;
            }
            counts.messages += 1;
            let Some(tgt) = self.tgt else {
                counts.missing += 1;
                out.push(self.missing(entry, true, None));
                continue;
            };
            match tgt.facts.get(&entry.id) {
                Some(t) => {
                    if self.is_stale(entry, t, out) {
                        counts.stale += 1;
                    } else {
                        counts.translated += 1;
                    }
                    compare_entry(lang, path, &tgt.text, entry, t, &tgt.facts.stubs, out);
                    quality::judge_translation(self.quality, entry, t, out);
                }
                None => {
                    counts.missing += 1;
                    // An id inside junk already has its syntax-error.
                    if !tgt.facts.junk_ids.contains(&entry.id) {
                        let stub = tgt.facts.stubs.get(&entry.id).copied();
                        out.push(self.missing(entry, false, stub));
                    }
                }
            }
        }
    }

    /// `missing-message` for a source message the target file lacks (`no_file`: the file does
    /// not exist), or whose stub is not filled in (`stub`: its line).
    fn missing(&self, entry: &Entry, no_file: bool, stub: Option<usize>) -> Diagnostic {
        let (lang, path) = (self.quality.lang, self.quality.path);
        if let Some(line) = stub {
            return Diagnostic::new(
                Code::MissingMessage,
                lang,
                path,
                format!(
                    "`{}` is not translated: its stub from `gazette sync` is not filled in",
                    entry.id
                ),
            )
            .at(line, Some(1))
            .id(&entry.id)
            .help(STUB_HELP.into());
        }
        let message = if no_file {
            format!("`{}` is not translated: the file does not exist", entry.id)
        } else {
            format!("`{}` is not translated", entry.id)
        };
        let source = &self.src.file.path;
        // `sync` would add gazette's folders to a project that is not a gazette site.
        let help = if self.project.site {
            format!("run `gazette sync {lang}` to add a stub, then translate it")
        } else {
            format!(
                "add `{} = …` to {}, translated from {}:{}",
                entry.id,
                slash_path(path),
                slash_path(source),
                entry.line
            )
        };
        Diagnostic::new(Code::MissingMessage, lang, path, message)
            .id(&entry.id)
            .help(help)
            .source_location(source, entry.line, entry.column)
    }

    /// Was the translation `t` of `entry` reviewed against another source text than today's
    /// (`gazette.lock.d/`), or, in a language that has records, against none? Reported if so.
    fn is_stale(&self, entry: &Entry, t: &Entry, out: &mut Vec<Diagnostic>) -> bool {
        let (lang, path) = (self.quality.lang, self.quality.path);
        let source_lang = &self.project.config.source;
        let file = &self.src.file.name;
        match self.records.get(lang, file, &entry.id) {
            Some(r) if r.matches(&entry.text) => false,
            Some(r) => {
                out.push(stale(lang, source_lang, path, file, entry, t, &r.text));
                true
            }
            None if self.records.in_use.contains(lang) => {
                let shard = self.project.shard(lang, file).is_some();
                out.push(unrecorded(lang, source_lang, path, file, shard, t));
                true
            }
            None => false,
        }
    }
}

/// `obsolete-message`: ids of a target file that its source file lacks (or that has none).
fn obsolete_messages(
    project: &Project,
    source: &Language,
    lang: &str,
    tgt: &Parsed,
    counts: &mut Counts,
    out: &mut Vec<Diagnostic>,
) {
    let src = source.file(&tgt.file.name);
    for entry in &tgt.facts.entries {
        let known = src.is_some_and(|s| {
            s.facts.get(&entry.id).is_some() || s.facts.junk_ids.contains(&entry.id)
        });
        if known {
            continue;
        }
        counts.obsolete += 1;
        let why = match src {
            Some(_) => "the source no longer has it".to_owned(),
            None => format!(
                "there is no source file {}",
                slash_path(&project.ftl_path(source.lang, &tgt.file.name))
            ),
        };
        out.push(
            Diagnostic::new(
                Code::ObsoleteMessage,
                lang,
                &tgt.file.path,
                format!("`{}` is obsolete: {why}", entry.id),
            )
            .at_entry(entry)
            .help(format!(
                "delete `{}` from this file, or rename it to the source's new id",
                entry.id
            )),
        );
    }
}

/// `stale-translation`: the source text is not the one recorded in `gazette.lock.d/`.
fn stale(
    lang: &str,
    source_lang: &str,
    path: &std::path::Path,
    file: &str,
    src: &Entry,
    tgt: &Entry,
    old: &str,
) -> Diagnostic {
    Diagnostic::new(
        Code::StaleTranslation,
        lang,
        path,
        format!(
            "`{}` changed in {source_lang} since this translation was reviewed: was “{}”, now “{}”",
            src.id,
            one_line(old),
            one_line(&src.text)
        ),
    )
    .at_entry(tgt)
    .help(format!(
        "update the translation, then run `gazette sync {lang} --accept {}:{}`",
        crate::ftl::short_name(file),
        src.id
    ))
    .change(&one_line(old), &one_line(&src.text))
}

/// `stale-translation` for a translation `t` without a record in a language that has records:
/// nothing says which source text it was reviewed against, so it is not taken for reviewed
/// (`shard`: its file has a file of records, which lacks it; else that file is missing, as
/// when someone deleted it).
fn unrecorded(
    lang: &str,
    source_lang: &str,
    path: &std::path::Path,
    file: &str,
    shard: bool,
    t: &Entry,
) -> Diagnostic {
    let records = slash_path(&crate::records::shard_path(lang, file));
    let why = match shard {
        true => format!("{records} has no record of it"),
        false => format!("{records} is missing"),
    };
    Diagnostic::new(
        Code::StaleTranslation,
        lang,
        path,
        format!(
            "`{}` has no record of the {source_lang} text it was reviewed against: {why}",
            t.id
        ),
    )
    .at_entry(t)
    .help(format!(
        "restore the records if they were lost (`git checkout -- {records}`); else check the translation against the current {source_lang} text and run `gazette sync {lang} --accept {}:{}`",
        crate::ftl::short_name(file),
        t.id
    ))
}

/// A (possibly multi-line) Fluent text on one line: line breaks and indentation become a space.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

const STUB_HELP: &str =
    "translate the commented-out source text below this line, uncomment it and delete the `# gazette: stub` line";

/// Attributes, value and variables of one message present on both sides.
fn compare_entry(
    lang: &str,
    path: &std::path::Path,
    text: &str,
    src: &Entry,
    tgt: &Entry,
    stubs: &BTreeMap<String, usize>,
    out: &mut Vec<Diagnostic>,
) {
    let place = Place {
        lang,
        path,
        text,
        tgt,
    };
    if src.has_value && !tgt.has_value {
        out.push(
            place
                .at(
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
    attributes(&place, src, stubs, out);
    // A term's variables are its parameters, set by each caller (`-brand(case: "dative")`):
    // every language chooses its own, so they are not compared with the source's.
    if !src.id.starts_with('-') {
        variables(&place, src, out);
    }
}

/// Where a target message is, to report on it (or on one of its attribute lines).
struct Place<'a> {
    lang: &'a str,
    path: &'a std::path::Path,
    /// The target file's text, for the column of an attribute line.
    text: &'a str,
    tgt: &'a Entry,
}

impl Place<'_> {
    fn at(&self, code: Code, message: String, line: usize) -> Diagnostic {
        let column = if line == self.tgt.line {
            self.tgt.column
        } else {
            crate::ftl::indent_column(self.text, line)
        };
        Diagnostic::new(code, self.lang, self.path, message)
            .at(line, Some(column))
            .id(&self.tgt.id)
    }
}

/// `missing-attribute` (a stub's when there is one) and `obsolete-attribute`.
fn attributes(
    place: &Place,
    src: &Entry,
    stubs: &BTreeMap<String, usize>,
    out: &mut Vec<Diagnostic>,
) {
    let tgt = place.tgt;
    for (name, _) in &src.attributes {
        if tgt.attributes.iter().any(|(n, _)| n == name) {
            continue;
        }
        let missing = match stubs.get(&format!("{}.{name}", tgt.id)) {
            Some(line) => place
                .at(
                    Code::MissingAttribute,
                    format!(
                        "`{}` lacks the attribute `.{name}`: its stub from `gazette sync` is not filled in",
                        tgt.id
                    ),
                    *line,
                )
                .help(STUB_HELP.into()),
            None => place
                .at(
                    Code::MissingAttribute,
                    format!("`{}` lacks the attribute `.{name}`", tgt.id),
                    tgt.line,
                )
                .help(format!("add `.{name} = …` under `{}`", tgt.id)),
        };
        out.push(missing.attribute(name));
    }
    for (name, line) in &tgt.attributes {
        if !src.attributes.iter().any(|(n, _)| n == name) {
            out.push(
                place
                    .at(
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
}

/// `unknown-variable` and `dropped-variable`. A misspelt variable (`$meting` for the
/// `$meeting` the translation lacks) is one finding: the unknown one, with the one meant.
fn variables(place: &Place, src: &Entry, out: &mut Vec<Diagnostic>) {
    let tgt = place.tgt;
    let dropped: Vec<&String> = src.variables.difference(&tgt.variables).collect();
    let mut meant = Vec::new();
    for var in tgt.variables.difference(&src.variables) {
        let near = crate::guard::nearest(var, dropped.iter().map(|d| d.as_str()), 0.85);
        let help = match near {
            Some(d) => format!("did you mean `${d}`?"),
            None => format!("use only the source's variables ({})", list_vars(src)),
        };
        meant.extend(near);
        out.push(
            place
                .at(
                    Code::UnknownVariable,
                    format!(
                        "`{}` uses `${var}`, which the source message never uses",
                        tgt.id
                    ),
                    tgt.line,
                )
                .help(help),
        );
    }
    for var in dropped.into_iter().filter(|d| !meant.contains(&d.as_str())) {
        out.push(
            place
                .at(
                    Code::DroppedVariable,
                    format!("`{}` omits `${var}`, which the source uses", tgt.id),
                    tgt.line,
                )
                .help(format!(
                    "place `{{ ${var} }}` in the translation, unless the language truly has no use for it"
                )),
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
