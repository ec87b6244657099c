//! Translation-quality checks on a message present in both the source and a target, in the
//! spirit of Mozilla's compare-locales and Weblate's checks. All are warnings: they point at
//! text an editor should look at again, not at text that cannot be published (but
//! `missing-term`, an error: see [`Code::severity`]).
//!
//! - `untranslated`: a pattern identical to the source's, unless it is made only of names,
//!   numbers and placeables, or the message carries a `# gazette: same-as-source` comment;
//! - `markup-mismatch`: inline tags (`<em>`, `</em>`, `<a …>`…) differ, in kind or number;
//! - `reference-mismatch`: other messages or terms referenced than in the source;
//! - `missing-term`: the source references a term the target language does not define;
//! - `missing-plural-category`: a plural selector lacks a CLDR category of the target language;
//! - `empty-value`: an empty value or attribute where the source has text;
//! - `unbalanced-delimiters`: an unmatched bracket or quotation mark the source does not have;
//! - `whitespace-mismatch`: leading or trailing whitespace that differs from the source's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use super::{Code, Diagnostic};
use crate::ftl::{Entry, Pattern, PLACEHOLDER, SAME_AS_SOURCE};

/// What the checks need to know of the target side.
pub(super) struct Target<'a> {
    pub lang: &'a str,
    /// The target file, relative to the project root.
    pub path: &'a Path,
    /// CLDR plural categories of the target language, as Fluent selects them.
    pub plurals: &'a Plurals,
    /// Is this term (`-name`) defined in the target file's bundle?
    pub has_term: &'a dyn Fn(&str) -> bool,
}

/// The CLDR plural category names, as Fluent variant keys spell them.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Name particles that do not stop a text from being "only names" ("Ursula von der Leyen").
const PARTICLES: [&str; 18] = [
    "al", "bin", "da", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du", "ibn",
    "la", "le", "van", "von",
];

/// Run every quality check on one message present in both languages.
pub(super) fn judge_translation(t: &Target, src: &Entry, tgt: &Entry, out: &mut Vec<Diagnostic>) {
    for tp in &tgt.patterns {
        let Some(sp) = src.patterns.iter().find(|p| p.attribute == tp.attribute) else {
            continue;
        };
        patterns(t, tgt, sp, tp, out);
    }
    plurals(t, tgt, out);
    references(t, src, tgt, out);
}

/// `id` or `id.attribute`, as messages name a pattern.
fn name(entry: &Entry, p: &Pattern) -> String {
    match &p.attribute {
        Some(a) => format!("{}.{a}", entry.id),
        None => entry.id.clone(),
    }
}

fn diagnostic(
    t: &Target,
    entry: &Entry,
    p: &Pattern,
    code: Code,
    message: String,
    help: String,
) -> Diagnostic {
    let column = if p.line == entry.line {
        entry.column
    } else {
        1
    };
    let mut d = Diagnostic::new(code, t.lang, t.path, message)
        .at(p.line, Some(column))
        .id(&entry.id)
        .help(help);
    if let Some(a) = &p.attribute {
        d = d.attribute(a);
    }
    d
}

fn is_empty(p: &Pattern) -> bool {
    p.visible.trim().is_empty()
}

/// What a check of one pattern found, before [`diagnostic`] places it in the target file.
struct Finding {
    code: Code,
    message: String,
    help: String,
}

/// The checks that compare one pattern (value or attribute) with the source's. An empty
/// pattern is reported as empty alone: the other checks would only say so again.
fn patterns(t: &Target, tgt: &Entry, sp: &Pattern, tp: &Pattern, out: &mut Vec<Diagnostic>) {
    let what = name(tgt, tp);
    let findings: Vec<Finding> = if is_empty(tp) {
        empty_value(&what, sp).into_iter().collect()
    } else {
        [
            untranslated(&what, tgt, sp, tp),
            markup_mismatch(&what, sp, tp),
            unbalanced_delimiters(&what, sp, tp),
        ]
        .into_iter()
        .flatten()
        .chain(whitespace_mismatches(&what, sp, tp))
        .collect()
    };
    for f in findings {
        out.push(diagnostic(t, tgt, tp, f.code, f.message, f.help));
    }
}

/// `empty-value`: an empty target publishes nothing where the source has text.
fn empty_value(what: &str, sp: &Pattern) -> Option<Finding> {
    (!is_empty(sp)).then(|| Finding {
        code: Code::EmptyValue,
        message: format!("`{what}` is empty; the source has text"),
        help: "write the translation: an empty text publishes nothing".into(),
    })
}

/// `untranslated`: the source text copied, unless it is only names or marked as meant to be.
fn untranslated(what: &str, tgt: &Entry, sp: &Pattern, tp: &Pattern) -> Option<Finding> {
    (sp.text == tp.text && !tgt.same_as_source && !only_names(&sp.visible)).then(|| Finding {
        code: Code::Untranslated,
        message: format!("`{what}` is identical to the source text"),
        help: format!(
            "translate it, or add a `# {SAME_AS_SOURCE}` comment line right above `{}` if it is meant to stay as it is",
            tgt.id
        ),
    })
}

/// `markup-mismatch`: other inline tags than the source's (see [`tags`]).
fn markup_mismatch(what: &str, sp: &Pattern, tp: &Pattern) -> Option<Finding> {
    let (src_tags, tgt_tags) = (tags(&sp.visible), tags(&tp.visible));
    (src_tags != tgt_tags).then(|| Finding {
        code: Code::MarkupMismatch,
        message: format!(
            "`{what}` has other inline markup than the source: {} in the source, {} here",
            list(&src_tags),
            list(&tgt_tags)
        ),
        help: format!(
            "use the source's tags ({}) around the matching words",
            list(&src_tags)
        ),
    })
}

/// `unbalanced-delimiters`: only the kinds of problem the source does not have itself (a
/// problem the source has too is not the translation's).
fn unbalanced_delimiters(what: &str, sp: &Pattern, tp: &Pattern) -> Option<Finding> {
    let src_problems = delimiter_problems(&sp.visible);
    let new: Vec<String> = delimiter_problems(&tp.visible)
        .into_iter()
        .filter(|(kind, _)| !src_problems.iter().any(|(k, _)| k == kind))
        .map(|(_, problem)| problem)
        .collect();
    (!new.is_empty()).then(|| Finding {
        code: Code::UnbalancedDelimiters,
        message: format!("`{what}` has {}", new.join(" and ")),
        help: "close (or remove) the bracket or quotation mark, as the source does".into(),
    })
}

/// `whitespace-mismatch`: leading, then trailing whitespace the source has and the target
/// lacks, or the other way round.
fn whitespace_mismatches(what: &str, sp: &Pattern, tp: &Pattern) -> Vec<Finding> {
    let ws = |s: &str| {
        (
            s.starts_with(char::is_whitespace),
            s.ends_with(char::is_whitespace),
        )
    };
    let (src_ws, tgt_ws) = (ws(&sp.visible), ws(&tp.visible));
    [
        ("leading", src_ws.0, tgt_ws.0),
        ("trailing", src_ws.1, tgt_ws.1),
    ]
    .into_iter()
    .filter(|(_, s, t)| s != t)
    .map(|(side, s, _)| Finding {
        code: Code::WhitespaceMismatch,
        message: if s {
            format!("`{what}` lacks the source's {side} whitespace")
        } else {
            format!("`{what}` has {side} whitespace that the source does not have")
        },
        help: if s {
            format!("keep the {side} space, written `{{\" \"}}` in Fluent, as the source does")
        } else {
            format!("remove the {side} whitespace (`{{\" \"}}`), as the source has none")
        },
    })
    .collect()
}

/// Made only of names, numbers and placeables: "Keir Starmer", "OTAN", "{ $count }", "2025".
fn only_names(visible: &str) -> bool {
    visible
        .split(|c: char| c.is_whitespace() || c == PLACEHOLDER)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || w.chars().any(|c| c.is_numeric())
                || PARTICLES.contains(&w)
        })
}

/// Inline tags of a text, as `<name>`, `</name>` or `<name/>` (attributes left out, as a link
/// may point to a localised page), sorted: word order may change between languages.
fn tags(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let closing = rest.starts_with('/');
        let body = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let Some(end) = rest.find('>') else { break };
        if rest[..end].contains('<') {
            continue;
        }
        let name = name.to_ascii_lowercase();
        out.push(if closing {
            format!("</{name}>")
        } else if rest[..end].ends_with('/') {
            format!("<{name}/>")
        } else {
            format!("<{name}>")
        });
        rest = &rest[end + 1..];
    }
    // By name, an opening tag before its closing one.
    out.sort_by_key(|t| {
        (
            t.trim_start_matches(['<', '/']).to_owned(),
            t.starts_with("</"),
        )
    });
    out
}

fn list(tags: &[String]) -> String {
    if tags.is_empty() {
        "none".into()
    } else {
        tags.iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The bytes a delimiter can start with (see [`delimiter_problems`]).
static DELIMITER_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let starts = *b"\"()[]{}\xC2\xE2";
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

/// Unbalanced delimiters of a text, as (kind, description). Brackets must nest; guillemets
/// come in pairs (« » or » «), and so do double quotation marks of any style („…“, “…”, "…").
/// Single quotes are left alone: ’ is also the apostrophe.
fn delimiter_problems(text: &str) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    let mut stack: Vec<char> = Vec::new();
    let mut bracket_problem = None;
    // «, », ‹, › and double quotation marks, counted in the same single pass.
    let (mut guillemets, mut singles, mut doubles) = ((0i64, 0i64), (0i64, 0i64), 0usize);
    // Byte by byte: every delimiter is ASCII or starts with 0xC2 or 0xE2 0x80, bytes that
    // never occur inside another character (this check runs on every message).
    let bytes = text.as_bytes();
    let starts = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| DELIMITER_START[usize::from(**b)]);
    for (i, &b) in starts {
        let next = |n: usize| bytes.get(i + n).copied();
        match b {
            0xC2 => match next(1) {
                Some(0xAB) => guillemets.0 += 1, // «
                Some(0xBB) => guillemets.1 += 1, // »
                _ => {}
            },
            0xE2 if next(1) == Some(0x80) => match next(2) {
                Some(0xB9) => singles.0 += 1,      // ‹
                Some(0xBA) => singles.1 += 1,      // ›
                Some(0x9C..=0x9F) => doubles += 1, // “ ” „ ‟
                _ => {}
            },
            b'"' => doubles += 1,
            b'(' | b'[' | b'{' => stack.push(char::from(b)),
            b')' | b']' | b'}' => {
                let open = match b {
                    b')' => '(',
                    b']' => '[',
                    _ => '{',
                };
                if stack.last() == Some(&open) {
                    stack.pop();
                } else if bracket_problem.is_none() {
                    bracket_problem = Some(format!("an unmatched `{}`", char::from(b)));
                }
            }
            _ => {}
        }
    }
    if let Some(p) = bracket_problem.or_else(|| stack.first().map(|c| format!("an unclosed `{c}`")))
    {
        problems.push(("brackets", p));
    }
    if guillemets.0 != guillemets.1 {
        problems.push(("guillemets", "unpaired `«` `»` guillemets".to_owned()));
    }
    if singles.0 != singles.1 {
        problems.push((
            "single guillemets",
            "unpaired `‹` `›` guillemets".to_owned(),
        ));
    }
    if doubles % 2 == 1 {
        problems.push((
            "double quotes",
            "an odd number of double quotation marks".to_owned(),
        ));
    }
    problems
}

/// The CLDR cardinal plural categories of a language, each with the sample numbers that fall
/// in it: enough to tell whether a selector's number keys (`[1]`) cover a category whole.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Plurals(BTreeMap<&'static str, Vec<f64>>);

impl Plurals {
    /// The categories, as Fluent variant keys spell them.
    pub fn categories(&self) -> BTreeSet<&'static str> {
        self.0.keys().copied().collect()
    }

    /// Is every number of `category` one of these number keys? (German `one` is 1 alone, so
    /// `[1]` covers it; French `one` also holds 0 and 1.5, so `[1]` does not.)
    fn covered_by(&self, category: &str, numbers: &[f64]) -> bool {
        self.0
            .get(category)
            .is_some_and(|samples| samples.iter().all(|s| numbers.contains(s)))
    }
}

/// The CLDR cardinal plural categories Fluent uses for a locale: the rules of the locale, else
/// of its language, else English, as fluent-bundle negotiates them.
pub(super) fn plural_categories(locale: &str) -> Plurals {
    let langid: LanguageIdentifier = locale.parse().unwrap_or_default();
    let language: LanguageIdentifier = langid.language.as_str().parse().unwrap_or_default();
    let rules = PluralRules::create(langid, PluralRuleType::CARDINAL)
        .or_else(|_| PluralRules::create(language, PluralRuleType::CARDINAL))
        .or_else(|_| {
            PluralRules::create(
                "en".parse::<LanguageIdentifier>().unwrap_or_default(),
                PluralRuleType::CARDINAL,
            )
        });
    let Ok(rules) = rules else {
        return Plurals(BTreeMap::from([("other", Vec::new())]));
    };
    // intl_pluralrules has no list of categories: sample integers and decimals widely enough
    // to meet every category CLDR defines (large round numbers give French its `many`).
    let mut samples: Vec<String> = (0..=1000).map(|n| n.to_string()).collect();
    samples.extend((3..=9).map(|e| format!("1{}", "0".repeat(e))));
    samples.extend((3..=9).map(|e| format!("2{}", "0".repeat(e))));
    for i in 0..=20 {
        samples.extend((0..=9).map(|f| format!("{i}.{f}")));
        samples.extend((0..=99).map(|f| format!("{i}.{f:02}")));
    }
    let mut out: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
    for s in &samples {
        let (Ok(category), Ok(value)) = (rules.select(s.as_str()), s.parse::<f64>()) else {
            continue;
        };
        let name = match category {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        };
        out.entry(name).or_default().push(value);
    }
    Plurals(out)
}

/// `missing-plural-category`: a selector whose keys are plural categories must cover every
/// category of the target language. Selectors on other keys (`[masculine]`...) are not plural.
fn plurals(t: &Target, tgt: &Entry, out: &mut Vec<Diagnostic>) {
    for p in &tgt.patterns {
        for s in &p.selectors {
            if s.keys.is_empty() || !s.keys.iter().all(|k| CATEGORIES.contains(&k.as_str())) {
                continue;
            }
            let numbers: Vec<f64> = s.numbers.iter().filter_map(|n| n.parse().ok()).collect();
            let categories = t.plurals.categories();
            let missing: Vec<&str> = categories
                .iter()
                .copied()
                .filter(|c| !s.keys.iter().any(|k| k == c))
                .filter(|c| !t.plurals.covered_by(c, &numbers))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let keys = |names: &[&str]| {
                names
                    .iter()
                    .map(|c| format!("[{c}]"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let all: Vec<&str> = CATEGORIES
                .iter()
                .copied()
                .filter(|c| categories.contains(c))
                .collect();
            let missing: Vec<&str> = CATEGORIES
                .iter()
                .copied()
                .filter(|c| missing.contains(c))
                .collect();
            out.push(diagnostic(
                t,
                tgt,
                p,
                Code::MissingPluralCategory,
                format!(
                    "`{}`: the selector on `${}` has no variant for {} (CLDR categories of {}: {})",
                    name(tgt, p),
                    s.variable,
                    keys(&missing),
                    t.lang,
                    all.join(", ")
                ),
                format!(
                    "add {} variants to the selector on `${}`",
                    keys(&missing),
                    s.variable
                ),
            ));
        }
    }
}

/// `reference-mismatch` and `missing-term`. A term's attributes (`-brand.gender`) are left
/// out: they are grammar of the target language.
fn references(t: &Target, src: &Entry, tgt: &Entry, out: &mut Vec<Diagnostic>) {
    let base = |r: &String| -> String {
        match r.strip_prefix('-') {
            Some(term) => format!("-{}", term.split('.').next().unwrap_or(term)),
            None => r.clone(),
        }
    };
    let src_refs: BTreeSet<String> = src.references.iter().map(base).collect();
    let tgt_refs: BTreeSet<String> = tgt.references.iter().map(base).collect();
    let at = |code, message, help| {
        Diagnostic::new(code, t.lang, t.path, message)
            .at_entry(tgt)
            .help(help)
    };
    let mut undefined = BTreeSet::new();
    for term in src_refs.difference(&tgt_refs) {
        if term.starts_with('-') && !(t.has_term)(term) {
            undefined.insert(term.clone());
            out.push(at(
                Code::MissingTerm,
                format!(
                    "the source of `{}` uses the term `{term}`, which {} does not define",
                    tgt.id, t.lang
                ),
                format!(
                    "define `{term}` in {}, then use it here as the source does",
                    t.lang
                ),
            ));
        }
    }
    let missing: Vec<&String> = src_refs
        .difference(&tgt_refs)
        .filter(|r| !undefined.contains(*r))
        .collect();
    let extra: Vec<&String> = tgt_refs.difference(&src_refs).collect();
    if missing.is_empty() && extra.is_empty() {
        return;
    }
    let names = |rs: &[&String]| {
        rs.iter()
            .map(|r| format!("`{r}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("does not reference {}", names(&missing)));
    }
    if !extra.is_empty() {
        parts.push(format!(
            "references {}, which the source does not",
            names(&extra)
        ));
    }
    let src_list: Vec<&String> = src_refs.iter().collect();
    out.push(at(
        Code::ReferenceMismatch,
        format!("`{}` {}", tgt.id, parts.join(" and ")),
        if src_list.is_empty() {
            "reference no other message or term, as the source does".to_owned()
        } else {
            format!(
                "reference the same messages and terms as the source ({})",
                names(&src_list)
            )
        },
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_are_not_untranslated() {
        assert!(only_names("Keir Starmer"));
        assert!(only_names("Ursula von der Leyen, OTAN, 2025"));
        assert!(only_names("\u{fffc} – \u{fffc}"));
        assert!(!only_names("La coalition des volontaires"));
        assert!(!only_names("Bonjour le monde"));
    }

    #[test]
    fn tags_ignore_attributes_and_order() {
        assert_eq!(
            tags("<a href=\"x\">a</a> <em>b</em> a < b <br/>"),
            ["<a>", "</a>", "<br/>", "<em>", "</em>"]
        );
        assert!(tags("1 < 2 and 3 > 2").is_empty());
    }

    #[test]
    fn delimiters_by_kind() {
        assert!(delimiter_problems("« a » (b [c]) „d“ “e” \"f\" l’Europe").is_empty());
        let kinds = |s| {
            delimiter_problems(s)
                .into_iter()
                .map(|(k, _)| k)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("(a"), ["brackets"]);
        assert_eq!(kinds("a)"), ["brackets"]);
        assert_eq!(kinds("« a"), ["guillemets"]);
        assert_eq!(kinds("„a"), ["double quotes"]);
        for quote in ["\"", "“", "”", "„", "‟"] {
            assert_eq!(kinds(quote), ["double quotes"], "{quote}");
        }
        assert_eq!(kinds("»"), ["guillemets"]);
        assert_eq!(kinds("‹ a"), ["single guillemets"]);
        assert_eq!(kinds("a ›"), ["single guillemets"]);
        assert!(
            delimiter_problems("‹ a › » « ’‘ — … ¿ ½ ‰").is_empty(),
            "neighbours"
        );
        assert_eq!(kinds("{a]"), ["brackets"]);
    }

    #[test]
    fn plural_categories_follow_cldr() {
        let categories = |l| plural_categories(l).categories();
        assert_eq!(categories("en-GB"), BTreeSet::from(["one", "other"]));
        assert_eq!(categories("de"), BTreeSet::from(["one", "other"]));
        assert_eq!(
            categories("pl"),
            BTreeSet::from(["few", "many", "one", "other"])
        );
        assert_eq!(
            categories("ar"),
            BTreeSet::from(["few", "many", "one", "other", "two", "zero"])
        );
    }

    #[test]
    fn number_keys_cover_a_category_only_whole() {
        assert!(plural_categories("de").covered_by("one", &[1.0]));
        assert!(!plural_categories("de").covered_by("one", &[2.0]));
        // French `one` is 0, 1 and the decimals below 2.
        assert!(!plural_categories("fr").covered_by("one", &[0.0, 1.0]));
        assert!(!plural_categories("de").covered_by("other", &[0.0, 2.0]));
    }
}
