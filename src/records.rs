//! `gazette.lock.d/`: for every translation, the source text it was last reviewed against.
//!
//! `check` compares each translated message's current source text with its record and reports
//! `stale-translation` when they differ; `gazette sync` writes the records (see `sync`). They
//! are meant to be committed and reviewed with the translations, so they are plain text, one
//! small file (a *shard*) per language and source file, one sorted line per message, and a
//! diff shows exactly which translations were re-accepted against which French text:
//!
//! ```text
//! gazette.lock.d/de/coalition-des-volontaires.ftl.lock:
//! # <id> <fingerprint> <source text>: what each translation was last reviewed against
//! # gazette: 1 record, checksum 7fd51fb252dc846b
//! intro 4e36939f20531c62 Bonjour { $name } !
//! ```
//!
//! The shard's path is `<lang>/<file>.lock`, `<file>` being the path relative to the language
//! folder (as `check` pairs files, sub-folders included, NFC-normalised). `<id>` keeps a term's
//! leading `-`, `<fingerprint>` is the 64-bit FNV-1a hash of the source text (stable across
//! runs, machines and versions: it is the comparison `check` makes), and `<source text>` is
//! the entry as normalised Fluent after its `id =` (so re-indenting the French changes
//! nothing), kept so that the diagnostic can show the old text next to the new one. In fields,
//! `\` is written `\\`, a line break `\n`, a carriage return `\r` and a tab `\t`; the id also
//! writes a space as `\s`.
//!
//! **The seal.** The second line, `# gazette: <n> record(s), checksum <hex>`, holds the number
//! of record lines and the 64-bit xxh3 of them (each line without its `\r`, followed by `\n`,
//! so a checkout that turns line endings into CRLF changes nothing). A shard cut short (a full
//! disk, a bad copy) or altered in any line would otherwise be read as a shard with fewer or
//! other records, and the next `sync` would record the current source text of the translations
//! it lost as reviewed: it is refused instead, naming the file and how to recover. A git merge
//! of two changes to one shard conflicts on the seal; unresolved conflict markers are refused
//! as such. A shard without a seal (written by versions before it, or whose seal was deleted
//! by someone who checked its lines after merging it by hand) is read as it is, and the next
//! `sync` of its language writes it again, sealed.
//!
//! Why shards: one file of every record outgrew the 10 MiB gazette reads at about 900
//! articles. A shard holds the records of one source file (at most 10 MiB) for one language,
//! so it stays of the order of that file; [`MAX_SHARD_BYTES`] is what gazette reads of one and
//! [`render_shard`] never writes more (see there).
//!
//! The single `gazette.lock` file of earlier versions (`<lang> <file> <id> <fingerprint>
//! <text>` lines) is still read, its records overridden by the shards', and the next `sync`
//! moves it into shards and removes it.
//!
//! Pure: `project` reads the files, `sync` writes them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

use crate::error::{Error, Result};

/// The folder of shards, at the project root.
pub const RECORDS_DIR: &str = "gazette.lock.d";

/// The name of every temporary file sync writes (beside translations and shards); the next
/// sync removes those a killed one left, and loading never takes one for a shard.
pub const TEMP_PREFIX: &str = ".gazette-sync-";

/// The single `gazette.lock` file of earlier versions, at the project root: read, then migrated.
pub const LEGACY_RECORDS_FILE: &str = "gazette.lock";

/// The largest shard gazette reads: 64 MiB. A shard's lines come from one source file of at
/// most 10 MiB, one per distinct id of that file: the id, 19 bytes of fingerprint, spaces and
/// line break, and the message's text, escaped. With its text shortened to `…`, the line of
/// the smallest message (`a=b` and its line break, 4 bytes) takes 23 bytes: all lines come to
/// at most 5.75 times the file, under 58 MiB, and [`render_shard`] shortens the longest texts
/// as much as needed to stay within this limit, which no ordinary file comes near (the texts
/// of a file take about its size).
pub const MAX_SHARD_BYTES: usize = 64 * 1024 * 1024;

/// The largest single-file `gazette.lock` read for migration: earlier versions wrote one
/// line per message of every language, about 13 MB per 1,000 articles in two languages.
pub const MAX_LEGACY_BYTES: u64 = 512 * 1024 * 1024;

/// The file name suffix of a shard.
pub const SHARD_SUFFIX: &str = ".lock";

const SHARD_HEADER: &str =
    "# <id> <fingerprint> <source text>: what each translation was last reviewed against\n";

/// How a shard's seal line starts (see the module's documentation).
const SEAL: &str = "# gazette: ";

/// The longest seal line: its words, a count of 20 digits, 16 of checksum, the line break.
const SEAL_MAX: usize = SEAL.len() + 20 + " records, checksum ".len() + 16 + 1;

/// What a shard with git's conflict markers is told.
const CONFLICT: &str = "a merge conflict left unresolved: keep the record lines of both sides (one line per id), delete the `# gazette:` lines, which cannot be merged, and run `gazette sync`, which seals the file again";

/// What a damaged shard's error says to do.
const RECOVER: &str = "restore it with `git checkout -- <file>`, or if you merged or edited it on purpose, check its lines, delete its `# gazette:` line and run `gazette sync`, which seals it again";

/// Marks a text shortened to keep its shard within [`MAX_SHARD_BYTES`].
const CUT: &str = "…";

/// What one translation was reviewed against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// [`fingerprint`] of `text`, as written in the file.
    pub fingerprint: Fingerprint,
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

/// The 64-bit FNV-1a hash of a source text ([`fingerprint`]), written as 16 lowercase hex
/// digits: what `check` compares to tell a stale translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint(u64);

impl Fingerprint {
    /// Its digits in a file: exactly 16 hexadecimal digits, in either case.
    fn parse(digits: &str) -> Option<Fingerprint> {
        if digits.len() != 16 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(digits, 16).ok().map(Fingerprint)
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// The length of a [`Fingerprint`] as written.
const FINGERPRINT_DIGITS: usize = 16;

/// (language, file name within the language folder, id).
pub type RecordKey = (String, String, String);

/// The records; empty when the project has none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewRecords {
    pub records: BTreeMap<RecordKey, Record>,
    /// Some records came from a single-file `gazette.lock`, which the next sync migrates.
    pub legacy: bool,
    /// (language, file) of the shards read without a seal, which the next sync of their
    /// language writes again, sealed.
    pub unsealed: BTreeSet<(String, String)>,
    /// The languages that have records (a shard, read or not, or lines of a `gazette.lock`):
    /// in those, a translation without a record was never reviewed against a known text, or
    /// its file of records was lost, and `check` says so rather than take it for reviewed.
    pub in_use: BTreeSet<String>,
}

/// The records of one shard, as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Shard {
    /// In the file's order.
    pub records: Vec<(RecordKey, Record)>,
    /// The shard carried its seal (it was checked); `false` for one of earlier versions.
    pub sealed: bool,
}

impl ReviewRecords {
    /// Parse a single-file `gazette.lock` of earlier versions; `path` names it in errors.
    pub fn parse_legacy(text: &str, path: &Path) -> Result<ReviewRecords> {
        let mut records = ReviewRecords {
            legacy: true,
            ..ReviewRecords::default()
        };
        for (n, line) in lines(text) {
            let bad = |why: &str| bad_line(path, n, why);
            let mut fields = line.splitn(5, ' ');
            let mut next = || fields.next().filter(|f| !f.is_empty());
            let (Some(lang), Some(file), Some(id), Some(fp)) = (next(), next(), next(), next())
            else {
                return Err(bad(
                    "expected `<lang> <file> <id> <fingerprint> <source text>`",
                ));
            };
            let field = |s: &str| unescape(s).ok_or_else(|| bad("bad `\\` escape"));
            let key = (field(lang)?, field(file)?, field(id)?);
            records.in_use.insert(key.0.clone());
            let record = parse_record(fp, fields.next().unwrap_or(""), &bad)?;
            if records.records.insert(key.clone(), record).is_some() {
                return Err(bad(&format!(
                    "`{} {} {}` is recorded twice",
                    key.0, key.1, key.2
                )));
            }
        }
        Ok(records)
    }

    /// Parse the shard of (`lang`, `file`), its records replacing any of the same key;
    /// `path` names it in errors.
    pub fn add_shard(&mut self, lang: &str, file: &str, text: &str, path: &Path) -> Result<()> {
        self.add(lang, file, parse_shard(lang, file, text, path)?);
        Ok(())
    }

    /// Add the records of the shard of (`lang`, `file`), replacing any of the same key, and
    /// note it if it had no seal.
    pub fn add(&mut self, lang: &str, file: &str, shard: Shard) {
        self.records.extend(shard.records);
        if !shard.sealed {
            self.unsealed.insert((lang.to_owned(), file.to_owned()));
        }
    }

    /// The records of one file of one language, by id.
    pub fn records_of<'a>(
        &'a self,
        lang: &'a str,
        file: &'a str,
    ) -> impl Iterator<Item = (&'a RecordKey, &'a Record)> + 'a {
        self.records
            .range((lang.to_owned(), file.to_owned(), String::new())..)
            .take_while(move |((l, f, _), _)| l == lang && f == file)
    }

    pub fn get(&self, lang: &str, file: &str, id: &str) -> Option<&Record> {
        self.records
            .get(&(lang.to_owned(), file.to_owned(), id.to_owned()))
    }

    /// Record `text` for a translation; returns whether anything changed. A record of the
    /// same fingerprint is kept as it is (its text may have been shortened on writing).
    pub fn record(&mut self, lang: &str, file: &str, id: &str, text: &str) -> bool {
        let key = (lang.to_owned(), file.to_owned(), id.to_owned());
        let record = Record::of(text);
        if self
            .records
            .get(&key)
            .is_some_and(|r| r.fingerprint == record.fingerprint)
        {
            return false;
        }
        self.records.insert(key, record);
        true
    }
}

/// The records of the shard of (`lang`, `file`), in its order, its seal checked; `path`
/// names it in errors.
pub fn parse_shard(lang: &str, file: &str, text: &str, path: &Path) -> Result<Shard> {
    let mut seen = BTreeSet::new();
    let mut records = Vec::new();
    let mut seal = None;
    let mut hasher = Xxh3::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let bad = |why: &str| damaged(path, &format!("line {}: {why}", n + 1));
        if CONFLICT_MARKERS.iter().any(|m| line.starts_with(m)) {
            return Err(bad_line(path, n, CONFLICT));
        }
        if let Some(rest) = line.strip_prefix(SEAL) {
            if seal.is_some() {
                return Err(damaged(path, "it has two `# gazette:` lines"));
            }
            seal = Some(parse_seal(rest).ok_or_else(|| {
                damaged(
                    path,
                    &format!(
                        "line {}: not a `# gazette: <n> records, checksum <hex>` line",
                        n + 1
                    ),
                )
            })?);
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        hasher.update(line.as_bytes());
        hasher.update(b"\n");
        let mut fields = line.splitn(3, ' ');
        let mut next = || fields.next().filter(|f| !f.is_empty());
        let (Some(id), Some(fp)) = (next(), next()) else {
            return Err(bad("expected `<id> <fingerprint> <source text>`"));
        };
        let id = unescape(id).ok_or_else(|| bad("bad `\\` escape"))?;
        let record = parse_record(fp, fields.next().unwrap_or(""), &bad)?;
        if !seen.insert(id.clone()) {
            return Err(bad(&format!("`{id}` is recorded twice")));
        }
        records.push(((lang.to_owned(), file.to_owned(), id), record));
    }
    match seal {
        Some((count, _)) if count != records.len() => Err(damaged(
            path,
            &format!(
                "it holds {} where its `# gazette:` line says {count} (cut short?)",
                plural(records.len())
            ),
        )),
        Some((_, sum)) if sum != hasher.digest() => Err(damaged(
            path,
            "its lines do not match the checksum of its `# gazette:` line",
        )),
        // No version writes a shard without records: this one was cut short.
        None if records.is_empty() => Err(damaged(path, "it holds no records (cut short?)")),
        _ => Ok(Shard {
            records,
            sealed: seal.is_some(),
        }),
    }
}

/// The lines git writes around the two sides of a conflict.
const CONFLICT_MARKERS: [&str; 4] = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"];

/// `<n> record(s), checksum <16 hex digits>`: (n, checksum).
fn parse_seal(rest: &str) -> Option<(usize, u64)> {
    let (count, sum) = rest.split_once(", checksum ")?;
    let count = count
        .strip_suffix(" records")
        .or_else(|| count.strip_suffix(" record"))?;
    if sum.len() != 16 {
        return None;
    }
    Some((count.parse().ok()?, u64::from_str_radix(sum, 16).ok()?))
}

/// The seal line of a shard whose record lines are `body`.
fn seal(body: &str) -> String {
    let count = body.lines().count();
    format!(
        "{SEAL}{}, checksum {:016x}\n",
        plural(count),
        xxhash_rust::xxh3::xxh3_64(body.as_bytes())
    )
}

fn plural(n: usize) -> String {
    format!("{n} record{}", if n == 1 { "" } else { "s" })
}

/// A shard refused: `why`, then what to do.
fn damaged(path: &Path, why: &str) -> Error {
    Error::Config {
        path: path.to_path_buf(),
        message: format!(
            "{why}; the file of records is damaged: {}",
            RECOVER.replace("<file>", &path.to_string_lossy().replace('\\', "/"))
        ),
    }
}

/// Where the shard of (`lang`, `file`) lives, relative to the project root.
pub fn shard_path(lang: &str, file: &str) -> PathBuf {
    let mut path = Path::new(RECORDS_DIR).join(lang);
    for part in file.split('/') {
        path.push(part);
    }
    path.set_file_name(format!(
        "{}{SHARD_SUFFIX}",
        file.rsplit('/').next().unwrap_or(file)
    ));
    path
}

/// The text of a shard: a header and its seal, then one sorted line per record; empty when there is none
/// (the shard is then removed). Texts are shortened (ending with `…`, longest first) when the
/// whole would pass `limit` bytes: the fingerprint still says exactly what was reviewed. Fails
/// only if the lines would not fit even without their texts, which [`MAX_SHARD_BYTES`] rules
/// out for the records of a readable source file.
pub fn render_shard<'a>(
    records: impl Iterator<Item = (&'a RecordKey, &'a Record)>,
    limit: usize,
) -> std::result::Result<String, String> {
    let lines: Vec<(String, Fingerprint, String)> = records
        .map(|((_, _, id), r)| (escape(id, true), r.fingerprint, escape(&r.text, false)))
        .collect();
    if lines.is_empty() {
        return Ok(String::new());
    }
    let fixed: usize = SHARD_HEADER.len()
        + SEAL_MAX
        + lines
            .iter()
            .map(|(id, _, _)| id.len() + FINGERPRINT_DIGITS + 3)
            .sum::<usize>();
    let texts: usize = lines.iter().map(|(_, _, t)| t.len()).sum();
    let mut cap = usize::MAX;
    if fixed + texts > limit {
        let budget = limit.saturating_sub(fixed);
        let cost = |cap: usize| -> usize {
            lines
                .iter()
                .map(|(_, _, t)| {
                    if t.len() > cap {
                        cut_len(t, cap)
                    } else {
                        t.len()
                    }
                })
                .sum()
        };
        if cost(0) > budget {
            return Err(format!(
                "{} records do not fit in the {} MiB gazette reads of a shard",
                lines.len(),
                limit / (1024 * 1024)
            ));
        }
        // The largest cap that fits: cost grows with the cap.
        let (mut lo, mut hi) = (0, lines.iter().map(|(_, _, t)| t.len()).max().unwrap_or(0));
        while lo < hi {
            let mid = lo + (hi - lo).div_ceil(2);
            if cost(mid) <= budget {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        cap = lo;
    }
    let mut out = String::with_capacity((fixed + texts).min(limit));
    for (id, fp, text) in &lines {
        out.push_str(id);
        out.push(' ');
        out.push_str(&fp.to_string());
        out.push(' ');
        if text.len() > cap {
            out.push_str(cut(text, cap));
            out.push_str(CUT);
        } else {
            out.push_str(text);
        }
        out.push('\n');
    }
    Ok(format!("{SHARD_HEADER}{}{out}", seal(&out)))
}

/// The escaped `text` cut to at most `cap` bytes, at a character and escape boundary.
fn cut(text: &str, cap: usize) -> &str {
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // An escape is two characters that stay together.
        let len = if c == '\\' {
            chars.next();
            2
        } else {
            c.len_utf8()
        };
        if i + len > cap {
            break;
        }
        end = i + len;
    }
    &text[..end]
}

fn cut_len(text: &str, cap: usize) -> usize {
    cut(text, cap).len() + CUT.len()
}

/// Numbered lines that are not blank or comments.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, l)| (n, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn bad_line(path: &Path, n: usize, why: &str) -> Error {
    Error::Config {
        path: path.to_path_buf(),
        message: format!("line {}: {why}", n + 1),
    }
}

fn parse_record(fp: &str, text: &str, bad: &dyn Fn(&str) -> Error) -> Result<Record> {
    let Some(fingerprint) = Fingerprint::parse(fp) else {
        return Err(bad("the fingerprint must be 16 hexadecimal digits"));
    };
    Ok(Record {
        fingerprint,
        text: unescape(text).ok_or_else(|| bad("bad `\\` escape"))?,
    })
}

/// The 64-bit FNV-1a hash of a text's UTF-8 bytes. Written here rather than taken from a
/// crate: it is eight lines, and its output must never change.
pub fn fingerprint(text: &str) -> Fingerprint {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    Fingerprint(hash)
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
        assert_eq!(fingerprint("").to_string(), "cbf29ce484222325");
        assert_eq!(fingerprint("a").to_string(), "af63dc4c8601ec8c");
        assert_eq!(fingerprint("foobar").to_string(), "85944171f73967e8");
    }

    /// A fingerprint written in capitals (by hand) is the same one, written back in lowercase;
    /// anything but 16 hexadecimal digits is not one.
    #[test]
    fn fingerprints_are_16_hex_digits_in_either_case() {
        let upper = Fingerprint::parse("AF63DC4C8601EC8C").unwrap();
        assert_eq!(upper, fingerprint("a"));
        assert_eq!(upper.to_string(), "af63dc4c8601ec8c");
        for bad in [
            "af63dc4c8601ec8",
            "af63dc4c8601ec8c0",
            "+f63dc4c8601ec8c",
            "af63dc4c8601ec8g",
        ] {
            assert_eq!(Fingerprint::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn shards_render_then_parse_round_trip_sorted() {
        let mut records = ReviewRecords::default();
        assert!(records.record("de", "x.ftl", "intro", "l1\n    .alt = \\t\tz"));
        assert!(records.record("de", "x.ftl", "-brand a", "Gazette"));
        assert!(records.record("en", "x.ftl", "intro", "Other"));
        assert!(!records.record("de", "x.ftl", "intro", "l1\n    .alt = \\t\tz"));
        let text = render_shard(records.records_of("de", "x.ftl"), MAX_SHARD_BYTES).unwrap();
        let body: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            body,
            [
                format!("-brand\\sa {} Gazette", fingerprint("Gazette")),
                format!(
                    "intro {} l1\\n    .alt = \\\\t\\tz",
                    fingerprint("l1\n    .alt = \\t\tz")
                ),
            ]
        );
        let mut read = ReviewRecords::default();
        read.add_shard("de", "x.ftl", &text, "s".as_ref()).unwrap();
        let de: Vec<_> = records.records_of("de", "x.ftl").collect();
        assert_eq!(read.records_of("de", "x.ftl").collect::<Vec<_>>(), de);
        assert_eq!(
            render_shard(read.records_of("en", "x.ftl"), 100),
            Ok("".into())
        );
    }

    #[test]
    fn shard_paths_mirror_the_language_folder() {
        assert_eq!(
            shard_path("de", "news/brief.ftl"),
            Path::new("gazette.lock.d/de/news/brief.ftl.lock")
        );
        assert_eq!(
            shard_path("pt-BR", "site.ftl"),
            Path::new("gazette.lock.d/pt-BR/site.ftl.lock")
        );
    }

    /// What gazette writes it can read: past the limit, the longest texts are shortened and
    /// their fingerprints kept.
    #[test]
    fn shards_past_the_limit_shorten_the_longest_texts() {
        let mut records = ReviewRecords::default();
        let long = "é\n".repeat(400);
        records.record("de", "x.ftl", "a", "short");
        records.record("de", "x.ftl", "b", &long);
        records.record("de", "x.ftl", "c", &long[..600]);
        let limit = 700;
        let text = render_shard(records.records_of("de", "x.ftl"), limit).unwrap();
        assert!(text.len() <= limit, "{}", text.len());
        let mut read = ReviewRecords::default();
        read.add_shard("de", "x.ftl", &text, "s".as_ref()).unwrap();
        assert_eq!(
            read.get("de", "x.ftl", "a"),
            records.get("de", "x.ftl", "a")
        );
        let b = read.get("de", "x.ftl", "b").unwrap();
        assert!(b.text.ends_with('…') && long.starts_with(b.text.trim_end_matches('…')));
        assert!(b.matches(&long), "the fingerprint is the full text's");
        // Recording the same text again changes nothing: sync stays idempotent.
        assert!(!read.record("de", "x.ftl", "b", &long));
        assert!(render_shard(records.records_of("de", "x.ftl"), 90).is_err());
    }

    fn sealed() -> (ReviewRecords, String) {
        let mut records = ReviewRecords::default();
        records.record("de", "x.ftl", "intro", "Bonjour { $name } !");
        records.record("de", "x.ftl", "title", "Un titre\nsur deux lignes");
        let text = render_shard(records.records_of("de", "x.ftl"), MAX_SHARD_BYTES).unwrap();
        (records, text)
    }

    /// A shard cut anywhere, or with any byte of a record line changed, is refused: never
    /// read as a shard with fewer or other records.
    #[test]
    fn every_cut_and_every_changed_record_byte_is_refused() {
        let (records, text) = sealed();
        assert!(text
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("# gazette: 2 records, checksum "));
        let read = parse_shard("de", "x.ftl", &text, "s".as_ref()).unwrap();
        assert!(read.sealed);
        assert_eq!(
            read.records.iter().map(|(k, r)| (k, r)).collect::<Vec<_>>(),
            records.records_of("de", "x.ftl").collect::<Vec<_>>()
        );
        // Every cut but that of the last line break alone, which loses nothing.
        for len in 0..text.len() - 1 {
            if text.is_char_boundary(len) {
                let err = parse_shard("de", "x.ftl", &text[..len], "s".as_ref()).unwrap_err();
                assert!(err.to_string().contains("damaged"), "cut at {len}: {err}");
            }
        }
        let body = text.find("\nintro").unwrap() + 1;
        for at in body..text.len() {
            let mut bytes = text.clone().into_bytes();
            bytes[at] ^= 0x01;
            if let Ok(changed) = String::from_utf8(bytes) {
                assert!(
                    parse_shard("de", "x.ftl", &changed, "s".as_ref()).is_err(),
                    "byte {at} changed was accepted"
                );
            }
        }
    }

    /// A checkout with CRLF line endings reads the same records; a shard without its seal
    /// (of earlier versions) is read and said to be unsealed.
    #[test]
    fn crlf_checkouts_and_unsealed_shards_are_read() {
        let (records, text) = sealed();
        let crlf = text.replace('\n', "\r\n");
        let read = parse_shard("de", "x.ftl", &crlf, "s".as_ref()).unwrap();
        assert!(read.sealed);
        let unsealed: String = text
            .lines()
            .filter(|l| !l.starts_with(SEAL))
            .map(|l| format!("{l}\n"))
            .collect();
        let mut old = ReviewRecords::default();
        old.add_shard("de", "x.ftl", &unsealed, "s".as_ref())
            .unwrap();
        assert_eq!(old.records, records.records);
        assert_eq!(
            old.unsealed.into_iter().collect::<Vec<_>>(),
            [("de".to_owned(), "x.ftl".to_owned())]
        );
    }

    /// Two seals, a seal that does not parse, or git's conflict markers: refused, saying what
    /// to do.
    #[test]
    fn merged_shards_are_refused_until_resolved() {
        let (_, text) = sealed();
        let mut lines: Vec<&str> = text.lines().collect();
        let seal_line = lines[1];
        let conflict = [
            &lines[..2],
            &[
                "<<<<<<< HEAD",
                "intro 0000000000000000 x",
                "=======",
                ">>>>>>> other",
            ],
            &lines[2..],
        ]
        .concat()
        .join("\n");
        let err = parse_shard("de", "x.ftl", &conflict, "s".as_ref()).unwrap_err();
        assert_eq!(err.to_string(), format!("s: line 3: {CONFLICT}"));
        lines.insert(1, seal_line);
        let twice = lines.join("\n");
        let err = parse_shard("de", "x.ftl", &twice, "s".as_ref()).unwrap_err();
        assert!(err.to_string().contains("two `# gazette:` lines"), "{err}");
        let garbled = text.replace(" records, checksum", " records checksum");
        assert!(parse_shard("de", "x.ftl", &garbled, "s".as_ref()).is_err());
    }

    /// The module's example is what sync writes.
    #[test]
    fn the_documented_shard_is_exact() {
        let mut records = ReviewRecords::default();
        records.record("de", "x.ftl", "intro", "Bonjour { $name } !");
        let text = render_shard(records.records_of("de", "x.ftl"), MAX_SHARD_BYTES).unwrap();
        let doc = include_str!("records.rs");
        let example: String = doc
            .lines()
            .skip_while(|l| !l.ends_with("coalition-des-volontaires.ftl.lock:"))
            .skip(1)
            .take(3)
            .map(|l| format!("{}\n", l.trim_start_matches("//! ")))
            .collect();
        assert_eq!(example, text);
    }

    #[test]
    fn legacy_file_is_read() {
        let text = format!(
            "# c\nde x.ftl intro {} Bonjour\nen a\\sb.ftl -brand {} Gazette\n",
            fingerprint("Bonjour"),
            fingerprint("Gazette")
        );
        let records = ReviewRecords::parse_legacy(&text, "gazette.lock".as_ref()).unwrap();
        assert!(records.legacy);
        assert_eq!(
            records.get("en", "a b.ftl", "-brand").unwrap().text,
            "Gazette"
        );
        assert_eq!(records.get("de", "x.ftl", "intro").unwrap().text, "Bonjour");
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let err = ReviewRecords::parse_legacy(
            "# c\nde x.ftl intro nothex text\n",
            "gazette.lock".as_ref(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazette.lock: line 2: the fingerprint must be 16 hexadecimal digits"
        );
        assert!(ReviewRecords::parse_legacy("de x.ftl\n", "gazette.lock".as_ref()).is_err());
        let mut records = ReviewRecords::default();
        let twice = format!("a {0} x\na {0} x\n", fingerprint("x"));
        let err = records
            .add_shard("de", "x.ftl", &twice, "s.lock".as_ref())
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("s.lock: line 2: `a` is recorded twice; the file of records is damaged: restore it with `git checkout -- s.lock`"),
            "{err}"
        );
        assert!(records
            .add_shard("de", "x.ftl", "intro\n", "s".as_ref())
            .is_err());
    }
}
