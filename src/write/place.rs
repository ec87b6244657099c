//! Where the output folder is, and whether gazette may publish there: refused before anything
//! changes when it holds someone's files, leads through a missing folder, out of the project
//! or into a folder of the project that is not the site's, or cannot be exchanged (a mount
//! point, read-only).

use std::fs;
use std::path::{Path, PathBuf};

use super::marker::marker_of;
use super::paths::KEPT_SIGN;
use crate::error::{Error, Result};
use crate::guard;

/// Refuse an output folder that holds files and was not written by gazette.
pub fn check_target(out: &Path, shown: &Path) -> Result<()> {
    match fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() && marker_of(out).is_none() {
                return Err(Error::Layout {
                    path: shown.to_path_buf(),
                    message: "refusing to replace a folder that is not empty and was not written by gazette".into(),
                });
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => not_yet_there(out, shown),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Err(Error::Layout {
            path: shown.to_path_buf(),
            message: "the output path is a file, not a folder".into(),
        }),
        Err(e) => Err(Error::io(shown, e)),
    }
}

/// An output folder that does not exist yet is made where its path leads once its missing
/// folders are made: so no `..` may follow a missing folder (`nope/../../docs`), in the path
/// or in a link it goes through that leads nowhere yet, as that would lead somewhere no check
/// saw (an existing folder of the user's, `.git`, the project itself) and have it replaced.
/// A link to a folder still to be made (`out -> /srv/www/site`) is fine.
pub(super) fn not_yet_there(out: &Path, shown: &Path) -> Result<()> {
    match up_after_missing(out) {
        None => Ok(()),
        Some(message) => Err(Error::Layout {
            path: shown.to_path_buf(),
            message,
        }),
    }
}

/// Why `out` may not be made (see [`not_yet_there`]), if it may not.
fn up_after_missing(out: &Path) -> Option<String> {
    let missing = missing_then_up(out, 0)?;
    Some(format!(
        "leads through `..` after {missing}, a folder that does not exist yet: write the output folder's path, and any link on it, without `..`"
    ))
}

/// The name of a missing folder that `path` goes up from (`..`), following links that lead
/// nowhere yet; none when there is none.
pub(super) fn missing_then_up(path: &Path, depth: usize) -> Option<String> {
    let mut prefix = PathBuf::new();
    let mut missing: Option<String> = None;
    let mut parts = path.components();
    while let Some(part) = parts.next() {
        if part == std::path::Component::ParentDir {
            if let Some(name) = missing {
                return Some(name);
            }
        }
        prefix.push(part);
        if missing.is_some() {
            continue;
        }
        match fs::symlink_metadata(&prefix) {
            Ok(m) if m.is_symlink() && fs::metadata(&prefix).is_err() && depth < 40 => {
                let target = fs::read_link(&prefix).unwrap_or_default();
                let parent = prefix.parent().unwrap_or(Path::new(""));
                let next: PathBuf = parent.join(target).join(parts.as_path());
                return missing_then_up(&next, depth + 1);
            }
            Ok(_) => {}
            Err(_) => {
                let name = part.as_os_str().to_string_lossy();
                missing = Some(format!("`{name}`"));
            }
        }
    }
    None
}

/// Refuse, before anything changes, an output gazette could not replace with a new site: a
/// mount point (a Docker volume), which cannot be exchanged, or a read-only folder (every
/// build after the first would fail on the kept site, `kept`, that it becomes); and a folder
/// under the kept site's name that gazette did not keep, whose files it would replace.
pub(super) fn check_replaceable(
    real: &Path,
    shown: &Path,
    kept: &Path,
    kept_shown: &Path,
) -> Result<()> {
    let refused = |path: &Path, message: String| {
        Err(Error::Layout {
            path: path.to_path_buf(),
            message,
        })
    };
    let kept_meta = fs::symlink_metadata(kept).ok();
    let kept_dir = kept_meta.as_ref().is_some_and(|m| m.is_dir());
    let kept_file = kept_meta.is_some_and(|m| !m.is_dir() && !m.is_symlink());
    if kept_file
        || kept_dir && !fs::symlink_metadata(kept.join(KEPT_SIGN)).is_ok_and(|m| m.is_file())
    {
        return refused(
            kept_shown,
            format!("is not a previous site gazette kept (it holds no `{KEPT_SIGN}`), yet has the name gazette keeps one under, and its files would be replaced: move it elsewhere (if an earlier gazette left it, delete it)"),
        );
    }
    if kept_dir && !writable(kept) {
        return refused(
            kept_shown,
            "is read-only: it is gazette's copy of the previous site, which the next site is made from; delete it (that is always safe) or make it writable".into(),
        );
    }
    if !real.is_dir() {
        return Ok(());
    }
    let inside = shown.join("site");
    if is_mount_point(real) {
        return refused(
            shown,
            format!(
                "is a mount point (a Docker volume?): gazette publishes a new site by exchanging the output folder whole, which a mount point cannot be; build into a folder inside it (`out = \"{}\"` in gazette.toml, or `--out {0}`) and serve that one",
                inside.display()
            ),
        );
    }
    if !writable(real) {
        return refused(
            shown,
            "is read-only: gazette replaces the output folder with each new site; make it writable (`chmod u+w`) or build into another folder (`--out`)".into(),
        );
    }
    Ok(())
}

/// Can this folder's entries be added and removed?
pub(super) fn writable(dir: &Path) -> bool {
    rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).is_ok()
}

/// Is this folder the root of a mount (a volume, a bind mount)? Told by the system where it
/// can (Linux's `statx`), else by a device that differs from its parent's.
pub(super) fn is_mount_point(dir: &Path) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{statx, AtFlags, StatxAttributes, StatxFlags, CWD};
        let flags = AtFlags::NO_AUTOMOUNT | AtFlags::SYMLINK_NOFOLLOW;
        if let Ok(st) = statx(CWD, dir, flags, StatxFlags::empty()) {
            if st.stx_attributes_mask.contains(StatxAttributes::MOUNT_ROOT) {
                return st.stx_attributes.contains(StatxAttributes::MOUNT_ROOT);
            }
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let dev = |p: &Path| fs::metadata(p).map(|m| m.dev()).ok();
        let parent = fs::canonicalize(dir)
            .ok()
            .and_then(|d| d.parent().map(Path::to_path_buf));
        if let (Some(a), Some(b)) = (dev(dir), parent.and_then(|p| dev(&p))) {
            return a != b;
        }
    }
    false
}

/// The output folder with symbolic links resolved (a missing link target is created).
pub(super) fn resolve(out: &Path) -> std::io::Result<PathBuf> {
    match fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => {
            if !out.exists() {
                let target = fs::read_link(out)?;
                fs::create_dir_all(out.parent().unwrap_or(Path::new(".")).join(target))?;
            }
            fs::canonicalize(out)
        }
        _ => Ok(out.to_path_buf()),
    }
}

/// Refuse an output folder (`out`, relative to the project at `root`, or absolute) that a
/// symbolic link or a setting sends out of the project: a link committed as `out`, or an `out`
/// setting in a committed `gazette.toml`, would have a build make and fill folders anywhere its
/// user can write. Only a folder named out of the project on the command line (`typed`) is
/// published there. Nor may it be, or be inside, one of the project's `kept` folders
/// (version control's, the cache, the records, an input other than `static/`): its files
/// would be carried into the site, and the site written among them.
pub fn check_output_place(
    root: &Path,
    out: &Path,
    typed: bool,
    kept: &[&Path],
) -> Result<(), String> {
    use std::path::Component;
    let root = fs::canonicalize(root).map_err(|e| e.to_string())?;
    if let Some(refusal) = up_after_missing(&root.join(out)) {
        return Err(refusal);
    }
    let mut named = PathBuf::new();
    for part in root.join(out).components() {
        match part {
            Component::ParentDir => {
                named.pop();
            }
            Component::CurDir => {}
            other => named.push(other),
        }
    }
    let real = fs::canonicalize(root.join(out))
        .unwrap_or_else(|_| guard::resolved_missing(&root.join(out)));
    if real.starts_with(&root) {
        let folders = guard::VCS_FOLDERS
            .iter()
            .map(Path::new)
            .chain(kept.iter().copied());
        for folder in folders.filter(|f| !f.as_os_str().is_empty()) {
            let at = fs::canonicalize(root.join(folder)).unwrap_or_else(|_| root.join(folder));
            if real.starts_with(&at) {
                return Err(format!(
                    "leads into {}, a folder of the project that is not the site's: its files would be published with the site; build into a folder of its own (`out`, or `--out public`)",
                    folder.display()
                ));
            }
        }
        return Ok(());
    }
    if named.starts_with(&root) {
        return Err(format!(
            "leads to {}, outside the project, through a symbolic link: a link in the project cannot send the site out of it; to publish there, name that folder with `--out`",
            real.display()
        ));
    }
    if !typed {
        return Err("is outside the project: a setting cannot send the site out of it; to publish there, name the folder with `--out`".into());
    }
    Ok(())
}
