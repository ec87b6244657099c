//! What `sync` did or would do: stubs per file, records written, moved and sealed.

use std::collections::BTreeMap;

use super::terminal::{count, shown_lines};
use crate::check::diagnostic::slash_path;
use crate::records::{RecordKey, LEGACY_RECORDS_FILE, RECORDS_DIR};
use crate::sync::{FileChange, Plan};

/// What a sync plan does, for people (`gazette sync`, and its `--dry-run`): one line per file and for the lock file; with `preview`,
/// the text each file gets, every added line prefixed with `+ ` (and, for a refreshed stub,
/// every removed one with `- `).
pub fn sync_plan(plan: &Plan, preview: bool) -> String {
    let mut out = String::new();
    let record = if preview { "would record" } else { "recorded" };
    for f in &plan.files {
        out.push_str(&sync_file(f, preview));
    }
    for (file, id) in &plan.in_junk {
        out.push_str(&format!(
            "{file}: no stub for `{id}`: it is inside a syntax error; fix that first\n"
        ));
    }
    if !plan.recorded.is_empty() {
        out.push_str(&format!(
            "{RECORDS_DIR}: {record} the source text of {} ({})\n",
            count(plan.recorded.len(), "translation"),
            record_keys(&plan.recorded)
        ));
    }
    if !plan.unreviewed.is_empty() {
        out.push_str(&format!(
            "{RECORDS_DIR}: left {} without a record for review ({}): nothing says which source text {} reviewed against (a file of records lost?); restore the records, or check {} and run `gazette sync <lang> --accept <file>:<id>`\n",
            count(plan.unreviewed.len(), "translation"),
            record_keys(&plan.unreviewed),
            if plan.unreviewed.len() == 1 { "it was" } else { "they were" },
            if plan.unreviewed.len() == 1 { "it" } else { "them" },
        ));
    }
    if !plan.forgotten.is_empty() {
        out.push_str(&format!(
            "{RECORDS_DIR}: {} {} of ids the source no longer has ({})\n",
            if preview { "would forget" } else { "forgot" },
            count(plan.forgotten.len(), "record"),
            record_keys(&plan.forgotten)
        ));
    }
    if plan.reviews.legacy {
        out.push_str(&format!(
            "{LEGACY_RECORDS_FILE}: {} into {RECORDS_DIR}/, one file per language and source file\n",
            if preview {
                "would move its records"
            } else {
                "moved its records"
            }
        ));
    }
    if !plan.sealed.is_empty() {
        out.push_str(&format!(
            "{RECORDS_DIR}: {} {} of records of an earlier version: each now says how many records it holds and their checksum, so a damaged one is refused\n",
            if preview { "would seal" } else { "sealed" },
            count(plan.sealed.len(), "file")
        ));
    }
    out.push_str(&sync_summary(plan, preview));
    out
}

/// The lines of one file of a sync plan: the stubs added, those refreshed and, with
/// `preview`, their text.
fn sync_file(f: &FileChange, preview: bool) -> String {
    let mut out = String::new();
    if !f.stubs.is_empty() {
        out.push_str(&format!(
            "{}: {} {} ({}){}\n",
            slash_path(&f.path),
            if preview { "would add" } else { "added" },
            count(f.stubs.len(), "stub"),
            f.stubs.join(", "),
            if f.create { ", new file" } else { "" }
        ));
    }
    if !f.refreshed.is_empty() {
        out.push_str(&format!(
            "{}: {} {} ({}): their source text changed and nobody had edited them\n",
            slash_path(&f.path),
            if preview {
                "would refresh"
            } else {
                "refreshed"
            },
            count(f.refreshed.len(), "stub"),
            f.refreshed.join(", "),
        ));
    }
    if preview {
        // Each refreshed stub, old then new, then the stubs added.
        let replaced = f
            .replacements
            .iter()
            .flat_map(|(r, t)| [("-", &f.original[r.clone()]), ("+", t.as_str())]);
        let inserted = f.insertions.iter().map(|(_, t)| ("+", t.as_str()));
        for (sign, text) in replaced.chain(inserted) {
            for line in text.split_inclusive('\n') {
                let line = line.trim_end_matches('\n').trim_end_matches('\r');
                out.push_str(&if line.is_empty() {
                    format!("{sign}\n")
                } else {
                    format!("{sign} {line}\n")
                });
            }
        }
    }
    shown_lines(&out).into_owned()
}

/// The last line of a sync plan: what it does in all.
fn sync_summary(plan: &Plan, preview: bool) -> String {
    let langs = plan.langs.join(", ");
    if plan.is_empty() {
        return format!("sync {langs}: nothing to do: every message has a translation or a stub\n");
    }
    let files = |n: fn(&&FileChange) -> bool| plan.files.iter().filter(n).count();
    let stubs: usize = plan.files.iter().map(|f| f.stubs.len()).sum();
    let refreshed: usize = plan.files.iter().map(|f| f.refreshed.len()).sum();
    let mut done = Vec::new();
    if stubs > 0 {
        done.push(format!(
            "{} {} to {}",
            if preview { "would add" } else { "added" },
            count(stubs, "stub"),
            count(files(|f| !f.stubs.is_empty()), "file")
        ));
    }
    if refreshed > 0 {
        done.push(format!(
            "{} {} in {}",
            if preview {
                "would refresh"
            } else {
                "refreshed"
            },
            count(refreshed, "stub"),
            count(files(|f| !f.refreshed.is_empty()), "file")
        ));
    }
    if plan.records_changed {
        done.push(format!(
            "{} {RECORDS_DIR}",
            if preview { "would update" } else { "updated" }
        ));
    }
    format!("sync {langs}: {}\n", done.join(", "))
}

/// `de:article:intro, en:article:intro` (each message as `--accept` names it, after its
/// language), or per-language counts when there are many.
fn record_keys(keys: &[RecordKey]) -> String {
    if keys.len() <= 8 {
        return keys
            .iter()
            .map(|(l, file, id)| format!("{l}:{}:{id}", crate::ftl::short_name(file)))
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

/// `gazette sync` without a language: how to name one, or every one.
pub fn sync_which_language(targets: &[String]) -> String {
    match targets.first() {
        None => "sync: the project has no target language: list them in `targets` in \
                 gazette.toml"
            .to_owned(),
        Some(first) => format!(
            "sync: which language? `gazette sync {first}` syncs one of {}; `gazette sync --all` \
             syncs every one",
            targets.join(", ")
        ),
    }
}
