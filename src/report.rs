//! Output formats of a check [`Report`]: human (compiler-style), JSON (SPEC's contract) and
//! GitHub Actions annotations; the coverage table of `status`; what `sync` did or would do;
//! the summary of `build`. Pure functions returning strings; `cli` prints them. Every text
//! from an input goes through [`shown`] on its way to a terminal.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::check::diagnostic::{slash_path, SourceChange, SpanKind};
use crate::check::{Counts, Diagnostic, Report, Severity};
use crate::guard;
use crate::lock::{LEGACY_LOCK_FILE, LOCK_DIR};
use crate::ops::build::{Note, Summary};
use crate::scaffold::Initialised;
use crate::sync::{FileChange, Plan};

/// Text from an input (a file name, an id, a translation, a snippet) as a terminal or a CI
/// log shows it: control characters (C0 but tab, DEL, C1) and the bidirectional embedding,
/// override and isolate controls written as `\u{1b}`, so that no input can move the cursor,
/// erase the lines above it, recolour the output or reorder what is shown, colours on or off
/// (as ripgrep and rustc show them). Every input field is one line: a line break in it is
/// escaped too. JSON and SARIF need no such care: serde_json escapes C0 itself.
pub fn shown(text: &str) -> Cow<'_, str> {
    escape_controls(text, false)
}

/// [`shown`] for a whole text of several lines that has no colours of its own (a fatal
/// error, the build summary, what sync did): its line breaks kept, every other control
/// character escaped.
pub fn shown_lines(text: &str) -> Cow<'_, str> {
    escape_controls(text, true)
}

fn escape_controls(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    guard::escape_chars(text, |c| {
        (c.is_control() && c != '\t' && !(keep_newlines && c == '\n'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// `gazette check --format json`: one object, documented in SPEC.md.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonReport {
    pub source: String,
    pub summary: JsonSummary,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonSummary {
    pub errors: usize,
    pub warnings: usize,
    pub locales: BTreeMap<String, Counts>,
}

pub fn json(report: &Report) -> String {
    let out = JsonReport {
        source: report.source.clone(),
        summary: JsonSummary {
            errors: report.errors(),
            warnings: report.warnings(),
            locales: report.locales.clone(),
        },
        diagnostics: report.diagnostics.clone(),
    };
    let mut s = serde_json::to_string_pretty(&out).expect("a report always serialises");
    s.push('\n');
    s
}

/// Compiler-style text: [`diagnostics_human`], then a summary line.
pub fn human(report: &Report, source_of: &dyn Fn(&str) -> Option<String>, colour: bool) -> String {
    let mut out = diagnostics_human(report, source_of, colour);
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

/// A place in a file, as a compiler shows it under its message: ` --> file:line:column`, the
/// line itself (control characters escaped) and a caret under the column, or the line's text
/// underlined when no column is known. Rendered by annotate-snippets, rustc's and cargo's own
/// renderer.
struct Excerpt<'a> {
    file: &'a str,
    /// 1-based; none for a finding about the whole file.
    line: Option<usize>,
    /// 1-based, in characters.
    column: Option<usize>,
    /// The text of `line`, when the file could be read.
    text: Option<&'a str>,
}

/// `severity[code]: title` (or `severity: title` without a code), then the [`Excerpt`] where
/// there is one. The title is escaped by [`shown`]; the excerpt's line by [`drawable`].
fn excerpt(
    error: bool,
    code: Option<&str>,
    title: &str,
    at: Option<&Excerpt<'_>>,
    colour: bool,
) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
    let level = if error { Level::ERROR } else { Level::WARNING };
    let mut head = level.primary_title(shown(title));
    if let Some(code) = code {
        head = head.id(code);
    }
    let file = at.map(|at| shown(at.file));
    let text = at.and_then(|at| at.text).map(drawable);
    let group = match (at, file, text) {
        (
            Some(
                at @ Excerpt {
                    line: Some(line), ..
                },
            ),
            Some(file),
            Some(text),
        ) => {
            let span = marked(&text, at.column);
            head.element(
                Snippet::source(text)
                    .line_start(*line)
                    .path(file)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        (Some(at), Some(file), _) => {
            let mut origin = Origin::path(file);
            if let Some(line) = at.line {
                origin = origin.line(line);
                if let Some(column) = at.column {
                    origin = origin.char_column(column);
                }
            }
            head.element(origin)
        }
        _ => Group::with_title(head),
    };
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = renderer.render(&[group]);
    out.push('\n');
    out
}

/// A fatal error (exit 2) as stderr shows it: `error: <file>: line L, column C: what` on one
/// line, then, when the error names a line of a file under `root` that can be read, that
/// line with a caret under the column ([`excerpt`]). Several broken files: each in turn. An
/// error's causes are joined on its one line (`{:#}`), as before.
pub fn fatal(error: &anyhow::Error, root: &std::path::Path, colour: bool) -> String {
    use crate::error::Error;
    let one = |e: &Error| {
        let text = e.position().and_then(|at| {
            let file = std::fs::read_to_string(root.join(at.path)).ok()?;
            Some((at, file))
        });
        let path = text.as_ref().map(|(at, _)| slash_path(at.path));
        let at = text
            .as_ref()
            .zip(path.as_deref())
            .map(|((at, file), path)| Excerpt {
                file: path,
                line: Some(at.line),
                column: at.column,
                text: crate::ftl::line_text(file, at.line),
            });
        // Without the line's text, the title alone: it already says where.
        let at = at.filter(|at| at.text.is_some());
        excerpt(true, None, &e.to_string(), at.as_ref(), colour)
    };
    match error.downcast_ref::<Error>() {
        Some(Error::Several(errors)) => errors.iter().map(one).collect(),
        Some(e) if error.chain().count() == 1 => one(e),
        _ => excerpt(true, None, &format!("{error:#}"), None, colour),
    }
}

/// A line of an input as the excerpt shows it. The renderer draws C0 controls, DEL and the
/// bidirectional controls as symbols (`␛`), as rustc does, one character each so the caret
/// stays under its column; C1 controls, which it would pass to the terminal, become `�`.
fn drawable(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\u{80}'..='\u{9f}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// The bytes of `line` that a caret marks: the character at the 1-based `column` (an empty
/// span past the end of the line), or the line's text without its indentation when no
/// column is known.
fn marked(line: &str, column: Option<usize>) -> std::ops::Range<usize> {
    match column {
        Some(column) => {
            let start = line
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(line.len(), |(i, _)| i);
            let end = line[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            start..end
        }
        None => {
            let start = line.len() - line.trim_start().len();
            start..line.trim_end().len()
        }
    }
}

/// Each diagnostic as a compiler writes it ([`excerpt`]): `severity[code]: message`, the
/// position, the offending line with a `^` under the column where it is known, then what
/// changed in a stale source text (highlighted with `colour`, else marked
/// `[-removed-]{+added+}`) and a help line. `source_of` gives a file's text for the snippet;
/// it is asked once per file (a file can have thousands of diagnostics, and reading it may
/// mean reading it from disk again).
pub fn diagnostics_human(
    report: &Report,
    source_of: &dyn Fn(&str) -> Option<String>,
    colour: bool,
) -> String {
    let mut out = String::new();
    let mut texts: HashMap<&str, Option<String>> = HashMap::new();
    for d in &report.diagnostics {
        let error = d.severity == Severity::Error;
        let text = d.line.and_then(|line| {
            let file = texts.entry(&d.file).or_insert_with(|| source_of(&d.file));
            crate::ftl::line_text(file.as_deref()?, line)
        });
        let at = Excerpt {
            file: &d.file,
            line: d.line,
            column: d.column,
            text,
        };
        let block = excerpt(error, Some(d.code.as_str()), &d.message, Some(&at), colour);
        out.push_str(&block);
        // Notes line up under the excerpt's `|`, as rustc's do: the renderer cannot draw
        // them, because it would show the word diff's colours as symbols.
        let pad = " ".repeat(d.line.map_or(1, |line| line.to_string().len() + 1));
        if let Some(change) = &d.change {
            let _ = writeln!(out, "{pad}= changed: {}", word_diff(change, colour));
        }
        if !d.help.is_empty() {
            let _ = writeln!(out, "{pad}= help: {}", shown(&d.help));
        }
        out.push('\n');
    }
    out
}

/// A source text's change (on one line), as `git diff --word-diff` shows it: removed words in
/// red and struck through, added ones in green; without colour, `[-removed-]{+added+}`.
fn word_diff(change: &SourceChange, colour: bool) -> String {
    let mut out = String::new();
    for span in &change.spans {
        let text = shown(&span.text).into_owned();
        out.push_str(&match (span.kind, colour) {
            (SpanKind::Same, _) => text,
            (SpanKind::Removed, true) => paint(text, "31;9", true),
            (SpanKind::Added, true) => paint(text, "32", true),
            (SpanKind::Removed, false) => format!("[-{text}-]"),
            (SpanKind::Added, false) => format!("{{+{text}+}}"),
        });
    }
    out
}

/// `check: 2 errors, 1 warning` or `check: no problems found`.
pub fn summary_line(report: &Report) -> String {
    let (e, w) = (report.errors(), report.warnings());
    if e + w == 0 {
        return "check: no problems found".to_owned();
    }
    format!("check: {}, {}", count(e, "error"), count(w, "warning"))
}

/// Where an annotation or a code-scanning result shows a finding, and its text.
pub struct Placed<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: Option<usize>,
    /// The message, then its help on a line of its own.
    pub text: String,
}

/// Every finding on a line (GitHub shows one without a line on no line of a diff): a message
/// missing from a target file on the source message's line, its text naming the target file;
/// a finding about a whole file on its first line.
pub fn placed(d: &Diagnostic) -> Placed<'_> {
    let mut text = d.message.clone();
    let (file, line, column) = match (&d.source_location, d.line) {
        (Some(at), None) => {
            text = format!("{}: {text}", d.file);
            (at.file.as_str(), at.line, Some(at.column))
        }
        _ => (d.file.as_str(), d.line.unwrap_or(1), d.column),
    };
    if !d.help.is_empty() {
        text.push_str("\nhelp: ");
        text.push_str(&d.help);
    }
    Placed {
        file,
        line,
        column,
        text,
    }
}

/// GitHub Actions workflow commands, one annotation per diagnostic, placed by [`placed`].
pub fn github(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let at = placed(d);
        let mut props = vec![
            format!("file={}", escape_property(&shown(at.file))),
            format!("line={}", at.line),
        ];
        if let Some(c) = at.column {
            props.push(format!("col={c}"));
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("{} ({})", d.code, shown(&d.locale)))
        ));
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&shown_lines(&at.text))
        );
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `gazette status --format json`: one object, documented in SPEC.md:
/// `{ "source": "fr", "locales": { "de": { "messages": 38, "translated": 35, "missing": 3,
/// "stale": 0, "obsolete": 0, "percent": 92.1, "files": { "locales/de/x.ftl": { … } } } } }`.
/// `translated`, `stale` and `missing` share out `messages` (see [`Counts`]); `percent` is
/// `translated / messages`, rounded to one decimal.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonStatus {
    pub source: String,
    pub locales: BTreeMap<String, JsonCoverage>,
}

/// Coverage of one language, or (without `files`) of one of its files.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonCoverage {
    pub messages: usize,
    pub translated: usize,
    pub missing: usize,
    pub stale: usize,
    pub obsolete: usize,
    pub percent: f64,
    /// Target file (relative to the project root) -> its coverage; only on languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<BTreeMap<String, JsonCoverage>>,
}

impl JsonCoverage {
    fn of(c: &Counts, files: Option<BTreeMap<String, JsonCoverage>>) -> Self {
        JsonCoverage {
            messages: c.messages,
            translated: c.translated,
            missing: c.missing,
            stale: c.stale,
            obsolete: c.obsolete,
            percent: c.percent(),
            files,
        }
    }
}

pub fn status_json(report: &Report) -> String {
    let locales = report
        .locales
        .iter()
        .map(|(lang, counts)| {
            let files = report
                .files
                .get(lang)
                .into_iter()
                .flatten()
                .map(|(path, c)| (path.clone(), JsonCoverage::of(c, None)))
                .collect();
            (lang.clone(), JsonCoverage::of(counts, Some(files)))
        })
        .collect();
    let out = JsonStatus {
        source: report.source.clone(),
        locales,
    };
    let mut s = serde_json::to_string_pretty(&out).expect("a status always serialises");
    s.push('\n');
    s
}

/// `gazette status`: an aligned table, one row per (language, file), a total row per language
/// and one for all languages. With `colour`, ANSI colours flag what needs work.
pub fn status_human(report: &Report, colour: bool) -> String {
    let rows = status_rows(report);
    let widths = column_widths(&rows);
    let mut out = String::new();
    for row in &rows {
        out.push_str(&row.line(&widths, colour));
        out.push('\n');
    }
    if report.locales.is_empty() {
        out.push_str("status: no target language\n");
    }
    out
}

/// The columns of the `status` table.
const STATUS_HEADER: [&str; 8] = [
    "language",
    "file",
    "messages",
    "translated",
    "missing",
    "stale",
    "obsolete",
    "%",
];

/// One row of the `status` table: its cells, and what the colours of its cells depend on.
struct StatusRow {
    cells: [String; 8],
    /// The counts the row shows; `None` on the header.
    counts: Option<Counts>,
    /// A language's total row, or the one of all languages.
    total: bool,
}

impl StatusRow {
    fn header() -> Self {
        StatusRow {
            cells: STATUS_HEADER.map(str::to_owned),
            counts: None,
            total: false,
        }
    }

    /// The counts `c` of a file, or (`total`) of a language or of all languages.
    fn of(lang: &str, file: &str, c: &Counts, total: bool) -> Self {
        StatusRow {
            cells: [
                shown(lang).into_owned(),
                shown(file).into_owned(),
                c.messages.to_string(),
                c.translated.to_string(),
                c.missing.to_string(),
                c.stale.to_string(),
                c.obsolete.to_string(),
                format!("{:.1}", c.percent()),
            ],
            counts: Some(c.clone()),
            total,
        }
    }

    /// The row as a line of the table: names aligned left and numbers right in columns of
    /// `widths`, two spaces apart, with no trailing space.
    fn line(&self, widths: &[usize; 8], colour: bool) -> String {
        let cells: Vec<String> = self
            .cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let width = widths[i];
                let padded = if i < 2 {
                    format!("{cell:<width$}")
                } else {
                    format!("{cell:>width$}")
                };
                paint(padded, self.colour(i), colour)
            })
            .collect();
        cells.join("  ").trim_end().to_owned()
    }

    /// The ANSI colour of cell `i`: missing messages in red, stale or obsolete ones in yellow,
    /// the percentage green when complete (else red or yellow); the header and totals in bold.
    fn colour(&self, i: usize) -> &'static str {
        match (&self.counts, i) {
            (None, _) => "1",
            (Some(c), 4) if c.missing > 0 => "31",
            (Some(c), 5) if c.stale > 0 => "33",
            (Some(c), 6) if c.obsolete > 0 => "33",
            (Some(c), 7) if c.translated == c.messages => "32",
            (Some(c), 7) if c.missing > 0 => "31",
            (Some(_), 7) => "33",
            _ if self.total => "1",
            _ => "",
        }
    }
}

/// The header, then each language's files and total, then the total of all languages when
/// there are several.
fn status_rows(report: &Report) -> Vec<StatusRow> {
    let mut rows = vec![StatusRow::header()];
    let mut all = Counts::default();
    for (lang, counts) in &report.locales {
        for (file, c) in report.files.get(lang).into_iter().flatten() {
            rows.push(StatusRow::of(lang, file, c, false));
        }
        rows.push(StatusRow::of(lang, "total", counts, true));
        all.add(counts);
    }
    if report.locales.len() > 1 {
        rows.push(StatusRow::of("all", "total", &all, true));
    }
    rows
}

/// The width of each column: its widest cell, in characters.
fn column_widths(rows: &[StatusRow]) -> [usize; 8] {
    let mut widths = [0; 8];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(&row.cells) {
            *w = (*w).max(cell.chars().count());
        }
    }
    widths
}

/// `text` in the ANSI colour `code`, when colours are on and there is one.
fn paint(text: String, code: &str, colour: bool) -> String {
    if colour && !code.is_empty() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text
    }
}

/// The summary `build` prints on stderr: pages shown in the source language, notes, files
/// kept that gazette did not write, pages left out, then one line of counts.
pub fn build_summary(summary: &Summary, source: &str, elapsed: std::time::Duration) -> String {
    let mut s = String::new();
    for (lang, slug, id) in &summary.fallbacks {
        s.push_str(&format!(
            "fallback: {lang}/{slug}: `{id}` shown in {source}\n"
        ));
    }
    for note in &summary.notes {
        s.push_str(&format!("note: {}\n", note_text(note)));
    }
    if !summary.foreign.is_empty() {
        let names: Vec<&str> = summary.foreign.iter().map(String::as_str).collect();
        s.push_str(&format!(
            "note: kept {} in {} that gazette did not write: {}\n",
            count(names.len(), "file"),
            slash_path(&summary.out),
            names.join(", ")
        ));
    }
    for (lang, slug, ids) in &summary.skipped {
        s.push_str(&format!(
            "skipped: {lang}/{slug}: missing {}\n",
            ids.join(", ")
        ));
    }
    let mut kept = String::new();
    if summary.unchanged > 0 {
        kept.push_str(&format!(", {} unchanged", summary.unchanged));
    }
    if summary.removed > 0 {
        kept.push_str(&format!(", {} removed", summary.removed));
    }
    s.push_str(&format!(
        "build: {} in {} ({}): {} files written to {}{kept} in {elapsed:.2?}\n",
        count(summary.articles, "article"),
        count(summary.languages.len(), "language"),
        summary.languages.join(", "),
        summary.files,
        slash_path(&summary.out),
    ));
    shown_lines(&s).into_owned()
}

fn note_text(note: &Note) -> String {
    match note {
        Note::CacheRefused(why) => {
            format!("build cache {why}: not used, every article built again")
        }
        Note::StagingRemoved(n) => format!(
            "removed {} left by interrupted builds",
            count(*n, "staging folder")
        ),
        Note::TemporaryRemoved(n) => format!(
            "removed {} left by interrupted builds",
            count(*n, "temporary cache file")
        ),
        Note::CacheNotSaved(e) => {
            format!("build cache not saved ({e}): the next build will do everything again")
        }
        Note::Held { slug, why } => match why {
            crate::incremental::cache::Held::Draft => {
                format!("not published: `{slug}` is a draft (draft = true)")
            }
            crate::incremental::cache::Held::Embargo(at) => {
                format!("not published: `{slug}` is under embargo until {at}")
            }
        },
    }
}

/// What a sync plan does, for people (`gazette sync`, and its `--dry-run`): one line per file and for the lock file; with `preview`,
/// the text each file gets, every added line prefixed with `+ ` (and, for a refreshed stub,
/// every removed one with `- `).
pub fn sync_plan(plan: &Plan, preview: bool) -> String {
    let mut out = String::new();
    let record = if preview { "would record" } else { "recorded" };
    for f in &plan.files {
        out.push_str(&sync_file(f, preview));
    }
    for (file, id) in &plan.in_junk {
        out.push_str(&format!(
            "{file}: no stub for `{id}`: it is inside a syntax error; fix that first\n"
        ));
    }
    if !plan.recorded.is_empty() {
        out.push_str(&format!(
            "{LOCK_DIR}: {record} the source text of {} ({})\n",
            count(plan.recorded.len(), "translation"),
            record_keys(&plan.recorded)
        ));
    }
    if !plan.forgotten.is_empty() {
        out.push_str(&format!(
            "{LOCK_DIR}: {} {} of ids the source no longer has ({})\n",
            if preview { "would forget" } else { "forgot" },
            count(plan.forgotten.len(), "record"),
            record_keys(&plan.forgotten)
        ));
    }
    if plan.lock.legacy {
        out.push_str(&format!(
            "{LEGACY_LOCK_FILE}: {} into {LOCK_DIR}/, one file per language and source file\n",
            if preview {
                "would move its records"
            } else {
                "moved its records"
            }
        ));
    }
    if !plan.sealed.is_empty() {
        out.push_str(&format!(
            "{LOCK_DIR}: {} {} of records of an earlier version: each now says how many records it holds and their checksum, so a damaged one is refused\n",
            if preview { "would seal" } else { "sealed" },
            count(plan.sealed.len(), "file")
        ));
    }
    out.push_str(&sync_summary(plan, preview));
    out
}

/// The lines of one file of a sync plan: the stubs added, those refreshed and, with
/// `preview`, their text.
fn sync_file(f: &FileChange, preview: bool) -> String {
    let mut out = String::new();
    if !f.stubs.is_empty() {
        out.push_str(&format!(
            "{}: {} {} ({}){}\n",
            slash_path(&f.path),
            if preview { "would add" } else { "added" },
            count(f.stubs.len(), "stub"),
            f.stubs.join(", "),
            if f.create { ", new file" } else { "" }
        ));
    }
    if !f.refreshed.is_empty() {
        out.push_str(&format!(
            "{}: {} {} ({}): their source text changed and nobody had edited them\n",
            slash_path(&f.path),
            if preview {
                "would refresh"
            } else {
                "refreshed"
            },
            count(f.refreshed.len(), "stub"),
            f.refreshed.join(", "),
        ));
    }
    if preview {
        // Each refreshed stub, old then new, then the stubs added.
        let replaced = f
            .replacements
            .iter()
            .flat_map(|(r, t)| [("-", &f.original[r.clone()]), ("+", t.as_str())]);
        let inserted = f.insertions.iter().map(|(_, t)| ("+", t.as_str()));
        for (sign, text) in replaced.chain(inserted) {
            for line in text.split_inclusive('\n') {
                let line = line.trim_end_matches('\n').trim_end_matches('\r');
                out.push_str(&if line.is_empty() {
                    format!("{sign}\n")
                } else {
                    format!("{sign} {line}\n")
                });
            }
        }
    }
    shown_lines(&out).into_owned()
}

/// The last line of a sync plan: what it does in all.
fn sync_summary(plan: &Plan, preview: bool) -> String {
    let langs = plan.langs.join(", ");
    if plan.is_empty() {
        return format!("sync {langs}: nothing to do: every message has a translation or a stub\n");
    }
    let files = |n: fn(&&FileChange) -> bool| plan.files.iter().filter(n).count();
    let stubs: usize = plan.files.iter().map(|f| f.stubs.len()).sum();
    let refreshed: usize = plan.files.iter().map(|f| f.refreshed.len()).sum();
    let mut done = Vec::new();
    if stubs > 0 {
        done.push(format!(
            "{} {} to {}",
            if preview { "would add" } else { "added" },
            count(stubs, "stub"),
            count(files(|f| !f.stubs.is_empty()), "file")
        ));
    }
    if refreshed > 0 {
        done.push(format!(
            "{} {} in {}",
            if preview {
                "would refresh"
            } else {
                "refreshed"
            },
            count(refreshed, "stub"),
            count(files(|f| !f.refreshed.is_empty()), "file")
        ));
    }
    if plan.lock_changed {
        done.push(format!(
            "{} {LOCK_DIR}",
            if preview { "would update" } else { "updated" }
        ));
    }
    format!("sync {langs}: {}\n", done.join(", "))
}

/// `de:article:intro, en:article:intro` (each message as `--accept` names it, after its
/// language), or per-language counts when there are many.
fn record_keys(keys: &[(String, String, String)]) -> String {
    if keys.len() <= 8 {
        return keys
            .iter()
            .map(|(l, file, id)| format!("{l}:{}:{id}", crate::ftl::short_name(file)))
            .collect::<Vec<_>>()
            .join(", ");
    }
    let mut per_lang: BTreeMap<&str, usize> = BTreeMap::new();
    for (l, _, _) in keys {
        *per_lang.entry(l).or_default() += 1;
    }
    per_lang
        .iter()
        .map(|(l, n)| format!("{l}: {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What `gazette init` wrote into `dir`, what is left to do, and the next commands (`cd` to
/// the project first when it was `init DIR`'s `DIR`, not the current folder).
pub fn initialised(dir: &std::path::Path, named: bool, done: &Initialised, source: &str) -> String {
    let mut out = format!(
        "created a gazette project in {}: {}\n",
        dir.display(),
        count(done.files.len(), "file")
    );
    for file in &done.files {
        let _ = writeln!(out, "  {}", slash_path(file));
    }
    for file in &done.kept {
        let _ = write!(out, "kept {} as it was", slash_path(file));
        if file.as_os_str() == ".gitignore" {
            let ignored: Vec<&str> = crate::scaffold::GITIGNORE
                .lines()
                .filter(|l| !l.starts_with('#'))
                .collect();
            let _ = write!(out, ": add to it {}", ignored.join(", "));
        }
        out.push('\n');
    }
    let shipped = crate::scaffold::shipped_languages().join(", ");
    if done.stand_in_source {
        let _ = writeln!(
            out,
            "note: gazette ships texts in {shipped}, not in `{source}`: write the English of \
             locales/{source}/ in {source}"
        );
    }
    if !done.stubbed.is_empty() {
        let langs = done.stubbed.join(", ");
        let _ = writeln!(
            out,
            "note: gazette ships texts in {shipped}, not in {langs}: translate the stubs in \
             locales/ (`gazette check` fails until then)"
        );
    }
    out.push_str("next:\n");
    if named {
        let _ = writeln!(out, "  cd {}", dir.display());
    }
    out.push_str("  gazette serve         preview the site in your browser\n");
    out.push_str("  gazette new <slug>    start an article\n");
    shown_lines(&out).into_owned()
}

/// `gazette sync` without a language: how to name one, or every one.
pub fn sync_which_language(targets: &[String]) -> String {
    match targets.first() {
        None => "sync: the project has no target language: list them in `targets` in \
                 gazette.toml"
            .to_owned(),
        Some(first) => format!(
            "sync: which language? `gazette sync {first}` syncs one of {}; `gazette sync --all` \
             syncs every one",
            targets.join(", ")
        ),
    }
}

/// The files `gazette new` wrote, and how the targets get the article.
pub fn new_article(files: &[std::path::PathBuf], targets: &[String]) -> String {
    let mut out = String::new();
    for file in files {
        let _ = writeln!(out, "created {}", slash_path(file));
    }
    if !targets.is_empty() {
        let _ = writeln!(
            out,
            "next: write the article, then `gazette sync --all` adds it to {} as stubs to translate",
            targets.join(", ")
        );
    }
    shown_lines(&out).into_owned()
}

/// What `gazette rm` or `gazette mv` did, one line per file.
pub fn article_files(done: &[(std::path::PathBuf, Option<std::path::PathBuf>)]) -> String {
    let mut out = String::new();
    for (from, to) in done {
        let _ = match to {
            Some(to) => writeln!(out, "renamed {} -> {}", slash_path(from), slash_path(to)),
            None => writeln!(out, "removed {}", slash_path(from)),
        };
    }
    out
}

/// "1 file", "2 files".
pub fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Code;

    fn report() -> Report {
        let d = Diagnostic::new(
            Code::DroppedVariable,
            "de",
            "locales/de/a.ftl".as_ref(),
            "`x` omits `$n`, 100%".into(),
        )
        .at(2, Some(1))
        .id("x")
        .help("place it".into());
        Report {
            source: "fr".into(),
            diagnostics: vec![d],
            ..Report::default()
        }
    }

    #[test]
    fn human_shows_position_snippet_and_summary() {
        let out = human(
            &report(),
            &|f| (f == "locales/de/a.ftl").then(|| "a = 1\nx = Hallo\n".to_owned()),
            false,
        );
        assert_eq!(
            out,
            "warning[dropped-variable]: `x` omits `$n`, 100%\n --> locales/de/a.ftl:2:1\n  |\n2 | x = Hallo\n  | ^\n  = help: place it\n\ncheck: 0 errors, 1 warning\n"
        );
    }

    #[test]
    fn each_file_is_asked_for_once() {
        let mut report = report();
        let first = report.diagnostics[0].clone();
        report.diagnostics.push(first.clone().at(1, Some(1)));
        report.diagnostics.push(first);
        let asked = std::cell::Cell::new(0);
        let out = human(
            &report,
            &|_| {
                asked.set(asked.get() + 1);
                Some("a = 1\nx = Hallo\n".to_owned())
            },
            false,
        );
        assert_eq!(asked.get(), 1);
        assert_eq!(out.matches("2 | x = Hallo").count(), 2);
        assert_eq!(out.matches("1 | a = 1").count(), 1);
    }

    #[test]
    fn a_stale_source_text_shows_its_word_diff() {
        let d = Diagnostic::new(
            Code::StaleTranslation,
            "de",
            "locales/de/a.ftl".as_ref(),
            "changed".into(),
        )
        .change(
            "Trente et un pays ont signé.",
            "Trente-deux pays ont signé hier.",
        );
        let report = Report {
            diagnostics: vec![d],
            ..Report::default()
        };
        let plain = diagnostics_human(&report, &|_| None, false);
        assert!(
            plain.contains(
                "--> locales/de/a.ftl\n = changed: [-Trente et un-]{+Trente-deux+} pays ont [-signé.-]{+signé hier.+}\n"
            ),
            "{plain}"
        );
        let coloured = diagnostics_human(&report, &|_| None, true);
        assert!(
            coloured.contains("\x1b[31;9mTrente et un\x1b[0m\x1b[32mTrente-deux\x1b[0m pays"),
            "{coloured}"
        );
    }

    #[test]
    fn status_table_is_aligned_and_coloured_on_request() {
        let mut report = report();
        let c = |messages, translated, missing| Counts {
            messages,
            translated,
            missing,
            ..Counts::default()
        };
        report.locales.insert("de".into(), c(40, 37, 3));
        report.files.insert(
            "de".into(),
            BTreeMap::from([
                ("locales/de/a.ftl".into(), c(38, 35, 3)),
                ("locales/de/site.ftl".into(), c(2, 2, 0)),
            ]),
        );
        let plain = status_human(&report, false);
        assert_eq!(
            plain,
            "\
language  file                 messages  translated  missing  stale  obsolete      %
de        locales/de/a.ftl           38          35        3      0         0   92.1
de        locales/de/site.ftl         2           2        0      0         0  100.0
de        total                      40          37        3      0         0   92.5
"
        );
        let coloured = status_human(&report, true);
        assert!(coloured.contains("\x1b[31m      3\x1b[0m"), "{coloured}");
        assert_eq!(strip_ansi(&coloured), plain);
        let json: serde_json::Value = serde_json::from_str(&status_json(&report)).unwrap();
        assert_eq!(json["locales"]["de"]["percent"], 92.5);
        assert_eq!(
            json["locales"]["de"]["files"]["locales/de/a.ftl"]["percent"],
            92.1
        );
    }

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('\x1b') {
            out.push_str(&rest[..i]);
            rest = &rest[i + rest[i..].find('m').unwrap() + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn percent_rounds_to_one_decimal_but_never_up_to_complete() {
        let c = |messages, translated| Counts {
            messages,
            translated,
            ..Counts::default()
        };
        assert_eq!(c(38, 35).percent(), 92.1);
        assert_eq!(c(0, 0).percent(), 100.0);
        assert_eq!(c(2000, 1999).percent(), 99.9);
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert!(matches!(shown("Grüße\tà tous"), Cow::Borrowed(_)));
        assert_eq!(
            shown("a\x1b[2K\u{9b}\u{202e}\u{2066}\r\nb\x7f"),
            "a\\u{1b}[2K\\u{9b}\\u{202e}\\u{2066}\\r\\nb\\u{7f}"
        );
        assert_eq!(shown_lines("one\x07\ntwo\n"), "one\\u{7}\ntwo\n");
        // Shown twice, shown the same: text already escaped holds no control character.
        assert_eq!(shown(&shown("\x1b")), "\\u{1b}");
    }

    #[test]
    fn github_escapes_properties_and_data() {
        assert_eq!(
            github(&report()),
            "::warning file=locales/de/a.ftl,line=2,col=1,title=dropped-variable (de)::`x` omits `$n`%2C 100%25%0Ahelp: place it\n"
                .replace("%2C 100", ", 100")
        );
    }
}
