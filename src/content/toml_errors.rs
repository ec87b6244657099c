//! TOML's errors as an editor reads them: the line, the key meant, and the fix (a date written
//! day first, a bare word that wants quotes).

use crate::ftl::{line_col, Lines};

/// First line at or after byte `from` that holds `"key"` or `'key'`.
pub(super) fn line_of_quoted(lines: &Lines, text: &str, key: &str, from: usize) -> Option<usize> {
    let from = from.min(text.len());
    let rest = text.get(from..)?;
    let pos = [format!("\"{key}\""), format!("'{key}'")]
        .iter()
        .filter_map(|q| rest.find(q.as_str()))
        .min()?;
    Some(lines.line_col(from + pos).0)
}

/// One line for a TOML error: `line L, column C: message`, in plain words with the fix
/// where the mistake is a common one (an unquoted string, a date in another format) rather
/// than what the parser expected next ("invalid float, expected `inf`").
pub(crate) fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let (line, col) = line_col(text, span.start);
            let hint = crate::ftl::line_text(text, line)
                .and_then(|l| toml_fix(l).or_else(|| list_fix(&message, l)));
            let hint = hint.or_else(|| nearest_key(&message));
            format!("line {line}, column {col}: {}", hint.unwrap_or(message))
        }
        None => message,
    }
}

/// serde's "unknown field `baseurl`, expected one of `source`, ..., `base_url`, ..." as "did
/// you mean `base_url`?" when one key is near what was typed (the whole list otherwise).
fn nearest_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (typed, expected) = rest.split_once('`')?;
    let keys = expected.split('`').skip(1).step_by(2);
    let best = crate::guard::nearest(&typed.to_lowercase(), keys, 0.85)?;
    Some(format!("unknown key `{typed}`: did you mean `{best}`?"))
}

/// A list written as one string (`targets = "en,de"`), which serde calls "invalid type:
/// string, expected a sequence": the same list, written as TOML writes lists.
fn list_fix(message: &str, line: &str) -> Option<String> {
    if !(message.starts_with("invalid type: string") && message.contains("expected a sequence")) {
        return None;
    }
    let (key, value) = line.split_once('=')?;
    let items = value.trim().trim_matches(['"', '\'']);
    let quoted: Vec<String> = items
        .split(',')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .map(|i| format!("\"{i}\""))
        .collect();
    Some(format!(
        "a list is written in brackets, each item quoted: {} = [{}]",
        key.trim(),
        quoted.join(", ")
    ))
}

/// The fix for a `key = value` line with a common mistake: a bare word where a string goes
/// (`strings must be quoted: section = "international"`), or a date that is not written
/// the TOML way (`write a date as year-month-day, without quotes: date = 2025-08-17`).
fn toml_fix(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    if key.is_empty() || key.contains(['[', '{', '"', '\'']) {
        return None;
    }
    // A date TOML reads is no mistake of format: whatever follows it is.
    let first = value.split_whitespace().next().unwrap_or_default();
    if key == "date" && first.parse::<toml::value::Datetime>().is_err() {
        let (date, example) = match date_of(value) {
            Some(date) => (date, ""),
            None => ("2025-08-17".to_owned(), "e.g. "),
        };
        return Some(format!(
            "write a date as year-month-day, without quotes: {example}{key} = {date}"
        ));
    }
    let quoted = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        Some(items) => {
            let items: Vec<&str> = items.split(',').map(str::trim).collect();
            if !items.iter().copied().any(is_bare_word) {
                return None;
            }
            let quoted: Vec<String> = items.iter().map(|i| quote_bare(i)).collect();
            format!("[{}]", quoted.join(", "))
        }
        // The two keys that take a list of strings.
        None if is_bare_word(value) && ["targets", "items"].contains(&key) => {
            format!("[{}]", quote_bare(value))
        }
        None if is_bare_word(value) => quote_bare(value),
        None => return None,
    };
    Some(format!("strings must be quoted: {key} = {quoted}"))
}

/// A value TOML reads as no value at all: a word not in quotes (`international`, `fr`).
fn is_bare_word(value: &str) -> bool {
    let starts_a_value = |c: char| c.is_ascii_digit() || "\"'[{+-.".contains(c);
    !value.is_empty()
        && !value.starts_with(starts_a_value)
        && !["true", "false", "inf", "nan"].contains(&value)
}

fn quote_bare(value: &str) -> String {
    if is_bare_word(value) {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        value.to_owned()
    }
}

/// The TOML form of a date written another way: quoted (`"2025-08-17"`), with other
/// separators or without leading zeros (`2025/8/17`), or day first (`17.08.2025`,
/// `17/08/2025`). A day-first date whose day and month could be swapped (`03/04/2025`) is
/// taken as day/month/year, the order of every language but American English; the message
/// shows the result, so the writer sees what was assumed.
fn date_of(value: &str) -> Option<String> {
    let value = value.trim_matches(['"', '\'']);
    let parts: Vec<&str> = value.split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(a) && digits(b) && digits(c)) {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().unwrap_or(0);
    let (year, month, day) = match (a.len(), c.len()) {
        (4, 1..=2) => (n(a), n(b), n(c)),
        (1..=2, 4) if n(b) > 12 => (n(c), n(a), n(b)),
        (1..=2, 4) => (n(c), n(b), n(a)),
        _ => return None,
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=days)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_mistakes_get_their_fix() {
        let fix = |line: &str| toml_fix(line);
        assert_eq!(
            fix("kind = read").as_deref(),
            Some(r#"strings must be quoted: kind = "read""#)
        );
        assert_eq!(
            fix(r#"items = [a, "b", c\d]"#).as_deref(),
            Some(r#"strings must be quoted: items = ["a", "b", "c\\d"]"#)
        );
        // Values TOML can read, and lines that are not `key = value`, get no fix.
        for line in [
            "count = 31",
            "ok = true",
            r#"type = "paragraph"#,
            "args = { who = Macron }",
            "[[blocks]]",
            "date = 2025-08-17 x",
        ] {
            assert_eq!(fix(line), None, "{line}");
        }
    }

    #[test]
    fn dates_are_read_day_first_unless_they_cannot_be() {
        assert_eq!(date_of("03/04/2025").as_deref(), Some("2025-04-03"));
        assert_eq!(date_of("04/13/2025").as_deref(), Some("2025-04-13"));
        assert_eq!(date_of("'2024-2-29'").as_deref(), Some("2024-02-29"));
        for not_a_date in [
            "29/02/2025",
            "31/04/2025",
            "2025-13-01",
            "1/2/3",
            "a/b/2025",
        ] {
            assert_eq!(date_of(not_a_date), None, "{not_a_date}");
        }
    }
}
