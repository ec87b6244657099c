//! Stage 2, parse: Fluent text -> the facts the checks need (ids, attributes, variables,
//! references, positions), from `fluent_syntax`'s full parser so junk and comments are seen.
//!
//! `fluent_syntax` 0.12 keeps no spans, but parsing a `&str` makes every identifier a slice of
//! the source, so its byte offset is the distance between the two pointers.

use std::collections::BTreeSet;

use fluent_syntax::ast;
use fluent_syntax::parser;

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
    for error in errors {
        // Report where the broken entry starts, unless the parser stopped on that same line.
        let start = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
        let at = if line_col(text, start).0 == line_col(text, error.pos.start).0 {
            error.pos.start
        } else {
            start
        };
        let (line, column) = line_col(text, at);
        facts.errors.push(SyntaxError {
            line,
            column,
            message: error.kind.to_string(),
        });
    }
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => facts.entries.push(entry_facts(
                text,
                m.id.name,
                "",
                m.value.as_ref(),
                &m.attributes,
            )),
            ast::Entry::Term(t) => facts.entries.push(entry_facts(
                text,
                t.id.name,
                "-",
                Some(&t.value),
                &t.attributes,
            )),
            ast::Entry::Junk { content } => facts.junk_ids.extend(junk_ids(content)),
            _ => {}
        }
    }
    facts
}

fn entry_facts(
    text: &str,
    name: &str,
    prefix: &str,
    value: Option<&ast::Pattern<&str>>,
    attributes: &[ast::Attribute<&str>],
) -> Entry {
    let (line, column) = line_col(text, offset_in(text, name));
    let mut entry = Entry {
        id: format!("{prefix}{name}"),
        line,
        column,
        has_value: value.is_some(),
        attributes: attributes
            .iter()
            .map(|a| {
                (
                    a.id.name.to_owned(),
                    line_col(text, offset_in(text, a.id.name)).0,
                )
            })
            .collect(),
        variables: BTreeSet::new(),
        references: BTreeSet::new(),
    };
    for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
        walk_pattern(pattern, &mut entry);
    }
    entry
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
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
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

/// Ids that look like they start an entry in a piece of junk (`id =` at a line start).
fn junk_ids(content: &str) -> Vec<String> {
    content
        .lines()
        .filter_map(|line| {
            let (head, _) = line.split_once('=')?;
            let id = head.trim_end();
            let name = id.strip_prefix('-').unwrap_or(id);
            let mut chars = name.chars();
            let ok = chars.next()?.is_ascii_alphabetic()
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
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
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The text of a 1-based line, without its line ending.
pub fn line_text(text: &str, line: usize) -> Option<&str> {
    text.lines()
        .nth(line.checked_sub(1)?)
        .map(|l| l.trim_end_matches('\r'))
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
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "é\nab«c";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, text.find('c').unwrap()), (2, 4));
        assert_eq!(line_text(text, 2), Some("ab«c"));
    }
}
