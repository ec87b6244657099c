//! The write stage: the only module that touches `out/`.
//!
//! Publishing is all or nothing. A build makes the complete new site in a staging folder beside
//! `out/` (beside the folder `out/` links to, when it is a symbolic link: same file system):
//! rendered pages are written there, pages whose bytes did not change are hard-linked from the
//! previous `out/` (no bytes copied), and so are the files someone else put in `out/` (gazette
//! never deletes a file it did not write). Then one atomic exchange of the two folders
//! publishes it, so `out/` is, at every instant, the whole previous site or the whole new one,
//! whatever fails or is killed.
//!
//! The site that was replaced is kept beside `out/` as `.<out>.previous` and is the next
//! build's staging folder: most of its files are the same files as `out/`'s (hard links), so
//! bringing it up to date costs what changed, not the size of the archive. Which of its files
//! are already right is told by inode: two names of one file system with the same inode are
//! the same file. A staging folder a killed build left is taken over the same way.
//!
//! The marker of every output, beside it (`.out.gazette-output`, never inside, where it would
//! be deployed with the site), names the build that made it and lists the files gazette
//! wrote: a file not in that list is someone else's. Inside `out/` are only the site's files,
//! so two builds of the same input give the same `out/`, byte for byte. A marker inside
//! `out/`, as earlier versions wrote it, is read and then removed.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::guard;
use crate::stamp::Stamp;

mod files;
mod marker;
mod paths;
mod place;
#[cfg(test)]
mod tests;

use files::{
    clear, copy_from, exchange, inode, link, list_files, make_dir, odd_name, remove_empty_dirs,
    same_bytes, staging_folders,
};
use marker::{new_id, read_marker, NextMarker, Previous, MARKER_HEADER};
pub use paths::{PathMap, MARKER};
use paths::{PathSet, KEPT_SIGN};
pub use place::{check_output_place, check_target};
use place::{check_replaceable, resolve};

/// What a write did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    /// Files whose bytes changed or that are new.
    pub changed: usize,
    /// Files of the previous output that the build no longer has.
    pub removed: usize,
    /// Files in the output that gazette did not write, kept as they are.
    pub foreign: Vec<String>,
}

/// An output folder being written.
pub struct Output {
    /// The output folder, symbolic links resolved: the folder that is exchanged.
    real: PathBuf,
    /// Its marker, beside it.
    marker: PathBuf,
    /// `out` as the user named it, for messages.
    shown: PathBuf,
    previous: Option<Previous>,
    staging: Staging,
    /// Folders already made in the staging folder.
    dirs: Mutex<BTreeSet<String>>,
    /// Files placed in the staging folder, relative to the output root, with their stamps.
    placed: Mutex<PathMap<Stamp>>,
    changed: AtomicUsize,
    /// Folders of killed builds removed when this one began.
    pub leftovers: usize,
}

/// The staging folder. Whatever becomes of the build, it ends as the kept previous site when it
/// holds one: the site `out/` was exchanged with, or the kept site a failed build was bringing
/// up to date (the next one goes on with it). A new folder a failed build was filling is removed.
struct Staging {
    path: PathBuf,
    /// Taken over from a previous build, or exchanged with `out/`.
    keep: bool,
    kept: PathBuf,
    /// The kept folder as messages name it.
    shown: PathBuf,
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.keep {
            // The name, not what it stands for: a page of that name is a link to `out/`'s.
            let sign = self.path.join(KEPT_SIGN);
            let _ = guard::write_fresh(
                &sign,
                b"the site gazette's last build replaced: safe to delete\n",
            );
            let _ = fs::rename(&self.path, &self.kept);
        } else {
            // After a first build it is `out/`: gone from here.
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

impl Output {
    /// Start writing `out` (refused if it holds files gazette did not write). Call under the
    /// project lock: the staging folder is the kept previous site, or a staging folder a killed
    /// build left (others are removed), or a new one.
    pub fn begin(out: &Path, shown: &Path) -> Result<Output> {
        check_target(out, shown)?;
        let real = resolve(out).map_err(|e| Error::io(shown, e))?;
        let parent = match real.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let name = real.file_name().unwrap_or_default().to_string_lossy();
        let kept = parent.join(format!(".{name}.previous"));
        // Messages name the kept site as the user sees it: beside `out` as they named it, or
        // beside the folder it links to.
        let beside = if real == shown || real.ends_with(shown) {
            shown.parent().unwrap_or(Path::new(""))
        } else {
            &parent
        };
        let kept_shown = beside.join(kept.file_name().unwrap_or_default());
        check_replaceable(&real, shown, &kept, &kept_shown)?;
        let prefix = format!(".{name}.staging-");
        // Only a real folder is taken over: a link in its place is removed (the link itself,
        // never what it points to); a file is refused (`check_replaceable`).
        if fs::symlink_metadata(&kept).is_ok_and(|m| m.is_symlink()) {
            let _ = fs::remove_file(&kept);
        }
        let mut leftovers = staging_folders(&parent, &prefix);
        let real_dir = |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
        if !real_dir(&kept) && leftovers.last().is_some_and(|l| real_dir(l)) {
            if let Some(last) = leftovers.pop() {
                let _ = fs::rename(last, &kept);
            }
        }
        let removed = leftovers.iter().filter(|f| clear(f).is_ok()).count();
        let path = parent.join(format!("{prefix}{}", &new_id()[..12]));
        let keep = real_dir(&kept) && fs::rename(&kept, &path).is_ok();
        if !keep {
            fs::create_dir(&path).map_err(|e| Error::io(shown, e))?;
        }
        Ok(Output {
            previous: read_marker(&real),
            marker: guard::output_marker(&real),
            real,
            shown: shown.to_path_buf(),
            staging: Staging {
                path,
                keep,
                shown: kept_shown,
                kept,
            },
            dirs: Mutex::default(),
            placed: Mutex::default(),
            changed: AtomicUsize::new(0),
            leftovers: removed,
        })
    }

    /// The identity of the previous output, if there is one.
    pub fn previous_id(&self) -> Option<&str> {
        self.previous.as_ref().map(|p| p.id.as_str())
    }

    /// Is the previous output's file `rel` still the one a build recorded (not deleted,
    /// edited or replaced since)?
    pub fn verify(&self, rel: &str, recorded: &Stamp) -> bool {
        self.previous.is_some()
            && fs::symlink_metadata(self.real.join(rel))
                .is_ok_and(|m| m.is_file() && Stamp::of(&m) == *recorded)
    }

    /// Write one file of the build (from any thread). A file whose bytes are already in the
    /// previous output is linked from there.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let same = |old: &Path| fs::read(old).is_ok_and(|old| old == bytes);
        self.put_with(rel, bytes.len() as u64, same, |to| fs::write(to, bytes))
    }

    /// [`Output::put`] for a file of `len` bytes copied from `from` (a file of `static/`, open),
    /// streamed: never held whole in memory, however large.
    pub fn put_file(&self, rel: &str, from: &fs::File, len: u64) -> Result<()> {
        let same = |old: &Path| same_bytes(from, old).unwrap_or(false);
        self.put_with(rel, len, same, |to| copy_from(from, to))
    }

    /// The file `rel` of `len` bytes: linked from the previous output where `same` finds it
    /// there with these bytes, else made by `make` in the staging folder. Its name is listed
    /// in the marker, one a line: a name with a control character is refused.
    fn put_with(
        &self,
        rel: &str,
        len: u64,
        same: impl Fn(&Path) -> bool,
        make: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> Result<()> {
        if rel.contains(guard::is_forbidden_in_name) {
            return Err(Error::Layout {
                path: self.shown.join(guard::escaped_name(rel)),
                message: "a name with a control character: gazette publishes no such name".into(),
            });
        }
        self.make_parent(rel)?;
        let to = self.staging.path.join(rel);
        if self.previous.is_some() {
            let old = self.real.join(rel);
            if let Ok(meta) = fs::symlink_metadata(&old) {
                if meta.is_file() && meta.len() == len && same(&old) {
                    // A new link changes the file's change time: its stamp is taken after.
                    let stamp = match self.link_in(rel, inode(&meta))? {
                        true => self.staged_stamp(rel)?,
                        false => Stamp::of(&meta),
                    };
                    self.place(rel, stamp);
                    return Ok(());
                }
            }
        }
        // A new file, never the old one rewritten: in a staging folder taken over, it may be a
        // name of a file of `out/`. (A new staging folder holds only what this build put.)
        if self.staging.keep {
            clear(&to).map_err(|e| self.staging_error(rel, e))?;
        }
        make(&to).map_err(|e| self.staging_error(rel, e))?;
        let meta = fs::metadata(&to).map_err(|e| self.staging_error(rel, e))?;
        self.changed.fetch_add(1, Ordering::Relaxed);
        self.place(rel, Stamp::of(&meta));
        Ok(())
    }

    /// Make the staging folder's `rel` the previous output's file (whose inode is `ino`),
    /// unless it already is; returns whether it linked it.
    fn link_in(&self, rel: &str, ino: u64) -> Result<bool> {
        let to = self.staging.path.join(rel);
        if ino != 0 && fs::symlink_metadata(&to).is_ok_and(|m| !m.is_dir() && inode(&m) == ino) {
            return Ok(false);
        }
        clear(&to)
            .and_then(|()| link(&self.real.join(rel), &to))
            .map_err(|e| self.staging_error(rel, e))?;
        Ok(true)
    }

    /// The stamp of a file of the staging folder (the file `out/` will have).
    fn staged_stamp(&self, rel: &str) -> Result<Stamp> {
        fs::symlink_metadata(self.staging.path.join(rel))
            .map(|m| Stamp::of(&m))
            .map_err(|e| self.staging_error(rel, e))
    }

    /// An error of the staging folder, named as the kept previous site the user can see.
    fn staging_error(&self, rel: &str, e: std::io::Error) -> Error {
        Error::io(self.staging.shown.join(rel), e)
    }

    fn place(&self, rel: &str, stamp: Stamp) {
        self.placed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(rel.to_owned(), stamp);
    }

    fn make_parent(&self, rel: &str) -> Result<()> {
        let Some((dir, _)) = rel.rsplit_once('/') else {
            return Ok(());
        };
        let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
        if !dirs.contains(dir) {
            make_dir(&self.staging.path, dir).map_err(|e| self.staging_error(dir, e))?;
            dirs.insert(dir.to_owned());
        }
        Ok(())
    }

    /// Complete the new site: `kept` are the files of the previous output that the build did
    /// not render again (verified with [`Output::verify`]), linked in with their stamps; files
    /// gazette did not write are linked in too, and whatever else the staging folder holds is
    /// removed. Nothing is published yet.
    pub fn finish(self, kept: Vec<(String, Stamp)>) -> Result<Staged> {
        let shown = self.shown.clone();
        // Both listings on their own cores when the staging folder will need its own.
        let list_old = || {
            let mut old = PathMap::default();
            if self.previous.is_some() {
                list_files(&self.real, "", &mut old, &|path| odd_name(&self.real, path))
                    .map_err(|e| Error::io(&shown, e))?;
            }
            Ok::<_, Error>(old)
        };
        let (old_files, mut there) = if self.changed.load(Ordering::Relaxed) > 0 {
            let (old, there) = rayon::join(list_old, || self.list_staging());
            (old?, Some(there?))
        } else {
            (list_old()?, None)
        };
        let placed = std::mem::take(&mut *self.placed.lock().unwrap_or_else(|e| e.into_inner()));
        let new_files: PathSet = placed
            .keys()
            .map(String::as_str)
            .chain(kept.iter().map(|(rel, _)| rel.as_str()))
            .collect();
        let (written, taken) = self.written(&old_files, &new_files);
        self.refuse_collisions(&written.foreign, &taken, &new_files)?;
        self.refuse_links_out(&written.foreign)?;
        // Unchanged: nothing to publish (an earlier gazette's output, with no identity, gets one).
        let unchanged = self
            .previous
            .as_ref()
            .is_some_and(|p| !p.id.is_empty() && !p.inside)
            && written.changed == 0
            && written.removed == 0;
        let mut relinked = Vec::new();
        if !unchanged {
            let there = match there.take() {
                Some(there) => there,
                None => self.list_staging()?,
            };
            relinked = self.complete(&kept, &written.foreign, &placed, &old_files, &there)?;
        }
        // Files gazette did not write have no stamp to keep.
        let restamped: Vec<(String, Stamp)> = relinked
            .par_iter()
            .filter(|rel| !written.foreign.iter().any(|f| f == *rel))
            .map(|rel| Ok((rel.to_string(), self.staged_stamp(rel)?)))
            .collect::<Result<_>>()?;
        let mut stamps = placed;
        stamps.extend(kept);
        stamps.extend(restamped);
        let marker = (!unchanged).then(|| self.next_marker(&stamps));
        let id = match (&marker, &self.previous) {
            (Some(next), _) => next.id.clone(),
            (None, previous) => previous.as_ref().map(|p| p.id.clone()).unwrap_or_default(),
        };
        let mut staging = self.staging;
        // Nothing to publish: what the staging folder holds (links to out/'s files) is kept
        // for the next build; removing it would change those files' change times.
        staging.keep |= unchanged;
        Ok(Staged {
            real: self.real,
            shown,
            staging,
            marker,
            id,
            stamps,
            written,
        })
    }

    /// What the new site changes of the previous output (`old`): files that changed, files it
    /// no longer has, files gazette did not write (kept).
    /// Also returns the files gazette did not write whose paths the new site takes.
    fn written(&self, old: &PathMap<u64>, new_files: &PathSet) -> (Written, Vec<String>) {
        let files = self.previous.as_ref().and_then(|p| p.files.as_ref());
        // Named by the marker: a page of the new site may replace it.
        let listed = |rel: &str| files.is_none_or(|f| f.contains_key(rel));
        // Proven gazette's, so the new site may drop it: named with the inode the file has
        // now, which a marker copied from elsewhere (a checkout, a pull) cannot know. A file
        // replaced since, or named by a marker that gives no inode, is kept.
        let proven = |rel: &str, ino: u64| {
            files
                .and_then(|f| f.get(rel))
                .is_some_and(|inodes| inodes.len() <= 2 && (ino == 0 || inodes.contains(&ino)))
        };
        let (mut foreign, mut removed, mut taken) = (Vec::new(), 0, Vec::new());
        for (rel, ino) in old {
            if rel == MARKER {
                continue;
            }
            if new_files.contains(rel.as_str()) {
                if !listed(rel) {
                    taken.push(rel.clone());
                }
                continue;
            }
            if proven(rel, *ino) {
                removed += 1;
            } else {
                foreign.push(rel.clone());
            }
        }
        foreign.sort();
        taken.sort();
        let written = Written {
            changed: self.changed.load(Ordering::Relaxed),
            removed,
            foreign,
        };
        (written, taken)
    }

    /// A file gazette did not write where the new site has a page (`taken`), a folder (a link
    /// at `out/en`) or inside what the site needs as a page (`out/en/a.html/note.txt`) can be
    /// neither carried over nor replaced without losing it or the site's page: the build is
    /// refused, naming it.
    fn refuse_collisions(
        &self,
        foreign: &[String],
        taken: &[String],
        new_files: &PathSet,
    ) -> Result<()> {
        let folders: PathSet = new_files
            .iter()
            .flat_map(|f| f.match_indices('/').map(move |(i, _)| &f[..i]))
            .collect();
        let collision = taken.first().or_else(|| {
            foreign.iter().find(|rel| {
                folders.contains(rel.as_str())
                    || rel
                        .match_indices('/')
                        .any(|(i, _)| new_files.contains(&rel[..i]))
            })
        });
        match collision {
            None => Ok(()),
            Some(rel) => Err(Error::Layout {
                path: self.shown.join(rel),
                message: "gazette did not write this, and it stands where the site has a folder or a page: move it out of the way".into(),
            }),
        }
    }

    /// A symbolic link gazette did not write that leads out of the site is refused: carried
    /// over as a link, it would have a deploy that follows links (an archive made with
    /// `--dereference`) publish what it leads to (`.git/config`, a job's credentials).
    fn refuse_links_out(&self, foreign: &[String]) -> Result<()> {
        let site = fs::canonicalize(&self.real).unwrap_or_else(|_| self.real.clone());
        for rel in foreign {
            let path = self.real.join(rel);
            if !fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink()) {
                continue;
            }
            if let Ok(target) = fs::canonicalize(&path) {
                if !target.starts_with(&site) {
                    return Err(Error::Layout {
                        path: self.shown.join(rel),
                        message: format!("gazette did not write this symbolic link, which leads out of the site (to {}): a deploy that follows links would publish that file; remove the link", target.display()),
                    });
                }
            }
        }
        Ok(())
    }

    /// The new site's marker, naming it by a new identity and listing its files, each with its
    /// inode (`name<TAB>inode`: no name gazette writes holds a tab); and the marker to write
    /// while it is being published, which also lists the previous site's.
    fn next_marker(&self, files: &PathMap<Stamp>) -> NextMarker {
        let id = new_id();
        let text = |mut files: Vec<(&str, u64)>| {
            files.sort_unstable();
            files.dedup();
            let mut text = format!("{MARKER_HEADER}{id}\n");
            for (name, inode) in files {
                text.push_str(&format!("{name}\t{inode}\n"));
            }
            text
        };
        let new: Vec<(&str, u64)> = files
            .iter()
            .map(|(name, stamp)| (name.as_str(), stamp.inode()))
            .collect();
        let previous = self.previous.as_ref().and_then(|p| p.files.as_ref());
        let old = previous
            .into_iter()
            .flatten()
            .flat_map(|(name, inodes)| inodes.iter().map(move |inode| (name.as_str(), *inode)));
        let both = new.iter().copied().chain(old).collect();
        NextMarker {
            path: self.marker.clone(),
            during: text(both),
            after: text(new),
            id,
        }
    }

    /// The files of the staging folder, with their inodes.
    fn list_staging(&self) -> Result<PathMap<u64>> {
        let mut there = PathMap::default();
        // Not a name gazette writes: whatever it is, it goes.
        list_files(&self.staging.path, "", &mut there, &|path| clear(path))
            .map_err(|e| self.staging_error("", e))?;
        Ok(there)
    }

    /// Make the staging folder hold exactly the new site: `kept` and `foreign` files linked
    /// from `out/` (`old` gives their inodes), `placed` ones already written; the rest removed.
    /// Returns the files it linked anew (their change time, part of their stamp, changed).
    fn complete<'k>(
        &self,
        kept: &'k [(String, Stamp)],
        foreign: &'k [String],
        placed: &PathMap<Stamp>,
        old: &PathMap<u64>,
        there: &PathMap<u64>,
    ) -> Result<Vec<&'k str>> {
        let stage = &self.staging.path;
        let linked: Vec<&str> = kept
            .iter()
            .map(|(rel, _)| rel.as_str())
            .chain(foreign.iter().map(String::as_str))
            .collect();
        let wanted: PathSet = linked
            .iter()
            .copied()
            .chain(placed.keys().map(String::as_str))
            .collect();
        let unwanted: Vec<&String> = there
            .keys()
            .filter(|rel| !wanted.contains(rel.as_str()))
            .collect();
        unwanted.par_iter().try_for_each(|rel| {
            fs::remove_file(stage.join(rel)).map_err(|e| self.staging_error(rel, e))
        })?;
        // Also folders no file ever filled (a killed build's, or put there by hand).
        remove_empty_dirs(stage, Path::new(""));
        let dirs: BTreeSet<&str> = linked
            .iter()
            .filter_map(|rel| rel.rsplit_once('/').map(|(dir, _)| dir))
            .collect();
        for dir in dirs {
            make_dir(stage, dir).map_err(|e| self.staging_error(dir, e))?;
        }
        let relinked: Vec<Option<&str>> = linked
            .par_iter()
            .map(|rel| match old.get(*rel) {
                Some(ino) if *ino != 0 && there.get(*rel) == Some(ino) => Ok(None),
                Some(ino) => Ok(self.link_in(rel, *ino)?.then_some(*rel)),
                None => Err(Error::io(
                    self.shown.join(rel),
                    std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "removed during the build; build again",
                    ),
                )),
            })
            .collect::<Result<_>>()?;
        Ok(relinked.into_iter().flatten().collect())
    }
}

/// A complete new site, ready to be published.
pub struct Staged {
    real: PathBuf,
    shown: PathBuf,
    staging: Staging,
    /// `None` when the new site is the previous one: there is nothing to publish.
    marker: Option<NextMarker>,
    /// The identity of the new output.
    pub id: String,
    /// Every file gazette wrote, with its stamp, for the next build to verify.
    pub stamps: PathMap<Stamp>,
    pub written: Written,
}

impl Staged {
    /// Put the new site in the place of the previous one, in one step; the previous one is
    /// kept beside it for the next build.
    pub fn publish(self) -> Result<()> {
        let Some(marker) = &self.marker else {
            return Ok(());
        };
        marker.write(&marker.during, &self.shown)?;
        let mut staging = self.staging;
        if self.real.is_dir() {
            exchange(&staging.path, &self.real).map_err(|e| Error::io(&self.shown, e))?;
            staging.keep = true;
        } else {
            fs::rename(&staging.path, &self.real).map_err(|e| Error::io(&self.shown, e))?;
        }
        marker.write(&marker.after, &self.shown)
    }
}
