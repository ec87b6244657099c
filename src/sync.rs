//! `gazette sync`: stubs for what a target language lacks, and the `gazette.lock.d/` records
//! of what each translation was reviewed against. The only module that writes under
//! `locales/` (and the only one that writes `gazette.lock.d/`).
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
//!
//! **The review records.** A translation without a record in `gazette.lock.d/` is current:
//! there is nothing to compare it with. `sync <lang>` records the source text of every
//! translation that has no record yet (so a brand-new translation is current when first
//! recorded), of every stub it writes (the text the editor is given to translate) and of every
//! stub that lacks one, and forgets records of ids the source no longer has. `--accept <id>…`
//! / `--accept-all` record the current source text of existing translations after an editor
//! updated them, clearing `stale-translation`; they only touch the records. A single-file
//! `gazette.lock` of earlier versions is moved into shards (see [`crate::records`]) and removed.
//!
//! **Writes are atomic and never overwrite a save.** Every file is written to a temporary file
//! in the folder of the file it replaces (the file a symbolic link points to: the link stays,
//! and the file keeps its mode and owner). Nothing is written before every target was read
//! again and found as planned. The records are written first, each shard merged with what is
//! on disk at that moment. Then each target file is replaced in three steps that leave an
//! editor's save no window: the file is renamed aside (`.gazette-aside-*~`, beside it), so
//! that a save from then on can only make a new file; what was moved aside is compared with
//! what was read (bytes, length, modification time); and the new file is put in place only
//! where no file is (`persist_noclobber`). A save before the move changed what is compared,
//! so the file is put back; a save after it made a new file, which stays: either way the file
//! is left as saved, with an error asking for another sync (exit 2) once the others are
//! written. A save after the new file is in place is simply a later save. Only what was moved
//! aside and found as read is removed; written into after the comparison (by an editor that
//! had it open), it is kept and named in the error. Files are independent of one another, so
//! the others' stubs stand.
//!
//! **Why records first.** A sync killed at any moment leaves every stub written with its
//! record, and each file whole, old or new, or moved aside for the instant between two
//! renames, which the next sync puts back first. A record whose stub was not written yet is
//! harmless (a missing message has no translation to be stale) and the next sync writes the
//! stub; the other order would leave stubs that the next sync records against a source text
//! that may have changed since (it still does, for stubs of earlier versions). The temporary
//! files a killed sync leaves (`.gazette-sync-*`) are removed by the next one.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::check::diagnostic::slash_path;
use crate::error::{Error, Result};
use crate::ftl::{self, Entry, FileFacts, STUB_MARKER};
use crate::project::{FtlFile, Project};
use crate::records::{self, Record, ReviewRecords, LEGACY_RECORDS_FILE, RECORDS_DIR};
use crate::stamp::Stamp;

/// Which source texts `sync` records as reviewed.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Accept {
    /// Write stubs and record new translations (plain `sync`).
    #[default]
    Nothing,
    /// `--accept [<file>:]<id>…`: only record these messages' current source text. `<file>`
    /// is a source file's name in its language folder, `.ftl` optional (so an article's slug
    /// names its file); a bare id must be in one source file only.
    Ids(Vec<String>),
    /// `--accept-all`: only record the current source text of every translation.
    All,
}

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

/// What a sync will do.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub langs: Vec<String>,
    pub files: Vec<FileChange>,
    /// The review records after the sync.
    pub reviews: ReviewRecords,
    pub records_changed: bool,
    /// (language, file name, id) recorded anew.
    pub recorded: Vec<(String, String, String)>,
    /// Records dropped because the source no longer has the id.
    pub forgotten: Vec<(String, String, String)>,
    /// (file, id) that get no stub because the id is inside a syntax error of the target.
    pub in_junk: Vec<(String, String)>,
    /// (language, file) of the shards of earlier versions, written again with their seal.
    pub sealed: Vec<(String, String)>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && !self.records_changed
    }
}

/// Work out what `sync` would do for some target languages. Pure: nothing is written.
pub fn plan(project: &Project, langs: &[String], accept: &Accept) -> Result<Plan> {
    check_targets(project, langs)?;
    let source = &project.config.source;
    // Parsed on every core: an archive has thousands of files per language.
    let sources: Vec<(&FtlFile, FileFacts)> = project
        .files(source)
        .par_iter()
        .map(|f| (f, ftl::parse(&f.text)))
        .collect();
    let mut plan = Plan {
        langs: langs.to_vec(),
        files: Vec::new(),
        reviews: project.reviews.clone(),
        records_changed: false,
        recorded: Vec::new(),
        forgotten: Vec::new(),
        in_junk: Vec::new(),
        sealed: project
            .reviews
            .unsealed
            .iter()
            .filter(|(lang, _)| langs.contains(lang))
            .cloned()
            .collect(),
    };
    let wanted = match accept {
        Accept::Ids(specs) => resolve_accepts(specs, &sources, source)?,
        _ => BTreeSet::new(),
    };
    let mut accepted: BTreeSet<(String, String)> = BTreeSet::new();
    for lang in langs {
        let parsed: Vec<(Option<&FtlFile>, FileFacts)> = sources
            .par_iter()
            .map(|(src_file, _)| {
                let tgt_file = project.file(lang, &src_file.name);
                (
                    tgt_file,
                    tgt_file.map(|f| ftl::parse(&f.text)).unwrap_or_default(),
                )
            })
            .collect();
        for ((src_file, src), (tgt_file, tgt)) in sources.iter().zip(parsed) {
            let pair = Pair {
                project,
                lang,
                src_file,
                src,
                tgt_file,
                tgt: &tgt,
            };
            match accept {
                Accept::Nothing => pair.stub_and_record(&mut plan),
                Accept::Ids(_) => {
                    let name = &src_file.name;
                    let ids = pair.accept(&mut plan, |id| {
                        wanted.iter().any(|(file, i)| file == name && i == id)
                    });
                    accepted.extend(ids.into_iter().map(|id| (name.clone(), id)));
                }
                Accept::All => {
                    pair.accept(&mut plan, |_| true);
                }
            }
        }
        if *accept == Accept::Nothing {
            forget_gone(&mut plan, lang, &sources);
        }
    }
    if let Some((file, id)) = wanted.difference(&accepted).next() {
        return Err(Error::Usage(format!(
            "--accept: `{}:{id}` has no {} translation to accept: translate it first",
            ftl::short_name(file),
            langs.join("/")
        )));
    }
    plan.records_changed = plan.reviews.records != project.reviews.records
        || project.reviews.legacy
        || !plan.sealed.is_empty();
    Ok(plan)
}

/// Sync works on target languages only.
fn check_targets(project: &Project, langs: &[String]) -> Result<()> {
    let targets = project.targets();
    for lang in langs {
        let why = if *lang == project.config.source {
            "is the source language: sync works on target languages"
        } else if !targets.contains(lang) {
            "is not a target language of this project"
        } else {
            continue;
        };
        return Err(Error::Usage(format!(
            "`{lang}` {why} ({})",
            targets.join(", ")
        )));
    }
    Ok(())
}

/// A source file and the same file of a target language (parsed; empty when it does not
/// exist).
struct Pair<'a> {
    project: &'a Project,
    lang: &'a str,
    src_file: &'a FtlFile,
    src: &'a FileFacts,
    tgt_file: Option<&'a FtlFile>,
    tgt: &'a FileFacts,
}

impl Pair<'_> {
    /// Record the source text of a translation, if it is not the recorded one.
    fn record(&self, plan: &mut Plan, id: &str, text: &str) {
        let name = self.src_file.name.as_str();
        if plan.reviews.record(self.lang, name, id, text) {
            plan.recorded
                .push((self.lang.to_owned(), name.to_owned(), id.to_owned()));
        }
    }

    /// Plain `sync`: stubs for what the file lacks, records for each stub and for every
    /// translation without one.
    fn stub_and_record(&self, plan: &mut Plan) {
        let (lang, tgt) = (self.lang, self.tgt);
        let (change, current) = stubs_for(
            self.project,
            lang,
            self.src_file,
            self.src,
            self.tgt_file,
            tgt,
            plan,
        );
        for entry in &self.src.entries {
            let key = (
                lang.to_owned(),
                self.src_file.name.clone(),
                entry.id.clone(),
            );
            let written = change
                .as_ref()
                .is_some_and(|c| c.stubs.contains(&entry.id) || c.refreshed.contains(&entry.id));
            // A stub of an earlier sync killed before it wrote the records (or of a version
            // that wrote stubs first) gets one too, as does a stub that shows the current
            // source text (one refreshed by a sync killed before it recorded it).
            let present = tgt.get(&entry.id).is_some() || tgt.stubs.contains_key(&entry.id);
            if written
                || current.contains(&entry.id)
                || (present && !plan.reviews.records.contains_key(&key))
            {
                self.record(plan, &entry.id, &entry.text);
            }
        }
        plan.files.extend(change);
    }

    /// `--accept`: record the source text of the translations `wanted` names; returns the
    /// ids accepted.
    fn accept(&self, plan: &mut Plan, wanted: impl Fn(&str) -> bool) -> Vec<String> {
        let mut accepted = Vec::new();
        for entry in &self.src.entries {
            if wanted(&entry.id) && self.tgt.get(&entry.id).is_some() {
                accepted.push(entry.id.clone());
                self.record(plan, &entry.id, &entry.text);
            }
        }
        accepted
    }
}

/// Forget the records of ids (or files) the source no longer has.
fn forget_gone(plan: &mut Plan, lang: &str, sources: &[(&FtlFile, FileFacts)]) {
    // By name: an archive has thousands of files, and every record is looked up.
    let by_name: std::collections::HashMap<&str, &FileFacts> = sources
        .iter()
        .map(|(f, facts)| (f.name.as_str(), facts))
        .collect();
    let known = |file: &str, id: &str| {
        by_name
            .get(file)
            .is_some_and(|facts| facts.get(id).is_some())
    };
    let gone: Vec<_> = plan
        .reviews
        .records
        .keys()
        .filter(|(l, file, id)| l == lang && !known(file, id))
        .cloned()
        .collect();
    for key in gone {
        plan.reviews.records.remove(&key);
        plan.forgotten.push(key);
    }
}

/// `--accept`'s `[<file>:]<id>`s as (source file name, id), each a message of the source: a
/// bare id found in several files is refused with their list, rather than accept them all.
fn resolve_accepts(
    specs: &[String],
    sources: &[(&FtlFile, FileFacts)],
    source: &str,
) -> Result<BTreeSet<(String, String)>> {
    let mut wanted = BTreeSet::new();
    for spec in specs {
        let (file, id) = match spec.rsplit_once(':') {
            Some((file, id)) => (Some(file), id),
            None => (None, spec.as_str()),
        };
        let in_file = |name: &str| file.is_none_or(|f| name == f || ftl::short_name(name) == f);
        let found: Vec<&str> = sources
            .iter()
            .filter(|(f, facts)| in_file(&f.name) && facts.get(id).is_some())
            .map(|(f, _)| f.name.as_str())
            .collect();
        let why = match (found.as_slice(), file) {
            ([name], _) => {
                wanted.insert(((*name).to_owned(), id.to_owned()));
                continue;
            }
            ([], Some(file)) if !sources.iter().any(|(f, _)| in_file(&f.name)) => {
                format!("`{file}` is not a file of the source language ({source})")
            }
            ([], Some(file)) => format!("`{id}` is not a message of `{file}` in {source}"),
            ([], None) => format!("`{id}` is not a message of the source language ({source})"),
            (names, _) => {
                let candidates: Vec<String> = names
                    .iter()
                    .map(|n| format!("{}:{id}", ftl::short_name(n)))
                    .collect();
                format!(
                    "`{id}` is a message of {} files: name the one you reviewed ({})",
                    names.len(),
                    candidates.join(", ")
                )
            }
        };
        return Err(Error::Usage(format!("--accept: {why}")));
    }
    Ok(wanted)
}

/// The stubs one target file needs, if any, and the stubs it has refreshed; ids inside a
/// syntax error get none (they are listed in `plan.in_junk`). Also returns the ids of the
/// stubs that already show the current source text.
fn stubs_for(
    project: &Project,
    lang: &str,
    src_file: &FtlFile,
    src: &FileFacts,
    tgt_file: Option<&FtlFile>,
    tgt: &FileFacts,
    plan: &mut Plan,
) -> (Option<FileChange>, Vec<String>) {
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
    let mut seen = BTreeSet::new();
    for entry in &src.entries {
        if !seen.insert(entry.id.as_str()) {
            continue; // a duplicate in the source: `check` reports it
        }
        match tgt.get(&entry.id) {
            None if tgt.junk_ids.contains(&entry.id) => {
                plan.in_junk.push((slash_path(&path), entry.id.clone()));
            }
            None if tgt.stubs.contains_key(&entry.id) => {
                let record = plan.reviews.get(lang, &src_file.name, &entry.id);
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
        return (None, current);
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
    (Some(change), current)
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

/// Threads that write shards: each mostly waits for its file to reach the disk.
const IO_THREADS: usize = 16;

/// The message of a file saved while sync was writing.
const CHANGED: &str = "changed while gazette was writing; run sync again";

/// Write the plan (see the module's documentation for the order and why).
pub fn apply(project: &Project, plan: &Plan) -> Result<()> {
    apply_with(project, plan, &|_| {})
}

/// The moments of a sync at which tests save a file, as an editor could.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Moment<'a> {
    /// The records are written; no target is replaced yet.
    Records,
    /// Right before the file is replaced (its last comparison done).
    Replacing(&'a Path),
    /// The file is moved aside, not compared yet.
    MovedAside(&'a Path),
    /// What was moved aside is found as read; the new file is not in place yet.
    Compared(&'a Path),
    /// The new file is in place; what was moved aside is not removed yet.
    Placed(&'a Path),
}

/// [`apply`], calling `at` at each [`Moment`] (tests save files there).
fn apply_with(project: &Project, plan: &Plan, at: &dyn Fn(Moment)) -> Result<()> {
    let root = &project.root;
    // Everything is looked at before anything is written.
    let targets = plan
        .files
        .iter()
        .map(|f| Target::look(root, f))
        .collect::<Result<Vec<_>>>()?;
    remove_leftovers(project, &targets)?;
    // The records of refreshed stubs wait for their files: see `late_records`.
    let late: BTreeSet<records::RecordKey> = plan
        .files
        .iter()
        .flat_map(|f| {
            f.refreshed
                .iter()
                .map(|id| (f.lang.clone(), f.name.clone(), id.clone()))
        })
        .collect();
    let shards = shard_changes(project, plan, &late);
    for (lang, file) in shards.keys() {
        let rel = records::shard_path(lang, file);
        if let Ok(m) = fs::metadata(root.join(&rel)) {
            refuse_read_only(&m, &rel)?;
        }
    }
    let legacy = project
        .reviews
        .legacy
        .then(|| read_legacy(root))
        .transpose()?;
    let staged = targets
        .into_iter()
        .map(|t| {
            let temp = stage(root, &t.rel, &t.real, &t.new_bytes, t.meta.as_ref())?;
            Ok((t, temp))
        })
        .collect::<Result<Vec<_>>>()?;

    write_shards(root, &shards, legacy.as_ref())?;
    if legacy.is_some() {
        match fs::remove_file(root.join(LEGACY_RECORDS_FILE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::io(LEGACY_RECORDS_FILE, e))
            }
            _ => {}
        }
    }
    at(Moment::Records);
    let refused = rename_targets(root, staged, at)?;
    write_shards(root, &late_records(plan, &refused), None)?;
    match refused.split_first() {
        None => Ok(()),
        Some((first, others)) => Err(Error::io(
            first,
            std::io::Error::other(format!("{CHANGED}{}", also(others))),
        )),
    }
}

/// The single-file `gazette.lock` of an earlier version, read again to be moved into shards.
fn read_legacy(root: &Path) -> Result<ReviewRecords> {
    let rel = Path::new(LEGACY_RECORDS_FILE);
    let meta = fs::metadata(root.join(rel)).map_err(|e| Error::io(rel, e))?;
    refuse_read_only(&meta, rel)?;
    let bytes = crate::guard::read_file_limited(&root.join(rel), &meta, records::MAX_LEGACY_BYTES)
        .map_err(|e| Error::io(rel, e))?;
    let text = String::from_utf8_lossy(&bytes);
    ReviewRecords::parse_legacy(text.trim_start_matches('\u{feff}'), rel)
}

/// The records first, each shard merged with what is on disk now. Writing a file waits for
/// the disk (`sync_all`) more than it computes: more threads than cores.
fn write_shards(root: &Path, shards: &ShardChanges, legacy: Option<&ReviewRecords>) -> Result<()> {
    let write_all = || {
        shards
            .par_iter()
            .map(|((lang, file), changes)| write_shard(root, lang, file, changes, legacy))
            .collect::<Vec<Result<()>>>()
    };
    match rayon::ThreadPoolBuilder::new()
        .num_threads(IO_THREADS)
        .build()
    {
        Ok(pool) if shards.len() > 1 => pool.install(write_all),
        _ => write_all(),
    }
    .into_iter()
    .collect()
}

/// Then each target, unless it changed since it was looked at; returns those refused.
fn rename_targets(
    root: &Path,
    staged: Vec<(Target, tempfile::NamedTempFile)>,
    at: &dyn Fn(Moment),
) -> Result<Vec<PathBuf>> {
    let mut refused = Vec::new();
    for (n, (t, temp)) in staged.into_iter().enumerate() {
        if !t.unchanged() {
            refused.push(t.rel);
            continue;
        }
        at(Moment::Replacing(&t.rel));
        let aside = aside_path(&t.real, n);
        if t.meta.is_some() && !move_aside(&t, &aside, at)? {
            refused.push(t.rel);
            continue;
        }
        let mut persisted = temp.persist_noclobber(&t.real);
        for _ in 0..3 {
            if !matches!(&persisted, Err(e) if e.error.kind() == std::io::ErrorKind::NotFound) {
                break;
            }
            // Another sync starting meanwhile took the temporary file for a leftover.
            let temp = stage(root, &t.rel, &t.real, &t.new_bytes, t.meta.as_ref())?;
            persisted = temp.persist_noclobber(&t.real);
        }
        match persisted {
            Ok(_) => {}
            // Saved meanwhile (or created, for a new file): theirs stays, and what was moved
            // aside is the file as read, which that save replaced.
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                if t.meta.is_some() {
                    fs::remove_file(&aside).map_err(|e| Error::io(&t.rel, e))?;
                }
                refused.push(t.rel);
                continue;
            }
            Err(e) => {
                if t.meta.is_some() {
                    put_back(&t, &aside)?;
                }
                return Err(Error::io(&t.rel, e.error));
            }
        }
        if t.meta.is_some() {
            at(Moment::Placed(&t.rel));
            remove_aside(&t, &aside)?;
        }
    }
    Ok(refused)
}

/// How the file a sync replaces is named while it is moved aside, beside it: never a `.ftl`
/// file, and not a leftover ([`records::TEMP_PREFIX`]) that the next sync would remove.
const ASIDE_PREFIX: &str = ".gazette-aside-";

/// `.gazette-aside-<process>-<n>-<name>~`: the name of the file is kept, so that the next
/// sync can put back what a sync killed meanwhile left aside.
fn aside_path(real: &Path, n: usize) -> PathBuf {
    let name = real.file_name().unwrap_or_default().to_string_lossy();
    real.with_file_name(format!("{ASIDE_PREFIX}{}-{n}-{name}~", std::process::id()))
}

/// Move the file out of an editor's way, then compare it with what was read: a save can then
/// only create a new file, which the new text never replaces. Returns whether it was as read;
/// if not, it is put back (a save that made a new one meanwhile stays, and this one is kept
/// aside with an error naming it).
fn move_aside(t: &Target, aside: &Path, at: &dyn Fn(Moment)) -> Result<bool> {
    match fs::rename(&t.real, aside) {
        Ok(()) => {}
        // Removed or renamed meanwhile: not the file as read.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(&t.rel, e)),
    }
    at(Moment::MovedAside(&t.rel));
    if t.same_as_read(aside) {
        at(Moment::Compared(&t.rel));
        return Ok(true);
    }
    put_back(t, aside)?;
    Ok(false)
}

/// Put back what was moved aside, unless a save made a new file meanwhile: then both are
/// saves, and the one moved aside stays there, named in the error.
fn put_back(t: &Target, aside: &Path) -> Result<()> {
    let path = tempfile::TempPath::try_from_path(aside).map_err(|e| kept_aside(t, aside, e))?;
    match path.persist_noclobber(&t.real) {
        Ok(()) => Ok(()),
        Err(e) => {
            // Never removed: it is someone's save.
            let _ = e.path.keep();
            Err(kept_aside(t, aside, e.error))
        }
    }
}

/// Remove what was moved aside, now that the new file is in place, if it is still the file
/// as read: written into meanwhile (by an editor that had it open), it is kept.
fn remove_aside(t: &Target, aside: &Path) -> Result<()> {
    if !t.same_as_read(aside) {
        return Err(kept_aside(t, aside, std::io::Error::other("written into")));
    }
    fs::remove_file(aside).map_err(|e| Error::io(&t.rel, e))
}

fn kept_aside(t: &Target, aside: &Path, why: std::io::Error) -> Error {
    Error::io(
        &t.rel,
        std::io::Error::other(format!(
            "saved twice while gazette was writing it ({why}): the other save is kept as {}; compare the two, keep what you need and delete it",
            aside.display()
        )),
    )
}

/// ` (and 2 other files: a.ftl, b.ftl)`, or nothing.
fn also(others: &[PathBuf]) -> String {
    if others.is_empty() {
        return String::new();
    }
    let names: Vec<String> = others.iter().map(|p| slash_path(p)).collect();
    format!(
        " (and {} other file{}: {})",
        others.len(),
        if others.len() == 1 { "" } else { "s" },
        names.join(", ")
    )
}

/// A target file as sync found it right before writing.
struct Target {
    /// Relative to the project root, as messages name it.
    rel: PathBuf,
    /// The file written: a symbolic link's target.
    real: PathBuf,
    /// `None` for a file sync creates.
    meta: Option<fs::Metadata>,
    bytes: Vec<u8>,
    new_bytes: Vec<u8>,
}

impl Target {
    /// Read the file again: it must still be what the plan was made from.
    fn look(root: &Path, f: &FileChange) -> Result<Target> {
        let full = root.join(&f.path);
        let changed = || {
            Error::io(
                &f.path,
                std::io::Error::other(
                    "the file changed while gazette was reading it; run sync again",
                ),
            )
        };
        let mut new_bytes = Vec::new();
        let (real, meta, bytes) = if f.create {
            match fs::symlink_metadata(&full) {
                Ok(m) if m.is_dir() => {
                    return Err(Error::io(
                        &f.path,
                        std::io::Error::other(
                            "a folder is in the way of the file sync would create",
                        ),
                    ))
                }
                Ok(_) => return Err(changed()),
                Err(_) => {}
            }
            (full, None, Vec::new())
        } else {
            let real = fs::canonicalize(&full).map_err(|e| Error::io(&f.path, e))?;
            let meta = fs::metadata(&real).map_err(|e| Error::io(&f.path, e))?;
            refuse_read_only(&meta, &f.path)?;
            let bytes =
                crate::guard::read_file_of(&real, &meta).map_err(|e| Error::io(&f.path, e))?;
            let bom = bytes.starts_with(b"\xef\xbb\xbf");
            let body = if bom { &bytes[3..] } else { &bytes[..] };
            if body != f.original.as_bytes() {
                return Err(changed());
            }
            if bom {
                new_bytes.extend_from_slice(b"\xef\xbb\xbf");
            }
            (real, Some(meta), bytes)
        };
        new_bytes.extend_from_slice(f.new_text().as_bytes());
        // Never write what gazette would refuse to read.
        if new_bytes.len() as u64 > crate::guard::MAX_FILE_BYTES {
            return Err(Error::io(
                &f.path,
                std::io::Error::other(format!(
                    "with its stubs the file would be {} bytes, past the {} MiB gazette reads: split it first",
                    new_bytes.len(),
                    crate::guard::MAX_FILE_BYTES / (1024 * 1024)
                )),
            ));
        }
        Ok(Target {
            rel: f.path.clone(),
            real,
            meta,
            bytes,
            new_bytes,
        })
    }

    /// Is the file moved aside to `path` the file as it was looked at: same length,
    /// modification time and bytes (moving it changed its change time)?
    fn same_as_read(&self, path: &Path) -> bool {
        let (Some(meta), Ok(now)) = (&self.meta, fs::symlink_metadata(path)) else {
            return false;
        };
        let key = |m: &fs::Metadata| (m.len(), m.modified().ok());
        key(&now) == key(meta) && fs::read(path).is_ok_and(|b| b == self.bytes)
    }

    /// Is the file still as it was looked at: same stamp, same bytes (or still absent)?
    fn unchanged(&self) -> bool {
        let Some(meta) = &self.meta else {
            return fs::symlink_metadata(&self.real).is_err();
        };
        match fs::metadata(&self.real) {
            Ok(now) if Stamp::of(&now) == Stamp::of(meta) => {
                fs::read(&self.real).is_ok_and(|b| b == self.bytes)
            }
            _ => false,
        }
    }
}

/// What changes in each shard: (id, new record or `None` to forget it), by (language, file).
/// With a single-file `gazette.lock` to migrate, every shard is written; a shard without its
/// seal is written even with no change, to seal it.
type ShardChanges = BTreeMap<(String, String), Vec<(String, Option<Record>)>>;

fn shard_changes(
    project: &Project,
    plan: &Plan,
    late: &BTreeSet<records::RecordKey>,
) -> ShardChanges {
    let mut changes = ShardChanges::new();
    let (old, new) = (&project.reviews.records, &plan.reviews.records);
    for (key @ (lang, file, id), record) in new {
        if late.contains(key) {
            continue;
        }
        if project.reviews.legacy
            || old.get(&(lang.clone(), file.clone(), id.clone())) != Some(record)
        {
            changes
                .entry((lang.clone(), file.clone()))
                .or_default()
                .push((id.clone(), Some(record.clone())));
        }
    }
    for key @ (lang, file, id) in old.keys() {
        if !new.contains_key(key) {
            changes
                .entry((lang.clone(), file.clone()))
                .or_default()
                .push((id.clone(), None));
        }
    }
    for shard in &plan.sealed {
        changes.entry(shard.clone()).or_default();
    }
    changes
}

/// Write one shard: what is on disk now, with `changes` applied (over the records of the
/// single-file `gazette.lock` being migrated). Renamed into place only if the shard did not change on
/// disk meanwhile; otherwise merged again.
fn write_shard(
    root: &Path,
    lang: &str,
    file: &str,
    changes: &[(String, Option<Record>)],
    legacy: Option<&ReviewRecords>,
) -> Result<()> {
    let rel = records::shard_path(lang, file);
    let full = root.join(&rel);
    let read_now = || match fs::metadata(&full) {
        Ok(meta) => crate::guard::read_file_limited(&full, &meta, records::MAX_SHARD_BYTES as u64)
            .map(|b| Some((b, meta)))
            .map_err(|e| Error::io(&rel, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(&rel, e)),
    };
    for _ in 0..3 {
        let before = read_now()?;
        let mut merged = ReviewRecords::default();
        if let Some(legacy) = legacy {
            for ((l, f, id), r) in legacy.records_of(lang, file) {
                merged
                    .records
                    .insert((l.clone(), f.clone(), id.clone()), r.clone());
            }
        }
        if let Some((bytes, _)) = &before {
            let text = String::from_utf8(bytes.clone())
                .map_err(|_| Error::io(&rel, std::io::Error::other("not valid UTF-8")))?;
            merged.add_shard(lang, file, &text, &rel)?;
        }
        for (id, record) in changes {
            let key = (lang.to_owned(), file.to_owned(), id.clone());
            match record {
                Some(r) => merged.records.insert(key, r.clone()),
                None => merged.records.remove(&key),
            };
        }
        let text = records::render_shard(merged.records_of(lang, file), records::MAX_SHARD_BYTES)
            .map_err(|m| Error::io(&rel, std::io::Error::other(m)))?;
        let before_bytes = before.as_ref().map(|(b, _)| b.as_slice());
        if text.is_empty() {
            if before.is_some() {
                remove_shard(root, &full, &rel)?;
            }
            return Ok(());
        }
        if before_bytes == Some(text.as_bytes()) {
            return Ok(());
        }
        let original = before.as_ref().map(|(_, m)| m);
        // Through a symbolic link, the file it points to is written and the link stays.
        let real = match fs::symlink_metadata(&full) {
            Ok(m) if m.file_type().is_symlink() => {
                fs::canonicalize(&full).map_err(|e| Error::io(&rel, e))?
            }
            _ => full.clone(),
        };
        let temp = match stage(root, &rel, &real, text.as_bytes(), original) {
            Ok(temp) => temp,
            // Its folder, emptied by the removal of another shard, was removed meanwhile.
            Err(Error::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
                continue
            }
            Err(e) => return Err(e),
        };
        if read_now()?.map(|(b, _)| b).as_deref() == before_bytes {
            match temp.persist(&real) {
                Ok(_) => return Ok(()),
                // Another sync starting meanwhile took the temporary file for a leftover.
                Err(e) if e.error.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(&rel, e.error)),
            }
        }
    }
    Err(Error::io(&rel, std::io::Error::other(CHANGED)))
}

/// The records of the stubs refreshed in the files written (not `refused`): written after
/// their files, unlike new stubs' records. A record of the new text before its stub shows it
/// would pass a translation made from the old stub for current, were the file refused or the
/// sync killed in between; the other way round, the next sync finds a stub showing the
/// current text and records it.
fn late_records(plan: &Plan, refused: &[PathBuf]) -> ShardChanges {
    let mut changes = ShardChanges::new();
    for f in plan.files.iter().filter(|f| !refused.contains(&f.path)) {
        for id in &f.refreshed {
            let key = (f.lang.clone(), f.name.clone(), id.clone());
            if let Some(record) = plan.reviews.records.get(&key) {
                changes
                    .entry((f.lang.clone(), f.name.clone()))
                    .or_default()
                    .push((id.clone(), Some(record.clone())));
            }
        }
    }
    changes
}

/// Remove a file of records left with none, and the folders that leaves empty (git does not
/// keep them).
fn remove_shard(root: &Path, full: &Path, rel: &Path) -> Result<()> {
    fs::remove_file(full).map_err(|e| Error::io(rel, e))?;
    let top = root.join(RECORDS_DIR);
    let mut dir = full.parent();
    while let Some(d) = dir.filter(|d| *d != top && fs::remove_dir(d).is_ok()) {
        dir = d.parent();
    }
    Ok(())
}

/// Remove the temporary files of killed syncs: under the language folders and the records
/// folder, at the project root, and beside the files symbolic links lead the targets to.
fn remove_leftovers(project: &Project, targets: &[Target]) -> Result<()> {
    let root = &project.root;
    let mut dirs: Vec<PathBuf> = vec![root.join(&project.config.locales), root.join(RECORDS_DIR)];
    let mut flat: Vec<PathBuf> = vec![root.clone()];
    flat.extend(
        targets
            .iter()
            .filter_map(|t| t.real.parent().map(Path::to_path_buf)),
    );
    let remove = |path: &Path| {
        fs::remove_file(path).map_err(|e| Error::io(path.strip_prefix(root).unwrap_or(path), e))
    };
    let visit = |dir: &Path, dirs: Option<&mut Vec<PathBuf>>| -> Result<()> {
        let Ok(entries) = fs::read_dir(dir) else {
            return Ok(());
        };
        let mut dirs = dirs;
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_file() && name.starts_with(records::TEMP_PREFIX) {
                remove(&entry.path())?;
            } else if kind.is_file() && name.starts_with(ASIDE_PREFIX) {
                restore_aside(root, &entry.path(), &name)?;
            } else if kind.is_dir() {
                if let Some(d) = dirs.as_deref_mut() {
                    d.push(entry.path());
                }
            }
        }
        Ok(())
    };
    while let Some(dir) = dirs.pop() {
        visit(&dir, Some(&mut dirs))?;
    }
    for dir in flat {
        visit(&dir, None)?;
    }
    Ok(())
}

/// A file a killed sync left moved aside ([`aside_path`]): put back where it was if nothing
/// took its place; otherwise both are someone's, and the user is asked to choose.
fn restore_aside(root: &Path, aside: &Path, name: &str) -> Result<()> {
    let Some(original) = name
        .strip_prefix(ASIDE_PREFIX)
        .and_then(|rest| rest.splitn(3, '-').nth(2))
        .and_then(|rest| rest.strip_suffix('~'))
        .filter(|n| !n.is_empty())
    else {
        return Ok(()); // not a name sync gives
    };
    let shown = aside.strip_prefix(root).unwrap_or(aside);
    let path = tempfile::TempPath::try_from_path(aside).map_err(|e| Error::io(shown, e))?;
    path.persist_noclobber(aside.with_file_name(original))
        .map_err(|e| {
            // Never removed: it is someone's.
            let _ = e.path.keep();
            Error::io(
                shown,
                std::io::Error::other(format!(
                    "left by a sync interrupted while writing {original} beside it: compare the two, keep what you need and delete this one"
                )),
            )
        })
}

/// A read-only file is someone's way of saying "do not touch" (and replacing it by a rename
/// would work even so): refused, before anything is written.
fn refuse_read_only(metadata: &fs::Metadata, rel: &Path) -> Result<()> {
    if metadata.permissions().readonly() {
        return Err(Error::io(
            rel,
            std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the file is read-only: make it writable to let gazette sync it",
            ),
        ));
    }
    Ok(())
}

/// Write `bytes` to a temporary file beside `real` (its folder created if needed), with the
/// mode and owner of the file it replaces (`original`), or those of a new file.
fn stage(
    root: &Path,
    rel: &Path,
    real: &Path,
    bytes: &[u8],
    original: Option<&fs::Metadata>,
) -> Result<tempfile::NamedTempFile> {
    let dir = real.parent().unwrap_or(root);
    let dir_rel = rel.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir_rel, e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(records::TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir_rel, e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(rel, e))?;
    // Owner first: changing it clears the set-user and set-group bits the mode may restore.
    if let Some(m) = original {
        keep_owner(&temp, m).map_err(|e| Error::io(rel, e))?;
    }
    let permissions = original
        .map(|m| m.permissions())
        .or_else(default_permissions);
    if let Some(p) = permissions {
        temp.as_file()
            .set_permissions(p)
            .map_err(|e| Error::io(rel, e))?;
    }
    Ok(temp)
}

/// Give the temporary file the replaced file's owner and group, where the user may (root
/// may; anyone may keep their own uid and pick a group they belong to): otherwise the file
/// becomes the user's, as with any editor that saves by renaming.
#[cfg(unix)]
fn keep_owner(temp: &tempfile::NamedTempFile, original: &fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let now = temp.as_file().metadata()?;
    if (now.uid(), now.gid()) == (original.uid(), original.gid()) {
        return Ok(());
    }
    match std::os::unix::fs::fchown(temp.as_file(), Some(original.uid()), Some(original.gid())) {
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            // Not permitted to give the file away: keep at least the group, if allowed.
            let _ = std::os::unix::fs::fchown(temp.as_file(), None, Some(original.gid()));
            Ok(())
        }
        other => other,
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &tempfile::NamedTempFile, _: &fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// A new file is readable by everyone, like one made by an editor (temporary files are not).
#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A project of one French file, `a` and `b`, and its German file with `a` only: the
    /// German file's path and the project.
    fn fr_and_de(root: &Path) -> (std::path::PathBuf, Project) {
        put(root, "locales/fr/a.ftl", "a = A\nb = B\n");
        put(root, "locales/de/a.ftl", "a = A-de\n");
        (root.join("locales/de/a.ftl"), Project::load(root).unwrap())
    }

    /// Write `text` at `rel` under `root`, its folders made.
    fn put(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

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

    /// A file saved while sync writes is never overwritten: refused with a clear error, while
    /// the other files get their stubs and every stub its record.
    #[test]
    fn a_file_saved_during_the_sync_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, text: &str| put(root, rel, text);
        write("locales/fr/a.ftl", "a = A\nb = B\n");
        write("locales/fr/c.ftl", "c = C\n");
        write("locales/de/a.ftl", "a = A-de\n");
        write("locales/de/c.ftl", "# nothing yet\n");
        let project = Project::load(root).unwrap();
        let plan = plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
        assert_eq!(plan.files.len(), 2);
        let saved = "a = A-de\nb = B-de, by hand\n";
        let at = |m: Moment| {
            if m == Moment::Records {
                write("locales/de/a.ftl", saved)
            }
        };
        let err = apply_with(&project, &plan, &at).unwrap_err();
        assert_eq!(
            err.to_string(),
            "locales/de/a.ftl: changed while gazette was writing; run sync again"
        );
        assert_eq!(
            fs::read_to_string(root.join("locales/de/a.ftl")).unwrap(),
            saved
        );
        let c = fs::read_to_string(root.join("locales/de/c.ftl")).unwrap();
        assert!(c.starts_with("# nothing yet\n\n# gazette: stub c "), "{c}");
        let reviews = Project::load(root).unwrap().reviews;
        assert!(
            reviews.get("de", "c.ftl", "c").is_some() && reviews.get("de", "a.ftl", "b").is_some()
        );
        let temps = fs::read_dir(root.join("locales/de"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(records::TEMP_PREFIX)
            })
            .count();
        assert_eq!(temps, 0);
        // The next sync has nothing left to do: `b` is translated now.
        let project = Project::load(root).unwrap();
        let again = super::plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
        assert!(again.files.is_empty(), "{again:?}");
    }

    /// How an editor saves: by renaming a file of its own over the file (vim, most tools
    /// that write atomically), or by writing into it (VS Code, nano).
    #[derive(Debug, Clone, Copy)]
    enum Save {
        Rename,
        InPlace,
    }

    fn save(path: &Path, text: &str, how: Save) {
        match how {
            Save::Rename => {
                let temp = path.with_file_name("editor-temp");
                fs::write(&temp, text).unwrap();
                fs::rename(&temp, path).unwrap();
            }
            Save::InPlace => fs::write(path, text).unwrap(),
        }
    }

    /// A save at any moment of the replacement of a file is kept: refused before the new
    /// file is in place (exit 2, run sync again), made after it once it is.
    #[test]
    fn a_save_at_any_moment_of_the_rename_is_kept() {
        type Pick = fn(Moment) -> bool;
        let moments: [(&str, Pick, bool); 4] = [
            ("replacing", |m| matches!(m, Moment::Replacing(_)), false),
            ("moved aside", |m| matches!(m, Moment::MovedAside(_)), false),
            ("compared", |m| matches!(m, Moment::Compared(_)), false),
            ("placed", |m| matches!(m, Moment::Placed(_)), true),
        ];
        for (name, pick, after) in moments {
            for how in [Save::Rename, Save::InPlace] {
                let dir = tempfile::tempdir().unwrap();
                let root = dir.path();
                let (de, project) = fr_and_de(root);
                let plan = plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
                let saved = "a = A-de\nb = B-de, saved\n";
                let done = apply_with(&project, &plan, &|m| {
                    if pick(m) {
                        save(&de, saved, how);
                    }
                });
                let what = format!("a save {how:?} at {name}");
                assert_eq!(fs::read_to_string(&de).unwrap(), saved, "{what}: lost");
                match done {
                    Ok(()) => assert!(after, "{what}: sync said it wrote the file"),
                    Err(e) => assert!(!after && e.to_string().ends_with(CHANGED), "{what}: {e}"),
                }
                let left: Vec<_> = fs::read_dir(root.join("locales/de"))
                    .unwrap()
                    .map(|e| e.unwrap().file_name())
                    .collect();
                assert_eq!(left, ["a.ftl"], "{what}");
            }
        }
    }

    /// An editor that had the file open writes into it after sync compared it: the write is
    /// kept where it landed, named in the error, never removed.
    #[test]
    fn a_write_into_the_file_moved_aside_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (de, project) = fr_and_de(root);
        let plan = plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
        let open = std::cell::RefCell::new(None);
        let err = apply_with(&project, &plan, &|m| match m {
            Moment::Replacing(_) => {
                *open.borrow_mut() = Some(fs::OpenOptions::new().write(true).open(&de).unwrap());
            }
            Moment::Compared(_) => {
                let mut file = open.borrow_mut().take().unwrap();
                file.write_all(b"a = A-de, saved\n").unwrap();
            }
            _ => {}
        })
        .unwrap_err();
        let kept: Vec<PathBuf> = fs::read_dir(root.join("locales/de"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(ASIDE_PREFIX))
            .collect();
        assert_eq!(kept.len(), 1, "{err}");
        assert_eq!(fs::read_to_string(&kept[0]).unwrap(), "a = A-de, saved\n");
        assert!(
            err.to_string()
                .contains(&format!("kept as {}", kept[0].display())),
            "{err}"
        );
    }

    /// A sync killed while a file was moved aside: the next one puts it back first.
    #[test]
    fn the_next_sync_puts_back_a_file_left_aside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("locales/fr")).unwrap();
        fs::create_dir_all(root.join("locales/de")).unwrap();
        fs::write(root.join("locales/fr/a.ftl"), "a = A\nb = B\n").unwrap();
        let de = root.join("locales/de/a.ftl");
        fs::write(aside_path(&de, 0), "a = A-de\n").unwrap();
        let project = Project::load(root).unwrap();
        let plan = plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
        let err = apply(&project, &plan).unwrap_err();
        assert!(err.to_string().ends_with(CHANGED), "{err}");
        assert_eq!(fs::read_to_string(&de).unwrap(), "a = A-de\n");
        let project = Project::load(root).unwrap();
        let plan = super::plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
        apply(&project, &plan).unwrap();
        assert!(fs::read_to_string(&de)
            .unwrap()
            .starts_with("a = A-de\n\n# gazette: stub b"));
        assert_eq!(fs::read_dir(root.join("locales/de")).unwrap().count(), 1);
    }

    /// A refreshed stub's record follows its file: not written when the file is refused
    /// (saved meanwhile), so a translation made from the old stub is still found stale.
    #[test]
    fn a_refreshed_stub_is_recorded_only_once_written() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, text: &str| put(root, rel, text);
        write("locales/fr/a.ftl", "a = Nouveau\n");
        let old_stub = stub("a", "fr", "a = Ancien\n", "\n");
        write("locales/de/a.ftl", &format!("# de\n\n{old_stub}"));
        let mut records = ReviewRecords::default();
        records.record("de", "a.ftl", "a", "Ancien");
        let shard = records::render_shard(records.records_of("de", "a.ftl"), 1 << 20).unwrap();
        write("gazette.lock.d/de/a.ftl.lock", &shard);
        let de = ["de".to_owned()];
        let recorded = || {
            Project::load(root)
                .unwrap()
                .reviews
                .get("de", "a.ftl", "a")
                .cloned()
        };

        let project = Project::load(root).unwrap();
        let plan = plan(&project, &de, &Accept::Nothing).unwrap();
        assert_eq!(plan.files[0].refreshed, ["a"]);
        let saved = format!("# de\n\n{old_stub}# saved\n");
        let at = |m: Moment| {
            if m == Moment::Records {
                write("locales/de/a.ftl", &saved);
            }
        };
        assert!(apply_with(&project, &plan, &at).is_err());
        assert_eq!(recorded().unwrap().text, "Ancien");

        write("locales/de/a.ftl", &format!("# de\n\n{old_stub}"));
        let project = Project::load(root).unwrap();
        apply(
            &project,
            &super::plan(&project, &de, &Accept::Nothing).unwrap(),
        )
        .unwrap();
        assert_eq!(
            fs::read_to_string(root.join("locales/de/a.ftl")).unwrap(),
            format!("# de\n\n{}", stub("a", "fr", "a = Nouveau\n", "\n"))
        );
        assert_eq!(recorded().unwrap().text, "Nouveau");
    }

    #[test]
    fn line_endings_follow_the_file() {
        assert_eq!(line_ending("a = 1\r\nb = 2\r\n"), "\r\n");
        assert_eq!(line_ending("a = 1\nb = 2\r\n"), "\n");
        assert_eq!(line_ending(""), "\n");
    }
}
