//! What a newsroom's articles carry besides their text: bylines, times, updates, tags,
//! drafts and embargoes, and what the pages and feeds make of them.

use super::support::{findings, run, tree, Project};

/// A French source and an English edition with every site string the templates use.
pub(super) fn newsroom() -> Project {
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
        &ARTICLE.replace("2025-08-17T09:30:00+02:00", "2025-08-17"),
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
    p.write("content/a.toml", &ARTICLE.replace("tags =", "labels ="));
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
    p.write("content/a.toml", &format!("draft = true\n{ARTICLE}"));
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
        &format!("embargo = 2025-08-17T10:00:00+02:00\n{ARTICLE}"),
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

fn svg(width: u32, height: u32) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\"></svg>\n"
    )
}

/// The newsroom project with two figures and a video with its poster.
fn with_media() -> Project {
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
    p.write("content/a.toml", &format!("{ARTICLE}{blocks}"));
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

#[test]
fn static_files_are_copied_and_images_sized() {
    let p = with_media();
    assert_eq!(build(&p, "out", None).0, 0);
    for file in [
        "images/map.svg",
        "images/poster.svg",
        "media/clip.webm",
        "CNAME",
    ] {
        assert_eq!(
            std::fs::read(p.path().join("out").join(file)).unwrap(),
            std::fs::read(p.path().join("static").join(file)).unwrap(),
            "{file}"
        );
    }
    let fr = p.read("out/fr/a.html");
    assert!(
        fr.contains("<img src=\"https://news.example/images/map.svg\" alt=\"Map&#x20;(fr)\" width=\"640\" height=\"360\">"),
        "the first image, sized and not lazy: {fr}"
    );
    assert!(
        fr.contains(
            "<img src=\"https://images.example/map.png\" alt=\"Map&#x20;(fr)\" loading=\"lazy\">"
        ),
        "a URL stays as it is: {fr}"
    );
    assert!(
        fr.contains("src=\"https://news.example/media/clip.webm\" poster=\"https://news.example/images/poster.svg\""),
        "{fr}"
    );
}

#[test]
fn a_missing_asset_is_an_error_at_the_content_files_line() {
    let p = with_media();
    std::fs::remove_file(p.path().join("static/images/poster.svg")).unwrap();
    let (code, json) = p.check_json();
    assert_eq!(code, 1);
    let found: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "missing-asset")
        .map(|d| (d["file"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    // The line of the poster, in the video's block.
    assert_eq!(found, [("content/a.toml", 29)]);
    assert_eq!(build(&p, "out", None).0, 1);
}

/// A rebuild after a file of `static/` changes, appears or goes equals a full build, and the
/// cached check sees an asset that went.
#[test]
fn rebuilds_follow_static_files() {
    let p = with_media();
    assert_eq!(build(&p, "out", None).0, 0);
    p.write("static/images/map.svg", &svg(800, 600));
    p.write("static/robots.txt", "User-agent: *\n");
    assert_eq!(build(&p, "out", None).0, 0);
    assert!(p
        .read("out/fr/a.html")
        .contains("width=\"800\" height=\"600\""));
    assert_eq!(build(&p, "full", None).0, 0);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));

    std::fs::remove_file(p.path().join("static/robots.txt")).unwrap();
    assert_eq!(build(&p, "out", None).0, 0);
    assert!(!p.path().join("out/robots.txt").exists());
    std::fs::remove_file(p.path().join("static/images/map.svg")).unwrap();
    let (code, _) = p.check_json();
    assert_eq!(code, 1, "the cached check sees the image gone");
}

#[test]
fn a_static_file_in_the_place_of_a_page_is_refused() {
    let p = newsroom();
    p.write("static/fr/a.html", "<p>mine</p>");
    let (code, stderr) = build(&p, "out", None);
    assert_eq!(code, 2);
    assert!(stderr.contains("static/fr/a.html"), "{stderr}");
    assert!(!p.path().join("out").exists());
}

/// The newsroom project with a second article, `b`, that `a` links to; `b`'s English page
/// has a name of its own.
fn linked() -> Project {
    let p = newsroom();
    let link = "\n[[blocks]]\ntype = \"related\"\narticle = \"b\"\nkind = \"read\"\n\n[[blocks]]\ntype = \"related\"\nkey = \"elsewhere\"\nhref = \"https://other.example/fr/page\"\nlang = \"fr\"\nkind = \"watch\"\n";
    p.write("content/a.toml", &format!("{ARTICLE}{link}"));
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

#[test]
fn a_related_article_links_to_its_edition_in_the_same_language() {
    let p = linked();
    assert_eq!(build(&p, "out", None).0, 0);
    let en = p.read("out/en/a.html");
    assert!(
        en.contains(
            "<a href=\"https://news.example/en/london-summit.html\" dir=\"auto\">The London summit</a></p>"
        ),
        "{en}"
    );
    assert!(
        en.contains("<a href=\"https://other.example/fr/page\" hreflang=\"fr\" dir=\"auto\">Elsewhere</a>&#160;<span class=\"marker\">(in French)</span>"),
        "an external page's language is said: {en}"
    );
    let fr = p.read("out/fr/a.html");
    assert!(
        fr.contains(
            "<a href=\"https://news.example/fr/b.html\" dir=\"auto\">Le sommet de Londres</a></p>"
        ),
        "{fr}"
    );
    assert!(
        !fr.contains("class=\"marker\""),
        "no marker on a page in the link's language: {fr}"
    );
    assert!(p.read("out/en/a.txt").contains("The London summit"));
}

#[test]
fn a_related_article_follows_the_missing_policy() {
    let p = linked();
    std::fs::remove_file(p.path().join("locales/en/b.ftl")).unwrap();
    let o = p
        .gazette(&["build", "--missing", "fallback"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let en = p.read("out/en/a.html");
    assert!(
        en.contains("<a href=\"https://news.example/en/london-summit.html\" lang=\"fr\" dir=\"ltr\">Le sommet de Londres</a></p>"),
        "{en}"
    );
    let o = p.gazette(&["build", "--missing", "skip"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let en = p.read("out/en/a.html");
    assert!(
        !en.contains("b.html") && !en.contains("london-summit"),
        "the link is left out: {en}"
    );
}

#[test]
fn a_rebuild_follows_the_headline_of_a_linked_article() {
    let p = linked();
    assert_eq!(build(&p, "out", None).0, 0);
    p.write("locales/en/b.ftl", "title = The summit in London\n");
    assert_eq!(build(&p, "out", None).0, 0);
    assert!(p
        .read("out/en/a.html")
        .contains(">The summit in London</a>"));
    p.write(
        "content/b.toml",
        "date = 2025-03-02\n\n[slugs]\nen = \"summit-in-london\"\n",
    );
    assert_eq!(build(&p, "out", None).0, 0);
    assert!(p
        .read("out/en/a.html")
        .contains("/en/summit-in-london.html"));
    assert_eq!(build(&p, "full", None).0, 0);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
    // A linked article that goes is an error, also for the cached check.
    std::fs::remove_file(p.path().join("content/b.toml")).unwrap();
    let (code, _, stderr) = run(&p, &["check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("content/a.toml") && stderr.contains("line 15: block 2: article"),
        "{stderr}"
    );
    assert!(stderr.contains("`b` is not an article"), "{stderr}");
}

#[test]
fn a_localised_slug_names_the_page_its_alternates_sitemap_and_feed() {
    let p = linked();
    assert_eq!(build(&p, "out", None).0, 0);
    assert!(p.path().join("out/en/london-summit.html").exists());
    assert!(p.path().join("out/en/london-summit.txt").exists());
    assert!(!p.path().join("out/en/b.html").exists());
    let fr = p.read("out/fr/b.html");
    assert!(fr.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://news.example/en/london-summit.html\">"), "{fr}");
    let en = p.read("out/en/london-summit.html");
    assert!(
        en.contains("<link rel=\"canonical\" href=\"https://news.example/en/london-summit.html\">"),
        "{en}"
    );
    let sitemap = p.read("out/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://news.example/en/london-summit.html</loc>"),
        "{sitemap}"
    );
    assert!(p
        .read("out/en/feed.xml")
        .contains("https://news.example/en/london-summit.html"));
    assert!(p
        .read("out/en/index.html")
        .contains("href=\"london-summit.html\""));
}

/// The `<meta property|name=key>` contents of a page, in order.
pub(super) fn meta(page: &scraper::Html, key: &str) -> Vec<String> {
    let selector =
        scraper::Selector::parse(&format!("meta[property='{key}'], meta[name='{key}']")).unwrap();
    page.select(&selector)
        .map(|m| m.value().attr("content").unwrap().to_owned())
        .collect()
}

/// A page's JSON-LD, parsed.
pub(super) fn json_ld(page: &scraper::Html) -> serde_json::Value {
    let selector = scraper::Selector::parse("script[type='application/ld+json']").unwrap();
    let scripts: Vec<_> = page.select(&selector).collect();
    assert_eq!(scripts.len(), 1);
    serde_json::from_str(&scripts[0].text().collect::<String>()).unwrap()
}

#[test]
fn pages_carry_news_article_json_ld_and_open_graph_tags() {
    let p = with_media();
    p.write(
        "locales/fr/a.ftl",
        &p.read("locales/fr/a.ftl")
            .replace("Le chapeau.", "Le chapeau </script><b>."),
    );
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = scraper::Html::parse_document(&p.read("out/fr/a.html"));
    let en = scraper::Html::parse_document(&p.read("out/en/a.html"));
    let (fr_url, en_url) = (
        "https://news.example/fr/a.html",
        "https://news.example/en/a.html",
    );

    let ld = json_ld(&fr);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], "Une alliance de 31 pays");
    assert_eq!(
        ld["description"], "Le chapeau </script><b>.",
        "escaped in the page, whole once parsed"
    );
    assert_eq!(ld["inLanguage"], "fr");
    assert_eq!(ld["datePublished"], "2025-08-17T09:30:00+02:00");
    assert_eq!(ld["dateModified"], "2025-08-18T10:05:00+02:00");
    assert_eq!(ld["author"][1]["name"], "Tom Reyes");
    assert_eq!(ld["author"][1]["@type"], "Person");
    assert_eq!(ld["publisher"]["name"], "Le Journal");
    // The share card first (social networks show no SVG), then the figures as they are.
    let card = ld["image"][0]["url"].as_str().unwrap().to_owned();
    assert!(
        card.starts_with("https://news.example/images/_gen/") && card.ends_with("-1200x630.jpg"),
        "{card}"
    );
    assert_eq!(ld["image"][1]["url"], "https://news.example/images/map.svg");
    assert_eq!(
        (&ld["image"][1]["width"], &ld["image"][1]["height"]),
        (&640.into(), &360.into())
    );
    assert_eq!(ld["mainEntityOfPage"]["@id"], fr_url);
    assert_eq!(ld["workTranslation"][0]["@id"], en_url);
    assert_eq!(ld["workTranslation"][0]["inLanguage"], "en");
    assert!(ld.get("translationOfWork").is_none());
    let ld = json_ld(&en);
    assert_eq!(ld["translationOfWork"]["@id"], fr_url);
    assert_eq!(ld["headline"], "An alliance of 31 countries");
    assert_eq!(
        ld["publisher"]["name"], "Le Journal",
        "one publisher, named as the source language names it without [publisher]"
    );

    assert_eq!(meta(&fr, "og:locale"), ["fr_FR"]);
    assert_eq!(meta(&fr, "og:locale:alternate"), ["en_GB"]);
    assert_eq!(meta(&en, "og:locale"), ["en_GB"]);
    assert_eq!(meta(&en, "og:locale:alternate"), ["fr_FR"]);
    assert_eq!(meta(&en, "og:url"), [en_url]);
    assert_eq!(meta(&en, "og:title"), ["An alliance of 31 countries"]);
    assert_eq!(meta(&en, "og:type"), ["article"]);
    assert_eq!(meta(&en, "og:image"), [card]);
    assert_eq!(meta(&en, "og:image:alt"), ["Map (en)"]);
    assert_eq!(meta(&en, "article:tag"), ["ukraine", "défense"]);
    assert_eq!(meta(&en, "twitter:card"), ["summary_large_image"]);
    assert_eq!(
        meta(&fr, "twitter:description"),
        ["Le chapeau </script><b>."]
    );

    // Without pictures, nothing is named as the image.
    let p = newsroom();
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = scraper::Html::parse_document(&p.read("out/fr/a.html"));
    assert!(json_ld(&fr).get("image").is_none());
    assert!(meta(&fr, "og:image").is_empty());
    assert_eq!(meta(&fr, "twitter:card"), ["summary"]);
}

#[test]
fn atom_entries_carry_authors_categories_and_the_full_content() {
    use quick_xml::events::Event;
    let p = with_media();
    assert_eq!(build(&p, "out", None).0, 0);
    let feed = p.read("out/en/feed.xml");
    let mut reader = quick_xml::Reader::from_str(&feed);
    let (mut path, mut authors, mut terms, mut content) =
        (Vec::new(), Vec::new(), Vec::new(), String::new());
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => path.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap()),
            Event::Empty(e) if e.name().as_ref() == b"category" => {
                terms.push(
                    e.try_get_attribute("term")
                        .unwrap()
                        .unwrap()
                        .unescape_value()
                        .unwrap()
                        .into_owned(),
                );
            }
            Event::End(_) => {
                path.pop();
            }
            event @ (Event::Text(_) | Event::GeneralRef(_)) => {
                let text = match event {
                    Event::Text(t) => t.decode().unwrap().into_owned(),
                    Event::GeneralRef(r) => {
                        let name = r.decode().unwrap();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap()
                            .to_owned()
                    }
                    _ => unreachable!(),
                };
                match path.join("/").as_str() {
                    "feed/entry/author/name" => authors.push(text),
                    "feed/entry/content" => content.push_str(&text),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(authors, ["Claire Dumas", "Tom Reyes", "Ana Weber"]);
    assert_eq!(terms, ["ukraine", "défense"]);
    let body = scraper::Html::parse_fragment(&content);
    let selector = scraper::Selector::parse("p, figure img, video").unwrap();
    let parts: Vec<String> = body.select(&selector).map(|e| e.html()).collect();
    assert!(
        parts.iter().any(|p| p == "<p>The text, 2 times.</p>"),
        "{parts:?}"
    );
    assert!(
        parts
            .iter()
            .any(|p| p.contains("https://news.example/images/map.svg")),
        "{parts:?}"
    );
    assert!(parts.iter().any(|p| p.starts_with("<video")), "{parts:?}");
    // A reader that shows the content alone sees the whole article: the standfirst and the
    // update note first, then the body.
    let at = |text: &str| {
        content
            .find(text)
            .unwrap_or_else(|| panic!("no {text}: {content}"))
    };
    assert!(at("The standfirst.") < at("The number of countries was corrected."));
    assert!(at("The number of countries was corrected.") < at("The text, 2 times."));
    assert!(parts
        .iter()
        .any(|p| p.contains("<strong>The standfirst.</strong>")));
}

/// The whole output is the same bytes whatever the folder, the time or the threads.
#[test]
fn the_whole_output_is_reproducible() {
    let one = with_media();
    let two = with_media();
    assert_eq!(build(&one, "out", Some("1760000000")).0, 0);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let o = two
        .gazette(&["build", "--out", "elsewhere/site", "--jobs", "1"])
        .env("SOURCE_DATE_EPOCH", "1760000000")
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(
        tree(&one.path().join("out")),
        tree(&two.path().join("elsewhere/site"))
    );
}

fn with_site_strings(p: &Project) {
    for (lang, strings) in [
        ("fr", "text-photo =\n    Photo\u{a0}:\n    { $title }\ntext-video =\n    Vidéo\u{a0}:\n    { $title }\n    { $url }\ntext-related-read =\n    (Re)lire\u{a0}:\n    { $title }\n    { $url }\ntext-related-watch =\n    (Re)voir\u{a0}:\n    { $title }\n    { $url }\ntext-read-online = Lire en ligne\u{a0}: { $url }\n"),
        ("en", "text-photo =\n    Photo:\n    { $title }\ntext-video =\n    Video:\n    { $title }\n    { $url }\ntext-related-read =\n    Read more:\n    { $title }\n    { $url }\ntext-related-watch =\n    Watch:\n    { $title }\n    { $url }\ntext-read-online = Read online: { $url }\n"),
    ] {
        add_site_strings(p, lang, strings);
    }
}

/// Site strings added to the end of a language's `site.ftl`.
fn add_site_strings(p: &Project, lang: &str, strings: &str) {
    let ftl = p.read(&format!("locales/{lang}/site.ftl"));
    p.write(
        &format!("locales/{lang}/site.ftl"),
        &format!("{ftl}{strings}"),
    );
}

#[test]
fn the_text_edition_is_a_newsletter() {
    let p = linked();
    with_site_strings(&p);
    let with_video = "\n[[blocks]]\ntype = \"video\"\nkey = \"clip\"\nsrc = \"https://video.example/clip.webm\"\n";
    p.write(
        "content/a.toml",
        &format!(
            "section = \"monde\"\n{}{with_video}",
            p.read("content/a.toml")
        ),
    );
    for (lang, name) in [("fr", "Monde"), ("en", "World")] {
        let ftl = p.read(&format!("locales/{lang}/site.ftl"));
        p.write(
            &format!("locales/{lang}/site.ftl"),
            &format!("{ftl}section-monde = {name}\n"),
        );
    }
    for (lang, caption) in [
        ("fr", "Le sommet : la rencontre"),
        ("en", "The summit: the meeting"),
    ] {
        let ftl = p.read(&format!("locales/{lang}/a.ftl"));
        p.write(
            &format!("locales/{lang}/a.ftl"),
            &format!("{ftl}clip =\n    .alt = Clip\n    .caption = {caption}\n"),
        );
    }
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = p.read("out/fr/a.txt");
    let lines: Vec<&str> = fr.lines().collect();
    assert_eq!(lines[0], "Une alliance de 31 pays", "headline first");
    assert_eq!(
        lines[3],
        "Le Journal · Monde · Publié le 17\u{a0}août\u{a0}2025 à 09:30"
    );
    assert_eq!(lines[4], "Par Claire Dumas, Tom Reyes et Ana Weber");
    assert_eq!(
        lines[5],
        "Lire en ligne\u{a0}: https://news.example/fr/a.html"
    );
    assert!(
        fr.contains("\n(Re)lire\u{a0}:\nLe sommet de Londres\nhttps://news.example/fr/b.html\n"),
        "{fr}"
    );
    assert!(
        fr.contains(
            "\nVidéo\u{a0}:\nLe sommet : la rencontre\nhttps://news.example/fr/a.html#clip\n"
        ),
        "a video is a link to its place in the page, no quotation: {fr}"
    );
    assert!(!fr.contains("clip.webm"), "{fr}");
    let en = p.read("out/en/a.txt");
    assert!(
        en.contains("\nRead online: https://news.example/en/a.html\n"),
        "{en}"
    );
    assert!(
        en.contains(
            "\nRead more:\nThe London summit\nhttps://news.example/en/london-summit.html\n"
        ),
        "{en}"
    );
    assert!(
        en.contains("\nWatch:\nElsewhere (in French)\nhttps://other.example/fr/page\n"),
        "{en}"
    );
    for label in ["Photo:", "Video:", "Read more:", "Watch:"] {
        assert!(
            !en.lines().any(|l| l.starts_with(label) && l != label),
            "a label's line holds it alone: {en}"
        );
    }
}

/// A file of `static/` that did not change since the last build (taken by its stamp) keeps
/// its copy in `out/`, the same file; a copy edited in `out/` is made again, and the rebuild
/// equals a full build.
#[test]
fn unchanged_static_files_keep_their_copy_and_an_edited_copy_is_made_again() {
    use std::os::unix::fs::MetadataExt;
    let p = with_media();
    // Stamps are kept only for files that settled before the build began.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for file in [
        "images/map.svg",
        "images/poster.svg",
        "media/clip.webm",
        "CNAME",
    ] {
        let f = std::fs::File::options()
            .write(true)
            .open(p.path().join("static").join(file))
            .unwrap();
        f.set_modified(old).unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(build(&p, "out", None).0, 0);
    let inode = |f: &str| {
        std::fs::metadata(p.path().join("out").join(f))
            .unwrap()
            .ino()
    };
    let before = inode("media/clip.webm");
    let (code, stderr) = build(&p, "out", None);
    assert_eq!(code, 0);
    assert!(stderr.contains(": 0 files written to out"), "{stderr}");
    assert_eq!(inode("media/clip.webm"), before);
    // Its copy edited in out/ is made again.
    std::fs::write(p.path().join("out/media/clip.webm"), "tampered").unwrap();
    assert_eq!(build(&p, "out", None).0, 0);
    assert_eq!(build(&p, "full", None).0, 0);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
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

/// Indexes and feeds order articles by the instant they were published, whatever the offset
/// it was written with; the latest update is the last change, in whatever order it is listed.
#[test]
fn articles_are_ordered_by_instant() {
    let p = linked();
    // 09:30+02:00 is 07:30Z: b, at 08:00Z the same day, is the newer.
    p.write(
        "content/b.toml",
        "date = 2025-08-17T08:00:00Z\n\n[[updates]]\nat = 2025-08-19T09:00:00Z\nkey = \"late\"\n\n[[updates]]\nat = 2025-08-18T09:00:00Z\nkey = \"early\"\n",
    );
    for lang in ["fr", "en"] {
        p.write(
            &format!("locales/{lang}/b.ftl"),
            "title = B\nlate = Late.\nearly = Early.\n",
        );
    }
    assert_eq!(build(&p, "out", None).0, 0);
    let index = p.read("out/fr/index.html");
    assert!(
        index.find("b.html").unwrap() < index.find("a.html").unwrap(),
        "{index}"
    );
    let feed = p.read("out/fr/feed.xml");
    assert!(
        feed.find("/fr/b.html").unwrap() < feed.find("/fr/a.html").unwrap(),
        "{feed}"
    );
    assert!(
        feed.contains("<updated>2025-08-19T09:00:00+00:00</updated>"),
        "{feed}"
    );
    let page = scraper::Html::parse_document(&p.read("out/fr/b.html"));
    assert_eq!(json_ld(&page)["dateModified"], "2025-08-19T09:00:00+00:00");
}

/// Two articles that link to each other each get the other's headline, in a full build and
/// in a rebuild after one headline changes.
#[test]
fn articles_that_link_to_each_other() {
    let p = linked();
    p.write(
        "content/b.toml",
        "date = 2025-03-02\n\n[slugs]\nen = \"london-summit\"\n\n[[blocks]]\ntype = \"related\"\narticle = \"a\"\nkind = \"read\"\n",
    );
    assert_eq!(build(&p, "out", None).0, 0);
    let b = p.read("out/en/london-summit.html");
    assert!(
        b.contains("<a href=\"https://news.example/en/a.html\" dir=\"auto\">An alliance of 31 countries</a>"),
        "{b}"
    );
    assert!(p.read("out/en/a.html").contains(">The London summit</a>"));
    p.write(
        "locales/en/a.ftl",
        &p.read("locales/en/a.ftl")
            .replace("An alliance of", "A league of"),
    );
    assert_eq!(build(&p, "out", None).0, 0);
    assert!(p
        .read("out/en/london-summit.html")
        .contains(">A league of 31 countries</a>"));
    assert_eq!(build(&p, "full", None).0, 0);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}

/// A feed carries the newest 50 articles of its language, newest first: the archive stays
/// on the index page, and an old article's correction leaves the feed alone.
#[test]
fn a_feed_carries_the_newest_fifty_articles() {
    let p = newsroom();
    for day in 1..=55 {
        let slug = format!("d{day:02}");
        p.write(
            &format!("content/{slug}.toml"),
            &format!(
                "date = 2025-07-{:02}\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"body\"\n",
                day.min(31)
            ),
        );
        p.write(
            &format!("locales/fr/{slug}.ftl"),
            &format!("title = Jour {day}\nbody = Texte.\n"),
        );
        p.write(
            &format!("locales/en/{slug}.ftl"),
            &format!("title = Day {day}\nbody = Text.\n"),
        );
    }
    let (code, err) = build(&p, "out", None);
    assert_eq!(code, 0, "{err}");
    let feed = p.read("out/en/feed.xml");
    let titles: Vec<&str> = feed
        .split("<entry>")
        .skip(1)
        .map(|e| {
            e.split("<title>")
                .nth(1)
                .unwrap()
                .split("</title>")
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(titles.len(), 50, "{titles:?}");
    // Article `a` (17 August) first, then the days of July from the 31st (the 31st to the
    // 55th share it, by slug), down to the oldest kept.
    assert!(titles[0].starts_with("An alliance of"), "{titles:?}");
    assert_eq!(titles[1], "Day 31");
    assert_eq!(titles[49], "Day 7");
    assert!(
        !feed.contains("Day 6<"),
        "the oldest articles stay out of the feed"
    );
    // The index keeps every article.
    assert!(p.read("out/en/index.html").contains("Day 1<"));
}

/// A translated edition says so, on the page, in the text edition, in its feed entry and in
/// its JSON-LD, naming its translators when the content file does; the source edition does
/// not. The source language's name is the edition's `language-from-<source>` site string
/// (the form its sentence needs), else CLDR's.
#[test]
fn a_translation_discloses_its_source_language_and_translators() {
    let p = newsroom();
    for (lang, strings) in [
        ("fr", "translated-from = Traduit { $language }\ntranslated-from-by = Traduit { $language } par { $translators }\nlanguage-from-fr = du français\n"),
        ("en", "translated-from = Translated from { $language }\ntranslated-from-by = Translated from { $language } by { $translators }\nlanguage-from-fr = the French\n"),
    ] {
        add_site_strings(&p, lang, strings);
    }
    p.write(
        "content/a.toml",
        &format!("{ARTICLE}\n[translators]\nen = [\"Ann Lee\", \"Bo Chen\"]\n"),
    );
    assert_eq!(build(&p, "out", None).0, 0);
    let line = "Translated from the French by Ann Lee and Bo Chen";
    let en = p.read("out/en/a.html");
    assert!(
        en.contains(&format!("<p class=\"translation\">{line}</p>")),
        "{en}"
    );
    let ld = json_ld(&scraper::Html::parse_document(&en));
    assert_eq!(
        ld["translator"],
        serde_json::json!([
            { "@type": "Person", "name": "Ann Lee" },
            { "@type": "Person", "name": "Bo Chen" }
        ])
    );
    assert!(
        p.read("out/en/a.txt").contains(&format!("\n{line}\n")),
        "text edition"
    );
    assert!(
        p.read("out/en/feed.xml")
            .contains(&format!("&lt;p&gt;{line}&lt;/p&gt;")),
        "feed entry"
    );
    let fr = p.read("out/fr/a.html");
    assert!(!fr.contains("Traduit") && !fr.contains("class=\"translation\""));
    assert!(json_ld(&scraper::Html::parse_document(&fr))
        .get("translator")
        .is_none());
    assert!(!p.read("out/fr/a.txt").contains("Traduit"));

    // No translator named: the line still says it is a translation; no `language-from-fr`:
    // the language as CLDR names it.
    p.write("content/a.toml", ARTICLE);
    for (lang, name) in [("fr", "du français"), ("en", "the French")] {
        let ftl = p.read(&format!("locales/{lang}/site.ftl"));
        let without = ftl.replace(&format!("language-from-fr = {name}\n"), "");
        p.write(&format!("locales/{lang}/site.ftl"), &without);
    }
    assert_eq!(build(&p, "out", None).0, 0);
    let en = p.read("out/en/a.html");
    assert!(
        en.contains("<p class=\"translation\">Translated from French</p>"),
        "{en}"
    );
    assert!(json_ld(&scraper::Html::parse_document(&en))
        .get("translator")
        .is_none());
}

/// Each edition tells the time in its own zone, named when it is not the source's, with its
/// language's own clock; the instant in metadata and feeds stays as the newsroom wrote it.
#[test]
fn each_edition_tells_the_time_in_its_zone_with_its_own_clock() {
    let p = newsroom();
    p.write(
        "gazette.toml",
        "base_url = \"https://news.example\"\ntime_zone = \"Europe/Paris\"\n[format_locales]\nen = \"en-GB\"\n[time_zones]\nen = \"Europe/London\"\n",
    );
    for (lang, time) in [
        ("fr", "time = { $hour } h { $minute }\n"),
        ("en", "time = { $hour }:{ $minute }\n"),
    ] {
        add_site_strings(&p, lang, time);
    }
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = p.read("out/fr/a.html");
    assert!(
        fr.contains(">Publié le 17\u{a0}août\u{a0}2025 à 9 h 30</time>"),
        "{fr}"
    );
    assert!(fr.contains("Mis à jour le <time datetime=\"2025-08-18T10:05:00+02:00\">18\u{a0}août\u{a0}2025 à 10 h 05</time>\u{a0}:"));
    let en = p.read("out/en/a.html");
    assert!(
        en.contains("<time datetime=\"2025-08-17T09:30:00+02:00\">Published on 17\u{a0}August\u{a0}2025 at 8:30\u{a0}BST</time>"),
        "{en}"
    );
    assert!(
        en.contains("Updated on <time datetime=\"2025-08-18T10:05:00+02:00\">18\u{a0}August\u{a0}2025 at 9:05\u{a0}BST</time>: "),
        "{en}"
    );
    assert!(p
        .read("out/en/index.html")
        .contains(">17\u{a0}August\u{a0}2025 at 8:30\u{a0}BST</time>"));
    assert!(p
        .read("out/en/feed.xml")
        .contains("<published>2025-08-17T09:30:00+02:00</published>"));
    // The text edition never breaks a line inside a date.
    let text = p.read("out/en/a.txt");
    assert!(
        text.contains("17\u{a0}August\u{a0}2025 at 8:30\u{a0}BST"),
        "{text}"
    );

    // A zone the tz database lacks is refused, naming the line and the nearest zone.
    p.write(
        "gazette.toml",
        "time_zone = \"Europe/Paris\"\n[time_zones]\nen = \"Europe/Lodnon\"\n",
    );
    let (code, stderr) = build(&p, "out", None);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("gazette.toml: line 3: time_zones.en: `Europe/Lodnon` is not a time zone of the tz database: did you mean `Europe/London`?"),
        "{stderr}"
    );
    p.write("gazette.toml", "[time_zones]\nfr = \"Europe/Paris\"\n");
    let (code, stderr) = build(&p, "out", None);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("time_zones.fr: the source language's zone is `time_zone`"),
        "{stderr}"
    );
}

/// The newsroom project whose article `a` links into the site twice: a related block's
/// `href` (French) and a link in the English text.
fn linking(related: &str, inline: &str) -> Project {
    let p = newsroom();
    let block = format!(
        "\n[[blocks]]\ntype = \"related\"\nkey = \"more\"\nhref = \"{related}\"\nkind = \"read\"\n"
    );
    p.write("content/a.toml", &format!("{ARTICLE}{block}"));
    for (lang, text) in [("fr", "Pour aller plus loin"), ("en", "Further reading")] {
        let ftl = p.read(&format!("locales/{lang}/a.ftl"));
        p.write(
            &format!("locales/{lang}/a.ftl"),
            &format!("{ftl}more = {text}\n"),
        );
    }
    let en = p.read("locales/en/a.ftl").replace(
        "body = The text, { $count } times.",
        &format!("body = The text, {{ $count }} times, <a href=\"{inline}\">again</a>."),
    );
    p.write("locales/en/a.ftl", &en);
    p
}

/// `broken-link`: a link under `base_url` that no page of the build answers fails `check`
/// and `build` (exit 1), at the line that writes it, in every report format.
#[test]
fn a_link_into_the_site_that_no_page_answers_is_an_error() {
    let p = linking(
        "https://news.example/fr/guerre-en-ukraine",
        "https://news.example/en/a",
    );
    let href_line = 1 + p
        .read("content/a.toml")
        .lines()
        .position(|l| l.starts_with("href ="))
        .unwrap();
    let broken = findings(&p, "broken-link");
    let at: Vec<_> = broken
        .iter()
        .map(|d| {
            (
                d["severity"].clone(),
                d["locale"].clone(),
                d["file"].clone(),
                d["line"].clone(),
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            (
                "error".into(),
                "fr".into(),
                "content/a.toml".into(),
                href_line.into()
            ),
            (
                "error".into(),
                "en".into(),
                "locales/en/a.ftl".into(),
                3.into()
            ),
        ],
        "{broken:#?}"
    );
    assert_eq!(broken[1]["id"], "body");
    assert_eq!(broken[1]["help"], "did you mean `/en/a.html`?");

    let (code, out, _) = run(&p, &["check"]);
    assert_eq!(code, 1);
    assert!(out.contains("error[broken-link]: `https://news.example/fr/guerre-en-ukraine` leads to no page of the site"), "{out}");
    assert!(
        out.contains(&format!("--> content/a.toml:{href_line}:1\n")),
        "{out}"
    );
    assert!(out.contains("--> locales/en/a.ftl:3:1\n"), "{out}");
    let (code, out, _) = run(&p, &["check", "--format", "github"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("::error file=content/a.toml,line={href_line}")),
        "{out}"
    );
    let (code, out, _) = run(&p, &["check", "--format", "sarif"]);
    assert_eq!(code, 1);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules = &sarif["runs"][0]["tool"]["driver"]["rules"];
    let rule = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "broken-link");
    assert!(
        rule.is_some_and(|r| r["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("no page of the build")),
        "{rules}"
    );
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!p.path().join("out").exists());
}

/// A link to a file of `static/`, to an article's page or to a language's index is clean.
#[test]
fn links_to_a_static_file_or_a_page_of_the_site_are_clean() {
    let p = linking(
        "https://news.example/docs/report.pdf",
        "https://news.example/en/a.html#top",
    );
    p.write("static/docs/report.pdf", "%PDF-1.4\n");
    assert_eq!(findings(&p, "broken-link"), Vec::<serde_json::Value>::new());
    let en = p.read("locales/en/a.ftl").replace("en/a.html#top", "en/");
    p.write("locales/en/a.ftl", &en);
    let (code, out, _) = run(&p, &["check"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(build(&p, "out", None).0, 0);
}

/// An article kept from the last build has its links judged against the site as it is now:
/// the page it links to is gone with its article, and the link is reported.
#[test]
fn a_link_to_a_deleted_article_is_reported_though_its_article_did_not_change() {
    let p = linking(
        "https://news.example/fr/b.html",
        "https://news.example/en/london-summit.html",
    );
    p.write(
        "content/b.toml",
        "date = 2025-03-02\n\n[slugs]\nen = \"london-summit\"\n",
    );
    p.write("locales/fr/b.ftl", "title = Le sommet de Londres\n");
    p.write("locales/en/b.ftl", "title = The London summit\n");
    assert_eq!(build(&p, "out", None).0, 0);
    for file in ["content/b.toml", "locales/fr/b.ftl", "locales/en/b.ftl"] {
        std::fs::remove_file(p.path().join(file)).unwrap();
    }
    let broken = findings(&p, "broken-link");
    assert_eq!(broken.len(), 2, "{broken:#?}");
    assert_eq!(build(&p, "out", None).0, 1);
}

/// A draft publishes no page: a link to it is reported; once it is published, it answers.
#[test]
fn a_link_to_a_draft_is_broken_until_it_is_published() {
    let p = linking(
        "https://news.example/fr/b.html",
        "https://news.example/en/a.html",
    );
    p.write("content/b.toml", "date = 2025-03-02\ndraft = true\n");
    p.write("locales/fr/b.ftl", "title = Le sommet de Londres\n");
    p.write("locales/en/b.ftl", "title = The London summit\n");
    let broken = findings(&p, "broken-link");
    assert_eq!(broken.len(), 1, "{broken:#?}");
    assert_eq!(broken[0]["file"], "content/a.toml");
    p.write("content/b.toml", "date = 2025-03-02\n");
    assert_eq!(findings(&p, "broken-link"), Vec::<serde_json::Value>::new());
}

/// Every page names the language picker as its `x-default` alternate, and so does the
/// sitemap, where the picker is listed; the picker is in no one language.
#[test]
fn the_language_picker_is_every_pages_x_default() {
    let p = newsroom();
    assert_eq!(build(&p, "out", None).0, 0);
    let x_default =
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://news.example/\">";
    for page in [
        "out/fr/a.html",
        "out/en/a.html",
        "out/fr/index.html",
        "out/en/index.html",
        "out/index.html",
    ] {
        let html = p.read(page);
        assert_eq!(
            html.matches("hreflang=\"x-default\"").count(),
            1,
            "{page}: {html}"
        );
        assert!(html.contains(x_default), "{page}: {html}");
    }
    let picker = p.read("out/index.html");
    assert!(
        picker.contains("<html lang=\"mul\" dir=\"ltr\">"),
        "{picker}"
    );
    assert!(picker.contains("<title>Le Journal</title>"), "{picker}");
    assert!(
        picker.contains("<span lang=\"fr\" dir=\"ltr\">Choisir la langue</span> · <span lang=\"en\" dir=\"ltr\">Choose a language</span>"),
        "each language asks in its own words: {picker}"
    );
    assert!(
        picker.contains("lang=\"fr\" dir=\"ltr\">Français</a>"),
        "{picker}"
    );
    assert!(
        picker.contains("lang=\"en\" dir=\"ltr\">English</a>"),
        "{picker}"
    );

    let sitemap = p.read("out/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://news.example/</loc>"),
        "{sitemap}"
    );
    let defaults: Vec<&str> = sitemap
        .lines()
        .filter(|l| l.contains("hreflang=\"x-default\""))
        .collect();
    // Four entries (the picker, two indexes, two editions of `a`): one x-default each.
    assert_eq!(defaults.len(), 5, "{sitemap}");
    assert!(
        defaults
            .iter()
            .all(|l| l.contains("href=\"https://news.example/\"")),
        "{sitemap}"
    );
}

/// The newsroom with `[publisher]`, an author's page, tags named in each language and a
/// video.
fn published() -> Project {
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

/// JSON-LD names one publisher in every language (its `@id`, brand name and logo), an
/// author's page, the tags as each language names them, and each video as a `VideoObject`;
/// Open Graph and Atom name the tags the same way.
#[test]
fn json_ld_names_one_publisher_authors_pages_local_tags_and_videos() {
    let p = published();
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = json_ld(&scraper::Html::parse_document(&p.read("out/fr/a.html")));
    let en_page = scraper::Html::parse_document(&p.read("out/en/a.html"));
    let en = json_ld(&en_page);
    for ld in [&fr, &en] {
        assert_eq!(ld["publisher"]["@id"], "https://news.example/#publisher");
        assert_eq!(ld["publisher"]["name"], "Journal");
        assert_eq!(ld["publisher"]["logo"]["@type"], "ImageObject");
        assert_eq!(
            ld["publisher"]["logo"]["url"],
            "https://news.example/images/logo.png"
        );
        assert_eq!(
            ld["author"][0],
            serde_json::json!({ "@type": "Person", "name": "Claire Dumas" })
        );
        assert_eq!(
            ld["author"][1]["url"],
            "https://news.example/authors/tom-reyes"
        );
    }
    assert_eq!(
        fr["keywords"],
        serde_json::json!(["Ukraine (fr)", "défense"])
    );
    assert_eq!(
        en["keywords"],
        serde_json::json!(["Ukraine (en)", "défense"])
    );
    assert_eq!(meta(&en_page, "article:tag"), ["Ukraine (en)", "défense"]);
    assert_eq!(
        en["video"],
        serde_json::json!([{
            "@type": "VideoObject",
            "name": "Caption (en)",
            "description": "Map (en)",
            "thumbnailUrl": "https://news.example/images/poster.svg",
            "contentUrl": "https://news.example/media/clip.webm",
            "uploadDate": "2025-08-17T09:30:00+02:00",
        }])
    );
    let feed = p.read("out/en/feed.xml");
    assert!(
        feed.contains("<category term=\"ukraine\" label=\"Ukraine (en)\"/>"),
        "{feed}"
    );
    assert!(
        feed.contains(
            "<name>Tom Reyes</name>\n      <uri>https://news.example/authors/tom-reyes</uri>"
        ),
        "{feed}"
    );
    assert_eq!(build(&p, "out", None).0, 0);
}

/// A logo that is no file of `static/` is a `missing-asset` at its line of gazette.toml.
#[test]
fn a_missing_logo_is_a_missing_asset() {
    let p = published();
    std::fs::remove_file(p.path().join("static/images/logo.png")).unwrap();
    let found = findings(&p, "missing-asset");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["file"], "gazette.toml");
    assert_eq!(found[0]["line"], 6);
    let (code, _, _) = run(&p, &["check"]);
    assert_eq!(code, 1);
}

/// A headline is formatted with its own `title_args` alone, as its pages are: a variable that
/// only a block passes is a `format-error` at the headline's line, in every language, and the
/// build refuses, rather than publish `{$count}` in the `<h1>`.
#[test]
fn a_headline_variable_only_a_block_passes_is_an_error() {
    let p = newsroom();
    p.write(
        "content/a.toml",
        &ARTICLE.replace("title_args = { count = 31 }\n", ""),
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
