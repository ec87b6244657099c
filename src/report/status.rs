//! `status`: translation coverage per language and file, as a table or JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::terminal::{paint, shown};
use crate::check::{Counts, Report};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::diagnostics::tests::report;

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
}
