//! Writing a sync's plan: the review records, then each target file, never over a save.
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

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::plan::Plan;
use super::shards::{late_records, read_legacy, shard_changes, write_shards};
use super::staging::{refuse_read_only, stage, CHANGED};
use super::stubs::FileChange;
use crate::check::diagnostic::slash_path;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::records::{self, LEGACY_RECORDS_FILE, RECORDS_DIR};
use crate::stamp::Stamp;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::ReviewRecords;
    use crate::sync::plan::{self, Accept};
    use crate::sync::stubs::stub;
    use std::io::Write;

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
        let plan = plan::plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
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
        let again = plan::plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
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
                let plan = plan::plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
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
        let plan = plan::plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
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
        let plan = plan::plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
        let err = apply(&project, &plan).unwrap_err();
        assert!(err.to_string().ends_with(CHANGED), "{err}");
        assert_eq!(fs::read_to_string(&de).unwrap(), "a = A-de\n");
        let project = Project::load(root).unwrap();
        let plan = plan::plan(&project, &["de".to_owned()], &Accept::Nothing).unwrap();
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
        let plan = plan::plan(&project, &de, &Accept::Nothing).unwrap();
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
            &plan::plan(&project, &de, &Accept::Nothing).unwrap(),
        )
        .unwrap();
        assert_eq!(
            fs::read_to_string(root.join("locales/de/a.ftl")).unwrap(),
            format!("# de\n\n{}", stub("a", "fr", "a = Nouveau\n", "\n"))
        );
        assert_eq!(recorded().unwrap().text, "Nouveau");
    }
}
