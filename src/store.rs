//! The files of `.gazette-cache/`: a header naming the gazette version and the kind of file,
//! then a checksum and the length of the body, then the body in postcard's compact binary form
//! (a 10,000-article archive's cache is read and written by every rebuild: JSON took a third of
//! a rebuild's time).
//!
//! Nothing read from here is trusted blindly: a file from another version or of another kind,
//! truncated, or with a single flipped bit is refused with the reason, and its caller then does
//! everything again. A flipped bit that postcard still decodes would otherwise publish wrong
//! titles in indexes and feeds.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};

/// Folder of the cache, at the project root.
pub const DIR: &str = ".gazette-cache";

/// Why a cache file was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Written by another version of gazette, or not a file of this kind.
    Foreign,
    /// Truncated or altered since it was written.
    Damaged,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refused::Foreign => "written by another version of gazette",
            Refused::Damaged => "damaged",
        })
    }
}

/// First line of a file of `kind`: files of another version (whose types may differ) or kind
/// are not decoded.
fn header(kind: &str) -> String {
    format!("gazette {} {kind}\n", env!("CARGO_PKG_VERSION"))
}

/// The bytes of a cache file of `kind` holding `value`.
pub fn encode<T: Serialize>(kind: &str, value: &T) -> Vec<u8> {
    let body = postcard::to_stdvec(value).expect("writing to memory cannot fail");
    let mut bytes = header(kind).into_bytes();
    bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_128(&body).to_le_bytes());
    bytes.extend_from_slice(&(body.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&body);
    bytes
}

/// The value of a cache file's bytes, if they are a whole, unaltered file of `kind` written by
/// this version.
pub fn decode<T: DeserializeOwned>(kind: &str, bytes: &[u8]) -> Result<T, Refused> {
    let rest = bytes
        .strip_prefix(header(kind).as_bytes())
        .ok_or(Refused::Foreign)?;
    let (checksum, rest) = rest.split_first_chunk::<16>().ok_or(Refused::Damaged)?;
    let (len, body) = rest.split_first_chunk::<8>().ok_or(Refused::Damaged)?;
    if u64::from_le_bytes(*len) != body.len() as u64
        || u128::from_le_bytes(*checksum) != xxhash_rust::xxh3::xxh3_128(body)
    {
        return Err(Refused::Damaged);
    }
    postcard::from_bytes(body).map_err(|_| Refused::Damaged)
}

/// Read and decode the cache file `name` of the project at `root`: `Ok(None)` when there is
/// none.
pub fn read<T: DeserializeOwned>(root: &Path, name: &str) -> Result<Option<T>, Refused> {
    match fs::read(root.join(DIR).join(name)) {
        Ok(bytes) => decode(name, &bytes).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(_) => Err(Refused::Damaged),
    }
}

/// A cache file written to a temporary file, not yet in place.
pub struct Pending {
    temp: tempfile::NamedTempFile,
    shown: PathBuf,
    path: PathBuf,
}

/// Write the cache file `name` of the project at `root` to a temporary file beside it: a full
/// disk fails here, before anything is published. [`Pending::keep`] puts it in place.
pub fn stage<T: Serialize>(root: &Path, name: &str, value: &T) -> Result<Pending> {
    let shown = Path::new(DIR).join(name);
    let dir = root.join(DIR);
    fs::create_dir_all(&dir).map_err(|e| Error::io(DIR, e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(&dir)
        .map_err(|e| Error::io(&shown, e))?;
    std::io::Write::write_all(&mut temp, &encode(name, value)).map_err(|e| Error::io(&shown, e))?;
    Ok(Pending {
        temp,
        path: dir.join(name),
        shown,
    })
}

impl Pending {
    /// Rename the file into place, so a reader never sees half of one.
    pub fn keep(self) -> Result<()> {
        self.temp
            .persist(&self.path)
            .map(drop)
            .map_err(|e| Error::io(&self.shown, e.error))
    }
}

/// Write the cache file `name` now.
pub fn write<T: Serialize>(root: &Path, name: &str, value: &T) -> Result<()> {
    stage(root, name, value)?.keep()
}

/// How the temporary files of the cache start (as those of earlier versions did): those a
/// killed run left are removed by the next writer ([`remove_leftovers`]).
const TEMP_PREFIX: &str = ".tmp";

/// Remove the temporary files killed runs left in the cache folder; returns how many. Called by
/// writers only, under the project lock, so no live run's file is touched.
pub fn remove_leftovers(root: &Path) -> usize {
    let Ok(entries) = fs::read_dir(root.join(DIR)) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flipped_bit_and_every_cut_is_refused() {
        let value = (vec!["fr".to_owned(), "de".to_owned()], 42u64);
        let bytes = encode("test.bin", &value);
        assert_eq!(decode("test.bin", &bytes), Ok(value.clone()));
        for bit in 0..bytes.len() * 8 {
            let mut flipped = bytes.clone();
            flipped[bit / 8] ^= 1 << (bit % 8);
            assert!(
                decode::<(Vec<String>, u64)>("test.bin", &flipped).is_err(),
                "bit {bit} flipped was accepted"
            );
        }
        for len in 0..bytes.len() {
            assert!(decode::<(Vec<String>, u64)>("test.bin", &bytes[..len]).is_err());
        }
        assert_eq!(
            decode::<(Vec<String>, u64)>("other.bin", &bytes),
            Err(Refused::Foreign)
        );
    }

    #[test]
    fn leftovers_of_killed_runs_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let pending = stage(dir.path(), "a.bin", &1u8).unwrap();
        std::mem::forget(pending); // as a killed run leaves it
        write(dir.path(), "b.bin", &2u8).unwrap();
        assert_eq!(remove_leftovers(dir.path()), 1);
        assert_eq!(read::<u8>(dir.path(), "b.bin"), Ok(Some(2)));
        assert_eq!(fs::read_dir(dir.path().join(DIR)).unwrap().count(), 1);
    }
}
