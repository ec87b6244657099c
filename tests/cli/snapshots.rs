//! Outputs pinned byte for byte (insta, `tests/cli/snapshots/`): check's human, JSON and GitHub
//! formats, status's table and JSON, sync's dry run, the build summary, and every kind of page
//! a build writes. A change to any of them is a change to what users, readers and CI scripts
//! read, and shows here as a snapshot to review.

use super::support::{built_sample, run, sample_page, Project};

/// Each language's edition of the sample article: its HTML page and its text edition.
#[test]
fn editions_match_their_snapshots() {
    let p = built_sample();
    for lang in ["fr", "en", "de"] {
        insta::assert_snapshot!(
            format!("{lang}_html"),
            p.read(&format!("out/{lang}/{}.html", sample_page(lang)))
        );
        insta::assert_snapshot!(
            format!("{lang}_txt"),
            p.read(&format!("out/{lang}/{}.txt", sample_page(lang)))
        );
    }
}

/// Each language's index: its articles, newest first, with date and standfirst.
#[test]
fn language_indexes_match_their_snapshots() {
    let p = built_sample();
    for lang in ["fr", "en", "de"] {
        insta::assert_snapshot!(
            format!("{lang}_index"),
            p.read(&format!("out/{lang}/index.html"))
        );
    }
}

/// The root page: the language picker, each language named in itself.
#[test]
fn language_picker_matches_its_snapshot() {
    insta::assert_snapshot!("picker", built_sample().read("out/index.html"));
}

/// Each language's Atom feed, with the articles' full content.
#[test]
fn feeds_match_their_snapshots() {
    let p = built_sample();
    for lang in ["fr", "en", "de"] {
        insta::assert_snapshot!(
            format!("{lang}_feed"),
            p.read(&format!("out/{lang}/feed.xml"))
        );
    }
}

/// The sitemap: every page with its alternates in each language and `x-default`.
#[test]
fn sitemap_matches_its_snapshot() {
    insta::assert_snapshot!("sitemap", built_sample().read("out/sitemap.xml"));
}

/// The publish fixture with one finding of each severity and a syntax error, in two files.
fn project() -> Project {
    let p = Project::fixture("publish");
    p.write(
        "locales/de/older.ftl",
        "title = Der Älteste\nlede = Un chapeau.\nbody = Ein Absatz.\nold = Alt\n",
    );
    p.write(
        "locales/de/newer.ftl",
        "title = Der Neueste\nbody = Erster { $count Absatz.\n",
    );
    p
}

#[test]
fn check_human() {
    let (code, stdout, _) = run(&project(), &["check"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn check_json() {
    let (code, stdout, _) = run(&project(), &["check", "--format", "json"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn check_github() {
    let (code, stdout, _) = run(&project(), &["check", "--format", "github"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn status_human() {
    let (code, stdout, _) = run(&project(), &["status"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn status_json() {
    let (code, stdout, _) = run(&project(), &["status", "--format", "json"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn sync_dry_run() {
    let (code, stdout, _) = run(&Project::fixture("publish"), &["sync", "de", "--dry-run"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

/// The summary of a first build and of a rebuild, the time it took left out.
#[test]
fn build_summary() {
    let p = Project::fixture("publish");
    let mut summaries = String::new();
    for _ in 0..2 {
        let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
        assert_eq!(code, 0, "{stderr}");
        let (counts, _elapsed) = stderr.rsplit_once(" in ").expect("a time at the end");
        summaries.push_str(counts);
        summaries.push_str(" in <time>\n");
    }
    insta::assert_snapshot!(summaries);
}
