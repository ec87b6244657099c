//! The benchmark corpus generator (examples/gen-corpus.rs, used by scripts/bench) writes a
//! clean gazette project: `check` finds nothing to report and `build` publishes every article
//! in every language. Kept to 20 articles so that it takes a few seconds.
//!
//! The generator is included as a module rather than run with `cargo run --example`: no
//! nested cargo to compile the example (with its own profile, flags and lock on target/), so
//! the test takes about a second and its only moving part is the code under test.

#[allow(dead_code)] // the example's `main` and helpers the tests do not call
#[path = "../examples/gen-corpus.rs"]
mod gen_corpus;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use gen_corpus::{generate, parse_args, Options};

fn options(articles: usize, out: &Path, seed: u64) -> Options {
    Options {
        articles,
        out: out.to_path_buf(),
        seed,
        force: false,
    }
}

/// Every file under `dir`, relative path -> bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn gazette(project: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("gazette")
        .unwrap()
        .arg("-C")
        .arg(project)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn generated_corpus_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("corpus");
    let stats = generate(&options(20, &project, 42)).unwrap();
    // gazette.toml, 3 site.ftl, then per article a content file and 3 FTL files.
    assert_eq!(stats.files, 1 + 3 + 20 * 4);
    // About 700 words and 5 KB of text per article and language.
    let (words, bytes) = (stats.words / 60, stats.text_bytes / 60);
    assert!((600..=800).contains(&words), "{words} words per article");
    assert!(
        (4_000..=6_000).contains(&bytes),
        "{bytes} bytes per article"
    );

    let check = gazette(&project, &["check", "--format", "json"]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "check failed: {stdout}\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["diagnostics"], serde_json::json!([]), "{stdout}");
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 0);

    let build = gazette(&project, &["build"]);
    assert!(
        build.status.success(),
        "build failed: {}\n{}",
        String::from_utf8_lossy(&build.stdout),
        String::from_utf8_lossy(&build.stderr)
    );
    let out = files(&project.join("out"));
    for lang in ["fr", "en", "de"] {
        for ext in ["html", "txt"] {
            let articles = out
                .keys()
                .filter(|p| p.starts_with(lang) && p.extension().is_some_and(|e| e == ext))
                .filter(|p| p.file_stem().is_some_and(|s| s != "index"))
                .count();
            assert_eq!(articles, 20, "{lang} .{ext} editions");
        }
        assert!(out.contains_key(&Path::new(lang).join("index.html")));
        assert!(out.contains_key(&Path::new(lang).join("feed.xml")));
    }
    assert!(out.contains_key(Path::new("sitemap.xml")));

    // The plural, number and date arguments are formatted per language.
    let slug = fs::read_dir(project.join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| fs::read_to_string(p).unwrap().contains("count = "))
        .unwrap();
    let slug = slug.file_stem().unwrap().to_str().unwrap();
    let de = String::from_utf8(out[&Path::new("de").join(format!("{slug}.txt"))].clone()).unwrap();
    assert!(de.contains("Millionen Euro"), "{de}");
    assert!(!de.contains('$') && !de.contains('{'), "{de}");
}

#[test]
fn same_seed_same_bytes_and_articles_do_not_depend_on_n() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c, d) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
        tmp.path().join("d"),
    );
    generate(&options(6, &a, 7)).unwrap();
    generate(&options(6, &b, 7)).unwrap();
    generate(&options(6, &c, 8)).unwrap();
    generate(&options(3, &d, 7)).unwrap();
    let (a, b, c, d) = (files(&a), files(&b), files(&c), files(&d));
    assert_eq!(a, b, "same seed, same bytes");
    assert_ne!(a, c, "another seed, another corpus");
    // The 3-article corpus is the first 3 articles of the 6-article one.
    for (path, bytes) in &d {
        if path != Path::new("gazette.toml") {
            assert_eq!(Some(bytes), a.get(path), "{}", path.display());
        }
    }
}

#[test]
fn refuses_a_non_empty_folder_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.txt"), "keep me").unwrap();
    let mut opts = options(2, tmp.path(), 1);
    assert!(generate(&opts).is_err());
    opts.force = true;
    generate(&opts).unwrap();
    generate(&opts).unwrap();
    assert_eq!(
        fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(fs::read_dir(tmp.path().join("content")).unwrap().count(), 2);
}

#[test]
fn command_line() {
    let args = |a: &[&str]| parse_args(a.iter().map(|s| s.to_string()));
    assert_eq!(
        args(&["--articles", "20", "--out", "x", "--seed", "7"]),
        Ok(Options {
            articles: 20,
            out: PathBuf::from("x"),
            seed: 7,
            force: false
        })
    );
    assert_eq!(
        args(&["--articles=5", "--out=y", "--force"]),
        Ok(Options {
            articles: 5,
            out: PathBuf::from("y"),
            seed: 42,
            force: true
        })
    );
    for bad in [
        &["--out", "x"][..],
        &["--articles", "0", "--out", "x"],
        &["--articles", "many", "--out", "x"],
        &["--articles", "3"],
        &["--articles", "3", "--out", "x", "--bogus"],
        &["--articles"],
    ] {
        assert!(args(bad).is_err(), "{bad:?}");
    }
}
