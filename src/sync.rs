//! `gazette sync`: stubs for what a target language lacks, and the `gazette.lock` records of
//! what each translation was reviewed against. The only module that writes under `locales/`
//! (and the only one that writes `gazette.lock`).
//!
//! **Stubs never change what is already there.** Every byte of a target file stays where it
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
//! **The lock file.** A translation without a record in `gazette.lock` is current: there is
//! nothing to compare it with. `sync <lang>` records the source text of every translation that
//! has no record yet (so a brand-new translation is current when first recorded) and of every
//! stub it writes (the text the editor is given to translate), and forgets records of ids the
//! source no longer has. `--accept <id>…` / `--accept-all` record the current source text of
//! existing translations after an editor updated them, clearing `stale-translation`; they only
//! touch the lock file.
//!
//! Writes are atomic: each file is written to a temporary file in its own folder, and every
//! temporary file is renamed over its target only once all of them were written, so an
//! interrupted sync never leaves a truncated file.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::check::diagnostic::slash_path;
use crate::error::{Error, Result};
use crate::ftl::{self, FileFacts, STUB_MARKER};
use crate::lock::{Lock, LOCK_FILE};
use crate::project::{FtlFile, Project};

/// Which source texts `sync` records as reviewed.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Accept {
    /// Write stubs and record new translations (plain `sync`).
    #[default]
    Nothing,
    /// `--accept <id>…`: only record these ids' current source text.
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
    /// `id` or `id.attribute` of each stub, in the order they are written.
    pub stubs: Vec<String>,
    /// (byte offset in `original`, text inserted there), by increasing offset.
    pub insertions: Vec<(usize, String)>,
}

impl FileChange {
    /// The file's text after the change.
    pub fn new_text(&self) -> String {
        splice(&self.original, &self.insertions)
    }
}

/// What a sync will do.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub langs: Vec<String>,
    pub files: Vec<FileChange>,
    /// The lock file after the sync.
    pub lock: Lock,
    pub lock_changed: bool,
    /// (language, file name, id) recorded anew.
    pub recorded: Vec<(String, String, String)>,
    /// Records dropped because the source no longer has the id.
    pub forgotten: Vec<(String, String, String)>,
    /// (file, id) that get no stub because the id is inside a syntax error of the target.
    pub in_junk: Vec<(String, String)>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && !self.lock_changed
    }
}

/// Work out what `sync` would do for some target languages. Pure: nothing is written.
pub fn plan(project: &Project, langs: &[String], accept: &Accept) -> Result<Plan> {
    let source = &project.config.source;
    let targets = project.targets();
    for lang in langs {
        if lang == source {
            return Err(Error::Usage(format!(
                "`{lang}` is the source language: sync works on target languages ({})",
                targets.join(", ")
            )));
        }
        if !targets.contains(lang) {
            return Err(Error::Usage(format!(
                "`{lang}` is not a target language of this project ({})",
                targets.join(", ")
            )));
        }
    }
    let sources: Vec<(&FtlFile, FileFacts)> = project
        .files(source)
        .iter()
        .map(|f| (f, ftl::parse(&f.text)))
        .collect();
    let mut plan = Plan {
        langs: langs.to_vec(),
        files: Vec::new(),
        lock: project.lock.clone(),
        lock_changed: false,
        recorded: Vec::new(),
        forgotten: Vec::new(),
        in_junk: Vec::new(),
    };
    let mut accepted: BTreeSet<&str> = BTreeSet::new();
    for lang in langs {
        for (src_file, src) in &sources {
            let tgt_file = project.files(lang).iter().find(|f| f.name == src_file.name);
            let tgt = tgt_file.map(|f| ftl::parse(&f.text)).unwrap_or_default();
            let name = src_file.name.as_str();
            let record = |plan: &mut Plan, id: &str, text: &str| {
                if plan.lock.record(lang, name, id, text) {
                    plan.recorded
                        .push((lang.clone(), name.to_owned(), id.to_owned()));
                }
            };
            match accept {
                Accept::Nothing => {
                    let change = stubs_for(project, lang, src_file, src, tgt_file, &tgt, &mut plan);
                    for entry in &src.entries {
                        let key = (lang.clone(), name.to_owned(), entry.id.clone());
                        let stubbed = change.as_ref().is_some_and(|c| c.stubs.contains(&entry.id));
                        let translated = tgt.get(&entry.id).is_some();
                        if stubbed || (translated && !plan.lock.records.contains_key(&key)) {
                            record(&mut plan, &entry.id, &entry.text);
                        }
                    }
                    plan.files.extend(change);
                }
                Accept::Ids(ids) => {
                    for entry in &src.entries {
                        if ids.contains(&entry.id) && tgt.get(&entry.id).is_some() {
                            accepted.insert(entry.id.as_str());
                            record(&mut plan, &entry.id, &entry.text);
                        }
                    }
                }
                Accept::All => {
                    for entry in src.entries.iter().filter(|e| tgt.get(&e.id).is_some()) {
                        record(&mut plan, &entry.id, &entry.text);
                    }
                }
            }
        }
        if *accept == Accept::Nothing {
            // Records of ids (or files) the source no longer has.
            let known = |file: &str, id: &str| {
                sources
                    .iter()
                    .any(|(f, facts)| f.name == file && facts.get(id).is_some())
            };
            let gone: Vec<_> = plan
                .lock
                .records
                .keys()
                .filter(|(l, file, id)| l == lang && !known(file, id))
                .cloned()
                .collect();
            for key in gone {
                plan.lock.records.remove(&key);
                plan.forgotten.push(key);
            }
        }
    }
    if let Accept::Ids(ids) = accept {
        for id in ids {
            if accepted.contains(id.as_str()) {
                continue;
            }
            let in_source = sources.iter().any(|(_, facts)| facts.get(id).is_some());
            return Err(Error::Usage(if in_source {
                format!(
                    "--accept: `{id}` has no {} translation to accept: translate it first",
                    langs.join("/")
                )
            } else {
                format!("--accept: `{id}` is not a message of the source language ({source})")
            }));
        }
    }
    plan.lock_changed = plan.lock != project.lock;
    Ok(plan)
}

/// The stubs one target file needs, if any.
fn stubs_for(
    project: &Project,
    lang: &str,
    src_file: &FtlFile,
    src: &FileFacts,
    tgt_file: Option<&FtlFile>,
    tgt: &FileFacts,
    plan: &mut Plan,
) -> Option<FileChange> {
    let path = project.ftl_path(lang, &src_file.name);
    let original = tgt_file.map(|f| f.text.clone()).unwrap_or_default();
    let eol = line_ending(&original);
    let mut stubs = Vec::new();
    let mut appended = Vec::new();
    let mut inserted: BTreeMap<usize, String> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for entry in &src.entries {
        if !seen.insert(entry.id.as_str()) {
            continue; // a duplicate in the source: `check` reports it
        }
        match tgt.get(&entry.id) {
            None if tgt.junk_ids.contains(&entry.id) => {
                plan.in_junk.push((slash_path(&path), entry.id.clone()));
            }
            None if tgt.stubs.contains_key(&entry.id) => {}
            None => {
                if let Some(text) = ftl::entry_source(&src_file.text, &entry.id, None) {
                    appended.push(stub(&entry.id, &project.config.source, &text, eol));
                    stubs.push(entry.id.clone());
                }
            }
            Some(t) => {
                for (attr, _) in &entry.attributes {
                    let key = format!("{}.{attr}", entry.id);
                    if t.attributes.iter().any(|(a, _)| a == attr)
                        || tgt.stubs.contains_key(&key)
                        || stubs.contains(&key)
                    {
                        continue;
                    }
                    let Some(text) = ftl::entry_source(&src_file.text, &entry.id, Some(attr))
                    else {
                        continue;
                    };
                    let at = entry_end(&original, t.line);
                    let block = inserted.entry(at).or_default();
                    if at == original.len()
                        && !original.is_empty()
                        && !original.ends_with('\n')
                        && block.is_empty()
                    {
                        block.push_str(eol);
                    }
                    block.push_str(&stub(&key, &project.config.source, &text, eol));
                    stubs.push(key);
                }
            }
        }
    }
    if stubs.is_empty() {
        return None;
    }
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
    if !appended.is_empty() {
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
    }
    Some(FileChange {
        lang: lang.to_owned(),
        path,
        create: tgt_file.is_none(),
        original,
        stubs,
        insertions,
    })
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

fn splice(original: &str, insertions: &[(usize, String)]) -> String {
    let mut out = String::with_capacity(original.len() + 256);
    let mut from = 0;
    for (at, text) in insertions {
        out.push_str(&original[from..*at]);
        out.push_str(text);
        from = *at;
    }
    out.push_str(&original[from..]);
    out
}

/// What the plan does, for people: one line per file and for the lock file; with `preview`,
/// the text each file gets, every added line prefixed with `+ `.
pub fn describe(plan: &Plan, preview: bool) -> String {
    let mut out = String::new();
    let (add, record) = if preview {
        ("would add", "would record")
    } else {
        ("added", "recorded")
    };
    for f in &plan.files {
        out.push_str(&format!(
            "{}: {add} {} ({}){}\n",
            slash_path(&f.path),
            count(f.stubs.len(), "stub"),
            f.stubs.join(", "),
            if f.create { ", new file" } else { "" }
        ));
        if preview {
            for (_, text) in &f.insertions {
                for line in text.split_inclusive('\n') {
                    let line = line.trim_end_matches('\n').trim_end_matches('\r');
                    out.push_str(&format!("+ {line}\n").replace("+ \n", "+\n"));
                }
            }
        }
    }
    for (file, id) in &plan.in_junk {
        out.push_str(&format!(
            "{file}: no stub for `{id}`: it is inside a syntax error; fix that first\n"
        ));
    }
    if !plan.recorded.is_empty() {
        out.push_str(&format!(
            "{LOCK_FILE}: {record} the source text of {} ({})\n",
            count(plan.recorded.len(), "translation"),
            keys(&plan.recorded)
        ));
    }
    if !plan.forgotten.is_empty() {
        out.push_str(&format!(
            "{LOCK_FILE}: {} {} of ids the source no longer has ({})\n",
            if preview { "would forget" } else { "forgot" },
            count(plan.forgotten.len(), "record"),
            keys(&plan.forgotten)
        ));
    }
    let stubs: usize = plan.files.iter().map(|f| f.stubs.len()).sum();
    let langs = plan.langs.join(", ");
    if plan.is_empty() {
        out.push_str(&format!(
            "sync {langs}: nothing to do: every message has a translation or a stub\n"
        ));
    } else {
        let mut done = Vec::new();
        if !plan.files.is_empty() {
            done.push(format!(
                "{add} {} to {}",
                count(stubs, "stub"),
                count(plan.files.len(), "file")
            ));
        }
        if plan.lock_changed {
            done.push(format!(
                "{} {LOCK_FILE}",
                if preview { "would update" } else { "updated" }
            ));
        }
        out.push_str(&format!("sync {langs}: {}\n", done.join(", ")));
    }
    out
}

/// `de:intro, en:intro`, or per-language counts when there are many.
fn keys(keys: &[(String, String, String)]) -> String {
    if keys.len() <= 8 {
        return keys
            .iter()
            .map(|(l, _, id)| format!("{l}:{id}"))
            .collect::<Vec<_>>()
            .join(", ");
    }
    let mut per_lang: BTreeMap<&str, usize> = BTreeMap::new();
    for (l, _, _) in keys {
        *per_lang.entry(l).or_default() += 1;
    }
    per_lang
        .iter()
        .map(|(l, n)| format!("{l}: {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Write the plan: every file to a temporary file beside it, then all renamed into place.
pub fn apply(project: &Project, plan: &Plan) -> Result<()> {
    let root = &project.root;
    let mut staged = Vec::new();
    for f in &plan.files {
        let full = root.join(&f.path);
        let (bom, permissions) = if f.create {
            (false, None)
        } else {
            let bytes = fs::read(&full).map_err(|e| Error::io(&f.path, e))?;
            let bom = bytes.starts_with(b"\xef\xbb\xbf");
            let body = if bom { &bytes[3..] } else { &bytes[..] };
            if body != f.original.as_bytes() {
                return Err(Error::io(
                    &f.path,
                    std::io::Error::other(
                        "the file changed while gazette was reading it; run sync again",
                    ),
                ));
            }
            let permissions = fs::metadata(&full).map_err(|e| Error::io(&f.path, e))?;
            refuse_read_only(&permissions, &f.path)?;
            (bom, Some(permissions.permissions()))
        };
        let mut bytes = Vec::new();
        if bom {
            bytes.extend_from_slice(b"\xef\xbb\xbf");
        }
        bytes.extend_from_slice(f.new_text().as_bytes());
        staged.push(stage(root, &f.path, &bytes, permissions)?);
    }
    if plan.lock_changed {
        let metadata = fs::metadata(root.join(LOCK_FILE)).ok();
        if let Some(m) = &metadata {
            refuse_read_only(m, Path::new(LOCK_FILE))?;
        }
        let permissions = metadata.map(|m| m.permissions());
        staged.push(stage(
            root,
            Path::new(LOCK_FILE),
            plan.lock.render().as_bytes(),
            permissions,
        )?);
    }
    for (temp, rel) in staged {
        temp.persist(root.join(&rel))
            .map_err(|e| Error::io(&rel, e.error))?;
    }
    Ok(())
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

/// Write `bytes` to a temporary file in the folder of `rel` (created if needed).
fn stage(
    root: &Path,
    rel: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> Result<(tempfile::NamedTempFile, PathBuf)> {
    let full = root.join(rel);
    let dir = full.parent().unwrap_or(root);
    let dir_rel = rel.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir_rel, e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".gazette-sync-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir_rel, e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(rel, e))?;
    let permissions = permissions.or_else(default_permissions);
    if let Some(p) = permissions {
        fs::set_permissions(temp.path(), p).map_err(|e| Error::io(rel, e))?;
    }
    Ok((temp, rel.to_path_buf()))
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
