//! The listing pages: each language's index, the language picker at the root, the Atom feeds
//! and the sitemap — their order, alternates, `x-default`, and what a missing `base_url`
//! leaves out.

use super::support::{build, json_ld, linked, newsroom, with_media, Project};

#[test]
fn index_lists_articles_newest_first_with_date_and_standfirst() {
    let p = Project::fixture("publish");
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    let index = p.read("out/fr/index.html");
    let newer = index.find("Le plus récent").unwrap();
    let older = index.find("Le plus ancien").unwrap();
    assert!(newer < older, "newest first");
    assert!(index.contains("<time datetime=\"2025-01-10\">10\u{a0}janvier\u{a0}2025</time>"));
    assert!(index.contains("Un chapeau."));
    assert!(index.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    let de = p.read("out/de/index.html");
    assert!(de.contains("<time datetime=\"2025-03-05\">5.\u{a0}März\u{a0}2025</time>"));
}

#[test]
fn language_picker_names_each_language_in_itself() {
    let p = Project::fixture("publish");
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    let picker = p.read("out/index.html");
    assert!(picker.contains(
        "<a href=\"https://news.example/fr/index.html\" hreflang=\"fr\" lang=\"fr\" dir=\"ltr\">Français</a>"
    ));
    assert!(picker.contains(
        "<a href=\"https://news.example/de/index.html\" hreflang=\"de\" lang=\"de\" dir=\"ltr\">Deutsch</a>"
    ));
}

#[test]
fn atom_feed_is_complete_and_reproducible() {
    let p = Project::fixture("publish");
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    let feed = p.read("out/de/feed.xml");
    for part in [
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">",
        "<id>https://news.example/de/feed.xml</id>",
        "<updated>2025-03-05T00:00:00Z</updated>",
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://news.example/de/feed.xml\"/>",
        "<id>https://news.example/de/older.html</id>",
        "<summary>Ein Vorspann.</summary>",
    ] {
        assert!(feed.contains(part), "{part} not in {feed}");
    }
    assert!(feed.find("newer.html").unwrap() < feed.find("older.html").unwrap());
}

#[test]
fn sitemap_has_reciprocal_hreflang_and_x_default() {
    let p = Project::fixture("publish");
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    let sitemap = p.read("out/sitemap.xml");
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    let block = |loc: &str| -> String {
        let start = sitemap.find(&format!("<loc>{loc}</loc>")).unwrap();
        sitemap[start..sitemap[start..].find("</url>").unwrap() + start].to_owned()
    };
    for lang in ["fr", "de"] {
        let b = block(&format!("https://news.example/{lang}/older.html"));
        for alt in ["fr", "de"] {
            assert!(b.contains(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"https://news.example/{alt}/older.html\"/>"
            )));
        }
        // The language picker, for a reader of none of the languages.
        assert!(b.contains("hreflang=\"x-default\" href=\"https://news.example/\""));
        assert!(b.contains("<lastmod>2025-01-10</lastmod>"));
    }
}

#[test]
fn without_base_url_no_feed_or_sitemap_and_a_warning_says_why() {
    let p = Project::fixture("publish");
    p.write("gazette.toml", "");
    let out = p
        .gazette(&["build", "--missing", "fallback"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[missing-base-url]: `base_url` is not set: the site is built without Atom feeds, without a sitemap"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("base_url").count(), 2, "told once: {stderr}");
    assert!(!p.path().join("out/sitemap.xml").exists());
    assert!(!p.path().join("out/fr/feed.xml").exists());
    assert!(p
        .read("out/de/older.html")
        .contains("<link rel=\"canonical\" href=\"older.html\">"));
    assert!(p
        .read("out/de/older.html")
        .contains("href=\"../fr/older.html\""));
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
