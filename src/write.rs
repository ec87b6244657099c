//! Stage 6, write: the only module that touches `out/`.
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

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3DefaultBuilder;

use crate::error::{Error, Result};
use crate::guard;
use crate::stamp::Stamp;

/// The marker inside an output, as earlier versions wrote it (now beside it:
/// [`guard::output_marker`]), so `--out` never replaces a folder of someone's files.
pub const MARKER: &str = guard::OUTPUT_MARKER;

/// First line of a marker, before the build's identity.
const MARKER_HEADER: &str = "gazette output ";

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
fn not_yet_there(out: &Path, shown: &Path) -> Result<()> {
    match missing_then_up(out, 0) {
        None => Ok(()),
        Some(missing) => Err(Error::Layout {
            path: shown.to_path_buf(),
            message: format!(
                "leads through `..` after {missing}, a folder that does not exist yet: write the output folder's path, and any link on it, without `..`"
            ),
        }),
    }
}

/// The name of a missing folder that `path` goes up from (`..`), following links that lead
/// nowhere yet; none when there is none.
fn missing_then_up(path: &Path, depth: usize) -> Option<String> {
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

/// A file of the output by its path relative to the output folder, `/`-separated (as the
/// marker lists it): strings hash and compare much faster than `Path`s, component by
/// component, and an archive's output has tens of thousands of files.
pub type PathMap<V> = HashMap<String, V, Xxh3DefaultBuilder>;
type PathSet<'a> = HashSet<&'a str, Xxh3DefaultBuilder>;

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

/// The previous output: its identity and the files gazette wrote there.
struct Previous {
    id: String,
    /// Each file gazette wrote, with the inodes it was written as (none in an earlier gazette's
    /// marker; two while a site is being published, the old site's and the new one's). `None`
    /// for an earlier gazette's marker that listed nothing.
    files: Option<PathMap<Vec<u64>>>,
    /// Its marker is inside it, as earlier versions wrote it: the next site moves it beside.
    inside: bool,
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

/// The file inside the kept previous site that says it is gazette's: a folder of that name
/// without it is someone's, and is never taken over (emptied) as a staging folder.
const KEPT_SIGN: &str = ".gazette-previous-site";

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

/// The marker of a new site: written before the site is published listing the files of both
/// sites (so whenever a build is killed, each file of `out/` is named as gazette's if it is),
/// then with the new site's files alone.
struct NextMarker {
    path: PathBuf,
    id: String,
    during: String,
    after: String,
}

impl NextMarker {
    /// Replace the marker with `text` in one step.
    fn write(&self, text: &str, shown: &Path) -> Result<()> {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let temp = self.path.with_file_name(format!(".new{name}"));
        guard::write_fresh(&temp, text.as_bytes())
            .and_then(|()| fs::rename(&temp, &self.path))
            .map_err(|e| Error::io(shown.with_file_name(&*name), e))
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

/// Swap two folders atomically.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // A file system without the exchange (some network ones): two renames.
        Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => exchange_by_renames(a, b),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    exchange_by_renames(a, b)
}

/// Swap two folders with two renames: `b` is missing for an instant (where the system cannot
/// exchange them in one step).
fn exchange_by_renames(a: &Path, b: &Path) -> std::io::Result<()> {
    let mut name = a.file_name().unwrap_or_default().to_os_string();
    name.push("-previous");
    let aside = a.with_file_name(name);
    fs::rename(b, &aside)?;
    if let Err(e) = fs::rename(a, b) {
        fs::rename(&aside, b)?;
        return Err(e);
    }
    fs::rename(&aside, a)
}

/// Does the file at `old` hold the bytes of `file` (from its start)? Both are read a block
/// at a time.
fn same_bytes(mut file: &fs::File, old: &Path) -> std::io::Result<bool> {
    use std::io::Seek;
    file.seek(std::io::SeekFrom::Start(0))?;
    let mut old = fs::File::open(old)?;
    let (mut a, mut b) = (vec![0; 1 << 16], vec![0; 1 << 16]);
    loop {
        let n = read_full(&mut file, &mut a)?;
        if read_full(&mut old, &mut b[..n.max(1)])? != n || a[..n] != b[..n] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

/// Read until `buf` is full or the file ends; returns how much was read.
fn read_full(file: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            read => n += read,
        }
    }
    Ok(n)
}

/// Copy `file` (from its start) to a new file at `to`, streamed (on Linux, by the kernel).
fn copy_from(mut file: &fs::File, to: &Path) -> std::io::Result<()> {
    use std::io::Seek;
    file.seek(std::io::SeekFrom::Start(0))?;
    std::io::copy(&mut file, &mut fs::File::create(to)?).map(drop)
}

/// Refuse, before anything changes, an output gazette could not replace with a new site: a
/// mount point (a Docker volume), which cannot be exchanged, or a read-only folder (every
/// build after the first would fail on the kept site, `kept`, that it becomes); and a folder
/// under the kept site's name that gazette did not keep, whose files it would replace.
fn check_replaceable(real: &Path, shown: &Path, kept: &Path, kept_shown: &Path) -> Result<()> {
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
fn writable(dir: &Path) -> bool {
    rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).is_ok()
}

/// Is this folder the root of a mount (a volume, a bind mount)? Told by the system where it
/// can (Linux's `statx`), else by a device that differs from its parent's.
fn is_mount_point(dir: &Path) -> bool {
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

/// A hard link, or where one is refused (a file of another owner under Linux's
/// `protected_hardlinks`, a file system without them) a copy of what the entry is: a
/// symbolic link someone put in `out/` stays a link, never followed.
fn link(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::hard_link(from, to).or_else(|_| copy_entry(from, to))
}

/// Copy a file, or a symbolic link as a link, without following it.
fn copy_entry(from: &Path, to: &Path) -> std::io::Result<()> {
    let meta = fs::symlink_metadata(from)?;
    if meta.file_type().is_symlink() {
        #[cfg(unix)]
        return std::os::unix::fs::symlink(fs::read_link(from)?, to);
    }
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "is not a regular file: it cannot be carried into the new site",
        ));
    }
    let file = open_no_follow(from)?;
    copy_from(&file, to)?;
    fs::set_permissions(to, meta.permissions())
}

/// Open a file for reading; a symbolic link put in its place meanwhile is not followed.
fn open_no_follow(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    options.open(path)
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

/// The output folder with symbolic links resolved (a missing link target is created).
fn resolve(out: &Path) -> std::io::Result<PathBuf> {
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

/// A name in the output that is not UTF-8 (which no page of gazette's has) cannot be carried
/// over: an error naming it.
fn odd_name(out: &Path, path: &Path) -> std::io::Result<()> {
    let name = path.strip_prefix(out).unwrap_or(path);
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!(
            "{}: a name that is not UTF-8: rename it or move it out of the output folder",
            name.display()
        ),
    ))
}

/// The staging folders killed builds left in `parent`.
fn staging_folders(parent: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        // Only names gazette gives them (a prefix and 12 hexadecimal digits): a folder of
        // someone's that starts alike (`.out.staging-drafts`) is left alone.
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.strip_prefix(prefix).is_some_and(|id| {
                id.len() == 12 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            })
        })
        .map(|e| e.path())
        .collect();
    // Real folders last: the last one found is taken over, links and files only removed.
    found.sort_by_key(|f| fs::symlink_metadata(f).is_ok_and(|m| m.is_dir()));
    found
}

/// Remove whatever is at `path` (nothing, a file, a link or a folder).
fn clear(path: &Path) -> std::io::Result<()> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
    }
}

/// Make the folder `rel` under `root` (a real folder), folder by folder, never through a
/// symbolic link: a link or a file standing where one of its folders must be is removed (the
/// link itself), so nothing is ever written outside the staging folder.
fn make_dir(root: &Path, rel: &str) -> std::io::Result<()> {
    let mut at = root.to_path_buf();
    for part in rel.split('/') {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(m) if m.is_dir() => continue,
            Ok(_) => fs::remove_file(&at)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        fs::create_dir(&at)?;
    }
    Ok(())
}

/// Remove the empty folders under `root`/`rel` (not `root` itself).
fn remove_empty_dirs(root: &Path, rel: &Path) {
    let Ok(entries) = fs::read_dir(root.join(rel)) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            let sub = rel.join(entry.file_name());
            remove_empty_dirs(root, &sub);
            let _ = fs::remove_dir(root.join(sub));
        }
    }
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

/// Without inodes (0), no file is known to be another's name: every one is linked again.
#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> u64 {
    0
}

/// The marker of the output folder `out` (links resolved, or not yet: it is found beside the
/// folder the link leads to), beside it or inside it (an earlier version's), and whether it is
/// inside; none for a marker that is not a regular file.
fn marker_of(out: &Path) -> Option<(PathBuf, bool)> {
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
fn read_marker(out: &Path) -> Option<Previous> {
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
fn new_id() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let seed = format!("{now} {}", std::process::id());
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(seed.as_bytes()))
}

/// Every file under `root`/`rel`, relative to `root`, with its inode (as the folder listing
/// gives it: no `stat` per file).
/// A name that is not UTF-8 cannot be told apart from others by its `/`-separated path:
/// `odd` decides what becomes of it (an error naming it, or its removal).
fn list_files(
    root: &Path,
    rel: &str,
    out: &mut PathMap<u64>,
    odd: &dyn Fn(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for entry in fs::read_dir(root.join(rel))? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            odd(&entry.path())?;
            continue;
        };
        let path = if rel.is_empty() {
            name.to_owned()
        } else {
            format!("{rel}/{name}")
        };
        if entry.file_type()?.is_dir() {
            list_files(root, &path, out, odd)?;
        } else {
            out.insert(path, entry_inode(&entry));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn entry_inode(entry: &fs::DirEntry) -> u64 {
    std::os::unix::fs::DirEntryExt::ino(entry)
}

#[cfg(not(unix))]
fn entry_inode(_: &fs::DirEntry) -> u64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in a folder, sorted.
    fn beside(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Build `files` into `out`, keeping the previous output's files named in `kept`.
    fn write(out: &Path, files: &[(&str, &str)], kept: &[&str]) -> Written {
        let output = Output::begin(out, "out".as_ref()).unwrap();
        for (rel, text) in files {
            output.put(rel, text.as_bytes()).unwrap();
        }
        let kept = kept
            .iter()
            .map(|rel| {
                let meta = fs::metadata(out.join(rel)).unwrap();
                assert!(output.verify(rel, &Stamp::of(&meta)));
                (rel.to_string(), Stamp::of(&meta))
            })
            .collect();
        let staged = output.finish(kept).unwrap();
        let written = staged.written.clone();
        staged.publish().unwrap();
        written
    }

    #[test]
    fn updates_previous_output_and_refuses_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write(&out, &[("fr/a.txt", "one"), ("fr/b.txt", "two")], &[]);
        let written = write(&out, &[("de/b.txt", "two")], &["fr/b.txt"]);
        assert_eq!((written.changed, written.removed), (1, 1));
        assert!(!out.join("fr/a.txt").exists());
        assert_eq!(fs::read(out.join("de/b.txt")).unwrap(), b"two");
        assert_eq!(fs::read(out.join("fr/b.txt")).unwrap(), b"two");
        assert_eq!(
            beside(dir.path()),
            [".out.gazette-output", ".out.previous", "out"],
            "no staging left behind, the marker beside the site"
        );
        assert!(
            !out.join(MARKER).exists(),
            "nothing of gazette's in the site"
        );
        let marker = fs::read_to_string(guard::output_marker(&out)).unwrap();
        let inode = |rel: &str| Stamp::of(&fs::metadata(out.join(rel)).unwrap()).inode();
        let listed = format!(
            "\nde/b.txt\t{}\nfr/b.txt\t{}\n",
            inode("de/b.txt"),
            inode("fr/b.txt")
        );
        assert!(
            marker.ends_with(&listed),
            "each file with its inode: {marker}"
        );
        let again = write(&out, &[("de/b.txt", "two"), ("fr/b.txt", "two")], &[]);
        assert_eq!(again, Written::default());
        assert_eq!(
            fs::read_to_string(guard::output_marker(&out)).unwrap(),
            marker
        );

        let foreign = dir.path().join("docs");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("keep.txt"), "mine").unwrap();
        let e = Output::begin(&foreign, "docs".as_ref()).err().unwrap();
        assert!(e.to_string().contains("not written by gazette"), "{e}");
        assert_eq!(
            fs::read_to_string(foreign.join("keep.txt")).unwrap(),
            "mine"
        );
    }

    /// The previous site kept beside `out/` becomes the next site whatever it holds: only its
    /// files that are `out/`'s own (same inode) stay.
    #[test]
    fn the_kept_previous_site_never_leaks_into_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write(
            &out,
            &[("a.txt", "1"), ("fr/b.txt", "2"), ("fr/c.txt", "3")],
            &[],
        );
        write(&out, &[("fr/b.txt", "22"), ("de/d.txt", "4")], &["a.txt"]);
        let kept = dir.path().join(".out.previous");
        assert_eq!(fs::read(kept.join("fr/c.txt")).unwrap(), b"3");
        fs::remove_file(kept.join("a.txt")).unwrap();
        fs::write(kept.join("a.txt"), "tampered").unwrap();
        fs::write(kept.join("x.txt"), "stray").unwrap();
        fs::create_dir_all(kept.join("fr/b.txt.d")).unwrap();
        write(&out, &[("fr/b.txt", "22")], &["a.txt", "de/d.txt"]);
        let mut files = PathMap::default();
        list_files(&out, "", &mut files, &|_| Ok(())).unwrap();
        let mut names: Vec<&String> = files.keys().collect();
        names.sort();
        assert_eq!(names, ["a.txt", "de/d.txt", "fr/b.txt"]);
        assert_eq!(fs::read(out.join("a.txt")).unwrap(), b"1");
        assert_eq!(fs::read(out.join("fr/b.txt")).unwrap(), b"22");
        assert_eq!(fs::read(out.join("de/d.txt")).unwrap(), b"4");
        assert!(!out.join("fr/b.txt.d").exists());
    }

    #[test]
    fn files_gazette_did_not_write_are_kept_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write(&out, &[("fr/a.txt", "one")], &[]);
        fs::write(out.join("CNAME"), "news.example").unwrap();
        let written = write(&out, &[("fr/a.txt", "two")], &[]);
        assert_eq!(written.foreign, ["CNAME"]);
        assert_eq!(fs::read(out.join("CNAME")).unwrap(), b"news.example");
        assert_eq!(fs::read(out.join("fr/a.txt")).unwrap(), b"two");
    }

    /// The marker lists gazette's files one a line: no name that would break the list (and
    /// with it which files are gazette's to remove) is ever written.
    #[test]
    fn names_that_would_break_the_list_of_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let output = Output::begin(&dir.path().join("out"), "out".as_ref()).unwrap();
        for (name, shown) in [
            ("x\nCNAME", "x\\nCNAME"),
            ("x\r", "x\\r"),
            ("a\u{202e}b", "a\\u{202e}b"),
        ] {
            let e = output.put(name, b"x").unwrap_err().to_string();
            assert_eq!(
                e,
                format!(
                    "out/{shown}: a name with a control character: gazette publishes no such name"
                )
            );
        }
    }

    #[test]
    fn an_edited_page_fails_verification() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write(&out, &[("fr/a.txt", "one")], &[]);
        let recorded = Stamp::of(&fs::metadata(out.join("fr/a.txt")).unwrap());
        let output = Output::begin(&out, "out".as_ref()).unwrap();
        assert!(output.verify("fr/a.txt".as_ref(), &recorded));
        std::thread::sleep(std::time::Duration::from_millis(5));
        fs::write(out.join("fr/a.txt"), "owt").unwrap();
        assert!(!output.verify("fr/a.txt".as_ref(), &recorded));
        fs::remove_file(out.join("fr/a.txt")).unwrap();
        assert!(!output.verify("fr/a.txt".as_ref(), &recorded));
    }

    #[test]
    fn an_abandoned_output_leaves_nothing_and_the_next_removes_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let output = Output::begin(&out, "out".as_ref()).unwrap();
        output.put("fr/a.txt".as_ref(), b"one").unwrap();
        drop(output);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        // Killed builds left two staging folders: one becomes the next build's, one goes. A
        // folder of someone's whose name only starts alike stays.
        fs::create_dir_all(dir.path().join(".out.staging-0123456789ab/fr")).unwrap();
        fs::create_dir_all(dir.path().join(".out.staging-abcdef012345/fr")).unwrap();
        fs::create_dir_all(dir.path().join(".out.staging-drafts/fr")).unwrap();
        let output = Output::begin(&out, "out".as_ref()).unwrap();
        assert_eq!(output.leftovers, 1);
        output.put("fr/a.txt".as_ref(), b"one").unwrap();
        output.finish(Vec::new()).unwrap().publish().unwrap();
        assert_eq!(
            beside(dir.path()),
            [".out.gazette-output", ".out.staging-drafts", "out"]
        );
        assert_eq!(fs::read(out.join("fr/a.txt")).unwrap(), b"one");
    }

    #[cfg(unix)]
    #[test]
    fn an_output_behind_a_symbolic_link_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let site = elsewhere.path().join("site");
        let out = dir.path().join("out");
        std::os::unix::fs::symlink(&site, &out).unwrap();
        write(&out, &[("fr/a.txt", "one")], &[]);
        write(&out, &[("fr/a.txt", "two")], &[]);
        assert!(fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(site.join("fr/a.txt")).unwrap(), b"two");
        assert_eq!(
            beside(elsewhere.path()),
            [".site.gazette-output", ".site.previous", "site"],
            "the marker beside the folder the link leads to"
        );
        assert_eq!(beside(dir.path()), ["out"]);
    }
}
