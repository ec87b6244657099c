//! `check`'s findings as a terminal, a program (JSON) and GitHub Actions show them, and a fatal
//! error of any command in the same form.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::terminal::{count, paint, shown, shown_lines};
use crate::check::diagnostic::{slash_path, SourceChange, SpanKind};
use crate::check::{Counts, Diagnostic, Report, Severity};

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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::check::Code;

    /// A report of one finding, for the tests of every format.
    pub(crate) fn report() -> Report {
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
    fn github_escapes_properties_and_data() {
        assert_eq!(
            github(&report()),
            "::warning file=locales/de/a.ftl,line=2,col=1,title=dropped-variable (de)::`x` omits `$n`%2C 100%25%0Ahelp: place it\n"
                .replace("%2C 100", ", 100")
        );
    }
}
