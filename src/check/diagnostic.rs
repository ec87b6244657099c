//! The records `check` produces: [`Diagnostic`]s with SPEC's codes and severities, collected in
//! a [`Report`] with per-language counts. Findings are data, never errors raised with `?`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::config::{CodeLevel, Level};

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
    MissingBaseUrl,
    OrphanedArticle,
    BrokenLink,
}

impl Code {
    pub const ALL: [Code; 27] = [
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
        Code::MissingBaseUrl,
        Code::OrphanedArticle,
        Code::BrokenLink,
    ];

    /// What the code means, in Markdown, as the README's table of diagnostic codes writes it
    /// (found by the anchor of its row): the one text of it, so the SARIF rules, the manual
    /// pages and the README cannot disagree.
    pub fn meaning(self) -> &'static str {
        const README: &str = include_str!("../../README.md");
        let row = format!("| <a id=\"{self}\"></a>`{self}` | ");
        README
            .lines()
            .find_map(|line| line.strip_prefix(&row))
            .and_then(|rest| rest.split_once(" | "))
            .map_or("", |(_, meaning)| meaning.trim_end_matches(" |"))
    }

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
            Code::MissingBaseUrl => "missing-base-url",
            Code::OrphanedArticle => "orphaned-article",
            Code::BrokenLink => "broken-link",
        }
    }

    /// The code named `name` (as `--allow` or `[check]` write it), or why none is: with the
    /// nearest code's name when one is near.
    pub fn named(name: &str) -> Result<Code, String> {
        if let Some(code) = Code::ALL.into_iter().find(|c| c.as_str() == name) {
            return Ok(code);
        }
        let nearest = crate::guard::nearest(name, Code::ALL.map(Code::as_str), 0.8);
        Err(match nearest {
            Some(code) => {
                format!("`{name}` is not a diagnostic code: did you mean `{code}`?")
            }
            None => format!(
                "`{name}` is not a diagnostic code (the codes are in the README's table, e.g. `obsolete-message`)"
            ),
        })
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
            | Code::UnsupportedMarkup
            | Code::MissingBaseUrl
            | Code::OrphanedArticle => Severity::Warning,
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// `stale-translation`: how the source text changed since the translation was reviewed.
    #[serde(default)]
    pub change: Option<Box<SourceChange>>,
    /// `missing-message`: where the source message is, as the target file has no line for
    /// it (annotations and SARIF results are placed there, so they are shown on a line).
    #[serde(default)]
    pub source_location: Option<Box<SourceLocation>>,
}

/// A position in a source-language file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceLocation {
    /// Relative to the project root, `/`-separated.
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl Serialize for Diagnostic {
    /// SPEC's fields in order, then `change` and `source_location` where there is one. JSON
    /// leaves out those of none, so only stale translations have a `change` and missing
    /// messages a `source_location`; the build cache's binary format, whose fields are known
    /// by their place, keeps them.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let json = serializer.is_human_readable();
        let skip_change = json && self.change.is_none();
        let skip_location = json && self.source_location.is_none();
        let mut s = serializer.serialize_struct("Diagnostic", 13)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("locale", &self.locale)?;
        s.serialize_field("file", &self.file)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("column", &self.column)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("attribute", &self.attribute)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("help", &self.help)?;
        if skip_change {
            s.skip_field("change")?;
        } else {
            s.serialize_field("change", &self.change)?;
        }
        if skip_location {
            s.skip_field("source_location")?;
        } else {
            s.serialize_field("source_location", &self.source_location)?;
        }
        s.end()
    }
}

/// A source text that changed: the text a translation was reviewed against, today's (each
/// on one line, as the message shows them), and a word diff of the two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceChange {
    pub old: String,
    pub new: String,
    /// Both texts word by word, in order: `same` and `removed` spans make `old`, `same` and
    /// `added` spans make `new`.
    pub spans: Vec<Span>,
}

/// Words removed and added since the last unchanged word, and the spaces after them that
/// may join them to the next change.
#[derive(Default)]
struct Change {
    removed: String,
    added: String,
    gap: String,
}

impl Change {
    fn both(&self) -> bool {
        !self.removed.is_empty() && !self.added.is_empty()
    }

    /// Another changed word comes: the gap before it is part of the change, on both sides.
    fn join(&mut self) -> &mut Self {
        let gap = std::mem::take(&mut self.gap);
        self.removed.push_str(&gap);
        self.added.push_str(&gap);
        self
    }

    /// The change so far as a removed and an added span; a gap no change followed is
    /// unchanged text.
    fn flush(&mut self, spans: &mut Vec<Span>) {
        let change = std::mem::take(self);
        push(spans, SpanKind::Removed, &change.removed);
        push(spans, SpanKind::Added, &change.added);
        push(spans, SpanKind::Same, &change.gap);
    }
}

/// Add text to the spans, to the last one if it is of the same kind.
fn push(spans: &mut Vec<Span>, kind: SpanKind, text: &str) {
    match spans.last_mut() {
        _ if text.is_empty() => {}
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => spans.push(Span {
            kind,
            text: text.to_owned(),
        }),
    }
}

/// A run of words of a [`SourceChange`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub kind: SpanKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanKind {
    Same,
    Removed,
    Added,
}

impl SourceChange {
    /// The word diff of `old` and `new` (Patience, by `similar`). Changed words separated
    /// only by spaces make one change (`[-coeur des-]{+cœur de toute+}`, not three).
    pub fn new(old: &str, new: &str) -> SourceChange {
        let diff = similar::TextDiff::configure()
            .algorithm(similar::Algorithm::Patience)
            .diff_words(old, new);
        let mut spans = Vec::new();
        let mut pending = Change::default();
        for change in diff.iter_all_changes() {
            let text = change.value();
            match change.tag() {
                similar::ChangeTag::Delete => pending.join().removed.push_str(text),
                similar::ChangeTag::Insert => pending.join().added.push_str(text),
                similar::ChangeTag::Equal if text.trim().is_empty() && pending.both() => {
                    pending.gap.push_str(text)
                }
                similar::ChangeTag::Equal => {
                    pending.flush(&mut spans);
                    push(&mut spans, SpanKind::Same, text);
                }
            }
        }
        pending.flush(&mut spans);
        SourceChange {
            old: old.to_owned(),
            new: new.to_owned(),
            spans,
        }
    }
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
            change: None,
            source_location: None,
        }
    }

    pub fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    /// At the entry's line and column, naming its id: where a finding about a message is.
    pub fn at_entry(self, entry: &crate::ftl::Entry) -> Self {
        self.at(entry.line, Some(entry.column)).id(&entry.id)
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

    pub fn source_location(mut self, file: &std::path::Path, line: usize, column: usize) -> Self {
        self.source_location = Some(Box::new(SourceLocation {
            file: slash_path(file),
            line,
            column,
        }));
        self
    }

    pub fn change(mut self, old: &str, new: &str) -> Self {
        self.change = Some(Box::new(SourceChange::new(old, new)));
        self
    }
}

/// A path as reports print it: `/` separators on every platform.
pub fn slash_path(path: &std::path::Path) -> String {
    path.to_string_lossy()
        .replace(std::path::MAIN_SEPARATOR, "/")
}

/// The level a project gives codes (`[check]` of gazette.toml, then `--allow`, `--warn`,
/// `--deny`; the last one of a code wins); a code not named keeps its default severity.
#[derive(Debug, Clone, Default)]
pub struct Levels(BTreeMap<Code, Level>);

impl Levels {
    /// The levels of the settings, each code's name checked: a misspelt one would silently
    /// allow nothing.
    pub fn new(levels: &[CodeLevel]) -> crate::error::Result<Levels> {
        let mut by_code = BTreeMap::new();
        for l in levels {
            let code = Code::named(&l.code).map_err(|m| match l.line {
                Some(line) => crate::error::Error::Config {
                    path: crate::config::CONFIG_FILE.into(),
                    message: format!("line {line}: check.{}: {m}", l.level.name()),
                },
                None => crate::error::Error::Usage(format!("--{}: {m}", l.level.name())),
            })?;
            by_code.insert(code, l.level);
        }
        Ok(Levels(by_code))
    }

    /// Leave out the findings of allowed codes; make those of the others warnings or errors.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.0.is_empty() {
            return;
        }
        diagnostics.retain_mut(|d| match self.0.get(&d.code) {
            Some(Level::Allow) => false,
            Some(Level::Warn) => {
                d.severity = Severity::Warning;
                true
            }
            Some(Level::Deny) => {
                d.severity = Severity::Error;
                true
            }
            None => true,
        });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(old: &str, new: &str) -> Vec<(SpanKind, String)> {
        let change = SourceChange::new(old, new);
        change.spans.into_iter().map(|s| (s.kind, s.text)).collect()
    }

    #[test]
    fn changed_words_between_spaces_are_one_change() {
        use SpanKind::*;
        assert_eq!(
            spans(
                "au coeur des négociations.",
                "au cœur de toute négociation."
            ),
            [
                (Same, "au ".to_owned()),
                (Removed, "coeur des négociations.".to_owned()),
                (Added, "cœur de toute négociation.".to_owned()),
            ]
        );
        // Words only removed (or only added) keep the unchanged space beside them.
        assert_eq!(
            spans("un deux trois quatre", "un quatre"),
            [
                (Same, "un ".to_owned()),
                (Removed, "deux trois ".to_owned()),
                (Same, "quatre".to_owned()),
            ]
        );
        assert_eq!(spans("même", "même"), [(Same, "même".to_owned())]);
    }
}
