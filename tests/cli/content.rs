//! The content stage: what an article's `content/*.toml` may say and how it is read — bylines,
//! times, updates, headline arguments, drafts and embargoes, unknown fields, two articles on
//! one page.

use super::support::{build, findings, linked, newsroom, run, tree, NEWSROOM_ARTICLE};

#[test]
fn byline_time_updates_and_headline_args() {
    let p = newsroom();
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = p.read("out/fr/a.html");
    assert!(
        fr.contains(">Par Claire Dumas, Tom Reyes et Ana Weber<"),
        "{fr}"
    );
    assert!(fr
        .contains("<time datetime=\"2025-08-17T09:30:00+02:00\">Publié le 17\u{a0}août\u{a0}2025"));
    assert!(
        fr.contains("09:30</time>"),
        "the time as the newsroom wrote it: {fr}"
    );
    // The headline has its own arguments, not the first block's.
    assert!(fr.contains("<h1>Une alliance de 31 pays</h1>"), "{fr}");
    assert!(fr.contains("Le texte, 2 fois."));
    assert!(fr.contains(
        "Mis à jour le <time datetime=\"2025-08-18T10:05:00+02:00\">18\u{a0}août\u{a0}2025"
    ));
    assert!(
        fr.contains("</time>\u{a0}: Le nombre de pays a été corrigé.</p>"),
        "the note around its time: {fr}"
    );
    let en = p.read("out/en/a.html");
    assert!(
        en.contains(">By Claire Dumas, Tom Reyes and Ana Weber<"),
        "{en}"
    );
    assert!(
        en.contains(
            "Updated on <time datetime=\"2025-08-18T10:05:00+02:00\">18\u{a0}August\u{a0}2025"
        ),
        "{en}"
    );
    let text = p.read("out/en/a.txt");
    assert!(
        text.contains("By Claire Dumas, Tom Reyes and Ana Weber\n"),
        "{text}"
    );
    // Feeds carry the instants, not midnight UTC.
    let feed = p.read("out/fr/feed.xml");
    assert!(
        feed.contains("<published>2025-08-17T09:30:00+02:00</published>"),
        "{feed}"
    );
    assert!(
        feed.contains("<updated>2025-08-18T10:05:00+02:00</updated>"),
        "{feed}"
    );
}

#[test]
fn a_plain_date_stays_valid() {
    let p = newsroom();
    p.write(
        "content/a.toml",
        &NEWSROOM_ARTICLE.replace("2025-08-17T09:30:00+02:00", "2025-08-17"),
    );
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = p.read("out/fr/a.html");
    assert!(
        fr.contains("<time datetime=\"2025-08-17\">Publié le 17\u{a0}août\u{a0}2025</time>"),
        "{fr}"
    );
}

#[test]
fn an_unknown_field_is_an_error_naming_its_line() {
    let p = newsroom();
    p.write(
        "content/a.toml",
        &NEWSROOM_ARTICLE.replace("tags =", "labels ="),
    );
    let (code, _, stderr) = run(&p, &["check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("content/a.toml") && stderr.contains("line 3"),
        "{stderr}"
    );
    assert!(stderr.contains("labels"), "{stderr}");
}

#[test]
fn update_notes_are_checked_like_any_message() {
    let p = newsroom();
    p.write(
        "locales/en/a.ftl",
        "title = An alliance of { $count } countries\nlede = The standfirst.\nbody = The text, { $count } times.\n",
    );
    let (code, json) = p.check_json();
    assert_eq!(code, 1);
    let missing: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "missing-message")
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(missing, ["fix"]);
}

#[test]
fn a_draft_is_checked_and_never_published() {
    let p = newsroom();
    p.write(
        "content/a.toml",
        &format!("draft = true\n{NEWSROOM_ARTICLE}"),
    );
    p.write("locales/en/a.ftl", "title = An alliance\n");
    let (code, _) = build(&p, "out", None);
    assert_eq!(code, 1, "the draft's missing translations are still errors");
    p.write(
        "locales/en/a.ftl",
        "title = An alliance of { $count } countries\nlede = The standfirst.\nbody = The text.\nfix = Fixed.\n",
    );
    let (code, stderr) = build(&p, "out", None);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("note: not published: `a` is a draft"),
        "{stderr}"
    );
    let files: Vec<String> = tree(&p.path().join("out")).into_keys().collect();
    assert!(!files.iter().any(|f| f.contains("/a.")), "{files:?}");
    assert!(!p.read("out/fr/feed.xml").contains("<entry>"));
}

#[test]
fn an_embargo_holds_until_the_builds_clock_passes_it() {
    let p = newsroom();
    // 2025-08-17T08:00:00Z.
    p.write(
        "content/a.toml",
        &format!("embargo = 2025-08-17T10:00:00+02:00\n{NEWSROOM_ARTICLE}"),
    );
    let before = "1755417599";
    let after = "1755417600";
    let (code, stderr) = build(&p, "out", Some(before));
    assert_eq!(code, 0);
    assert!(
        stderr
            .contains("note: not published: `a` is under embargo until 2025-08-17T10:00:00+02:00"),
        "{stderr}"
    );
    assert!(!p.path().join("out/fr/a.html").exists());
    // The same out/, rebuilt once the embargo has passed, equals a full build.
    assert_eq!(build(&p, "out", Some(after)).0, 0);
    assert!(p.path().join("out/fr/a.html").exists());
    assert_eq!(build(&p, "full", Some(after)).0, 0);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
    // And back: a clock set earlier holds it again.
    assert_eq!(build(&p, "out", Some(before)).0, 0);
    assert!(!p.path().join("out/fr/a.html").exists());
    let (code, stderr) = build(&p, "out", Some("tomorrow"));
    assert_eq!(code, 2);
    assert!(stderr.contains("SOURCE_DATE_EPOCH"), "{stderr}");
}

#[test]
fn two_articles_with_the_same_page_are_refused() {
    let p = linked();
    assert_eq!(build(&p, "out", None).0, 0);
    let before = tree(&p.path().join("out"));
    p.write(
        "content/b.toml",
        "date = 2025-03-02\n\n[slugs]\nen = \"a\"\n",
    );
    let (code, stderr) = build(&p, "out", None);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("content/b.toml") && stderr.contains("en/a.html"),
        "{stderr}"
    );
    assert_eq!(tree(&p.path().join("out")), before, "out/ untouched");
}

/// A headline is formatted with its own `title_args` alone, as its pages are: a variable that
/// only a block passes is a `format-error` at the headline's line, in every language, and the
/// build refuses, rather than publish `{$count}` in the `<h1>`.
#[test]
fn a_headline_variable_only_a_block_passes_is_an_error() {
    let p = newsroom();
    p.write(
        "content/a.toml",
        &NEWSROOM_ARTICLE.replace("title_args = { count = 31 }\n", ""),
    );
    let errors: Vec<_> = findings(&p, "format-error")
        .into_iter()
        .map(|d| (d["locale"].clone(), d["id"].clone(), d["line"].clone()))
        .collect();
    assert_eq!(
        errors,
        [
            ("en".into(), "title".into(), 1.into()),
            ("fr".into(), "title".into(), 1.into())
        ],
        "{errors:?}"
    );
    let (code, stderr) = build(&p, "out", None);
    assert_eq!(code, 1, "{stderr}");
    assert!(!p.path().join("out").exists());
}
