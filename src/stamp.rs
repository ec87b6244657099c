//! File stamps: which article files are unchanged since the last build, told by their
//! metadata rather than by reading them.
//!
//! A rebuild after correcting one article of 10,000 would otherwise read and parse 60,000 files
//! (content, translations, records) to find the one that changed. A stamp is what `stat` says
//! of a file (size, modification and change times, inode); while it stays the same, the file's
//! fingerprint is taken from the last build. A file modified in the same instant as it was read
//! could keep its stamp while its text changes (git's "racily clean" files), so stamps are only
//! recorded for files last changed [`SETTLED`] before the run that read them began. The change
//! time and inode cannot be set back by tools that restore modification times, so a file
//! rewritten in place or replaced by a rename never passes for unchanged.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// The cache file ([`crate::store`]) that keeps the stamps of the last build.
const FILE: &str = "files.bin";

/// How long before a run begins a file must have last changed for its stamp to be kept.
pub const SETTLED: Duration = Duration::from_secs(2);

/// What the file system says of a file, enough to tell that it did not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    /// Modification time, in nanoseconds since 1970.
    modified: i128,
    /// Inode change time (0 where the platform has none), in nanoseconds since 1970.
    changed: i128,
    inode: u64,
}

impl Stamp {
    /// The file's inode (0 where the platform has none): which file of its file system it is.
    pub fn inode(&self) -> u64 {
        self.inode
    }

    /// The stamp of a file, from its metadata (symbolic links followed).
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let modified = meta.modified().map(nanos).unwrap_or(0);
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed, inode) = (0, 0);
        Stamp {
            len: meta.len(),
            modified,
            changed,
            inode,
        }
    }
}

fn nanos(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    stamp: Stamp,
    fingerprint: u128,
}

/// The stamps the last build left, keyed by path relative to the project root. The stamps of
/// this run are carried by the files loaded ([`crate::project::FtlFile::stamp`]) and saved
/// from them when the build succeeds.
#[derive(Debug, Default)]
pub struct Stamps {
    previous: HashMap<String, Entry>,
    /// [`SETTLED`] before this run began, in nanoseconds since 1970: files changed later get
    /// no stamp (0 when nothing is to be recorded).
    settled_before: i128,
}

impl Stamps {
    /// The stamps the last build of the project left (none if there are none or they cannot
    /// be read: files are then read).
    pub fn load(root: &Path) -> Stamps {
        // Refused stamps (damaged, another version's) are no stamps: every file is read.
        let previous = crate::store::read(root, FILE)
            .ok()
            .flatten()
            .unwrap_or_default();
        Stamps {
            previous,
            settled_before: nanos(SystemTime::now()) - SETTLED.as_nanos() as i128,
        }
    }

    /// The fingerprint of the file at `rel` if its stamp is the one recorded by the last
    /// build.
    pub fn unchanged(&self, rel: &Path, stamp: Stamp) -> Option<u128> {
        let entry = self.previous.get(&*rel.to_string_lossy())?;
        (entry.stamp == stamp).then_some(entry.fingerprint)
    }

    /// May the stamp a file had before it was read be kept? Only if the file had settled
    /// when this run began.
    pub fn keeps(&self, stamp: Stamp) -> bool {
        stamp.modified < self.settled_before && stamp.changed < self.settled_before
    }

    /// Keep the stamps of this run's files, (path, stamp, fingerprint), for the next (a
    /// temporary file renamed into place), unless they are the last build's.
    pub fn save<'a>(
        &self,
        root: &Path,
        files: impl Iterator<Item = (&'a Path, Stamp, u128)>,
    ) -> Result<()> {
        let current: BTreeMap<String, Entry> = files
            .map(|(path, stamp, fingerprint)| {
                let key = path.to_string_lossy().into_owned();
                (key, Entry { stamp, fingerprint })
            })
            .collect();
        let unchanged = current.len() == self.previous.len()
            && current.iter().all(|(k, e)| self.previous.get(k) == Some(e));
        if unchanged {
            return Ok(());
        }
        crate::store::write(root, FILE, &current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(len: u64, modified: i128) -> Stamp {
        Stamp {
            len,
            modified,
            changed: modified,
            inode: 7,
        }
    }

    fn minute_ago() -> i128 {
        nanos(SystemTime::now()) - 60_000_000_000
    }

    #[test]
    fn only_settled_files_are_recorded() {
        let stamps = Stamps::load(Path::new("/nonexistent"));
        assert!(stamps.keeps(stamp(10, minute_ago())));
        assert!(!stamps.keeps(stamp(10, nanos(SystemTime::now()))));
        let mut touched = stamp(10, minute_ago());
        touched.changed = nanos(SystemTime::now());
        assert!(!stamps.keeps(touched), "a recent inode change counts too");
        assert!(!Stamps::default().keeps(stamp(10, minute_ago())));
    }

    #[test]
    fn a_different_stamp_is_a_changed_file() {
        let old = minute_ago();
        let previous = HashMap::from([(
            "a.ftl".to_owned(),
            Entry {
                stamp: stamp(10, old),
                fingerprint: 42,
            },
        )]);
        let stamps = Stamps {
            previous,
            ..Stamps::default()
        };
        assert_eq!(stamps.unchanged(Path::new("a.ftl"), stamp(11, old)), None);
        assert_eq!(
            stamps.unchanged(Path::new("a.ftl"), stamp(10, old + 1)),
            None
        );
        assert_eq!(stamps.unchanged(Path::new("b.ftl"), stamp(10, old)), None);
        assert_eq!(
            stamps.unchanged(Path::new("a.ftl"), stamp(10, old)),
            Some(42)
        );
    }

    #[test]
    fn stamps_survive_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let old = minute_ago();
        let files = || [(Path::new("content/a.toml"), stamp(3, old), u128::MAX - 1)].into_iter();
        Stamps::default().save(dir.path(), files()).unwrap();
        let again = Stamps::load(dir.path());
        assert_eq!(
            again.unchanged(Path::new("content/a.toml"), stamp(3, old)),
            Some(u128::MAX - 1)
        );
        // The same stamps again: nothing is written.
        let path = dir.path().join(crate::store::DIR).join(FILE);
        fs::remove_file(&path).unwrap();
        again.save(dir.path(), files()).unwrap();
        assert!(!path.exists());
    }
}
