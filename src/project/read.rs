//! Reading inside a project's bounds: a folder's entries sorted, a file's name as gazette
//! compares them, a file's text under a size limit (unless its stamp shows it unchanged).

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::guard::{self, Bounds};
use crate::stamp::{Stamp, Stamps};

/// A file name as gazette compares them: in Unicode NFC, so that a name an editor saved
/// decomposed (NFD, as macOS does) is the same file as its composed spelling.
pub(super) fn nfc(name: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(name.chars()) == IsNormalized::Yes {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.nfc().collect())
    }
}

/// What a folder entry is, symbolic links followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    File,
    Dir,
    Other,
}

/// Entries of a project folder, sorted by name so every later stage sees a stable order.
/// A name that is not UTF-8 or holds a control character is an error naming it (escaped), and
/// so is a symbolic link out of the project or into one of its own folders
/// ([`Bounds::check_link`]); the project's own folders themselves are passed over.
pub(super) fn sorted_entries(bounds: &Bounds, rel: &Path) -> Result<Vec<(PathBuf, Kind)>> {
    let root = bounds.root();
    let mut entries = fs::read_dir(root.join(rel))
        .map_err(|e| Error::io(rel, e))?
        .map(|entry| {
            let entry = entry.map_err(|e| Error::io(rel, e))?;
            // The folder listing says what most entries are: no `stat` for them.
            let kind = entry.file_type().ok();
            Ok((entry.file_name(), entry.path(), kind))
        })
        .collect::<Result<Vec<_>>>()?;
    // All in one folder: comparing names is enough (and much cheaper than whole paths).
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Links (and entries the listing did not describe) are looked at on every core; the
    // first refusal in name order is reported.
    let listed: Vec<Result<Option<(PathBuf, Kind)>>> = entries
        .into_par_iter()
        .map(|(name, path, kind)| {
            let shown = guard::check_name(&name).map_err(|message| Error::Layout {
                path: rel.join(guard::escaped_name(&name.to_string_lossy())),
                message,
            })?;
            let shown = || rel.join(shown);
            let kind = match kind {
                // An output's marker beside it (`out = "static/site"`) is gazette's own.
                Some(t) if t.is_file() && guard::is_marker_name(&name.to_string_lossy()) => {
                    return Ok(None)
                }
                Some(t) if t.is_file() => Kind::File,
                Some(t) if t.is_dir() && bounds.is_own_folder(&shown()) => return Ok(None),
                Some(t) if t.is_dir() => Kind::Dir,
                Some(t) if !t.is_symlink() => Kind::Other,
                _ => {
                    bounds
                        .check_link(&path)
                        .map_err(|e| Error::io(shown(), e))?;
                    match fs::metadata(&path) {
                        Ok(m) if m.is_file() => Kind::File,
                        Ok(m) if m.is_dir() => Kind::Dir,
                        Ok(_) => Kind::Other,
                        Err(e) => return Err(Error::io(shown(), e)),
                    }
                }
            };
            Ok(Some((path, kind)))
        })
        .collect();
    listed.into_iter().filter_map(Result::transpose).collect()
}

/// Two files whose names differ only in their Unicode normalisation (NFC, NFD): one name to
/// gazette, so one of them must go.
pub(super) fn twins(first: &Path, second: PathBuf) -> Error {
    Error::Layout {
        path: second,
        message: format!(
            "the same name as {} in another Unicode normalisation form: keep only one of them",
            first.display()
        ),
    }
}

/// A file as loading found it.
pub(super) struct Loaded {
    /// `None` when its stamp showed it unchanged since the last build: it was not read.
    pub text: Option<String>,
    pub fingerprint: u128,
    /// The stamp to keep for the next build (only with stamps, of an unchanged or settled file).
    pub stamp: Option<Stamp>,
}

/// Read a file of at most `limit` bytes, unless `stamps` (when given) find it unchanged since
/// the last build.
pub(super) fn load_file(
    path: &Path,
    rel: &Path,
    stamps: Option<&Stamps>,
    limit: u64,
) -> Result<Loaded> {
    let meta = fs::metadata(path).map_err(|e| Error::io(rel, e))?;
    let stamp = Stamp::of(&meta);
    if let Some(fingerprint) = stamps.and_then(|s| s.unchanged(rel, stamp)) {
        return Ok(Loaded {
            text: None,
            fingerprint,
            stamp: Some(stamp),
        });
    }
    let text = decode(guard::read_file_limited(path, &meta, limit), rel)?;
    Ok(Loaded {
        fingerprint: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
        text: Some(text),
        stamp: stamps.filter(|s| s.keeps(stamp)).map(|_| stamp),
    })
}

/// Read an `.ftl` file and refuse it if it nests too deep for the parsers.
pub(super) fn read_ftl(path: &Path, rel: &Path) -> Result<String> {
    let text = read_text(path, rel)?;
    check_ftl(&text, rel)?;
    Ok(text)
}

pub(super) fn check_ftl(text: &str, rel: &Path) -> Result<()> {
    guard::check_ftl(text)
        .map_err(|m| Error::io(rel, std::io::Error::new(std::io::ErrorKind::InvalidData, m)))
}

pub(super) fn decode(bytes: std::io::Result<Vec<u8>>, rel: &Path) -> Result<String> {
    let bytes = bytes.map_err(|e| Error::io(rel, e))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        Error::io(
            rel,
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
            ),
        )
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// Read a UTF-8 text file; a byte-order mark is dropped, invalid UTF-8 is an error naming the file,
/// and so is a file past [`guard::MAX_FILE_BYTES`] or one that is not a regular file.
pub(crate) fn read_text(path: &Path, rel: &Path) -> Result<String> {
    decode(guard::read_file(path), rel)
}
