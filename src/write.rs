//! Stage 6, write: the only module that touches `out/`. A build is written into a fresh folder
//! beside `out/`, then swapped in, so a failed build leaves the previous `out/` as it was.

use std::collections::BTreeMap;
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

/// Write `site` to `out` atomically: stage beside it, then swap.
pub fn write_site(out: &Path, shown: &Path, site: &Site) -> Result<()> {
    check_target(out, shown)?;
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
    for (rel, bytes) in site.iter().chain([(&PathBuf::from(MARKER), &Vec::new())]) {
        let path = staging.path().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io(shown.join(rel), e))?;
        }
        fs::write(&path, bytes).map_err(|e| Error::io(shown.join(rel), e))?;
    }
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
        write_site(&out, "out".as_ref(), &site).unwrap();
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
