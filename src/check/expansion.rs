//! How long a message can get once formatted: an upper bound, computed before formatting it.
//!
//! Messages can reference messages: `m1 = { m0 }{ m0 }…` a hundred times (fluent-bundle stops
//! at 100 placeables, so the billion laughs end early), but with a `m0` of a few megabytes
//! that is already hundreds of megabytes for one message, and a file of such lines would keep
//! `check` busy for hours. A message whose bound passes [`MAX_FORMATTED_BYTES`] is reported as
//! a `format-error` and not formatted, so the build (which refuses to publish on that error)
//! never formats it either.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

/// The longest text one message may format to: 1 MiB, thousands of times a real paragraph.
pub const MAX_FORMATTED_BYTES: u64 = 1024 * 1024;

/// Room for what a function (NUMBER) or a date writes.
const FUNCTION_BYTES: u64 = 64;

/// The messages and terms of one bundle (first definition wins, as in the bundle), with the
/// bounds computed so far.
pub(super) struct Sizes {
    resources: Vec<Arc<FluentResource>>,
    /// `id` or `-id` -> (resource, entry) index.
    index: HashMap<String, (usize, usize)>,
    /// What a `$variable` can write: the longest argument.
    variable: u64,
    memo: RefCell<HashMap<String, u64>>,
}

impl Sizes {
    pub fn new(resources: impl IntoIterator<Item = Arc<FluentResource>>, variable: u64) -> Sizes {
        let resources: Vec<_> = resources.into_iter().collect();
        let mut index = HashMap::new();
        for (r, resource) in resources.iter().enumerate() {
            for (e, entry) in resource.entries().enumerate() {
                let id = match entry {
                    ast::Entry::Message(m) => m.id.name.to_owned(),
                    ast::Entry::Term(t) => format!("-{}", t.id.name),
                    _ => continue,
                };
                index.entry(id).or_insert((r, e));
            }
        }
        Sizes {
            resources,
            index,
            variable: variable.max(FUNCTION_BYTES),
            memo: RefCell::new(HashMap::new()),
        }
    }

    /// An upper bound of the formatted length of a message (`-id` for a term) or one of its
    /// attributes, in bytes. A reference that loops counts for nothing (Fluent stops there).
    pub fn of(&self, id: &str, attribute: Option<&str>) -> u64 {
        let key = match attribute {
            Some(a) => format!("{id}.{a}"),
            None => id.to_owned(),
        };
        if let Some(&size) = self.memo.borrow().get(&key) {
            return size;
        }
        // In progress: a cycle, which Fluent reports instead of following.
        self.memo.borrow_mut().insert(key.clone(), 0);
        let size = self.compute(id, attribute);
        self.memo.borrow_mut().insert(key, size);
        size
    }

    fn compute(&self, id: &str, attribute: Option<&str>) -> u64 {
        let Some(&(r, e)) = self.index.get(id) else {
            // Fluent writes the id itself in braces.
            return id.len() as u64 + 2;
        };
        let Some(entry) = self.resources[r].entries().nth(e) else {
            return 0;
        };
        let (value, attributes) = match entry {
            ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
            _ => return 0,
        };
        let pattern = match attribute {
            None => value,
            Some(a) => attributes.iter().find(|x| x.id.name == a).map(|x| &x.value),
        };
        pattern.map_or(0, |p| self.pattern(p))
    }

    fn pattern(&self, pattern: &ast::Pattern<&str>) -> u64 {
        pattern.elements.iter().fold(0u64, |sum, element| {
            sum.saturating_add(match element {
                ast::PatternElement::TextElement { value } => value.len() as u64,
                ast::PatternElement::Placeable { expression } => self.expression(expression),
            })
        })
    }

    fn expression(&self, expression: &ast::Expression<&str>) -> u64 {
        match expression {
            ast::Expression::Select { variants, .. } => variants
                .iter()
                .map(|v| self.pattern(&v.value))
                .max()
                .unwrap_or(0),
            ast::Expression::Inline(inline) => self.inline(inline),
        }
    }

    fn inline(&self, inline: &ast::InlineExpression<&str>) -> u64 {
        match inline {
            ast::InlineExpression::StringLiteral { value }
            | ast::InlineExpression::NumberLiteral { value } => value.len() as u64,
            ast::InlineExpression::VariableReference { .. } => self.variable,
            ast::InlineExpression::FunctionReference { arguments, .. } => arguments
                .positional
                .iter()
                .fold(FUNCTION_BYTES, |sum, a| sum.saturating_add(self.inline(a))),
            ast::InlineExpression::MessageReference { id, attribute } => {
                self.of(id.name, attribute.as_ref().map(|a| a.name))
            }
            ast::InlineExpression::TermReference { id, attribute, .. } => {
                self.of(&format!("-{}", id.name), attribute.as_ref().map(|a| a.name))
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(text: &str) -> Sizes {
        Sizes::new([crate::intl::resource(text)], 10)
    }

    #[test]
    fn bounds_follow_references_terms_and_selectors() {
        let s = sizes(
            "-t = abc\nm0 = 12345\nm1 = x{ m0 }{ -t }{ $v }\n    .a = { m0 }\nm2 = { $n ->\n    [one] { m1 }\n   *[other] y\n}\nloop = { loop } z\n",
        );
        assert_eq!(s.of("m0", None), 5);
        assert_eq!(s.of("m1", None), 1 + 5 + 3 + FUNCTION_BYTES);
        assert_eq!(s.of("m1", Some("a")), 5);
        assert_eq!(s.of("m2", None), s.of("m1", None));
        assert_eq!(s.of("loop", None), 2);
        assert_eq!(s.of("nothing", None), 9);
    }

    #[test]
    fn billion_laughs_are_bounded_without_being_expanded() {
        let mut text = String::from("lol0 = lol\n");
        for i in 1..=64 {
            text.push_str(&format!("lol{i} = {{ lol{} }}{{ lol{} }}\n", i - 1, i - 1));
        }
        let s = sizes(&text);
        assert_eq!(s.of("lol10", None), 3 << 10);
        assert_eq!(s.of("lol64", None), u64::MAX);
    }
}
