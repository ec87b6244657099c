//! Plain-text edition helpers: wrapping at 72 columns and tidying template output.

use crate::markup;
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, Renderable,
};

/// Columns of the plain-text edition.
pub const WIDTH: usize = 72;

pub(super) fn register_helpers(registry: &mut Handlebars) {
    registry.register_helper("wrap", Box::new(Wrap));
    registry.register_helper("underline", Box::new(underline));
}

/// Fill at 72 columns, never breaking a word (a URL stays whole). Inline: `{{wrap text}}`,
/// `{{wrap text "  - " "    "}}` (first-line indent, then the other lines' indent, which
/// defaults to the first). Block: `{{#wrap}}{{label}}: {{text}}{{/wrap}}` wraps what it renders.
struct Wrap;

impl HelperDef for Wrap {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let (text, first, rest) = match h.template() {
            Some(t) => (t.renders(r, ctx, rc)?, String::new(), None),
            None => (
                param_str(h, 0),
                param_str(h, 1),
                h.param(2).map(|_| param_str(h, 2)),
            ),
        };
        let rest = rest.unwrap_or_else(|| first.clone());
        let options = textwrap::Options::new(WIDTH)
            .initial_indent(&first)
            .subsequent_indent(&rest)
            // Break at spaces only: URLs and hyphenated words stay whole, and no-break spaces
            // (French « », 17 août) hold.
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            // Greedy filling, as text editors and mail clients do (and much faster than optimal-fit).
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .break_words(false);
        out.write(&textwrap::fill(markup::to_text(&text).trim(), options))?;
        Ok(())
    }
}

/// `{{underline text "="}}`: a rule as wide as the longest wrapped line of `text`.
fn underline(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let text = markup::to_text(&param_str(h, 0));
    let rule = param_str(h, 1);
    let rule = rule.chars().next().unwrap_or('=');
    let width = textwrap::wrap(&text, WIDTH)
        .iter()
        .map(|l| textwrap::core::display_width(l))
        .max()
        .unwrap_or(0);
    out.write(&rule.to_string().repeat(width))?;
    Ok(())
}

/// A string parameter, or "" when absent or null.
pub(super) fn param_str(h: &Helper, i: usize) -> String {
    match h.param(i).map(|p| p.value()) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => String::new(),
        Some(v) => v.to_string(),
    }
}

/// Trailing spaces off, at most one blank line in a row, one final newline, no controls.
pub(super) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 {
            out.push('\n');
        }
        blank = 0;
        out.push_str(&crate::localise::clean(line));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(super::tidy("\n\nA  \n\n\n\nB\n\n"), "A\n\nB\n");
    }
}
