//! The project lock: one writer at a time. `build` and `sync` change files that other runs
//! read and write (`out/`, `.gazette-cache/`, the translations, `gazette.lock.d/`); two of them
//! at once lost records and published pages no later build repaired. Readers (`check`,
//! `status`) never take it: they read files that writers only ever replace whole.
//!
//! The lock is the operating system's advisory lock on the project folder itself (released
//! by the kernel when the process ends, however it ends: a killed run never leaves a stale
//! lock behind; and deleting `.gazette-cache/` cannot release it), and
//! `.gazette-cache/writer.lock` says who holds it, for the message of the one who waits. That
//! note goes when the lock is released, and with it the cache folder if the run made it and
//! left nothing in it: a command that fails writes nothing.

use std::fs::{self, File, TryLockError};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file, relative to the project root.
fn file() -> PathBuf {
    Path::new(crate::store::DIR).join("writer.lock")
}

/// Held while a command writes to the project; released when dropped.
#[derive(Debug)]
pub struct ProjectLock {
    _file: File,
    root: PathBuf,
    /// The cache folder did not exist before this run took the lock.
    made_cache: bool,
}

/// What to do when another run holds the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Wait for it (after telling who holds it).
    Yes,
    /// Fail at once (`--no-wait`).
    No,
}

impl ProjectLock {
    /// Take the lock of the project at `root` for `command` (e.g. "gazette build").
    /// `waiting` is told who holds it before this run waits for it.
    pub fn acquire(
        root: &Path,
        command: &str,
        wait: Wait,
        waiting: impl FnOnce(&str),
    ) -> Result<ProjectLock> {
        check_cache_folder(root)?;
        let shown = file();
        let lock = handle(root).map_err(|e| Error::io(&shown, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let holder = holder(&root.join(&shown));
                if wait == Wait::No {
                    return Err(Error::io(
                        &shown,
                        std::io::Error::new(
                            std::io::ErrorKind::WouldBlock,
                            format!("the project is locked by {holder}; try again when it is done"),
                        ),
                    ));
                }
                waiting(&holder);
                lock.lock().map_err(|e| Error::io(&shown, e))?;
            }
            Err(TryLockError::Error(e)) => return Err(Error::io(&shown, e)),
        }
        let me = format!("`{command}` (process {})", std::process::id());
        let made_cache = !root.join(crate::store::DIR).exists();
        fs::create_dir_all(root.join(crate::store::DIR))
            .and_then(|()| crate::guard::write_fresh(&root.join(&shown), me.as_bytes()))
            .map_err(|e| Error::io(&shown, e))?;
        Ok(ProjectLock {
            _file: lock,
            root: root.to_path_buf(),
            made_cache,
        })
    }
}

impl Drop for ProjectLock {
    /// Take the holder's note away while the lock is still held (the next holder writes its
    /// own), and the cache folder if this run made it for the note alone. Best effort: a note
    /// left behind only names a finished run.
    fn drop(&mut self) {
        let _ = fs::remove_file(self.root.join(file()));
        if self.made_cache {
            // Fails, as it should, when the run wrote its cache there.
            let _ = fs::remove_dir(self.root.join(crate::store::DIR));
        }
    }
}

/// The cache folder is a folder of the project, or not there yet: a file in its place, or a
/// link (a committed one would have gazette write, and clear its leftovers, wherever it
/// leads), is named, with what to do, before anything is written.
fn check_cache_folder(root: &Path) -> Result<()> {
    let refuse = |message: &str| {
        Err(Error::Layout {
            path: crate::store::DIR.into(),
            message: message.into(),
        })
    };
    match fs::symlink_metadata(root.join(crate::store::DIR)) {
        Ok(meta) if meta.is_symlink() => refuse("is a symbolic link: gazette keeps its cache and the writers' lock in a folder of the project, never where a link leads; remove the link and run gazette again"),
        Ok(meta) if !meta.is_dir() => refuse("is a file, not a folder: gazette keeps its cache and the writers' lock in this folder; remove the file and run gazette again"),
        _ => Ok(()),
    }
}

/// What is locked: the project folder itself, where folders can be opened as files.
#[cfg(unix)]
fn handle(root: &Path) -> std::io::Result<File> {
    File::open(root)
}

/// Elsewhere, a file of the cache folder.
#[cfg(not(unix))]
fn handle(root: &Path) -> std::io::Result<File> {
    fs::create_dir_all(root.join(crate::store::DIR))?;
    File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(root.join(crate::store::DIR).join("lock"))
}

/// Who holds the lock, as its holder wrote it in `path`. A holder writes its name just after
/// it takes the lock: a missing or empty name is read again a few times before giving up.
fn holder(path: &Path) -> String {
    for _ in 0..5 {
        let mut text = String::new();
        let read = File::open(path).and_then(|f| f.take(512).read_to_string(&mut text));
        if read.is_ok() && !text.trim().is_empty() {
            return text.trim().to_owned();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    "another gazette run".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_told_who_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let first = ProjectLock::acquire(dir.path(), "gazette build", Wait::Yes, |_| {
            panic!("nobody holds it")
        })
        .unwrap();
        let e = ProjectLock::acquire(dir.path(), "gazette sync", Wait::No, |_| {}).unwrap_err();
        let message = e.to_string();
        assert!(message.contains("`gazette build` (process "), "{message}");
        assert!(message.contains("writer.lock"), "{message}");
        // Deleting the cache folder does not release it.
        fs::remove_dir_all(dir.path().join(crate::store::DIR)).unwrap();
        ProjectLock::acquire(dir.path(), "gazette sync", Wait::No, |_| {}).unwrap_err();
        drop(first);
        ProjectLock::acquire(dir.path(), "gazette sync", Wait::No, |_| {}).unwrap();
    }

    #[test]
    fn a_released_lock_leaves_no_cache_folder_it_made_for_itself() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join(crate::store::DIR);
        drop(ProjectLock::acquire(dir.path(), "gazette build", Wait::No, |_| {}).unwrap());
        assert!(!cache.exists());
        // A cache the run wrote, or that was there before, stays; the note does not.
        let lock = ProjectLock::acquire(dir.path(), "gazette build", Wait::No, |_| {}).unwrap();
        fs::write(cache.join("files.bin"), "cache").unwrap();
        drop(lock);
        assert!(cache.join("files.bin").is_file());
        assert!(!cache.join("writer.lock").exists());
    }
}
