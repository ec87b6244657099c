//! Stage 6, write: the only module that touches `out/`. A build is written into a fresh folder
//! beside `out/`, then swapped in, so a failed build leaves the previous `out/` as it was.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// File in every folder gazette writes, so `--out` never replaces a folder of someone's files.
pub const MARKER: &str = ".gazette-output";

/// The files of a build: path relative to the output folder -> bytes. Sorted, so the staging
/// folder is written in the same order every time.
pub type Site = BTreeMap<PathBuf, Vec<u8>>;

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

/// Write `site` to `out` atomically: stage beside it, then swap. A file whose bytes did not
/// change is hard-linked from the previous output instead of written again (inode creation is
/// what a large site's build spends its time on); when nothing changed at all, nothing is
/// written.
pub fn write_site(out: &Path, shown: &Path, site: &Site) -> Result<Written> {
    check_target(out, shown)?;
    let previous = out.join(MARKER).is_file().then_some(out);
    let unchanged = |rel: &Path, bytes: &[u8]| {
        previous.is_some_and(|old| {
            let path = old.join(rel);
            fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
                && fs::read(&path).is_ok_and(|old| old == bytes)
        })
    };
    let entries: Vec<(&PathBuf, &Vec<u8>)> = site.iter().collect();
    let same: Vec<bool> = entries
        .par_iter()
        .map(|(rel, bytes)| unchanged(rel, bytes))
        .collect();
    let mut written = Written {
        changed: same.iter().filter(|s| !**s).count(),
        removed: 0,
    };
    if let Some(old) = previous {
        let mut old_files = Vec::new();
        list_files(old, Path::new(""), &mut old_files).map_err(|e| Error::io(shown, e))?;
        written.removed = old_files
            .iter()
            .filter(|f| f.as_path() != Path::new(MARKER) && !site.contains_key(*f))
            .count();
        if written == Written::default() {
            return Ok(written);
        }
    }

    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let name = out
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.staging-"))
        .tempdir_in(&parent)
        .map_err(|e| Error::io(shown, e))?;
    let dirs: BTreeSet<&Path> = site.keys().filter_map(|rel| rel.parent()).collect();
    for dir in dirs {
        fs::create_dir_all(staging.path().join(dir)).map_err(|e| Error::io(shown.join(dir), e))?;
    }
    entries
        .par_iter()
        .zip(same)
        .try_for_each(|((rel, bytes), same)| {
            let path = staging.path().join(rel);
            let linked = same
                && previous
                    .is_some_and(|old| fs::hard_link(old.join(rel.as_path()), &path).is_ok());
            if linked {
                Ok(())
            } else {
                fs::write(&path, bytes).map_err(|e| Error::io(shown.join(rel), e))
            }
        })?;
    fs::write(staging.path().join(MARKER), b"").map_err(|e| Error::io(shown.join(MARKER), e))?;

    // Swap: the old output moves aside first, so there is never a moment without one.
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let had_old = out.exists();
    if had_old {
        fs::rename(out, &old).map_err(|e| Error::io(shown, e))?;
    }
    let staged = staging.keep();
    if let Err(e) = fs::rename(&staged, out) {
        if had_old {
            let _ = fs::rename(&old, out);
        }
        let _ = fs::remove_dir_all(&staged);
        return Err(Error::io(shown, e));
    }
    if had_old {
        fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    }
    Ok(written)
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

    #[test]
    fn replaces_previous_output_and_refuses_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let mut site = Site::new();
        site.insert("fr/a.txt".into(), b"one".to_vec());
        write_site(&out, "out".as_ref(), &site).unwrap();
        site.clear();
        site.insert("de/b.txt".into(), b"two".to_vec());
        assert_eq!(
            write_site(&out, "out".as_ref(), &site).unwrap(),
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

        let foreign = dir.path().join("docs");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("keep.txt"), "mine").unwrap();
        let e = write_site(&foreign, "docs".as_ref(), &site).unwrap_err();
        assert!(e.to_string().contains("not written by gazette"), "{e}");
        assert_eq!(
            fs::read_to_string(foreign.join("keep.txt")).unwrap(),
            "mine"
        );
    }
}
