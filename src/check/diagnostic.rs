//! The records `check` produces: [`Diagnostic`]s with SPEC's codes and severities, collected in
//! a [`Report`] with per-language counts. Findings are data, never errors raised with `?`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How bad a finding is. Errors fail `check` and stop `build`; warnings only inform, unless
/// `--deny-warnings` turns them into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// The diagnostic codes of SPEC, spelled as they are in the JSON report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    SyntaxError,
    DuplicateMessage,
    DuplicateAttribute,
    MissingSourceMessage,
    MissingMessage,
    MissingAttribute,
    MissingValue,
    UnknownVariable,
    DroppedVariable,
    UnresolvedReference,
    FormatError,
    ObsoleteMessage,
    ObsoleteAttribute,
    StaleTranslation,
    Untranslated,
    MarkupMismatch,
    ReferenceMismatch,
    MissingPluralCategory,
    MissingTerm,
    UnsupportedMarkup,
    EmptyValue,
    UnbalancedDelimiters,
    WhitespaceMismatch,
    MissingAsset,
}

impl Code {
    pub const ALL: [Code; 24] = [
        Code::SyntaxError,
        Code::DuplicateMessage,
        Code::DuplicateAttribute,
        Code::MissingSourceMessage,
        Code::MissingMessage,
        Code::MissingAttribute,
        Code::MissingValue,
        Code::UnknownVariable,
        Code::DroppedVariable,
        Code::UnresolvedReference,
        Code::FormatError,
        Code::ObsoleteMessage,
        Code::ObsoleteAttribute,
        Code::StaleTranslation,
        Code::Untranslated,
        Code::MarkupMismatch,
        Code::ReferenceMismatch,
        Code::MissingPluralCategory,
        Code::MissingTerm,
        Code::UnsupportedMarkup,
        Code::EmptyValue,
        Code::UnbalancedDelimiters,
        Code::WhitespaceMismatch,
        Code::MissingAsset,
    ];

    /// The code as written in reports, e.g. `missing-message`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::SyntaxError => "syntax-error",
            Code::DuplicateMessage => "duplicate-message",
            Code::DuplicateAttribute => "duplicate-attribute",
            Code::MissingSourceMessage => "missing-source-message",
            Code::MissingMessage => "missing-message",
            Code::MissingAttribute => "missing-attribute",
            Code::MissingValue => "missing-value",
            Code::UnknownVariable => "unknown-variable",
            Code::DroppedVariable => "dropped-variable",
            Code::UnresolvedReference => "unresolved-reference",
            Code::FormatError => "format-error",
            Code::ObsoleteMessage => "obsolete-message",
            Code::ObsoleteAttribute => "obsolete-attribute",
            Code::StaleTranslation => "stale-translation",
            Code::Untranslated => "untranslated",
            Code::MarkupMismatch => "markup-mismatch",
            Code::ReferenceMismatch => "reference-mismatch",
            Code::MissingPluralCategory => "missing-plural-category",
            Code::MissingTerm => "missing-term",
            Code::UnsupportedMarkup => "unsupported-markup",
            Code::EmptyValue => "empty-value",
            Code::UnbalancedDelimiters => "unbalanced-delimiters",
            Code::WhitespaceMismatch => "whitespace-mismatch",
            Code::MissingAsset => "missing-asset",
        }
    }

    /// SPEC's default severity. The translation-quality codes (from `stale-translation` on)
    /// are warnings: they point at text to review, not at text that cannot be published.
    /// `missing-term` is an error: the target lacks a term its source relies on (it always
    /// comes with the term's own `missing-message`).
    pub fn severity(self) -> Severity {
        match self {
            Code::DroppedVariable
            | Code::ObsoleteMessage
            | Code::ObsoleteAttribute
            | Code::StaleTranslation
            | Code::Untranslated
            | Code::MarkupMismatch
            | Code::ReferenceMismatch
            | Code::MissingPluralCategory
            | Code::EmptyValue
            | Code::UnbalancedDelimiters
            | Code::WhitespaceMismatch
            | Code::UnsupportedMarkup => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding, with the fields of SPEC's JSON report (in that order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub locale: String,
    /// Relative to the project root, `/`-separated.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub id: Option<String>,
    pub attribute: Option<String>,
    pub message: String,
    /// What the editor can do about it, in one line.
    pub help: String,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity and no position, id or help yet.
    pub fn new(code: Code, locale: &str, file: &std::path::Path, message: String) -> Self {
        Diagnostic {
            severity: code.severity(),
            code,
            locale: locale.to_owned(),
            file: slash_path(file),
            line: None,
            column: None,
            id: None,
            attribute: None,
            message,
            help: String::new(),
        }
    }

    pub fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    pub fn id(mut self, id: &str) -> Self {
        self.id = Some(id.to_owned());
        self
    }

    pub fn attribute(mut self, attribute: &str) -> Self {
        self.attribute = Some(attribute.to_owned());
        self
    }

    pub fn help(mut self, help: String) -> Self {
        self.help = help;
        self
    }
}

/// A path as reports print it: `/` separators on every platform.
pub fn slash_path(path: &std::path::Path) -> String {
    path.to_string_lossy()
        .replace(std::path::MAIN_SEPARATOR, "/")
}

/// Translation coverage of one target language (or one of its files).
///
/// Every message (or term) of the source is exactly one of `translated` (present and up to
/// date), `stale` (present, but its source text changed since it was last reviewed: see
/// `gazette.lock.d/`) or `missing` (absent, or only a stub from `gazette sync`), as gettext
/// counts fuzzy entries apart from translated ones; `obsolete` counts the target's ids that
/// the source does not have.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    /// Messages and terms of the source that the target should have.
    pub messages: usize,
    pub translated: usize,
    pub missing: usize,
    pub stale: usize,
    pub obsolete: usize,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.messages += other.messages;
        self.translated += other.translated;
        self.missing += other.missing;
        self.stale += other.stale;
        self.obsolete += other.obsolete;
    }

    /// `translated` as a percentage of `messages`, rounded to one decimal (100 when there is
    /// nothing to translate). Never rounded up to 100 while something is left to do.
    pub fn percent(&self) -> f64 {
        if self.messages == 0 {
            return 100.0;
        }
        let p = (self.translated as f64 * 1000.0 / self.messages as f64).round() / 10.0;
        if p >= 100.0 && self.translated < self.messages {
            99.9
        } else {
            p
        }
    }
}

/// Everything `check` found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub source: String,
    /// Sorted by file, position, code and id, so output is stable.
    pub diagnostics: Vec<Diagnostic>,
    /// Target language -> coverage.
    pub locales: BTreeMap<String, Counts>,
    /// Target language -> target file (relative to the project root, as diagnostics print it;
    /// also files that do not exist yet) -> its coverage. Sums to `locales`.
    pub files: BTreeMap<String, BTreeMap<String, Counts>>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Turn every warning into an error (`--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for d in &mut self.diagnostics {
            d.severity = Severity::Error;
        }
    }
}
