//! File stamps: which article files are unchanged since the last build, told by their
//! metadata rather than by reading them.
//!
//! A rebuild after correcting one article of 10,000 would otherwise read and parse 40,000
//! files to find the one that changed. A stamp is what `stat` says of a file (size,
//! modification and change times, inode); while it stays the same, the file's fingerprint
//! is taken from the last build. A file modified in the same instant as it was read could
//! keep its stamp while its text changes (git's "racily clean" files), so stamps are only
//! recorded for files last modified [`SETTLED`] before they were read. The change time and
//! inode cannot be set back by tools that restore modification times, so a file rewritten
//! in place or replaced by a rename never passes for unchanged.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// Where the stamps of the last build are kept, relative to the project root.
fn file() -> PathBuf {
    Path::new(crate::cache::DIR).join("files.bin")
}

/// How long before it is read a file must have been last modified for its stamp to be kept.
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

    /// Was the file last modified (or its inode changed) [`SETTLED`] before `now`?
    fn settled(&self, now: SystemTime) -> bool {
        let before = nanos(now) - SETTLED.as_nanos() as i128;
        self.modified < before && self.changed < before
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

/// The stamps of the last build, and those of this run, to be saved when its build
/// succeeds. Files are keyed by their path relative to the project root.
#[derive(Debug, Default)]
pub struct Stamps {
    previous: HashMap<String, Entry>,
    /// Filled by the threads that load files, in no particular order.
    current: Mutex<Vec<(String, Entry)>>,
}

impl Stamps {
    /// The stamps the last build of the project left (none if there are none or they cannot
    /// be read: files are then read).
    pub fn load(root: &Path) -> Stamps {
        let previous = fs::read(root.join(file()))
            .ok()
            .and_then(|bytes| crate::cache::decode(&bytes))
            .unwrap_or_default();
        Stamps {
            previous,
            current: Mutex::default(),
        }
    }

    /// The fingerprint of the file at `rel` if its stamp is the one recorded by the last
    /// build (it is then kept for the next).
    pub fn unchanged(&self, rel: &Path, stamp: Stamp) -> Option<u128> {
        let key = rel.to_string_lossy();
        let entry = self.previous.get(&*key).filter(|e| e.stamp == stamp)?;
        self.lock().push((key.into_owned(), entry.clone()));
        Some(entry.fingerprint)
    }

    /// Note the fingerprint of a file just read, with the stamp it had before it was read.
    pub fn record(&self, rel: &Path, stamp: Stamp, fingerprint: u128) {
        if stamp.settled(SystemTime::now()) {
            let key = rel.to_string_lossy().into_owned();
            self.lock().push((key, Entry { stamp, fingerprint }));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(String, Entry)>> {
        // A panic elsewhere cannot leave a push half-done: the list stays usable.
        self.current.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Keep this run's stamps for the next (a temporary file renamed into place), unless
    /// they are the last build's.
    pub fn save(&self, root: &Path) -> Result<()> {
        let current = self.lock();
        let unchanged = current.len() == self.previous.len()
            && current.iter().all(|(k, e)| self.previous.get(k) == Some(e));
        if unchanged {
            return Ok(());
        }
        let sorted: BTreeMap<&str, &Entry> = current.iter().map(|(k, e)| (k.as_str(), e)).collect();
        crate::cache::replace(root, &file(), &crate::cache::encode(&sorted))
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

    #[test]
    fn only_settled_files_are_recorded() {
        let now = SystemTime::now();
        let old = nanos(now) - 60_000_000_000;
        let stamps = Stamps::default();
        stamps.record(Path::new("old.ftl"), stamp(10, old), 1);
        stamps.record(Path::new("new.ftl"), stamp(10, nanos(now)), 2);
        let kept = stamps.lock();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].0, "old.ftl");
    }

    #[test]
    fn a_different_stamp_is_a_changed_file() {
        let old = nanos(SystemTime::now()) - 60_000_000_000;
        let previous = HashMap::from([(
            "a.ftl".to_owned(),
            Entry {
                stamp: stamp(10, old),
                fingerprint: 42,
            },
        )]);
        let stamps = Stamps {
            previous,
            current: Mutex::default(),
        };
        assert_eq!(stamps.unchanged(Path::new("a.ftl"), stamp(11, old)), None);
        assert_eq!(
            stamps.unchanged(Path::new("a.ftl"), stamp(10, old + 1)),
            None
        );
        assert_eq!(stamps.unchanged(Path::new("b.ftl"), stamp(10, old)), None);
        assert!(stamps.lock().is_empty());
        assert_eq!(
            stamps.unchanged(Path::new("a.ftl"), stamp(10, old)),
            Some(42)
        );
        assert_eq!(stamps.lock().len(), 1, "kept for the next build");
    }

    #[test]
    fn stamps_survive_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let old = nanos(SystemTime::now()) - 60_000_000_000;
        let stamps = Stamps::default();
        stamps.record(Path::new("content/a.toml"), stamp(3, old), u128::MAX - 1);
        stamps.save(dir.path()).unwrap();
        let again = Stamps::load(dir.path());
        assert_eq!(
            again.unchanged(Path::new("content/a.toml"), stamp(3, old)),
            Some(u128::MAX - 1)
        );
    }
}
