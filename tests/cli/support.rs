//! Shared helpers: copy a fixture project to a temporary folder and run gazette on it, and the
//! projects several test files start from (the sample and its edits, the publish fixture, the
//! newsroom).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

// The publish fixture completed, and runs with a time limit (for input that could hang gazette).

/// The publish fixture (two articles, fr and de, complete site strings), completed so that it
/// builds cleanly.
pub fn project() -> Project {
    let p = Project::fixture("publish");
    let de = p.read("locales/de/newer.ftl");
    p.write(
        "locales/de/newer.ftl",
        &format!("{de}extra = Zweiter Absatz.\n"),
    );
    p
}

/// Run gazette; returns (exit code, stdout, stderr) and fails past `limit`.
pub fn run_within(p: &Project, args: &[&str], limit: Duration) -> (i32, String, String) {
    let started = Instant::now();
    let out = p.gazette(args).timeout(limit).output().unwrap();
    assert!(
        started.elapsed() < limit,
        "gazette {args:?} took {:?}",
        started.elapsed()
    );
    (
        out.status.code().expect("exited, not killed"),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// [`run_within`] a minute.
pub fn run_timed(p: &Project, args: &[&str]) -> (i32, String, String) {
    run_within(p, args, Duration::from_secs(60))
}

/// `check` and `build` both exit 2 with one `error:` line holding every part; nothing written.
pub fn check_and_build_refuse(p: &Project, parts: &[&str]) {
    for cmd in ["check", "build"] {
        let (code, stdout, stderr) = run_timed(p, &[cmd]);
        assert_eq!(code, 2, "{cmd}: {stderr}");
        one_error(&stderr);
        for part in parts {
            assert!(stderr.contains(part), "{cmd}: `{part}` not in {stderr}");
        }
        assert!(stdout.is_empty(), "{cmd}: {stdout}");
        assert!(!p.path().join("out").exists(), "{cmd} wrote out/");
    }
}

// The sample project, built or edited.

/// The sample article's file name in `content/` and `locales/*/` (without extension).
pub const SAMPLE_SLUG: &str = "coalition-des-volontaires";

/// The sample, built into its `out/`.
pub fn built_sample() -> Project {
    let p = Project::sample();
    p.gazette(&["build"]).assert().success();
    p
}

/// The sample article's French source file.
pub const FR: &str = "locales/fr/coalition-des-volontaires.ftl";

/// The sample article's German translation.
pub const DE: &str = "locales/de/coalition-des-volontaires.ftl";

/// The sample with the French `sovereignty` edited: its translations are stale.
pub fn sample_with_stale_sovereignty() -> Project {
    let p = Project::sample();
    let fr = p.read(FR);
    p.write(
        FR,
        &fr.replace("au cœur des négociations", "au cœur de toute négociation"),
    );
    p
}

/// The three German messages the sync tests delete.
pub const DELETED: [&str; 3] = ["first-meeting", "sovereignty", "opponents"];

/// Remove the lines that start with `<id> =` (one-line messages).
pub fn without_messages(text: &str, ids: &[&str]) -> String {
    text.split_inclusive('\n')
        .filter(|l| !ids.iter().any(|id| l.starts_with(&format!("{id} ="))))
        .collect()
}

/// The sample with three German messages deleted.
pub fn sample_missing_three() -> (Project, Vec<u8>) {
    let p = Project::sample();
    let edited = without_messages(&p.read(DE), &DELETED);
    p.write(DE, &edited);
    (p, edited.into_bytes())
}

// The newsroom project: one article `a` with a byline, tags and an update, in French and English.

/// A French source and an English edition with every site string the templates use.
pub fn newsroom() -> Project {
    let p = Project::empty();
    p.write(
        "gazette.toml",
        "base_url = \"https://news.example\"\n[format_locales]\nen = \"en-GB\"\n",
    );
    for (lang, strings) in [
        (
            "fr",
            "site-name = Le Journal\nlang-name = Français\npublished = Publié le { $date }\nrelated-read = (Re)lire\nrelated-watch = (Re)voir\nskip-to-content = Aller au contenu\nother-editions = Autres langues\nvideo-unsupported = Vidéo non prise en charge.\nlatest-articles = Derniers articles\nfeed = Fil Atom\nchoose-language = Choisir la langue\nbyline = Par { $authors }\nupdate-note = Mis à jour le { $date }\u{a0}: { $note }\nlink-in-fr = (en français)\nlink-in-en = (en anglais)\n",
        ),
        (
            "en",
            "site-name = The Journal\nlang-name = English\npublished = Published on { $date }\nrelated-read = Read more\nrelated-watch = Watch\nskip-to-content = Skip to content\nother-editions = Other languages\nvideo-unsupported = Video not supported.\nlatest-articles = Latest articles\nfeed = Atom feed\nchoose-language = Choose a language\nbyline = By { $authors }\nupdate-note = Updated on { $date }: { $note }\nlink-in-fr = (in French)\nlink-in-en = (in English)\n",
        ),
    ] {
        p.write(&format!("locales/{lang}/site.ftl"), strings);
    }
    p.write(
        "locales/fr/a.ftl",
        "title = Une alliance de { $count } pays\nlede = Le chapeau.\nbody = Le texte, { $count } fois.\nfix = Le nombre de pays a été corrigé.\n",
    );
    p.write(
        "locales/en/a.ftl",
        "title = An alliance of { $count } countries\nlede = The standfirst.\nbody = The text, { $count } times.\nfix = The number of countries was corrected.\n",
    );
    p.write("content/a.toml", NEWSROOM_ARTICLE);
    p
}

/// The newsroom's article `a`: date, authors, tags, headline arguments, an update, a paragraph.
pub const NEWSROOM_ARTICLE: &str = r#"date = 2025-08-17T09:30:00+02:00
authors = ["Claire Dumas", "Tom Reyes", "Ana Weber"]
tags = ["ukraine", "défense"]
title_args = { count = 31 }

[[updates]]
at = 2025-08-18T10:05:00+02:00
key = "fix"

[[blocks]]
type = "paragraph"
key = "body"
args = { count = 2 }
"#;

/// `build --out <out>` with `SOURCE_DATE_EPOCH` set to `epoch` or unset; returns (exit code,
/// stderr).
pub fn build(p: &Project, out: &str, epoch: Option<&str>) -> (i32, String) {
    let mut cmd = p.gazette(&["build", "--out", out]);
    match epoch {
        Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
        None => cmd.env_remove("SOURCE_DATE_EPOCH"),
    };
    let o = cmd.output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// An empty SVG image of this size.
pub fn svg(width: u32, height: u32) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\"></svg>\n"
    )
}

/// The newsroom project with two figures and a video with its poster.
pub fn with_media() -> Project {
    let p = newsroom();
    let blocks = r#"
[[blocks]]
type = "figure"
key = "map"
src = "images/map.svg"

[[blocks]]
type = "figure"
key = "map"
src = "https://images.example/map.png"

[[blocks]]
type = "video"
key = "map"
src = "media/clip.webm"
poster = "images/poster.svg"
"#;
    p.write("content/a.toml", &format!("{NEWSROOM_ARTICLE}{blocks}"));
    for lang in ["fr", "en"] {
        let ftl = p.read(&format!("locales/{lang}/a.ftl"));
        p.write(
            &format!("locales/{lang}/a.ftl"),
            &format!("{ftl}map =\n    .alt = Map ({lang})\n    .caption = Caption ({lang})\n"),
        );
    }
    p.write("static/images/map.svg", &svg(640, 360));
    p.write("static/images/poster.svg", &svg(1280, 720));
    p.write("static/media/clip.webm", "\u{1a}E\u{df}\u{a3}");
    p.write("static/CNAME", "news.example\n");
    p
}

/// The newsroom project with a second article, `b`, that `a` links to; `b`'s English page
/// has a name of its own.
pub fn linked() -> Project {
    let p = newsroom();
    let link = "\n[[blocks]]\ntype = \"related\"\narticle = \"b\"\nkind = \"read\"\n\n[[blocks]]\ntype = \"related\"\nkey = \"elsewhere\"\nhref = \"https://other.example/fr/page\"\nlang = \"fr\"\nkind = \"watch\"\n";
    p.write("content/a.toml", &format!("{NEWSROOM_ARTICLE}{link}"));
    for (lang, text) in [("fr", "Ailleurs"), ("en", "Elsewhere")] {
        let ftl = p.read(&format!("locales/{lang}/a.ftl"));
        p.write(
            &format!("locales/{lang}/a.ftl"),
            &format!("{ftl}elsewhere = {text}\n"),
        );
    }
    p.write(
        "content/b.toml",
        "date = 2025-03-02\n\n[slugs]\nen = \"london-summit\"\n",
    );
    p.write("locales/fr/b.ftl", "title = Le sommet de Londres\n");
    p.write("locales/en/b.ftl", "title = The London summit\n");
    p
}

/// The `<meta property|name=key>` contents of a page, in order.
pub fn meta(page: &scraper::Html, key: &str) -> Vec<String> {
    let selector =
        scraper::Selector::parse(&format!("meta[property='{key}'], meta[name='{key}']")).unwrap();
    page.select(&selector)
        .map(|m| m.value().attr("content").unwrap().to_owned())
        .collect()
}

/// A page's JSON-LD, parsed.
pub fn json_ld(page: &scraper::Html) -> serde_json::Value {
    let selector = scraper::Selector::parse("script[type='application/ld+json']").unwrap();
    let scripts: Vec<_> = page.select(&selector).collect();
    assert_eq!(scripts.len(), 1);
    serde_json::from_str(&scripts[0].text().collect::<String>()).unwrap()
}

/// Site strings added to the end of a language's `site.ftl`.
pub fn add_site_strings(p: &Project, lang: &str, strings: &str) {
    let ftl = p.read(&format!("locales/{lang}/site.ftl"));
    p.write(
        &format!("locales/{lang}/site.ftl"),
        &format!("{ftl}{strings}"),
    );
}

/// The newsroom with `[publisher]`, an author's page, tags named in each language and a
/// video.
pub fn published() -> Project {
    let p = with_media();
    p.write(
        "gazette.toml",
        &format!(
            "{}[publisher]\nname = \"Journal\"\nlogo = \"images/logo.png\"\n",
            p.read("gazette.toml")
        ),
    );
    p.write("static/images/logo.png", "not read for its size");
    let a = p.read("content/a.toml").replace(
        "\"Tom Reyes\"",
        "{ name = \"Tom Reyes\", url = \"https://news.example/authors/tom-reyes\" }",
    );
    p.write("content/a.toml", &a);
    for lang in ["fr", "en"] {
        let site = p.read(&format!("locales/{lang}/site.ftl"));
        p.write(
            &format!("locales/{lang}/site.ftl"),
            &format!("{site}tag-ukraine = Ukraine ({lang})\n"),
        );
    }
    p
}
