//! The parse stage: Fluent text -> the facts the checks need (ids, attributes, variables,
//! references, positions), from `fluent_syntax`'s full parser so junk and comments are seen.
//!
//! `fluent_syntax` 0.12 keeps no spans, but parsing a `&str` makes every identifier a slice of
//! the source, so its byte offset is the distance between the two pointers.
//!
//! Besides the structure, each entry keeps its text normalised by `fluent_syntax`'s serializer
//! (what `stale-translation` fingerprints and what `sync` copies into stubs) and, per pattern,
//! what the translation-quality checks compare: the visible text, markup and plural selectors.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use fluent_syntax::parser;
use fluent_syntax::serializer;

/// The comment line that marks a stub written by `gazette sync`: `# gazette: stub <id>` or
/// `# gazette: stub <id>.<attribute>`.
pub const STUB_MARKER: &str = "# gazette: stub ";

/// The comment (directly above a message) by which an editor says that the translation is
/// meant to be identical to the source (`untranslated` is then not reported).
pub const SAME_AS_SOURCE: &str = "gazette: same-as-source";

/// Stands for a placeable (variable, reference, function) in [`Pattern::visible`].
pub const PLACEHOLDER: char = '\u{fffc}';

/// One message or term of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The id; terms keep their leading `-`, as diagnostics report them.
    pub id: String,
    /// 1-based line and column of the id.
    pub line: usize,
    pub column: usize,
    pub has_value: bool,
    /// Attribute names in file order, with their 1-based lines (duplicates kept).
    pub attributes: Vec<(String, usize)>,
    /// `$variables` used anywhere in the message (value, attributes, selectors, arguments).
    pub variables: BTreeSet<String>,
    /// References to other entries: `id`, `id.attr`, `-term`, `-term.attr`.
    pub references: BTreeSet<String>,
    /// Number literals as written (`{ 12.5 }`, `NUMBER(0.50)`), variant keys aside: the
    /// numbers the message publishes itself.
    pub numbers: BTreeSet<String>,
    /// The entry as Fluent text, normalised by the serializer, without its comment and without
    /// the leading `id =`: what a translation is reviewed against (`stale-translation`).
    pub text: String,
    /// The value (if any) then each attribute, in file order.
    pub patterns: Vec<Pattern>,
    /// A `# gazette: same-as-source` comment is attached to the entry.
    pub same_as_source: bool,
}

/// One pattern of an entry (its value or one attribute), as the quality checks see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// `None` for the value, the attribute's name otherwise.
    pub attribute: Option<String>,
    /// 1-based line of the entry's id (value) or of the attribute's name.
    pub line: usize,
    /// The pattern as normalised Fluent text: two patterns that only differ in layout are equal.
    pub text: String,
    /// Roughly what a reader sees: text and string literals as written, every other placeable
    /// as [`PLACEHOLDER`]; a select expression shows its default variant.
    pub visible: String,
    /// Selectors on a variable (`{ $n -> ...}` or `{ NUMBER($n) -> ...}`), nested ones included.
    pub selectors: Vec<Selector>,
}

/// A select expression on a variable, with its variant keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Selector {
    pub variable: String,
    /// Identifier keys (`one`, `other`, `masculine`...), in order.
    pub keys: Vec<String>,
    /// Number keys (`[0]`, `[1]`), as written.
    pub numbers: Vec<String>,
}

/// A parse error, one per junk entry.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// What the checks know of one `.ftl` file.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    pub entries: Vec<Entry>,
    pub errors: Vec<SyntaxError>,
    /// Ids that appear to start an entry inside junk: not reported again as missing.
    pub junk_ids: BTreeSet<String>,
    /// Stubs written by `gazette sync` and not filled in yet: `id` or `id.attribute` -> the
    /// 1-based line of its `# gazette: stub` marker.
    pub stubs: BTreeMap<String, usize>,
}

impl FileFacts {
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }
}

/// Parse one file's text.
pub fn parse(text: &str) -> FileFacts {
    let (resource, errors) = match parser::parse(text) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => (r, errors),
    };
    let mut facts = FileFacts::default();
    let lines = Lines::new(text);
    for error in errors {
        // Report where the broken entry starts, unless the parser stopped on that same line.
        let start = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
        let at = if lines.line_col(start).0 == lines.line_col(error.pos.start).0 {
            error.pos.start
        } else {
            start
        };
        let (line, column) = lines.line_col(at);
        facts.errors.push(SyntaxError {
            line,
            column,
            message: error.kind.to_string(),
        });
    }
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => facts.entries.push(entry_facts(
                &lines,
                m.id.name,
                "",
                m.value.as_ref(),
                &m.attributes,
                m.comment.as_ref(),
            )),
            ast::Entry::Term(t) => facts.entries.push(entry_facts(
                &lines,
                t.id.name,
                "-",
                Some(&t.value),
                &t.attributes,
                t.comment.as_ref(),
            )),
            ast::Entry::Junk { content } => facts.junk_ids.extend(junk_ids(content)),
            _ => {}
        }
    }
    facts.stubs = stubs(text);
    facts
}

fn entry_facts(
    lines: &Lines,
    name: &str,
    prefix: &str,
    value: Option<&ast::Pattern<&str>>,
    attributes: &[ast::Attribute<&str>],
    comment: Option<&ast::Comment<&str>>,
) -> Entry {
    // A term's position is that of its `-`, as its reported id starts with it.
    let text = lines.text;
    let (line, column) = lines.line_col(offset_in(text, name).saturating_sub(prefix.len()));
    let attribute_lines: Vec<(String, usize)> = attributes
        .iter()
        .map(|a| {
            (
                a.id.name.to_owned(),
                lines.line_col(offset_in(text, a.id.name)).0,
            )
        })
        .collect();
    let after_id = serialized_after_id(name, prefix, value, attributes);
    let mut patterns = Vec::new();
    if let Some(v) = value {
        // Without attributes, the value serialises as the whole entry does after `id =`
        // (serialising is most of the cost of parsing a file).
        let alone;
        let serialized = if attributes.is_empty() {
            &after_id
        } else {
            alone = serialized_pattern(v);
            &alone
        };
        patterns.push(pattern_facts(v, None, line, serialized));
    }
    for (a, (attr, attr_line)) in attributes.iter().zip(&attribute_lines) {
        let serialized = serialized_pattern(&a.value);
        patterns.push(pattern_facts(
            &a.value,
            Some(attr.clone()),
            *attr_line,
            &serialized,
        ));
    }
    let mut entry = Entry {
        id: format!("{prefix}{name}"),
        line,
        column,
        has_value: value.is_some(),
        attributes: attribute_lines,
        variables: BTreeSet::new(),
        references: BTreeSet::new(),
        numbers: BTreeSet::new(),
        text: entry_text(&after_id),
        patterns,
        same_as_source: comment.is_some_and(|c| {
            c.content
                .iter()
                .any(|l| l.trim_start().starts_with(SAME_AS_SOURCE))
        }),
    };
    for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
        walk_pattern(pattern, &mut entry);
    }
    entry
}

/// Serialise one message (or term) without its comment.
fn serialize_entry(
    name: &str,
    prefix: &str,
    value: Option<&ast::Pattern<&str>>,
    attributes: &[ast::Attribute<&str>],
) -> String {
    let id = ast::Identifier { name };
    let entry = if prefix.is_empty() {
        ast::Entry::Message(ast::Message {
            id,
            value: value.cloned(),
            attributes: attributes.to_vec(),
            comment: None,
        })
    } else {
        ast::Entry::Term(ast::Term {
            id,
            value: value.cloned().unwrap_or(ast::Pattern { elements: vec![] }),
            attributes: attributes.to_vec(),
            comment: None,
        })
    };
    serializer::serialize(&ast::Resource { body: vec![entry] })
}

/// What the serializer writes of an entry (comment left out) after its `id =`.
fn serialized_after_id(
    name: &str,
    prefix: &str,
    value: Option<&ast::Pattern<&str>>,
    attributes: &[ast::Attribute<&str>],
) -> String {
    let mut full = serialize_entry(name, prefix, value, attributes);
    let head = format!("{prefix}{name} =");
    if full.starts_with(&head) {
        full.split_off(head.len())
    } else {
        full
    }
}

/// What the serializer writes of a pattern after an `id =`, whatever the id.
fn serialized_pattern(pattern: &ast::Pattern<&str>) -> String {
    serialized_after_id("x", "", Some(pattern), &[])
}

/// The normalised text of an entry after its `id =` ([`serialized_after_id`]): `Bonjour
/// { $name }`, or for a message with attributes the indented `.attr = ...` lines. Stable
/// across layout changes.
fn entry_text(after_id: &str) -> String {
    let rest = after_id.strip_prefix(' ').unwrap_or(after_id);
    let rest = rest.trim_end_matches('\n');
    match rest.strip_prefix('\n') {
        // Attributes only (or a block value): dedent, so the text reads `.alt = ...`.
        Some(block) => block
            .split('\n')
            .map(|l| l.strip_prefix("    ").unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n"),
        None => rest.to_owned(),
    }
}

/// The normalised Fluent text of one entry of `text` (comment left out), ending with a newline:
/// what `sync` comments out into a stub. `attribute` selects a single attribute, written as
/// its indented `.name = ...` lines.
pub fn entry_source(text: &str, id: &str, attribute: Option<&str>) -> Option<String> {
    let resource = match parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let (name, prefix) = match id.strip_prefix('-') {
        Some(n) => (n, "-"),
        None => (id, ""),
    };
    resource.body.iter().find_map(|entry| {
        let (value, attributes) = match entry {
            ast::Entry::Message(m) if prefix.is_empty() && m.id.name == name => {
                (m.value.as_ref(), &m.attributes)
            }
            ast::Entry::Term(t) if !prefix.is_empty() && t.id.name == name => {
                (Some(&t.value), &t.attributes)
            }
            _ => return None,
        };
        match attribute {
            None => Some(serialize_entry(name, prefix, value, attributes)),
            Some(a) => {
                let attr = attributes.iter().find(|x| x.id.name == a)?;
                let full = serialize_entry(name, "", None, std::slice::from_ref(attr));
                Some(full.split_once('\n')?.1.to_owned())
            }
        }
    })
}

/// The facts of one pattern; `serialized` is what the serializer writes of it after an
/// `id =` ([`serialized_pattern`]).
fn pattern_facts(
    pattern: &ast::Pattern<&str>,
    attribute: Option<String>,
    line: usize,
    serialized: &str,
) -> Pattern {
    let text = serialized
        .trim_start_matches(' ')
        .trim_matches('\n')
        .to_owned();
    let mut facts = Pattern {
        attribute,
        line,
        text,
        visible: String::new(),
        selectors: Vec::new(),
    };
    let mut visible = String::new();
    visible_text(pattern, &mut visible, &mut facts.selectors);
    facts.visible = visible;
    facts
}

/// Append what a reader would see of a pattern, and collect its selectors on variables.
fn visible_text(pattern: &ast::Pattern<&str>, out: &mut String, selectors: &mut Vec<Selector>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                visible_expression(expression, out, selectors)
            }
        }
    }
}

fn visible_expression(
    expression: &ast::Expression<&str>,
    out: &mut String,
    selectors: &mut Vec<Selector>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            if let Some(variable) = selector_variable(selector) {
                let (mut keys, mut numbers) = (Vec::new(), Vec::new());
                for v in variants {
                    match &v.key {
                        ast::VariantKey::Identifier { name } => keys.push((*name).to_owned()),
                        ast::VariantKey::NumberLiteral { value } => {
                            numbers.push((*value).to_owned())
                        }
                    }
                }
                selectors.push(Selector {
                    variable,
                    keys,
                    numbers,
                });
            }
            for v in variants {
                // Every variant's selectors count; only the default variant's text is shown.
                let mut text = String::new();
                visible_text(&v.value, &mut text, selectors);
                if v.default {
                    out.push_str(&text);
                }
            }
        }
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
            out.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value))
        }
        ast::Expression::Inline(ast::InlineExpression::NumberLiteral { value }) => {
            out.push_str(value)
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            visible_expression(expression, out, selectors)
        }
        ast::Expression::Inline(_) => out.push(PLACEHOLDER),
    }
}

/// `$n` or `NUMBER($n, ...)`: the variable a selector chooses on.
fn selector_variable(selector: &ast::InlineExpression<&str>) -> Option<String> {
    match selector {
        ast::InlineExpression::VariableReference { id } => Some(id.name.to_owned()),
        ast::InlineExpression::FunctionReference { id, arguments } if id.name == "NUMBER" => {
            match arguments.positional.first()? {
                ast::InlineExpression::VariableReference { id } => Some(id.name.to_owned()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `# gazette: stub <id>` markers, by id (or `id.attribute`), with their lines.
fn stubs(text: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix(STUB_MARKER) {
            if let Some(id) = rest.split_whitespace().next() {
                out.entry(id.to_owned()).or_insert(n + 1);
            }
        }
    }
    out
}

fn walk_pattern(pattern: &ast::Pattern<&str>, entry: &mut Entry) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, entry);
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, entry: &mut Entry) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, entry);
            for v in variants {
                walk_pattern(&v.value, entry);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, entry),
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, entry: &mut Entry) {
    let with_attr = |id: String, attribute: &Option<ast::Identifier<&str>>| match attribute {
        Some(a) => format!("{id}.{}", a.name),
        None => id,
    };
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            entry.variables.insert(id.name.to_owned());
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            entry
                .references
                .insert(with_attr(id.name.to_owned(), attribute));
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            entry
                .references
                .insert(with_attr(format!("-{}", id.name), attribute));
            if let Some(args) = arguments {
                walk_arguments(args, entry);
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            walk_arguments(arguments, entry)
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, entry),
        ast::InlineExpression::NumberLiteral { value } => {
            entry.numbers.insert((*value).to_owned());
        }
        ast::InlineExpression::StringLiteral { .. } => {}
    }
}

fn walk_arguments(args: &ast::CallArguments<&str>, entry: &mut Entry) {
    for a in &args.positional {
        walk_inline(a, entry);
    }
    for a in &args.named {
        walk_inline(&a.value, entry);
    }
}

/// Ids that look like they start an entry in a piece of junk: the identifier the junk starts
/// with, whatever follows it (`mayor-quote « Nous »` lacks its `=`), and any `id =` at a line
/// start after it.
fn junk_ids(content: &str) -> Vec<String> {
    content
        .lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let end = line
                .char_indices()
                .skip(usize::from(line.starts_with('-')))
                .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
                .map_or(line.len(), |(i, _)| i);
            let id = &line[..end];
            let name = id.strip_prefix('-').unwrap_or(id);
            let starts_entry = n == 0 || line[end..].trim_start().starts_with('=');
            let ok = name.starts_with(|c: char| c.is_ascii_alphabetic()) && starts_entry;
            ok.then(|| id.to_owned())
        })
        .collect()
}

/// Byte offset of `slice` within `text`, which it must borrow from.
fn offset_in(text: &str, slice: &str) -> usize {
    (slice.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

/// 1-based line and column (in characters) of a byte offset.
/// Where every line of a text starts: positions of many offsets without rescanning the text.
pub(crate) struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The same as [`line_col`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// 1-based column of the first non-blank character of a line (where an attribute's `.` is).
pub fn indent_column(text: &str, line: usize) -> usize {
    line_text(text, line).map_or(1, |l| {
        l.chars().take_while(|c| c.is_whitespace()).count() + 1
    })
}

/// The text of a 1-based line, without its line ending.
pub fn line_text(text: &str, line: usize) -> Option<&str> {
    text.lines()
        .nth(line.checked_sub(1)?)
        .map(|l| l.trim_end_matches('\r'))
}

/// A `.ftl` file's name in its language folder as commands take it (`sync --accept
/// <file>:<id>`) and reports show it: without `.ftl`, so an article's file is its slug.
pub fn short_name(file: &str) -> &str {
    file.strip_suffix(".ftl").unwrap_or(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_of_messages_terms_and_junk() {
        let text = "# c\n-brand = Gazette\nintro = { $count ->\n    [one] { -brand } a\n   *[other] { $count } { other.title }\n }\n    .alt = { $who }\n    .alt = x\nbroken = { oops\nfine = ok\n";
        let f = parse(text);
        let ids: Vec<_> = f.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["-brand", "intro", "fine"]);
        let intro = f.get("intro").unwrap();
        assert_eq!((intro.line, intro.column), (3, 1));
        assert_eq!(intro.variables.iter().collect::<Vec<_>>(), ["count", "who"]);
        assert_eq!(
            intro.references.iter().collect::<Vec<_>>(),
            ["-brand", "other.title"]
        );
        assert_eq!(intro.attributes, [("alt".into(), 7), ("alt".into(), 8)]);
        assert_eq!(f.errors.len(), 1);
        assert_eq!(f.errors[0].line, 9);
        assert!(f.junk_ids.contains("broken"));
        // An entry that lacks its `=` is junk that still names its id.
        let f = parse("ok = x\nmayor-quote « Nous »\n-term: y\n");
        assert_eq!(
            f.junk_ids.iter().collect::<Vec<_>>(),
            ["-term", "mayor-quote"]
        );
    }

    #[test]
    fn normalised_text_patterns_and_markers() {
        let text = "# gazette: same-as-source\nok = OK\nphoto =\n        .alt = Une   { $who }\n    .title = { \" \" }<em>x</em> { $n ->\n        [one] un\n       *[other] { NUMBER($n) ->\n           *[many] plusieurs\n        }\n    }\n# gazette: stub gone — translate\n# gone = Parti\n";
        let f = parse(text);
        assert!(f.get("ok").unwrap().same_as_source);
        let photo = f.get("photo").unwrap();
        assert!(!photo.same_as_source);
        assert!(
            photo
                .text
                .starts_with(".alt = Une   { $who }\n.title =\n    { \" \" }<em>"),
            "{}",
            photo.text
        );
        let [alt, title] = &photo.patterns[..] else {
            panic!("{:?}", photo.patterns)
        };
        assert_eq!((alt.attribute.as_deref(), alt.line), (Some("alt"), 4));
        assert_eq!(alt.visible, "Une   \u{fffc}");
        assert_eq!(title.visible, " <em>x</em> plusieurs");
        let keys: Vec<_> = title
            .selectors
            .iter()
            .map(|s| (s.variable.as_str(), s.keys.clone()))
            .collect();
        assert_eq!(
            keys,
            [
                ("n", vec!["one".to_owned(), "other".to_owned()]),
                ("n", vec!["many".to_owned()])
            ]
        );
        assert_eq!(f.stubs.get("gone"), Some(&11));
        assert_eq!(
            entry_source(text, "photo", Some("alt")).as_deref(),
            Some("    .alt = Une   { $who }\n")
        );
        assert_eq!(entry_source(text, "ok", None).as_deref(), Some("ok = OK\n"));
    }

    /// A value-only entry's pattern text is taken from the entry's serialisation: it must be
    /// what serialising the pattern alone gives, whatever the id and the layout.
    #[test]
    fn pattern_texts_do_not_depend_on_the_entry() {
        let text = "a = Bonjour\nlong-identifier-here = { $n ->\n    [one] un\n   *[other] { $n } « x »\n}\n-term = Gazette\nblock =\n    Ligne un\n    Ligne deux\n\n    après un blanc\nwith-attr = v { -term }\n    .alt = texte\n";
        let resource = parser::parse(text).unwrap();
        let facts = parse(text);
        assert_eq!(resource.body.len(), facts.entries.len());
        for (ast_entry, entry) in resource.body.iter().zip(&facts.entries) {
            let (value, attributes) = match ast_entry {
                ast::Entry::Message(m) => (m.value.as_ref(), m.attributes.as_slice()),
                ast::Entry::Term(t) => (Some(&t.value), t.attributes.as_slice()),
                _ => unreachable!(),
            };
            let alone = |p| {
                serialized_pattern(p)
                    .trim_start_matches(' ')
                    .trim_matches('\n')
                    .to_owned()
            };
            let expected: Vec<String> = value
                .into_iter()
                .chain(attributes.iter().map(|a| &a.value))
                .map(alone)
                .collect();
            let got: Vec<&str> = entry.patterns.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(got, expected, "{}", entry.id);
        }
        assert_eq!(
            facts.get("block").unwrap().text,
            "Ligne un\nLigne deux\n\naprès un blanc"
        );
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "é\nab«c";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, text.find('c').unwrap()), (2, 4));
        let lines = Lines::new(text);
        for offset in 0..=text.len() + 1 {
            assert_eq!(lines.line_col(offset), line_col(text, offset), "{offset}");
        }
        assert_eq!(line_text(text, 2), Some("ab«c"));
    }
}
