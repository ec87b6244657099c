//! Writing the review records: each shard of `gazette.lock.d/` merged with what is on disk
//! when it is written, and the single-file `gazette.lock` of earlier versions moved into
//! shards.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::plan::Plan;
use super::staging::{refuse_read_only, stage, CHANGED};
use crate::error::{Error, Result};
use crate::project::Project;
use crate::records::{self, Record, ReviewRecords, LEGACY_RECORDS_FILE, RECORDS_DIR};

/// Threads that write shards: each mostly waits for its file to reach the disk.
const IO_THREADS: usize = 16;

/// The single-file `gazette.lock` of an earlier version, read again to be moved into shards.
pub(super) fn read_legacy(root: &Path) -> Result<ReviewRecords> {
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
pub(super) fn write_shards(
    root: &Path,
    shards: &ShardChanges,
    legacy: Option<&ReviewRecords>,
) -> Result<()> {
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

/// What changes in each shard: (id, new record or `None` to forget it), by (language, file).
/// With a single-file `gazette.lock` to migrate, every shard is written; a shard without its
/// seal is written even with no change, to seal it.
type ShardChanges = BTreeMap<(String, String), Vec<(String, Option<Record>)>>;

pub(super) fn shard_changes(
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
pub(super) fn late_records(plan: &Plan, refused: &[PathBuf]) -> ShardChanges {
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
