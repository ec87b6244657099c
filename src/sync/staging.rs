//! A file's new bytes staged beside it, with its mode and owner, before a rename puts them in
//! place; read-only files refused.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::records;

/// The message of a file saved while sync was writing.
pub(super) const CHANGED: &str = "changed while gazette was writing; run sync again";

/// A read-only file is someone's way of saying "do not touch" (and replacing it by a rename
/// would work even so): refused, before anything is written.
pub(super) fn refuse_read_only(metadata: &fs::Metadata, rel: &Path) -> Result<()> {
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

/// Write `bytes` to a temporary file beside `real` (its folder created if needed), with the
/// mode and owner of the file it replaces (`original`), or those of a new file.
pub(super) fn stage(
    root: &Path,
    rel: &Path,
    real: &Path,
    bytes: &[u8],
    original: Option<&fs::Metadata>,
) -> Result<tempfile::NamedTempFile> {
    let dir = real.parent().unwrap_or(root);
    let dir_rel = rel.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir_rel, e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(records::TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir_rel, e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(rel, e))?;
    // Owner first: changing it clears the set-user and set-group bits the mode may restore.
    if let Some(m) = original {
        keep_owner(&temp, m).map_err(|e| Error::io(rel, e))?;
    }
    let permissions = original
        .map(|m| m.permissions())
        .or_else(default_permissions);
    if let Some(p) = permissions {
        temp.as_file()
            .set_permissions(p)
            .map_err(|e| Error::io(rel, e))?;
    }
    Ok(temp)
}

/// Give the temporary file the replaced file's owner and group, where the user may (root
/// may; anyone may keep their own uid and pick a group they belong to): otherwise the file
/// becomes the user's, as with any editor that saves by renaming.
#[cfg(unix)]
fn keep_owner(temp: &tempfile::NamedTempFile, original: &fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let now = temp.as_file().metadata()?;
    if (now.uid(), now.gid()) == (original.uid(), original.gid()) {
        return Ok(());
    }
    match std::os::unix::fs::fchown(temp.as_file(), Some(original.uid()), Some(original.gid())) {
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            // Not permitted to give the file away: keep at least the group, if allowed.
            let _ = std::os::unix::fs::fchown(temp.as_file(), None, Some(original.gid()));
            Ok(())
        }
        other => other,
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &tempfile::NamedTempFile, _: &fs::Metadata) -> std::io::Result<()> {
    Ok(())
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
