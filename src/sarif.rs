//! `gazette check --format sarif`: the report as a SARIF 2.1.0 log (OASIS's Static Analysis
//! Results Interchange Format), which GitHub code scanning and other tools show inline.
//!
//! Paths are relative to the project root (`%SRCROOT%`, the checkout in code scanning). One
//! run, gazette as its tool, one rule per diagnostic code met (its level the code's default
//! severity), one result per diagnostic. Columns count Unicode code points, as gazette's do.
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

fn rule(code: Code) -> Rule {
    Rule {
        id: code.as_str(),
        default_configuration: Configuration {
            level: level(code.severity()),
        },
    }
}

fn result(d: &Diagnostic, rule_index: usize) -> SarifResult<'_> {
    let text = if d.help.is_empty() {
        d.message.clone()
    } else {
        format!("{}\nhelp: {}", d.message, d.help)
    };
    SarifResult {
        rule_id: d.code.as_str(),
        rule_index,
        // `--deny-warnings` makes a warning an error: the result says what this run decided.
        level: level(d.severity),
        message: Message { text },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: Artifact {
                    uri: uri_of(&d.file),
                    uri_base_id: "%SRCROOT%",
                },
                region: d.line.map(|line| Region {
                    start_line: line,
                    start_column: d.column,
                }),
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
    default_configuration: Configuration,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
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
    #[test]
    fn paths_are_uri_references() {
        assert_eq!(super::uri_of("locales/fr/a.ftl"), "locales/fr/a.ftl");
        assert_eq!(super::uri_of("l/fr/é b.ftl"), "l/fr/%C3%A9%20b.ftl");
    }
}
