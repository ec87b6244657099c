//! Build script: which source gazette is built from, so that the CI workflows `gazette init`
//! writes install this very version (`cargo install --git <repository> --rev <commit>`)
//! rather than whatever a registry holds under the name `gazette`.
//!
//! Sets, when known, `GAZETTE_REPOSITORY` (Cargo.toml's `repository`, else the clone's
//! `origin` when it is an address a CI runner can reach) and `GAZETTE_COMMIT` (the commit
//! checked out in the folder being built; none for a build from a tarball). Two `git`
//! commands rather than a crate: the crates that do this bring a git library or a dozen
//! dependencies for the same two lines.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let in_own_clone = git(&manifest, &["rev-parse", "--show-toplevel"])
        .is_some_and(|top| same_folder(Path::new(&top), &manifest));
    if !in_own_clone {
        // A tarball, or a copy inside someone else's repository: its commit is not ours.
        return;
    }
    if let Some(commit) = git(&manifest, &["rev-parse", "HEAD"]) {
        println!("cargo:rustc-env=GAZETTE_COMMIT={commit}");
    }
    let declared = std::env::var("CARGO_PKG_REPOSITORY").unwrap_or_default();
    let repository = Some(declared)
        .filter(|r| !r.is_empty())
        .or_else(|| git(&manifest, &["remote", "get-url", "origin"]))
        .filter(|r| reachable(r));
    if let Some(repository) = repository {
        println!("cargo:rustc-env=GAZETTE_REPOSITORY={repository}");
    }
    watch_git(&manifest);
}

/// Build again when a commit is made or checked out, or the remote changes.
fn watch_git(manifest: &Path) {
    let dir = |arg: &str| git(manifest, &["rev-parse", arg]).map(|d| manifest.join(d));
    let mut files = Vec::new();
    if let Some(git_dir) = dir("--git-dir") {
        // The reflog grows at every commit, also when the branch's ref is packed.
        files.extend(["HEAD", "logs/HEAD"].map(|f| git_dir.join(f)));
    }
    if let Some(common) = dir("--git-common-dir") {
        files.extend(["packed-refs", "config"].map(|f| common.join(f)));
        if let Some(head) = git(manifest, &["symbolic-ref", "-q", "HEAD"]) {
            files.push(common.join(head));
        }
    }
    // A file that does not exist would make cargo run this script at every build.
    for file in files.iter().filter(|f| f.exists()) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
}

/// An address another machine can clone from: not a path or `file://` of this one, nor one
/// that carries credentials (`https://user:token@host/…`), which would be written into every
/// workflow `init` writes and every SARIF log.
fn reachable(url: &str) -> bool {
    let scheme = ["https://", "http://", "git://"];
    if let Some(rest) = scheme.iter().find_map(|s| url.strip_prefix(s)) {
        return !rest.split('/').next().unwrap_or_default().contains('@');
    }
    url.starts_with("ssh://")
        || url
            .split_once(':')
            .is_some_and(|(host, _)| host.contains('@') && !host.contains('/'))
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The trimmed output of a successful `git` command in `dir`.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}
