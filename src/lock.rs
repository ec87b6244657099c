//! `gazette.lock`: for every translation, the source text it was last reviewed against.
//!
//! `check` compares each translated message's current source text with its record and reports
//! `stale-translation` when they differ; `gazette sync` writes the file (see `sync`). The file
//! is meant to be committed and reviewed with the translations, so it is plain text, one
//! sorted line per (language, file, message), and a diff shows exactly which translations were
//! re-accepted against which French text:
//!
//! ```text
//! # <lang> <file> <id> <fingerprint> <source text>
//! de coalition-des-volontaires.ftl intro 6e0d2b1c9f6a7d35 Bonjour { $name } !
//! ```
//!
//! `<file>` is the path relative to the language folder (as `check` pairs files), `<id>` keeps
//! a term's leading `-`, `<fingerprint>` is the 64-bit FNV-1a hash of the source text (stable
//! across runs, machines and versions: it is the comparison `check` makes), and `<source text>`
//! is the entry as normalised Fluent after its `id =` (so re-indenting the French changes
//! nothing), kept so that the diagnostic can show the old text next to the new one. In fields,
//! `\` is written `\\`, a line break `\n`, a carriage return `\r` and a tab `\t`; the first
//! four fields also write a space as `\s`.
//!
//! Pure: `project` reads the file, `sync` writes it.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};

/// The lock file, at the project root.
pub const LOCK_FILE: &str = "gazette.lock";

const HEADER: &str = "\
# gazette.lock: the source text each translation was last reviewed against.
# Written by `gazette sync`: commit it with the translations. `gazette check` reports
# `stale-translation` when a source text no longer matches its fingerprint here;
# `gazette sync <lang> --accept <id>` records the current text once the translation is updated.
# <lang> <file> <id> <fingerprint> <source text>
";

/// What one translation was reviewed against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// [`fingerprint`] of `text`, as written in the file.
    pub fingerprint: String,
    /// The source text (see [`crate::ftl::Entry::text`]).
    pub text: String,
}

impl Record {
    pub fn of(text: &str) -> Record {
        Record {
            fingerprint: fingerprint(text),
            text: text.to_owned(),
        }
    }

    /// Does the source text still match this record?
    pub fn matches(&self, text: &str) -> bool {
        self.fingerprint == fingerprint(text)
    }
}

/// (language, file name within the language folder, id).
pub type Key = (String, String, String);

/// The parsed lock file; empty when the project has none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lock {
    pub records: BTreeMap<Key, Record>,
}

impl Lock {
    /// Parse the file's text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Lock> {
        let mut lock = Lock::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |why: &str| Error::Config {
                path: path.to_path_buf(),
                message: format!("line {}: {why}", n + 1),
            };
            let mut fields = line.splitn(5, ' ');
            let mut next = || fields.next().filter(|f| !f.is_empty());
            let (Some(lang), Some(file), Some(id), Some(fp)) = (next(), next(), next(), next())
            else {
                return Err(bad(
                    "expected `<lang> <file> <id> <fingerprint> <source text>`",
                ));
            };
            let text = fields.next().unwrap_or("");
            if fp.len() != 16 || !fp.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(bad("the fingerprint must be 16 hexadecimal digits"));
            }
            let field = |s: &str| unescape(s).ok_or_else(|| bad("bad `\\` escape"));
            let key = (field(lang)?, field(file)?, field(id)?);
            let record = Record {
                fingerprint: fp.to_ascii_lowercase(),
                text: field(text)?,
            };
            if lock.records.insert(key.clone(), record).is_some() {
                return Err(bad(&format!(
                    "`{} {} {}` is recorded twice",
                    key.0, key.1, key.2
                )));
            }
        }
        Ok(lock)
    }

    /// The file's text: a header, then one sorted line per record.
    pub fn render(&self) -> String {
        let mut out = String::from(HEADER);
        for ((lang, file, id), r) in &self.records {
            out.push_str(&format!(
                "{} {} {} {} {}\n",
                escape(lang, true),
                escape(file, true),
                escape(id, true),
                r.fingerprint,
                escape(&r.text, false)
            ));
        }
        out
    }

    /// The records of one file of one language, by id.
    pub fn records_of<'a>(
        &'a self,
        lang: &'a str,
        file: &'a str,
    ) -> impl Iterator<Item = (&'a Key, &'a Record)> + 'a {
        self.records
            .range((lang.to_owned(), file.to_owned(), String::new())..)
            .take_while(move |((l, f, _), _)| l == lang && f == file)
    }

    pub fn get(&self, lang: &str, file: &str, id: &str) -> Option<&Record> {
        self.records
            .get(&(lang.to_owned(), file.to_owned(), id.to_owned()))
    }

    /// Record `text` for a translation; returns whether anything changed.
    pub fn record(&mut self, lang: &str, file: &str, id: &str, text: &str) -> bool {
        let key = (lang.to_owned(), file.to_owned(), id.to_owned());
        let record = Record::of(text);
        if self.records.get(&key) == Some(&record) {
            return false;
        }
        self.records.insert(key, record);
        true
    }
}

/// The 64-bit FNV-1a hash of a text's UTF-8 bytes, as 16 lowercase hex digits. Written here
/// rather than taken from a crate: it is eight lines, and its output must never change.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn escape(s: &str, space: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' ' if space => out.push_str("\\s"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            's' => ' ',
            _ => return None,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_fnv1a_64() {
        // Reference values of the FNV-1a 64 specification: they must never change.
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_eq!(fingerprint("foobar"), "85944171f73967e8");
    }

    #[test]
    fn render_then_parse_round_trips_sorted() {
        let mut lock = Lock::default();
        assert!(lock.record("en", "a b.ftl", "-brand", "Gazette"));
        assert!(lock.record("de", "x.ftl", "intro", "l1\n    .alt = \\t\tz"));
        assert!(!lock.record("de", "x.ftl", "intro", "l1\n    .alt = \\t\tz"));
        let text = lock.render();
        let body: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            body,
            [
                format!(
                    "de x.ftl intro {} l1\\n    .alt = \\\\t\\tz",
                    fingerprint("l1\n    .alt = \\t\tz")
                ),
                format!("en a\\sb.ftl -brand {} Gazette", fingerprint("Gazette")),
            ]
        );
        assert_eq!(Lock::parse(&text, "gazette.lock".as_ref()).unwrap(), lock);
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let err =
            Lock::parse("# c\nde x.ftl intro nothex text\n", "gazette.lock".as_ref()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazette.lock: line 2: the fingerprint must be 16 hexadecimal digits"
        );
        assert!(Lock::parse("de x.ftl\n", "gazette.lock".as_ref()).is_err());
    }
}
