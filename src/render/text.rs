//! Plain-text edition helpers: wrapping at 72 columns and tidying template output.

use std::borrow::Cow;

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

/// Fill at 72 columns, never breaking a word (a URL stays whole), between ideographs too. Inline: `{{wrap text}}`,
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
            Some(t) => (Cow::Owned(t.renders(r, ctx, rc)?), Cow::Borrowed(""), None),
            None => (
                param_str(h, 0),
                param_str(h, 1),
                h.param(2).map(|_| param_str(h, 2)),
            ),
        };
        let rest = rest.unwrap_or_else(|| first.clone());
        let mut filled = String::new();
        fill(markup::to_text(&text).trim(), &first, &rest, &mut filled);
        out.write(&filled)?;
        Ok(())
    }
}

/// `textwrap::fill(text, options)` with the options of `{{wrap}}`: width 72 columns by East
/// Asian Width (an ideograph is two), these indents, breaks where Unicode's line breaking
/// (UAX #14) allows one — after a space, between ideographs, around Japanese kana — except
/// between two ASCII characters (URLs, hyphenated words hold; no-break spaces hold too), no
/// hyphenation, greedy first-fit filling (as text editors and mail clients do), no broken words.
///
/// The same bytes as `textwrap::fill` — textwrap's own first-fit algorithm places the breaks —
/// without its per-call allocations (a boxed word iterator, a vector of words and one of
/// lines, an owned string per indented line) or a character walk over ASCII words to measure
/// them, which made `wrap` the largest cost of rendering. The tests compare the two.
fn fill(text: &str, initial_indent: &str, subsequent_indent: &str, out: &mut String) {
    if text.len() < WIDTH && !text.contains('\n') && initial_indent.is_empty() {
        out.push_str(text.trim_end_matches(' '));
        return;
    }
    let widths = [
        WIDTH.saturating_sub(textwrap::core::display_width(initial_indent)) as f64,
        WIDTH.saturating_sub(textwrap::core::display_width(subsequent_indent)) as f64,
    ];
    let mut words = Vec::new();
    let mut lines = 0usize;
    for line in text.split('\n') {
        let indent = if lines == 0 {
            initial_indent
        } else {
            subsequent_indent
        };
        if line.len() < WIDTH && indent.is_empty() {
            push_line(out, &mut lines, "", line.trim_end_matches(' '));
            continue;
        }
        words.clear();
        if spaced(line) {
            ascii_space_words(line, &mut words);
        } else {
            line_break_words(line, &mut words);
        }
        let mut idx = 0;
        for fragments in textwrap::wrap_algorithms::wrap_first_fit(&words, &widths) {
            let Some(last) = fragments.last() else {
                push_line(out, &mut lines, "", "");
                continue;
            };
            let len = last.end - idx;
            let indent = if lines == 0 {
                initial_indent
            } else {
                subsequent_indent
            };
            push_line(out, &mut lines, indent, &line[idx..last.word_end]);
            idx += len;
        }
    }
}

/// Is `line` of the scripts that break lines only at spaces (Latin, Greek, Cyrillic, Arabic,
/// Hebrew…, with their punctuation: `«`, `’`, a narrow no-break space), where breaking at
/// ASCII spaces is what UAX #14 gives? Ideographs, kana, Thai and the like need the Unicode
/// line breaking, which made a French archive's full build a fifth slower when run on every line.
fn spaced(line: &str) -> bool {
    line.chars()
        .all(|c| c < '\u{0E00}' || matches!(c, '\u{1E00}'..='\u{1EFF}' | '\u{2000}'..='\u{20CF}'))
}

/// Append a line of [`fill`]'s output.
fn push_line(out: &mut String, lines: &mut usize, indent: &str, line: &str) {
    if *lines > 0 {
        out.push('\n');
    }
    out.push_str(indent);
    out.push_str(line);
    *lines += 1;
}

/// A word of a line and the spaces after it, as `textwrap::core::Word` measures them.
#[derive(Debug)]
struct Word {
    /// Where the word ends in its line (its spaces follow).
    word_end: usize,
    /// Where its spaces end.
    end: usize,
    width: f64,
}

impl textwrap::core::Fragment for Word {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        (self.end - self.word_end) as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The words of `textwrap::WordSeparator::AsciiSpace`: each word takes the run of `' '` after
/// it (a line starting with spaces starts with an empty word). Printable ASCII is one column
/// a byte; anything else is measured by `textwrap::core::display_width`.
fn ascii_space_words(line: &str, words: &mut Vec<Word>) {
    let bytes = line.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let word_end = bytes[start..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(bytes.len(), |i| start + i);
        let end = bytes[word_end..]
            .iter()
            .position(|&b| b != b' ')
            .map_or(bytes.len(), |i| word_end + i);
        let word = &bytes[start..word_end];
        let width = if word.iter().all(|b| (0x20..0x7f).contains(b)) {
            word.len()
        } else {
            textwrap::core::display_width(&line[start..word_end])
        };
        words.push(Word {
            word_end,
            end,
            width: width as f64,
        });
        start = end;
    }
}

/// The words of a line that is not all ASCII, between the line breaks UAX #14 allows
/// (textwrap's `UnicodeBreakProperties`, by ICU4X's segmenter: none at a hyphen), joined again
/// where a break would fall between two ASCII characters other than a space, so an ASCII
/// token (a URL, `franco-britannique`'s kin) breaks as it does in an ASCII line.
fn line_break_words(line: &str, words: &mut Vec<Word>) {
    let mut start = 0;
    for found in textwrap::WordSeparator::UnicodeBreakProperties.find_words(line) {
        let word_end = start + found.word.len();
        let end = word_end + found.whitespace.len();
        let glued = |w: &Word| {
            let before = line[..w.end].chars().next_back();
            let after = line[start..].chars().next();
            w.end == w.word_end
                && [before, after]
                    .iter()
                    .all(|c| c.is_some_and(|c| c.is_ascii_graphic()))
        };
        match words.last_mut() {
            Some(last) if glued(last) => {
                last.word_end = word_end;
                last.end = end;
                last.width += found.width as f64;
            }
            _ => words.push(Word {
                word_end,
                end,
                width: found.width as f64,
            }),
        }
        start = end;
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
    let mut filled = String::new();
    fill(text.trim(), "", "", &mut filled);
    let width = filled
        .lines()
        .map(textwrap::core::display_width)
        .max()
        .unwrap_or(0);
    out.write(&rule.to_string().repeat(width))?;
    Ok(())
}

/// A string parameter, or "" when absent or null.
pub(super) fn param_str<'a>(h: &'a Helper, i: usize) -> Cow<'a, str> {
    match h.param(i).map(|p| p.value()) {
        Some(serde_json::Value::String(s)) => Cow::Borrowed(s),
        Some(serde_json::Value::Null) | None => Cow::Borrowed(""),
        Some(v) => Cow::Owned(v.to_string()),
    }
}

/// Trailing spaces off, at most one blank line in a row, one final newline, no controls. In a
/// right-to-left edition, gazette's own bidi marks are then added (see [`Rtl`]).
pub(super) fn tidy(text: &str, rtl: bool) -> String {
    let text = crate::localise::clean(text);
    let mut tidied = String::with_capacity(text.len());
    let mut blank = 0;
    let mut marks = Rtl { ltr_line: false };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !tidied.is_empty() && blank > 0 {
            tidied.push('\n');
        }
        blank = 0;
        if rtl {
            marks.push_line(&mut tidied, line);
        } else {
            tidied.push_str(line);
        }
        tidied.push('\n');
    }
    tidied
}

/// The marks of a right-to-left text edition, line by line (a mail reader takes each line
/// as a paragraph): a line begins with the right-to-left mark (U+200F), so it is aligned to
/// the right, and each of its left-to-right runs (a Latin name, a URL) is isolated between
/// U+2068 and U+2069. A line of left-to-right letters only (a passage in the source
/// language) is left as it is, aligned to the left, and so is a line of no letter (a
/// heading's rule) after it.
struct Rtl {
    /// The line before was a left-to-right passage.
    ltr_line: bool,
}

impl Rtl {
    fn push_line(&mut self, out: &mut String, line: &str) {
        let rtl = crate::intl::has_rtl(line);
        let runs = crate::intl::ltr_runs(line);
        if rtl || !runs.is_empty() {
            self.ltr_line = !rtl;
        }
        if self.ltr_line {
            out.push_str(line);
            return;
        }
        out.push('\u{200f}');
        let mut copied = 0;
        for run in runs {
            out.push_str(&line[copied..run.start]);
            out.push('\u{2068}');
            out.push_str(&line[run.clone()]);
            out.push('\u{2069}');
            copied = run.end;
        }
        out.push_str(&line[copied..]);
    }
}

#[cfg(test)]
mod tests {
    /// The words `fill` breaks a line into, as textwrap's words.
    fn words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
        let mut ours = Vec::new();
        if super::spaced(line) {
            super::ascii_space_words(line, &mut ours);
        } else {
            super::line_break_words(line, &mut ours);
        }
        let mut start = 0;
        Box::new(ours.into_iter().map(move |w| {
            let word = textwrap::core::Word::from(&line[start..w.end]);
            start = w.end;
            word
        }))
    }

    /// `textwrap::fill` with the options `fill` stands for.
    fn textwrap_fill(text: &str, first: &str, rest: &str) -> String {
        let options = textwrap::Options::new(super::WIDTH)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_separator(textwrap::WordSeparator::Custom(words))
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .break_words(false);
        textwrap::fill(text, options)
    }

    #[test]
    fn fill_is_textwrap_fill() {
        let pieces = [
            " ",
            " ",
            " ",
            "  ",
            "a",
            "word",
            "Wörter",
            "«\u{a0}guillemets\u{a0}»",
            "17\u{202f}août",
            "中文字",
            "\n",
            "-",
            "\t",
            "https://example.org/a/very/long/path/that/does/not/fit/on/one/line/at/all",
            "\u{1b}[1m",
            "x",
            "é",
        ];
        let indents = [
            ("", ""),
            ("    ", "    "),
            ("  - ", "    "),
            ("  | ", "  | "),
            ("中", ""),
        ];
        // SplitMix64: deterministic texts of every length up to ~300 bytes.
        let mut state = 42u64;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) as usize
        };
        for case in 0..20_000 {
            let mut text = String::new();
            let target = next() % 320;
            while text.len() < target {
                text.push_str(pieces[next() % pieces.len()]);
            }
            let (first, rest) = indents[case % indents.len()];
            for text in [text.as_str(), text.trim()] {
                let mut ours = String::new();
                super::fill(text, first, rest, &mut ours);
                assert_eq!(
                    ours,
                    textwrap_fill(text, first, rest),
                    "{text:?} {first:?} {rest:?}"
                );
            }
        }
        for text in [
            "",
            " ",
            "\n",
            "a\n",
            "\n\nb",
            &"x".repeat(72),
            &"x ".repeat(36),
        ] {
            for (first, rest) in indents {
                let mut ours = String::new();
                super::fill(text, first, rest, &mut ours);
                assert_eq!(
                    ours,
                    textwrap_fill(text, first, rest),
                    "{text:?} {first:?} {rest:?}"
                );
            }
        }
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(super::tidy("\n\nA  \n\n\n\nB\n\n", false), "A\n\nB\n");
    }

    #[test]
    fn right_to_left_lines_begin_with_the_mark_and_isolate_latin_runs() {
        let text = "بقلم Théo Castagné\u{2068}\n===\n\nLe 10 avril.\n---\n\nدولي\n";
        assert_eq!(
            super::tidy(text, true),
            "\u{200f}بقلم \u{2068}Théo Castagné\u{2069}\n\u{200f}===\n\nLe 10 avril.\n---\n\n\u{200f}دولي\n"
        );
        assert!(!super::tidy(text, false).contains(['\u{200f}', '\u{2068}']));
    }

    #[test]
    fn ideographs_wrap_within_72_columns_and_latin_words_hold() {
        let text = "すべてはロンドンで始まった。2025年3月2日、英国のキア・スターマー首相が主催したウクライナに関する首脳会議で、「有志連合」が正式に発足した。一切始於倫敦。英國首相施凱爾（Keir Starmer）主持召開烏克蘭問題峰會，https://www.gazette.example/en/london-summit.html";
        let mut out = String::new();
        super::fill(text, "", "", &mut out);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() > 3, "{out}");
        for line in &lines {
            let width = textwrap::core::display_width(line);
            assert!(
                width <= super::WIDTH || !line.contains(' '),
                "{width}: {line}"
            );
        }
        assert!(
            lines.iter().any(|l| textwrap::core::display_width(l) > 60),
            "{out}"
        );
        assert_eq!(
            lines.concat(),
            text.replace(' ', "")
                .replace("（KeirStarmer）", "（Keir Starmer）")
        );
        assert!(lines
            .iter()
            .any(|l| l.ends_with("https://www.gazette.example/en/london-summit.html")));
        assert!(
            !lines
                .iter()
                .any(|l| l.ends_with("Keir") || l.ends_with("Kei")),
            "{out}"
        );
    }
}
