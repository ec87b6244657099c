//! Languages and scripts: canonical BCP 47 folder names, each edition's own time zone and
//! clock, and the second sample, `examples/world`: right-to-left (Arabic, Hebrew) and East
//! Asian (Japanese, Traditional Chinese) editions of the founding article, beside its French
//! source.

use super::support::{add_site_strings, build, copy, newsroom, one_error, run, tree, Project};

const PAGE: &str = "sommet-de-londres";

/// The world sample, built with its untranslated paragraphs in French.
fn built() -> Project {
    let p = Project::world();
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 0, "{stderr}");
    p
}

#[test]
fn pages_carry_their_direction_and_fallback_passages_theirs() {
    let p = built();
    for (lang, dir) in [
        ("ar", "rtl"),
        ("he", "rtl"),
        ("ja", "ltr"),
        ("zh-Hant", "ltr"),
        ("fr", "ltr"),
    ] {
        for page in [
            format!("out/{lang}/{PAGE}.html"),
            format!("out/{lang}/index.html"),
        ] {
            let html = p.read(&page);
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{page}"
            );
        }
    }
    let ar = p.read(&format!("out/ar/{PAGE}.html"));
    // The French fallback passage is left to right inside the Arabic page.
    assert!(
        ar.contains("<p lang=\"fr\" dir=\"ltr\">La première réunion"),
        "{ar}"
    );
    // The switcher's entries carry their own direction.
    assert!(ar.contains("lang=\"fr\" dir=\"ltr\">français</a>"), "{ar}");
    assert!(ar.contains("lang=\"he\" dir=\"rtl\">עברית</a>"), "{ar}");
    // Names are isolated from the sentence around them.
    assert!(
        ar.contains("<bdi class=\"authors\">بقلم Théo Castagné</bdi>"),
        "{ar}"
    );
    let picker = p.read("out/index.html");
    // The picker is in no one language; each language asks in its own words and direction.
    assert!(
        picker.contains("<html lang=\"mul\" dir=\"ltr\">"),
        "{picker}"
    );
    assert!(
        picker.contains("<span lang=\"ar\" dir=\"rtl\">اختر اللغة</span>"),
        "{picker}"
    );
    assert!(
        picker.contains("lang=\"ar\" dir=\"rtl\">العربية</a>"),
        "{picker}"
    );
}

#[test]
fn languages_are_named_by_cldr_in_themselves_and_in_the_page_language() {
    let p = built();
    let picker = p.read("out/index.html");
    for name in ["français", "العربية", "עברית", "日本語", "繁體中文"] {
        assert!(picker.contains(&format!(">{name}</a>")), "{name}: {picker}");
    }
    let ja = p.read(&format!("out/ja/{PAGE}.html"));
    assert!(
        ja.contains(">日本語</span>") && ja.contains(">العربية</a>"),
        "{ja}"
    );
    // "(in English)" of a link to an English page, in each page's language.
    for (lang, marker) in [
        ("fr", "(en anglais)"),
        ("ar", "(باللغة الإنجليزية)"),
        ("he", "(באנגלית)"),
        ("ja", "（英語）"),
        ("zh-Hant", "（英文）"),
    ] {
        let html = p.read(&format!("out/{lang}/{PAGE}.html"));
        assert!(
            html.contains(&format!("<span class=\"marker\">{marker}</span>")),
            "{lang}: {html}"
        );
    }
}

#[test]
fn east_asian_text_editions_keep_to_72_columns() {
    let p = built();
    for lang in ["ja", "zh-Hant"] {
        let text = p.read(&format!("out/{lang}/{PAGE}.txt"));
        let mut wrapped = 0;
        for line in text.lines() {
            let width = textwrap::core::display_width(line);
            // Only a single unbreakable token (a URL) may pass the edge.
            assert!(
                width <= 72 || !line.contains(' ') && line.is_ascii(),
                "{lang}: {width}: {line}"
            );
            wrapped += usize::from(width > 60 && !line.is_ascii());
        }
        assert!(
            wrapped >= 4,
            "{lang}: lines are filled, not cut short:\n{text}"
        );
        assert!(
            !text.contains(['\u{200f}', '\u{2068}', '\u{2069}']),
            "{lang}"
        );
    }
    // Between ideographs, never inside a Latin word.
    let zh = p.read(&format!("out/zh-Hant/{PAGE}.txt"));
    assert!(zh.contains("（Keir Starmer）"), "{zh}");
}

#[test]
fn right_to_left_text_editions_mark_their_lines_and_isolate_latin() {
    let p = built();
    for lang in ["ar", "he"] {
        let text = p.read(&format!("out/{lang}/{PAGE}.txt"));
        let title = text.lines().next().unwrap();
        assert!(title.starts_with('\u{200f}'), "{lang}: {title:?}");
        assert!(
            text.contains("\u{2068}Théo Castagné\u{2069}"),
            "{lang}: {text}"
        );
        // The French fallback passage is a left-to-right paragraph of its own.
        assert!(text.contains("\nLa première réunion"), "{lang}: {text}");
        for line in text.lines() {
            assert!(
                textwrap::core::display_width(line) <= 72 || !line.contains(' '),
                "{line}"
            );
        }
    }
    let fr = p.read(&format!("out/fr/{PAGE}.txt"));
    assert!(
        !fr.contains(['\u{200e}', '\u{200f}', '\u{2068}', '\u{2069}']),
        "{fr}"
    );
}

/// `locales/DE` beside `locales/de` was published as a fourth language (`lang="DE"`), and
/// with `targets = ["de"]` never looked at.
#[test]
fn language_folders_must_be_canonical_tags() {
    for (folder, canonical) in [("DE", "de"), ("de_DE", "de-DE"), ("de-de", "de-DE")] {
        let p = Project::sample();
        copy(
            &p.path().join("locales/de"),
            &p.path().join("locales").join(folder),
        );
        let before = tree(p.path());
        for args in [&["check"][..], &["status"], &["build"], &["sync", "--all"]] {
            let (exit, out, err) = run(&p, args);
            assert_eq!(exit, 2, "{folder} {args:?}: {out}{err}");
            one_error(&err);
            assert!(err.contains(&format!("locales/{folder}:")), "{err}");
            assert!(err.contains(&format!("rename it `{canonical}`")), "{err}");
        }
        assert_eq!(tree(p.path()), before, "{folder}: nothing written");
    }
    let p = Project::sample();
    p.write("gazette.toml", "targets = [\"de_DE\"]\n");
    let (exit, _, err) = run(&p, &["check"]);
    assert_eq!(exit, 2);
    assert!(
        err.contains("gazette.toml") && err.contains("write `de-DE`"),
        "{err}"
    );
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

/// A number written with trailing zeros keeps them in every edition, the local way, and its
/// plural is chosen with its decimals as CLDR says (`1,0 part` in French, `1,0 Anteile` in
/// German, where `one` needs no decimals): TOML reads
/// `12.50` as 12.5, so gazette reads the value as written.
#[test]
fn numbers_keep_the_decimals_they_are_written_with() {
    let p = Project::fixture("publish");
    p.write(
        "content/newer.toml",
        "date = 2025-03-05\ntitle_args = { price = 12.50, whole = 3 }\n\n\
         [[blocks]]\ntype = \"paragraph\"\nkey = \"body\"\n\n\
         [[blocks]]\ntype = \"paragraph\"\nkey = \"extra\"\n\n\
         [blocks.args]\nshare = 1.0\n",
    );
    p.write(
        "locales/fr/newer.ftl",
        "title = { $price } € ou { $whole }\nbody = Premier paragraphe.\n\
         extra = { $share ->\n    [one] { $share } part\n   *[other] { $share } parts\n}\n",
    );
    p.write(
        "locales/de/newer.ftl",
        "title = { $price } € oder { $whole }\nbody = Erster Absatz.\n\
         extra = { $share ->\n    [one] { $share } Anteil\n   *[other] { $share } Anteile\n}\n",
    );
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 0, "{stderr}");
    let fr = p.read("out/fr/newer.html");
    let de = p.read("out/de/newer.html");
    for (page, price, share) in [
        (&fr, "12,50 € ou 3", "1,0 part<"),
        (&de, "12,50 € oder 3", "1,0 Anteile"),
    ] {
        assert!(page.contains(price), "{price} in {page}");
        assert!(page.contains(share), "{share} in {page}");
    }
}
