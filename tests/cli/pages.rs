//! An article's page and its text edition, beyond the article's text: the text edition's
//! labels, links and footer (a newsletter); the page's update note, credits, video sources,
//! footer (with the newest articles), feed links and a translation's disclosure.

use super::support::{
    add_site_strings, build, built_sample, json_ld, linked, newsroom, run, sample_page, Project,
    NEWSROOM_ARTICLE,
};

const BASE: &str = "https://www.gazette.example";

/// The lines of `text` from the one equal to `first` on, as many as `next` has.
fn lines_from<'t>(text: &'t str, first: &str, count: usize) -> Vec<&'t str> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == first)
        .unwrap_or_else(|| panic!("no line {first:?} in:\n{text}"));
    lines[at..(at + count).min(lines.len())].to_vec()
}

#[test]
fn the_text_edition_labels_figures_by_kind_with_their_image_url() {
    let p = built_sample();
    let fr = p.read(&format!("out/fr/{}.txt", sample_page("fr")));
    // The caption, then the URL, then the block's end.
    let figure = |label: &str| {
        let lines = lines_from(&fr, label, 12);
        let end = lines.iter().position(|l| l.is_empty()).unwrap();
        lines[..end].to_vec()
    };
    let illustration = figure("  | Illustration\u{a0}:");
    assert!(
        illustration[1].starts_with("  | Les drapeaux"),
        "{illustration:#?}"
    );
    assert_eq!(
        illustration.last(),
        Some(&"  | https://www.gazette.example/images/northwood.svg"),
        "the image's URL on the line after its caption: {illustration:#?}"
    );
    let chart = figure("  | Graphique\u{a0}:");
    assert!(chart[1].starts_with("  | Les 31 pays"), "{chart:#?}");
    assert_eq!(
        chart.last(),
        Some(&"  | https://www.gazette.example/images/coalition-map.svg")
    );
    assert!(
        !fr.contains("Photo\u{a0}:"),
        "no figure of the sample is a photo: {fr}"
    );
    for (lang, chart) in [("en", "  | Chart:"), ("de", "  | Grafik:")] {
        let text = p.read(&format!("out/{lang}/{}.txt", sample_page(lang)));
        assert!(text.lines().any(|l| l == chart), "{text}");
    }
}

#[test]
fn the_text_edition_links_a_video_to_its_place_in_the_page() {
    let p = built_sample();
    for (lang, label) in [("fr", "Vidéo\u{a0}:"), ("en", "Video:"), ("de", "Video:")] {
        let text = p.read(&format!("out/{lang}/{}.txt", sample_page(lang)));
        assert!(!text.contains(".webm"), "never the raw video file: {text}");
        assert!(!text.contains(".mp4"), "never the raw video file: {text}");
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with("  >") || l.starts_with('>')),
            "a video is no quotation: {text}"
        );
        let video = lines_from(&text, label, 6);
        let link = format!(
            "{BASE}/{lang}/{}.html#video-anchorage-summit",
            sample_page(lang)
        );
        assert!(video.contains(&link.as_str()), "{video:#?}");
        let html = p.read(&format!("out/{lang}/{}.html", sample_page(lang)));
        assert!(
            html.contains("<figure id=\"video-anchorage-summit\">\n<video"),
            "the link's target is the video's figure"
        );
    }
}

#[test]
fn the_text_edition_ends_with_the_site_and_its_feed() {
    let p = built_sample();
    for (lang, site, feed) in [
        ("fr", "La Gazette", "Fil Atom\u{a0}:"),
        ("en", "The Gazette", "Atom feed:"),
        ("de", "Die Gazette", "Atom-Feed:"),
    ] {
        let text = p.read(&format!("out/{lang}/{}.txt", sample_page(lang)));
        let last: Vec<&str> = text.lines().rev().take(3).collect();
        assert_eq!(
            last,
            [
                format!("{feed} {BASE}/{lang}/feed.xml").as_str(),
                format!("{site} · {BASE}/{lang}/index.html").as_str(),
                "-".repeat(72).as_str(),
            ],
            "{text}"
        );
    }
}

#[test]
fn the_update_note_stands_apart_with_its_time_alone_in_time() {
    let p = built_sample();
    let fr = p.read(&format!("out/fr/{}.html", sample_page("fr")));
    let doc = scraper::Html::parse_document(&fr);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let notes: Vec<_> = doc.select(&select("div.updates[role=note] p")).collect();
    assert_eq!(notes.len(), 1, "{fr}");
    let time = notes[0].select(&select("time")).next().expect("a <time>");
    assert_eq!(
        time.value().attr("datetime"),
        Some("2025-08-17T18:40:00+02:00")
    );
    let time_text: String = time.text().collect();
    assert!(time_text.starts_with("17"), "{time_text}");
    assert!(
        time_text.contains("18") && !time_text.to_lowercase().contains("ajout"),
        "the time alone: {time_text}"
    );
    let note: String = notes[0].text().collect();
    assert!(note.starts_with("Mis à jour le 17"), "{note}");
    assert!(
        note.len() > time_text.len() + 20,
        "the note is outside <time>: {note}"
    );
    assert!(
        doc.select(&select(
            "article > header time[datetime^=\"2025-08-17T18\"]"
        ))
        .next()
        .is_none(),
        "the note is not in the article's heading"
    );
}

#[test]
fn figures_and_videos_carry_their_credits_in_the_page_language() {
    let p = built_sample();
    for (lang, illustration, chart, video) in [
        (
            "fr",
            "Illustration\u{a0}: Lucie Ferrand",
            "Infographie\u{a0}: Lucie Ferrand",
            "Vidéo\u{a0}: Karim Benali",
        ),
        (
            "en",
            "Illustration: Lucie Ferrand",
            "Graphic: Lucie Ferrand",
            "Video: Karim Benali",
        ),
        (
            "de",
            "Illustration: Lucie Ferrand",
            "Grafik: Lucie Ferrand",
            "Video: Karim Benali",
        ),
    ] {
        let html = p.read(&format!("out/{lang}/{}.html", sample_page(lang)));
        let doc = scraper::Html::parse_document(&html);
        let selector = scraper::Selector::parse("figcaption .credit").unwrap();
        let credits: Vec<String> = doc.select(&selector).map(|e| e.text().collect()).collect();
        assert_eq!(credits, [illustration, chart, video], "{lang}");
    }
}

#[test]
fn a_video_offers_each_of_its_sources_in_order() {
    let p = built_sample();
    let html = p.read(&format!("out/en/{}.html", sample_page("en")));
    let start = html.find("<video").unwrap();
    let video = &html[start..start + html[start..].find("</video>").unwrap()];
    assert!(
        !video.contains(" src=\"https://www.gazette.example/media/sommet-anchorage.webm\" poster"),
        "{video}"
    );
    let mp4 = video
        .find("<source src=\"https://www.gazette.example/media/sommet-anchorage.mp4\" type=\"video/mp4\">")
        .expect("the MP4");
    let webm = video
        .find("<source src=\"https://www.gazette.example/media/sommet-anchorage.webm\" type=\"video/webm\">")
        .expect("the WebM");
    assert!(mp4 < webm, "the content file's order: {video}");
    assert!(p.path().join("out/media/sommet-anchorage.mp4").is_file());
}

#[test]
fn a_source_of_another_type_than_video_is_refused_naming_its_line() {
    let p = Project::sample();
    let file = "content/coalition-des-volontaires.toml";
    p.write(
        file,
        &p.read(file)
            .replace("type = \"video/mp4\"", "type = \"mp4\""),
    );
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(file)
            && stderr.contains("sources[1].type: `mp4` is not a video media type"),
        "{stderr}"
    );
}

#[test]
fn every_page_links_home_the_feed_and_the_legal_notice() {
    let p = built_sample();
    // Each edition links to the legal notice in its own language, and only to it.
    for (lang, legal, page) in [
        ("fr", "Mentions légales", "mentions-legales.html"),
        ("en", "Legal notice", "legal-notice.html"),
        ("de", "Impressum", "impressum.html"),
    ] {
        let html = p.read(&format!("out/{lang}/{}.html", sample_page(lang)));
        let doc = scraper::Html::parse_document(&html);
        let selector =
            scraper::Selector::parse("body > footer > p a, body > footer > ul a").unwrap();
        let links: Vec<(String, String, Option<&str>)> = doc
            .select(&selector)
            .map(|a| {
                let v = a.value();
                (
                    a.text().collect(),
                    v.attr("href").unwrap().to_owned(),
                    v.attr("hreflang"),
                )
            })
            .collect();
        assert_eq!(links.len(), 3, "{links:?}");
        assert_eq!(links[0].1, format!("{BASE}/{lang}/index.html"));
        assert_eq!(links[1].1, format!("{BASE}/{lang}/feed.xml"));
        assert_eq!(
            (links[2].0.as_str(), links[2].1.as_str(), links[2].2),
            (legal, format!("{BASE}/{page}").as_str(), None)
        );
        assert!(p.path().join("out").join(page).is_file());
    }
}

/// A link as a test sees it: its text, `href` and `lang`.
type Link = (String, String, Option<String>);

/// The label of a page's footer list of the newest articles, and its links.
fn latest_in_footer(html: &str) -> (Option<String>, Vec<Link>) {
    let doc = scraper::Html::parse_document(html);
    let nav = scraper::Selector::parse("body > footer > nav.latest").unwrap();
    let Some(nav) = doc.select(&nav).next() else {
        return (None, Vec::new());
    };
    let links = scraper::Selector::parse("li > a").unwrap();
    let links = nav
        .select(&links)
        .map(|a| {
            let v = a.value();
            let href = v.attr("href").unwrap().to_owned();
            (a.text().collect(), href, v.attr("lang").map(str::to_owned))
        })
        .collect();
    (nav.value().attr("aria-label").map(str::to_owned), links)
}

/// Articles added to the `publish` fixture (`older`, 2025-01-10; `newer`, 2025-03-05): `mid`
/// in French only, `latest` the newest published, a newer draft and a newer one under
/// embargo, neither of them published.
fn newsroom_of_six() -> Project {
    let p = Project::fixture("publish");
    let body = "\n[[blocks]]\ntype = \"paragraph\"\nkey = \"body\"\n";
    for (slug, meta, fr, de) in [
        ("mid", "date = 2025-02-01\n", "Au milieu", None),
        (
            "latest",
            "date = 2025-03-20\n",
            "Le dernier",
            Some("Der Letzte"),
        ),
        (
            "draft",
            "date = 2025-04-01\ndraft = true\n",
            "Brouillon",
            Some("Entwurf"),
        ),
        (
            "held",
            "date = 2025-04-02\nembargo = 2099-01-01T00:00:00Z\n",
            "Sous embargo",
            Some("Gesperrt"),
        ),
    ] {
        p.write(&format!("content/{slug}.toml"), &format!("{meta}{body}"));
        p.write(
            &format!("locales/fr/{slug}.ftl"),
            &format!("title = {fr}\nbody = Un paragraphe.\n"),
        );
        if let Some(de) = de {
            p.write(
                &format!("locales/de/{slug}.ftl"),
                &format!("title = {de}\nbody = Ein Absatz.\n"),
            );
        }
    }
    p
}

#[test]
fn a_pages_footer_lists_the_newest_other_articles_of_its_language() {
    let p = newsroom_of_six();
    let url = |lang: &str, page: &str| format!("https://news.example/{lang}/{page}.html");
    let link = |title: &str, lang: &str, page: &str, shown: Option<&str>| {
        (title.to_owned(), url(lang, page), shown.map(str::to_owned))
    };
    let (code, _, stderr) = run(&p, &["build", "--missing", "skip"]);
    assert_eq!(code, 0, "{stderr}");
    // The three newest published, newest first, in the page's language: no draft, nothing
    // under embargo, never the page's own article.
    let (label, links) = latest_in_footer(&p.read("out/fr/older.html"));
    assert_eq!(label.as_deref(), Some("Derniers articles"));
    assert_eq!(
        links,
        [
            link("Le dernier", "fr", "latest", None),
            link("Le plus récent", "fr", "newer", None),
            link("Au milieu", "fr", "mid", None),
        ]
    );
    let (_, links) = latest_in_footer(&p.read("out/fr/latest.html"));
    assert_eq!(
        links,
        [
            link("Le plus récent", "fr", "newer", None),
            link("Au milieu", "fr", "mid", None),
            link("Le plus ancien", "fr", "older", None),
        ]
    );
    // `--missing skip`: articles without a German edition (`newer` lacks a message, `mid`
    // its file) are in no German footer.
    let (label, links) = latest_in_footer(&p.read("out/de/older.html"));
    assert_eq!(label.as_deref(), Some("Neueste Artikel"));
    assert_eq!(links, [link("Der Letzte", "de", "latest", None)]);
    // `--missing fallback`: they are, a headline shown in French saying so.
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 0, "{stderr}");
    let (_, links) = latest_in_footer(&p.read("out/de/older.html"));
    assert_eq!(
        links,
        [
            link("Der Letzte", "de", "latest", None),
            link("Der Neueste", "de", "newer", None),
            link("Au milieu", "de", "mid", Some("fr")),
        ]
    );

    // `[footer] latest` sets how many; 0, none and no list at all.
    let config = p.read("gazette.toml");
    p.write("gazette.toml", &format!("{config}\n[footer]\nlatest = 1\n"));
    assert_eq!(run(&p, &["build", "--missing", "fallback"]).0, 0);
    let (_, links) = latest_in_footer(&p.read("out/de/latest.html"));
    assert_eq!(links, [link("Der Neueste", "de", "newer", None)]);
    p.write("gazette.toml", &format!("{config}\n[footer]\nlatest = 0\n"));
    assert_eq!(run(&p, &["build", "--missing", "skip"]).0, 0);
    let html = p.read("out/fr/older.html");
    assert_eq!(latest_in_footer(&html), (None, Vec::new()), "{html}");
    p.write(
        "gazette.toml",
        &format!("{config}\n[footer]\nlatest = -1\n"),
    );
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("gazette.toml") && stderr.contains("latest"),
        "{stderr}"
    );
}

#[test]
fn every_page_names_its_feed_for_autodiscovery() {
    let p = built_sample();
    let discovery = |lang: &str| {
        format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{BASE}/{lang}/feed.xml\">",
            match lang {
                "fr" => "La Gazette",
                "en" => "The Gazette",
                _ => "Die Gazette",
            }
        )
    };
    for lang in ["fr", "en", "de"] {
        let article = p.read(&format!("out/{lang}/{}.html", sample_page(lang)));
        assert!(article.contains(&discovery(lang)), "{article}");
        let index = p.read(&format!("out/{lang}/index.html"));
        assert!(index.contains("type=\"application/atom+xml\""), "{index}");
    }
    let picker = p.read("out/index.html");
    for (lang, name) in [("fr", "Français"), ("en", "English"), ("de", "Deutsch")] {
        let link = format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" hreflang=\"{lang}\" title=\"{name}\" href=\"{BASE}/{lang}/feed.xml\">"
        );
        assert!(picker.contains(&link), "{picker}");
    }
}

#[test]
fn a_footer_link_needs_its_label_and_a_link_a_page_may_hold() {
    let p = Project::sample();
    let config = p.read("gazette.toml");
    p.write(
        "gazette.toml",
        &config.replace("key = \"legal-notice\"", "key = \"privacy\""),
    );
    let (code, json) = p.check_json();
    assert_eq!(code, 1, "{json:#}");
    let found = &json["diagnostics"][0];
    assert_eq!(found["code"], "missing-source-message");
    assert_eq!(found["file"], "gazette.toml");
    assert_eq!(found["id"], "privacy");

    p.write(
        "gazette.toml",
        &config.replace(
            "href = \"mentions-legales.html\"",
            "href = \"javascript:alert(1)\"",
        ),
    );
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    let line = config
        .lines()
        .position(|l| l == "[[footer.links]]")
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!(
            "gazette.toml: line {line}: footer.links: href: `javascript:alert(1)`"
        )),
        "{stderr}"
    );
    // The languages that show a link are language tags.
    p.write(
        "gazette.toml",
        &config.replacen("languages = [\"fr\"]", "languages = [\"french\"]", 1),
    );
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "gazette.toml: line {line}: footer.links: languages: `french`"
        )) && stderr.contains("did you mean `fr`?"),
        "{stderr}"
    );
}

/// The README's way to have Python's server send the text editions as UTF-8 does, where
/// `python3 -m http.server` alone sends no charset (why the README says to tell the server).
#[test]
fn the_readme_python_server_sends_text_editions_as_utf8() {
    let readme = std::fs::read_to_string(super::support::repo_root().join("README.md")).unwrap();
    let command = readme
        .split('`')
        .find(|s| s.starts_with("python3 -c \"import mimetypes"))
        .expect("the README gives the command");
    let script = command
        .strip_prefix("python3 -c \"")
        .and_then(|c| c.strip_suffix('"'))
        .unwrap();
    let p = built_sample();
    let served = |args: &[&str]| {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
            .to_string();
        let mut args: Vec<&str> = args.to_vec();
        args.push(&port);
        args.extend(["--bind", "127.0.0.1"]);
        let mut server = std::process::Command::new("python3")
            .args(&args)
            .current_dir(p.path().join("out"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3");
        let path = format!("/fr/{}.txt", sample_page("fr"));
        let mut header = None;
        for _ in 0..100 {
            if let Ok(mut s) = std::net::TcpStream::connect(format!("127.0.0.1:{port}")) {
                use std::io::{Read, Write};
                write!(s, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
                let mut response = String::new();
                s.read_to_string(&mut response).unwrap();
                header = response
                    .lines()
                    .find(|l| l.to_ascii_lowercase().starts_with("content-type:"))
                    .map(str::to_owned);
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        server.kill().unwrap();
        server.wait().unwrap();
        header.expect("the server answered")
    };
    assert_eq!(
        served(&["-c", script]),
        "Content-type: text/plain; charset=utf-8"
    );
    assert_eq!(served(&["-m", "http.server"]), "Content-type: text/plain");
}

/// A related link's label and its title stay apart in a feed reader that drops the spaces
/// standing alone between two elements, as some do when they clean an entry's HTML.
#[test]
fn a_label_and_its_link_stay_apart_in_feeds() {
    let p = built_sample();
    let feed = p.read("out/en/feed.xml");
    let mut read: Vec<String> = Vec::new();
    for entry in feed.split("<content type=\"html\">").skip(1) {
        let html = quick_xml::escape::unescape(entry.split("</content>").next().unwrap()).unwrap();
        let body = scraper::Html::parse_fragment(&html);
        let selector = scraper::Selector::parse("aside.related p").unwrap();
        read.extend(body.select(&selector).map(|p| {
            p.text()
                .filter(|t| !t.chars().all(|c| c.is_ascii_whitespace()))
                .collect::<String>()
        }));
    }
    for text in &read {
        assert!(
            !text.contains("Read moreW") && !text.contains("WatchS") && !text.contains(")("),
            "{read:#?}"
        );
    }
    assert!(
        read.iter()
            .any(|r| r.starts_with("Read more\u{a0}London summit")),
        "{read:#?}"
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
        &format!("{NEWSROOM_ARTICLE}\n[translators]\nen = [\"Ann Lee\", \"Bo Chen\"]\n"),
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
    p.write("content/a.toml", NEWSROOM_ARTICLE);
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
