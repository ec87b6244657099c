//! Stage 6, write: the only module that touches `out/`. Pages are streamed, as they are
//! rendered, into a staging folder beside `out/`; nothing reaches `out/` before the build has
//! succeeded. A first build then swaps the whole folder in. Later builds move only the files
//! whose bytes changed into the previous `out/` and delete the ones it no longer has, so a
//! correction to one article of 10,000 touches a handful of files.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// File in every folder gazette writes, so `--out` never replaces a folder of someone's files.
/// Rewritten by every build that changes the output: its identity names the output in the
/// build cache (see [`crate::cache`]).
pub const MARKER: &str = ".gazette-output";

/// Refuse an output folder that holds files and was not written by gazette.
pub fn check_target(out: &Path, shown: &Path) -> Result<()> {
    match fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() && !out.join(MARKER).is_file() {
                return Err(Error::Layout {
                    path: shown.to_path_buf(),
                    message: "refusing to replace a folder that is not empty and was not written by gazette".into(),
                });
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Err(Error::Layout {
            path: shown.to_path_buf(),
            message: "the output path is a file, not a folder".into(),
        }),
        Err(e) => Err(Error::io(shown, e)),
    }
}

/// What a write did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Files whose bytes changed or that are new.
    pub changed: usize,
    /// Files of the previous output that the build no longer has.
    pub removed: usize,
}

/// An output folder being written.
pub struct Output {
    out: PathBuf,
    /// `out` as the user named it, for messages.
    shown: PathBuf,
    /// The previous output, updated in place; `None` when there is none (first build).
    previous: Option<PathBuf>,
    staging: tempfile::TempDir,
    /// Folders already made in the staging folder.
    dirs: Mutex<BTreeSet<PathBuf>>,
    /// Files staged (new or with new bytes), relative to the output root.
    staged: Mutex<Vec<PathBuf>>,
    changed: AtomicUsize,
}

impl Output {
    /// Start writing `out` (refused if it holds files gazette did not write).
    pub fn begin(out: &Path, shown: &Path) -> Result<Output> {
        check_target(out, shown)?;
        let previous = out.join(MARKER).is_file().then(|| out.to_path_buf());
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let name = out.file_name().unwrap_or_default().to_string_lossy();
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{name}.staging-"))
            .tempdir_in(&parent)
            .map_err(|e| Error::io(shown, e))?;
        Ok(Output {
            out: out.to_path_buf(),
            shown: shown.to_path_buf(),
            previous,
            staging,
            dirs: Mutex::default(),
            staged: Mutex::default(),
            changed: AtomicUsize::new(0),
        })
    }

    /// The identity of the previous output's marker, if there is a previous output.
    pub fn previous_id(&self) -> Option<String> {
        marker_id(self.previous.as_ref()?)
    }

    /// Write one file of the build (from any thread). A file whose bytes are already in the
    /// previous output is left alone.
    pub fn put(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        if let Some(old) = &self.previous {
            let path = old.join(rel);
            let same = fs::metadata(&path)
                .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
                && fs::read(&path).is_ok_and(|old| old == bytes);
            if same {
                return Ok(());
            }
        }
        if let Some(dir) = rel.parent() {
            let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            if !dirs.contains(dir) {
                fs::create_dir_all(self.staging.path().join(dir))
                    .map_err(|e| Error::io(self.shown.join(dir), e))?;
                dirs.insert(dir.to_path_buf());
            }
        }
        fs::write(self.staging.path().join(rel), bytes)
            .map_err(|e| Error::io(self.shown.join(rel), e))?;
        self.changed.fetch_add(1, Ordering::Relaxed);
        self.staged
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(rel.to_path_buf());
        Ok(())
    }

    /// Finish: `files` is every file of the new output (written with [`Output::put`], or
    /// kept from the previous output). Files of the previous output that are not in `files`
    /// are removed. Returns what was done and the identity of the output's marker.
    pub fn commit(self, files: &HashSet<PathBuf>) -> Result<(Written, String)> {
        let shown = &self.shown;
        let mut written = Written {
            changed: self.changed.load(Ordering::Relaxed),
            removed: 0,
        };
        let staged = self.staged.into_inner().unwrap_or_else(|e| e.into_inner());
        let Some(old) = &self.previous else {
            fs::write(self.staging.path().join(MARKER), "")
                .map_err(|e| Error::io(shown.join(MARKER), e))?;
            let staged = self.staging.keep();
            return match fs::rename(&staged, &self.out) {
                Ok(()) => Ok((written, marker_id(&self.out).unwrap_or_default())),
                Err(e) => {
                    let _ = fs::remove_dir_all(&staged);
                    Err(Error::io(shown, e))
                }
            };
        };
        let mut old_files = Vec::new();
        list_files(old, Path::new(""), &mut old_files).map_err(|e| Error::io(shown, e))?;
        let obsolete: Vec<&PathBuf> = old_files
            .iter()
            .filter(|f| f.as_path() != Path::new(MARKER) && !files.contains(*f))
            .collect();
        written.removed = obsolete.len();
        for rel in &staged {
            let to = old.join(rel);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir).map_err(|e| Error::io(shown, e))?;
            }
            fs::rename(self.staging.path().join(rel), &to)
                .map_err(|e| Error::io(shown.join(rel), e))?;
        }
        for rel in obsolete {
            fs::remove_file(old.join(rel)).map_err(|e| Error::io(shown.join(rel), e))?;
            // A language no longer published leaves an empty folder: remove it too.
            if let Some(dir) = rel.parent().filter(|d| !d.as_os_str().is_empty()) {
                let _ = fs::remove_dir(old.join(dir));
            }
        }
        if written != Written::default() {
            fs::write(old.join(MARKER), "").map_err(|e| Error::io(shown.join(MARKER), e))?;
        }
        Ok((written, marker_id(old).unwrap_or_default()))
    }
}

/// The identity of an output's marker: inode (where there are inodes) and modification time.
fn marker_id(out: &Path) -> Option<String> {
    let m = fs::metadata(out.join(MARKER)).ok()?;
    let modified = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    // A copy keeps the time (`cp -a`, rsync) but not the inode.
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Some(format!("{inode}:{modified}"))
}

/// Every file under `dir`, relative to the output root.
fn list_files(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(root.join(rel))? {
        let entry = entry?;
        let path = rel.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            list_files(root, &path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(out: &Path, files: &[(&str, &str)]) -> Written {
        let output = Output::begin(out, "out".as_ref()).unwrap();
        for (rel, text) in files {
            output.put(rel.as_ref(), text.as_bytes()).unwrap();
        }
        let all = files.iter().map(|(rel, _)| PathBuf::from(rel)).collect();
        output.commit(&all).unwrap().0
    }

    #[test]
    fn updates_previous_output_and_refuses_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write(&out, &[("fr/a.txt", "one"), ("fr/b.txt", "two")]);
        assert_eq!(
            write(&out, &[("de/b.txt", "two"), ("fr/b.txt", "two")]),
            Written {
                changed: 1,
                removed: 1
            }
        );
        assert!(!out.join("fr/a.txt").exists());
        assert_eq!(fs::read(out.join("de/b.txt")).unwrap(), b"two");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no staging left behind"
        );
        assert_eq!(
            write(&out, &[("de/b.txt", "two"), ("fr/b.txt", "two")]),
            Written::default()
        );

        let foreign = dir.path().join("docs");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("keep.txt"), "mine").unwrap();
        let e = Output::begin(&foreign, "docs".as_ref()).err().unwrap();
        assert!(e.to_string().contains("not written by gazette"), "{e}");
        assert_eq!(
            fs::read_to_string(foreign.join("keep.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn an_abandoned_output_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let output = Output::begin(&out, "out".as_ref()).unwrap();
        output.put("fr/a.txt".as_ref(), b"one").unwrap();
        drop(output);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
