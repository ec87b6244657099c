//! The stubs a target file needs: their text, where they go, and the stubs sync wrote that
//! follow their source.
//!
//! **Stubs never change what is already there** (but sync's own stubs, see below). Every byte of a target file stays where it
//! was, in the same order: junk, comments, blank lines, layout and line endings included. A
//! missing message (or term) is appended at the end of the file, in source order; a file that
//! does not exist is created. A missing attribute of a message the target has cannot be
//! appended (a second `id =` would be a duplicate), so its stub lines are *inserted* right
//! after the message's last line, where uncommenting them makes them part of the message:
//! bytes are only ever added, never changed or removed. Appended text uses the file's own
//! line ending (CRLF files stay CRLF), and a file without a final newline gets one first.
//!
//! **A stub is a comment**: a `# gazette: stub <id>` marker line followed by the source entry,
//! commented out. Fluent does not see it, so it never counts as translated: `check` still
//! reports the message as missing (pointing at the stub) and exits 1, `build` refuses to
//! publish it, and `--missing fallback` shows the source text, marked as such, never the stub.
//! The editor translates the text, removes the `# ` marks and deletes the marker line.
//! `sync` recognises its markers, so running it twice adds nothing the second time.
//!
//! **A stub nobody edited follows its source.** The one exception to "never change": a stub
//! of a whole entry whose bytes are exactly what sync writes, showing the text its record
//! says it was given, is sync's own text; when the source text changes (the placeholder of
//! `gazette new` replaced by the article), the next sync writes it again in place with the
//! new text, and records that. A stub someone touched (a word translated inside the comment,
//! a line added) no longer matches and is left as it is. Its record is written only once the
//! file is: recorded first, a refused or killed write would leave the old stub with a record
//! of the new text, and a translation made from it would pass for current; the other way
//! round, the next sync finds a stub that shows the current text and records it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::check::diagnostic::slash_path;
use crate::ftl::{self, Entry, FileFacts, STUB_MARKER};
use crate::project::{FtlFile, Project};
use crate::records::{Record, ReviewRecords};

/// Additions to one target file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileChange {
    pub lang: String,
    /// Relative to the project root.
    pub path: PathBuf,
    /// The file does not exist yet.
    pub create: bool,
    /// The file's text as gazette read it (BOM left out).
    pub original: String,
    /// The source file's name in its language folder (as records name it).
    pub name: String,
    /// `id` or `id.attribute` of each stub, in the order they are written.
    pub stubs: Vec<String>,
    /// (byte offset in `original`, text inserted there), by increasing offset.
    pub insertions: Vec<(usize, String)>,
    /// Ids of the stubs written again because their source text changed: nobody edited them.
    pub refreshed: Vec<String>,
    /// (bytes of `original`, the new stub that replaces them), one per refreshed stub.
    pub replacements: Vec<(std::ops::Range<usize>, String)>,
}

impl FileChange {
    /// The file's text after the change.
    pub fn new_text(&self) -> String {
        let mut edits: Vec<(std::ops::Range<usize>, &str)> = self
            .insertions
            .iter()
            .map(|(at, text)| (*at..*at, text.as_str()))
            .chain(
                self.replacements
                    .iter()
                    .map(|(r, t)| (r.clone(), t.as_str())),
            )
            .collect();
        edits.sort_by_key(|(r, _)| (r.start, r.end));
        splice(&self.original, &edits)
    }
}

/// What one target file needs from a sync: found by [`stubs_for`].
pub struct Needs {
    /// The stubs it needs, if any, and the stubs it has refreshed.
    pub change: Option<FileChange>,
    /// The ids of the stubs that already show the current source text.
    pub current: Vec<String>,
    /// (file, id) of the ids inside a syntax error, which get no stub.
    pub in_junk: Vec<(String, String)>,
}

/// The stubs one target file needs, if any, and the stubs it has refreshed; ids inside a
/// syntax error get none (they are listed in [`Needs::in_junk`]). `reviews` tells which
/// stubs nobody edited (see the module's documentation).
pub fn stubs_for(
    project: &Project,
    lang: &str,
    src_file: &FtlFile,
    src: &FileFacts,
    tgt_file: Option<&FtlFile>,
    tgt: &FileFacts,
    reviews: &ReviewRecords,
) -> Needs {
    // The target's own path: its name may be spelt in another Unicode normalisation form.
    let path = tgt_file.map_or_else(
        || project.ftl_path(lang, &src_file.name),
        |f| f.path.clone(),
    );
    let original = tgt_file.map(|f| f.text.clone()).unwrap_or_default();
    let mut found = Stubs {
        source_lang: &project.config.source,
        source_text: &src_file.text,
        original: &original,
        eol: line_ending(&original),
        ids: Vec::new(),
        appended: Vec::new(),
        inserted: BTreeMap::new(),
        refreshed: Vec::new(),
        replacements: Vec::new(),
        current: Vec::new(),
    };
    let mut in_junk = Vec::new();
    let mut seen = BTreeSet::new();
    for entry in &src.entries {
        if !seen.insert(entry.id.as_str()) {
            continue; // a duplicate in the source: `check` reports it
        }
        match tgt.get(&entry.id) {
            None if tgt.junk_ids.contains(&entry.id) => {
                in_junk.push((slash_path(&path), entry.id.clone()));
            }
            None if tgt.stubs.contains_key(&entry.id) => {
                let record = reviews.get(lang, &src_file.name, &entry.id);
                found.existing(entry, tgt.stubs[&entry.id], record);
            }
            None => found.message(entry),
            Some(t) => found.attributes(entry, t, tgt),
        }
    }
    let Stubs {
        ids,
        appended,
        inserted,
        refreshed,
        replacements,
        current,
        eol,
        ..
    } = found;
    if ids.is_empty() && refreshed.is_empty() {
        return Needs {
            change: None,
            current,
            in_junk,
        };
    }
    let insertions = placed(&original, inserted, &appended, eol);
    let change = FileChange {
        lang: lang.to_owned(),
        path,
        create: tgt_file.is_none(),
        name: src_file.name.clone(),
        stubs: ids,
        insertions,
        refreshed,
        replacements,
        original,
    };
    Needs {
        change: Some(change),
        current,
        in_junk,
    }
}

/// The stubs of one target file as they are found.
struct Stubs<'a> {
    source_lang: &'a str,
    /// The source file's text, where stubs are copied from.
    source_text: &'a str,
    /// The target file's text.
    original: &'a str,
    eol: &'static str,
    /// Ids (`id` or `id.attr`) stubbed, in source order.
    ids: Vec<String>,
    /// Stubs of whole messages, for the end of the file.
    appended: Vec<String>,
    /// Stubs of attributes, by the byte offset they go at (right after their message).
    inserted: BTreeMap<usize, String>,
    /// Ids of the stubs written again, and their new text in place of the old.
    refreshed: Vec<String>,
    replacements: Vec<(std::ops::Range<usize>, String)>,
    /// Ids of the stubs that show the current source text.
    current: Vec<String>,
}

impl Stubs<'_> {
    /// A message the target lacks: its stub goes at the end.
    fn message(&mut self, entry: &Entry) {
        if let Some(text) = ftl::entry_source(self.source_text, &entry.id, None) {
            self.appended
                .push(stub(&entry.id, self.source_lang, &text, self.eol));
            self.ids.push(entry.id.clone());
        }
    }

    /// A stub the target has (its marker on 1-based `line`): written again with the current
    /// source text if nobody edited it (its bytes are what sync writes, its text the one
    /// `record` says it was given) and that text changed.
    fn existing(&mut self, entry: &Entry, line: usize, record: Option<&Record>) {
        let Some((range, shown)) = stub_in(self.original, line, &entry.id, self.source_lang) else {
            return;
        };
        if shown == entry.text {
            self.current.push(entry.id.clone());
        } else if record.is_some_and(|r| r.matches(&shown)) {
            if let Some(text) = ftl::entry_source(self.source_text, &entry.id, None) {
                let eol = if self.original[..range.end].ends_with("\r\n") {
                    "\r\n"
                } else {
                    "\n"
                };
                self.replacements
                    .push((range, stub(&entry.id, self.source_lang, &text, eol)));
                self.refreshed.push(entry.id.clone());
            }
        }
    }

    /// The attributes a message of the target (`t`) lacks: their stubs go right after it.
    fn attributes(&mut self, entry: &Entry, t: &Entry, tgt: &FileFacts) {
        for (attr, _) in &entry.attributes {
            let key = format!("{}.{attr}", entry.id);
            if t.attributes.iter().any(|(a, _)| a == attr)
                || tgt.stubs.contains_key(&key)
                || self.ids.contains(&key)
            {
                continue;
            }
            let Some(text) = ftl::entry_source(self.source_text, &entry.id, Some(attr)) else {
                continue;
            };
            let original = self.original;
            let at = entry_end(original, t.line);
            let block = self.inserted.entry(at).or_default();
            if at == original.len()
                && !original.is_empty()
                && !original.ends_with('\n')
                && block.is_empty()
            {
                block.push_str(self.eol);
            }
            block.push_str(&stub(&key, self.source_lang, &text, self.eol));
            self.ids.push(key);
        }
    }
}

/// Where the stubs go in `original`: (byte offset, text) in order, the attribute stubs after
/// their messages and the message stubs at the end, with the line endings and blank lines
/// that keep every stub a comment of its own.
fn placed(
    original: &str,
    inserted: BTreeMap<usize, String>,
    appended: &[String],
    eol: &str,
) -> Vec<(usize, String)> {
    let mut insertions: Vec<(usize, String)> = inserted
        .into_iter()
        .map(|(at, mut block)| {
            // Right above the next entry (or its comment), the stub would become that entry's
            // comment, changing it: a blank line keeps it a comment of its own.
            if original[at..].starts_with(|c: char| c == '#' || c == '-' || c.is_ascii_alphabetic())
            {
                block.push_str(eol);
            }
            (at, block)
        })
        .collect();
    if appended.is_empty() {
        return insertions;
    }
    let mut tail = String::new();
    if !original.is_empty() {
        let ends_with_eol = original.ends_with('\n');
        // Text inserted at the very end already ends the file with a line ending.
        let after_insert = insertions
            .last()
            .is_some_and(|(at, _)| *at == original.len());
        if !ends_with_eol && !after_insert {
            tail.push_str(eol);
        }
        let blank = original.ends_with(&format!("{eol}{eol}")) || original == eol;
        if !blank || after_insert {
            tail.push_str(eol);
        }
    }
    tail.push_str(&appended.join(eol));
    match insertions.last_mut() {
        Some((at, text)) if *at == original.len() => text.push_str(&tail),
        _ => insertions.push((original.len(), tail)),
    }
    insertions
}

/// A stub: the marker line, then the source entry (or attribute) commented out line by line.
/// `source_text` is normalised Fluent ending with a newline (see [`ftl::entry_source`]).
pub fn stub(id: &str, source_lang: &str, source_text: &str, eol: &str) -> String {
    let mut out = format!(
        "{STUB_MARKER}{id} — translate the {source_lang} text below, uncomment it and delete this line{eol}"
    );
    for line in source_text.trim_end_matches('\n').split('\n') {
        if line.is_empty() {
            out.push('#');
        } else {
            out.push_str("# ");
            out.push_str(line);
        }
        out.push_str(eol);
    }
    out
}

/// The stub of a whole entry whose marker is on 1-based `line` of `text`, if it is exactly
/// what sync writes: its bytes, and the normalised text of the entry it shows (see
/// [`Entry::text`]).
fn stub_in(
    text: &str,
    line: usize,
    id: &str,
    source_lang: &str,
) -> Option<(std::ops::Range<usize>, String)> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let mut lines = text[start..].split_inclusive('\n');
    let marker = lines.next()?;
    let eol = if marker.ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut end = start + marker.len();
    let mut source = String::new();
    for l in lines {
        let body = l.trim_end_matches('\n').trim_end_matches('\r');
        let uncommented = match body {
            "#" => "",
            _ if body.starts_with(STUB_MARKER) => break,
            _ => match body.strip_prefix("# ") {
                Some(rest) => rest,
                None => break,
            },
        };
        source.push_str(uncommented);
        source.push('\n');
        end += l.len();
    }
    if text[start..end] != stub(id, source_lang, &source, eol) {
        return None;
    }
    let facts = ftl::parse(&source);
    match facts.entries.as_slice() {
        [e] if e.id == id && facts.errors.is_empty() => Some((start..end, e.text.clone())),
        _ => None,
    }
}

/// The file's line ending: CRLF if its first line ends with one, LF otherwise.
fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if text[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// Byte offset just after the last line of the entry whose id is on 1-based line `line`.
/// Like Fluent's parser, an entry runs until the next line that starts with `#`, `-` or a
/// letter (the start of the next entry or comment); its trailing blank lines are not its own.
fn entry_end(text: &str, line: usize) -> usize {
    let mut offset = 0;
    let mut end = text.len();
    for (n, l) in text.split_inclusive('\n').enumerate() {
        offset += l.len();
        if n + 1 < line {
            continue;
        }
        if n + 1 == line {
            end = offset;
            continue;
        }
        if l.starts_with(|c: char| c == '#' || c == '-' || c.is_ascii_alphabetic()) {
            break;
        }
        if !l.trim().is_empty() {
            end = offset;
        }
    }
    end
}

/// `original` with each range replaced by its text (ranges in order, not overlapping).
fn splice(original: &str, edits: &[(std::ops::Range<usize>, &str)]) -> String {
    let mut out = String::with_capacity(original.len() + 256);
    let mut from = 0;
    for (range, text) in edits {
        out.push_str(&original[from..range.start]);
        out.push_str(text);
        from = range.end;
    }
    out.push_str(&original[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stub_text_is_the_source_commented_out_under_a_marker() {
        let source = "photo =\n    .alt = Deux dirigeants\n    .caption = Légende\n";
        assert_eq!(
            stub("photo", "fr", source, "\n"),
            "# gazette: stub photo — translate the fr text below, uncomment it and delete this line\n\
             # photo =\n\
             #     .alt = Deux dirigeants\n\
             #     .caption = Légende\n"
        );
        assert_eq!(
            stub("intro", "fr", "intro = Bonjour\n", "\r\n"),
            "# gazette: stub intro — translate the fr text below, uncomment it and delete this line\r\n# intro = Bonjour\r\n"
        );
        // The stub is only comments: Fluent sees no message, gazette sees the marker.
        let facts = ftl::parse(&stub("intro", "fr", "intro = Bonjour\n", "\n"));
        assert!(facts.entries.is_empty() && facts.errors.is_empty());
        assert_eq!(facts.stubs.get("intro"), Some(&1));
    }

    #[test]
    fn entries_end_before_the_next_entry_or_comment() {
        let text = "a = 1\n    .x = 2\n\n# c\nb = { $n ->\n   *[other] n\n}\n\n\nc = 3";
        assert_eq!(&text[..entry_end(text, 1)], "a = 1\n    .x = 2\n");
        assert_eq!(
            &text[..entry_end(text, 5)],
            "a = 1\n    .x = 2\n\n# c\nb = { $n ->\n   *[other] n\n}\n"
        );
        assert_eq!(entry_end(text, 10), text.len());
    }

    #[test]
    fn line_endings_follow_the_file() {
        assert_eq!(line_ending("a = 1\r\nb = 2\r\n"), "\r\n");
        assert_eq!(line_ending("a = 1\nb = 2\r\n"), "\n");
        assert_eq!(line_ending(""), "\n");
    }
}
