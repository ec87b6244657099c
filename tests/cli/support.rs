//! Shared helpers: copy a fixture project to a temporary folder and run gazette on it.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The repository root, which is also the sample project.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture project copied into a temporary folder, so tests can edit and build it freely.
pub struct Project {
    dir: TempDir,
}

impl Project {
    /// Copy `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Self {
        Self::copy_of(&repo_root().join("tests/fixtures").join(name))
    }

    /// Copy the sample project at the repository root (its project files only).
    pub fn sample() -> Self {
        let p = Self::empty();
        for item in [
            "gazette.toml",
            "gazette.lock.d",
            "content",
            "locales",
            "templates",
            "static",
        ] {
            copy(&repo_root().join(item), &p.path().join(item));
        }
        p
    }

    /// Copy the second sample, `examples/world` (right-to-left and East Asian editions).
    pub fn world() -> Self {
        Self::copy_of(&repo_root().join("examples/world"))
    }

    pub fn empty() -> Self {
        Project {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn copy_of(src: &Path) -> Self {
        assert!(src.is_dir(), "no fixture {}", src.display());
        let p = Self::empty();
        copy(src, p.path());
        p
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Write a file of the project, creating folders.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// `gazette -C <project> <args>`.
    pub fn gazette(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("gazette").unwrap();
        cmd.arg("-C")
            .arg(self.path())
            .args(args)
            .env("NO_COLOR", "1");
        cmd
    }

    /// `gazette -C <project> <args>` as a plain process, to spawn and kill.
    pub fn process(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"));
        cmd.arg("-C")
            .arg(self.path())
            .args(args)
            .env("NO_COLOR", "1");
        cmd
    }

    /// Run `check --format json` and return its exit code and parsed report.
    pub fn check_json(&self) -> (i32, serde_json::Value) {
        let out = self
            .gazette(&["check", "--format", "json"])
            .output()
            .unwrap();
        let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code().unwrap(), json)
    }
}

/// The findings of `check --format json` with this code.
pub fn findings(p: &Project, code: &str) -> Vec<serde_json::Value> {
    let (_, report) = p.check_json();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .cloned()
        .collect()
}

/// The name of the sample article's page in a language (its localised slug).
pub fn sample_page(lang: &str) -> &'static str {
    match lang {
        "en" => "coalition-of-the-willing",
        "de" => "koalition-der-willigen",
        _ => "coalition-des-volontaires",
    }
}

/// Run gazette; returns (exit code, stdout, stderr).
/// A fatal error's stderr: one `error:` line first, then at most the excerpt of the line it
/// names (` --> file:line:column`, the line, a caret), whose lines all start with a space or a
/// digit, so that no value quoted can pass for another error or a CI annotation.
pub fn one_error(stderr: &str) {
    let mut lines = stderr.lines();
    let first = lines.next().unwrap_or_default();
    assert!(first.starts_with("error: "), "{stderr}");
    for line in lines {
        let excerpt = line.starts_with(' ') || line.starts_with(|c: char| c.is_ascii_digit());
        assert!(
            excerpt,
            "a second line that is no excerpt: {line:?} in {stderr}"
        );
    }
}

pub fn run(p: &Project, args: &[&str]) -> (i32, String, String) {
    outcome(p.gazette(args).output().unwrap())
}

/// Run gazette with no `-C`, from `dir` (else the test's own folder), colour off; returns
/// (exit code, stdout, stderr).
pub fn run_in(dir: Option<&Path>, args: &[&str]) -> (i32, String, String) {
    let mut cmd = assert_cmd::Command::cargo_bin("gazette").unwrap();
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    outcome(cmd.args(args).env("NO_COLOR", "1").output().unwrap())
}

fn outcome(out: std::process::Output) -> (i32, String, String) {
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Copy a file or folder tree.
pub fn copy(src: &Path, dst: &Path) {
    if src.is_dir() {
        fs::create_dir_all(dst).unwrap();
        for entry in fs::read_dir(src).unwrap() {
            let entry = entry.unwrap();
            copy(&entry.path(), &dst.join(entry.file_name()));
        }
    } else if src.exists() {
        fs::copy(src, dst).unwrap();
    }
}

/// Every file under `dir`, dotfiles included, with its bytes, by relative `/`-separated
/// path: nothing left out or rewritten.
pub fn raw_tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_string_lossy();
                out.insert(rel.replace('\\', "/"), fs::read(&path).unwrap());
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// [`raw_tree`] as two builds of the same inputs must match it: an output's marker kept
/// without its first line, the identity of the build that made it; the project lock (which
/// every writer leaves, empty of meaning once it ends) left out.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = raw_tree(dir);
    out.retain(|rel, _| !rel.ends_with(".gazette-cache/writer.lock"));
    for (rel, bytes) in out.iter_mut() {
        if rel.ends_with(".gazette-output") {
            let first = bytes.iter().position(|b| *b == b'\n').map_or(0, |i| i + 1);
            bytes.drain(..first);
        }
    }
    out
}
