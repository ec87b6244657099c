//! What a newsroom's articles carry besides their text: bylines, times, updates, tags,
//! drafts and embargoes, and what the pages and feeds make of them.

use super::support::{run, tree, Project};

/// A French source and an English edition with every site string the templates use.
fn newsroom() -> Project {
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
    p.write("content/a.toml", ARTICLE);
    p
}

const ARTICLE: &str = r#"date = 2025-08-17T09:30:00+02:00
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

fn build(p: &Project, out: &str, epoch: Option<&str>) -> (i32, String) {
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

#[test]
fn byline_time_updates_and_headline_args() {
    let p = newsroom();
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = p.read("out/fr/a.html");
    assert!(fr.contains(">Par Claire Dumas, Tom Reyes et Ana Weber<"), "{fr}");
    assert!(fr.contains("<time datetime=\"2025-08-17T09:30:00+02:00\">Publié le 17 août 2025"));
    assert!(fr.contains("09:30</time>"), "the time as the newsroom wrote it: {fr}");
    // The headline has its own arguments, not the first block's.
    assert!(fr.contains("<h1>Une alliance de 31 pays</h1>"), "{fr}");
    assert!(fr.contains("Le texte, 2 fois."));
    assert!(fr.contains("<time datetime=\"2025-08-18T10:05:00+02:00\">Mis à jour le 18 août 2025"));
    assert!(fr.contains("\u{a0}: Le nombre de pays a été corrigé.</time>"), "{fr}");
    let en = p.read("out/en/a.html");
    assert!(en.contains(">By Claire Dumas, Tom Reyes and Ana Weber<"), "{en}");
    assert!(en.contains("Updated on 18 August 2025"), "{en}");
    let text = p.read("out/en/a.txt");
    assert!(text.contains("By Claire Dumas, Tom Reyes and Ana Weber\n"), "{text}");
    // Feeds carry the instants, not midnight UTC.
    let feed = p.read("out/fr/feed.xml");
    assert!(feed.contains("<published>2025-08-17T09:30:00+02:00</published>"), "{feed}");
    assert!(feed.contains("<updated>2025-08-18T10:05:00+02:00</updated>"), "{feed}");
}

#[test]
fn a_plain_date_stays_valid() {
    let p = newsroom();
    p.write("content/a.toml", &ARTICLE.replace("2025-08-17T09:30:00+02:00", "2025-08-17"));
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = p.read("out/fr/a.html");
    assert!(fr.contains("<time datetime=\"2025-08-17\">Publié le 17 août 2025</time>"), "{fr}");
}

#[test]
fn an_unknown_field_is_an_error_naming_its_line() {
    let p = newsroom();
    p.write("content/a.toml", &ARTICLE.replace("tags =", "labels ="));
    let (code, _, stderr) = run(&p, &["check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("content/a.toml") && stderr.contains("line 3"), "{stderr}");
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
    p.write("content/a.toml", &format!("draft = true\n{ARTICLE}"));
    p.write("locales/en/a.ftl", "title = An alliance\n");
    let (code, _) = build(&p, "out", None);
    assert_eq!(code, 1, "the draft's missing translations are still errors");
    p.write(
        "locales/en/a.ftl",
        "title = An alliance of { $count } countries\nlede = The standfirst.\nbody = The text.\nfix = Fixed.\n",
    );
    assert_eq!(build(&p, "out", None).0, 0);
    let files: Vec<String> = tree(&p.path().join("out")).into_keys().collect();
    assert!(!files.iter().any(|f| f.contains("/a.")), "{files:?}");
    assert!(!p.read("out/fr/feed.xml").contains("<entry>"));
}

#[test]
fn an_embargo_holds_until_the_builds_clock_passes_it() {
    let p = newsroom();
    // 2025-08-17T08:00:00Z.
    p.write("content/a.toml", &format!("embargo = 2025-08-17T10:00:00+02:00\n{ARTICLE}"));
    let before = "1755417599";
    let after = "1755417600";
    assert_eq!(build(&p, "out", Some(before)).0, 0);
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
