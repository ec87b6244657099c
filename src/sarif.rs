//! `gazette check --format sarif`: the report as a SARIF 2.1.0 log (OASIS's Static Analysis
//! Results Interchange Format), which GitHub code scanning and other tools show inline.
//!
//! Paths are relative to the project root (`%SRCROOT%`, the checkout in code scanning). One
//! run, gazette as its tool, one rule per diagnostic code met (its level the code's default
//! severity; its descriptions the README's table of codes, its help that table's row), one
//! result per diagnostic. Columns count Unicode code points, as gazette's do.
//! Pure: `cli` prints the text.

use serde::Serialize;

use crate::check::{Code, Diagnostic, Report, Severity};

/// Where the SARIF 2.1.0 schema is published.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The log, with gazette's own fields under each result's `properties`.
pub fn sarif(report: &Report) -> String {
    let mut codes: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
    codes.sort();
    codes.dedup();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "gazette",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: codes.iter().map(|c| rule(*c)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results: report
                .diagnostics
                .iter()
                .map(|d| result(d, codes.binary_search(&d.code).unwrap_or_default()))
                .collect(),
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).expect("a SARIF log always serialises");
    s.push('\n');
    s
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// What a code is, without the details: its meaning up to the first `;` or `:`, without what
/// is in brackets (those inside backquotes are text).
fn first_clause(meaning: &str) -> String {
    let (mut out, mut depth, mut code) = (String::new(), 0usize, false);
    for c in meaning.chars() {
        match c {
            '`' => code = !code,
            '(' if !code => depth += 1,
            ')' if !code && depth > 0 => {
                depth -= 1;
                continue;
            }
            ';' | ':' if !code && depth == 0 => break,
            _ => {}
        }
        if depth == 0 {
            out.push(c);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown as plain text: without its backquotes.
fn plain(markdown: &str) -> String {
    markdown.replace('`', "")
}

/// Where the README is published, from Cargo.toml's `repository` (or the address the build
/// found, `GAZETTE_REPOSITORY`), at the commit built when known: none when neither is known.
fn readme_uri() -> Option<String> {
    let repository = option_env!("GAZETTE_REPOSITORY").unwrap_or(env!("CARGO_PKG_REPOSITORY"));
    readme_at(repository, option_env!("GAZETTE_COMMIT").unwrap_or("HEAD"))
}

/// The README of a repository's web page at a commit (GitHub's and GitLab's `blob/` path).
fn readme_at(repository: &str, rev: &str) -> Option<String> {
    let repository = repository.trim_end_matches('/').trim_end_matches(".git");
    (!repository.is_empty()).then(|| format!("{repository}/blob/{rev}/README.md"))
}

fn rule(code: Code) -> Rule {
    let meaning = code.meaning();
    Rule {
        id: code.as_str(),
        short_description: Text {
            text: plain(&first_clause(meaning)),
            markdown: None,
        },
        full_description: Text {
            text: plain(meaning),
            markdown: Some(meaning.to_owned()),
        },
        help_uri: readme_uri().map(|uri| format!("{uri}#{code}")),
        help: Text {
            text: format!("see README.md#{code}: {}", plain(meaning)),
            markdown: None,
        },
        default_configuration: Configuration {
            level: level(code.severity()),
        },
    }
}

/// A finding as a result, placed as GitHub annotations are ([`crate::report::placed`]).
fn result(d: &Diagnostic, rule_index: usize) -> SarifResult<'_> {
    let at = crate::report::placed(d);
    SarifResult {
        rule_id: d.code.as_str(),
        rule_index,
        // `--deny-warnings` makes a warning an error: the result says what this run decided.
        level: level(d.severity),
        message: Message { text: at.text },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: Artifact {
                    uri: uri_of(at.file),
                    uri_base_id: "%SRCROOT%",
                },
                region: Region {
                    start_line: at.line,
                    start_column: at.column,
                },
            },
        }],
        properties: Properties {
            locale: &d.locale,
            id: d.id.as_deref(),
            attribute: d.attribute.as_deref(),
        },
    }
}

/// A relative path as a URI reference: bytes other than letters, digits, `-._~` and `/`
/// percent-encoded (`locales/fr/a b.ftl` -> `locales/fr/a%20b.ftl`).
fn uri_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    help: Text,
    default_configuration: Configuration,
}

/// A SARIF multiformat message: plain text, and Markdown where there is some.
#[derive(Serialize)]
struct Text {
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [Location; 1],
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: Artifact,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Artifact {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
}

/// gazette's own fields of a finding.
#[derive(Serialize)]
struct Properties<'a> {
    locale: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribute: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use crate::check::Code;

    #[test]
    fn help_points_at_the_readme_of_the_commit_built() {
        assert_eq!(
            super::readme_at("https://github.com/o/gazette.git", "4f2c1e0"),
            Some("https://github.com/o/gazette/blob/4f2c1e0/README.md".to_owned())
        );
        assert_eq!(super::readme_at("", "HEAD"), None);
    }

    #[test]
    fn every_code_is_described_by_its_row_of_the_readme() {
        for code in Code::ALL {
            let rule = super::rule(code);
            let full = &rule.full_description.text;
            assert!(
                full.len() > 10,
                "{code}: no row of README's table: {full:?}"
            );
            assert!(
                !full.contains('`') && !full.contains("<a id"),
                "{code}: {full}"
            );
            let short = &rule.short_description.text;
            assert!(
                !short.is_empty() && short.len() <= full.len(),
                "{code}: {short}"
            );
        }
        let short = |code| super::rule(code).short_description.text;
        assert_eq!(
            short(Code::MissingMessage),
            "id present in the source, absent in a target"
        );
        assert_eq!(
            short(Code::MissingAsset),
            "a figure's or video's src is a relative path that names no file of static/"
        );
        assert_eq!(
            short(Code::UnbalancedDelimiters),
            "an unmatched bracket or quotation mark that the source does not have"
        );
    }

    #[test]
    fn paths_are_uri_references() {
        assert_eq!(super::uri_of("locales/fr/a.ftl"), "locales/fr/a.ftl");
        assert_eq!(super::uri_of("l/fr/é b.ftl"), "l/fr/%C3%A9%20b.ftl");
    }
}
