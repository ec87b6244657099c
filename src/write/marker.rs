//! The marker beside an output folder: which build made it and the files gazette wrote
//! there, each with its inode, read at the start of a build and written as it publishes.

use std::fs;
use std::path::{Path, PathBuf};

use super::paths::{PathMap, MARKER};
use crate::error::{Error, Result};
use crate::guard;

/// First line of a marker, before the build's identity.
pub(super) const MARKER_HEADER: &str = "gazette output ";

/// The previous output: its identity and the files gazette wrote there.
pub(super) struct Previous {
    pub(super) id: String,
    /// Each file gazette wrote, with the inodes it was written as (none in an earlier gazette's
    /// marker; two while a site is being published, the old site's and the new one's). `None`
    /// for an earlier gazette's marker that listed nothing.
    pub(super) files: Option<PathMap<Vec<u64>>>,
    /// Its marker is inside it, as earlier versions wrote it: the next site moves it beside.
    pub(super) inside: bool,
}

/// The marker of a new site: written before the site is published listing the files of both
/// sites (so whenever a build is killed, each file of `out/` is named as gazette's if it is),
/// then with the new site's files alone.
pub(super) struct NextMarker {
    pub(super) path: PathBuf,
    pub(super) id: String,
    pub(super) during: String,
    pub(super) after: String,
}

impl NextMarker {
    /// Replace the marker with `text` in one step.
    pub(super) fn write(&self, text: &str, shown: &Path) -> Result<()> {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let temp = self.path.with_file_name(format!(".new{name}"));
        guard::write_fresh(&temp, text.as_bytes())
            .and_then(|()| fs::rename(&temp, &self.path))
            .map_err(|e| Error::io(shown.with_file_name(&*name), e))
    }
}

/// The marker of the output folder `out` (links resolved, or not yet: it is found beside the
/// folder the link leads to), beside it or inside it (an earlier version's), and whether it is
/// inside; none for a marker that is not a regular file.
pub(super) fn marker_of(out: &Path) -> Option<(PathBuf, bool)> {
    let real = resolve_existing(out);
    let file = |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.is_file());
    let beside = guard::output_marker(&real);
    if file(&beside) {
        return Some((beside, false));
    }
    let inside = real.join(MARKER);
    file(&inside).then_some((inside, true))
}

/// The marker of the output at `out`, if it has one and is a folder.
pub(super) fn read_marker(out: &Path) -> Option<Previous> {
    if !out.is_dir() {
        return None;
    }
    let (path, inside) = marker_of(out)?;
    let text = fs::read_to_string(path).unwrap_or_default();
    let Some((first, rest)) = text.split_once('\n') else {
        // An earlier gazette's empty marker: every file of the output was its own, but nothing
        // proves which: pages of the new site replace theirs, and nothing is removed.
        return Some(Previous {
            id: String::new(),
            files: None,
            inside,
        });
    };
    let id = first
        .strip_prefix(MARKER_HEADER)
        .unwrap_or_default()
        .to_owned();
    let mut files: PathMap<Vec<u64>> = PathMap::default();
    for line in rest.lines() {
        match line.rsplit_once('\t') {
            Some((name, inode)) => {
                let inodes = files.entry(name.to_owned()).or_default();
                inodes.extend(inode.parse::<u64>().ok());
            }
            None => {
                files.entry(line.to_owned()).or_default();
            }
        }
    }
    Some(Previous {
        id,
        files: Some(files),
        inside,
    })
}

/// A new output's identity: unique to the build that made it.
pub(super) fn new_id() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let seed = format!("{now} {}", std::process::id());
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(seed.as_bytes()))
}

/// The output folder with symbolic links resolved, as far as they lead to something.
fn resolve_existing(out: &Path) -> PathBuf {
    match fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf())
        }
        _ => out.to_path_buf(),
    }
}
