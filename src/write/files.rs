//! The file system operations of publishing: exchanging two folders, linking or copying a
//! file without following links, listing a folder's files with their inodes, and removing
//! what a killed build left.

use std::fs;
use std::path::{Path, PathBuf};

use super::paths::PathMap;

/// Swap two folders atomically.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(super) fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // A file system without the exchange (some network ones): two renames.
        Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => exchange_by_renames(a, b),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub(super) fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
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
pub(super) fn same_bytes(mut file: &fs::File, old: &Path) -> std::io::Result<bool> {
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
pub(super) fn copy_from(mut file: &fs::File, to: &Path) -> std::io::Result<()> {
    use std::io::Seek;
    file.seek(std::io::SeekFrom::Start(0))?;
    std::io::copy(&mut file, &mut fs::File::create(to)?).map(drop)
}

/// A hard link, or where one is refused (a file of another owner under Linux's
/// `protected_hardlinks`, a file system without them) a copy of what the entry is: a
/// symbolic link someone put in `out/` stays a link, never followed.
pub(super) fn link(from: &Path, to: &Path) -> std::io::Result<()> {
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

/// A name in the output that is not UTF-8 (which no page of gazette's has) cannot be carried
/// over: an error naming it.
pub(super) fn odd_name(out: &Path, path: &Path) -> std::io::Result<()> {
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
pub(super) fn staging_folders(parent: &Path, prefix: &str) -> Vec<PathBuf> {
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
pub(super) fn clear(path: &Path) -> std::io::Result<()> {
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
pub(super) fn make_dir(root: &Path, rel: &str) -> std::io::Result<()> {
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
pub(super) fn remove_empty_dirs(root: &Path, rel: &Path) {
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
pub(super) fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

/// Without inodes (0), no file is known to be another's name: every one is linked again.
#[cfg(not(unix))]
pub(super) fn inode(_: &fs::Metadata) -> u64 {
    0
}

/// Every file under `root`/`rel`, relative to `root`, with its inode (as the folder listing
/// gives it: no `stat` per file).
/// A name that is not UTF-8 cannot be told apart from others by its `/`-separated path:
/// `odd` decides what becomes of it (an error naming it, or its removal).
pub(super) fn list_files(
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
