//! What translators and writers type reaches every output inert: markup and scripts in
//! translations are text in the HTML, the feed and the text edition; links in translations
//! become text with their URL; content links cannot be scripts or leave the site; plain text
//! cannot break out of an unquoted attribute.

use std::fs;

use super::support::{project, run_timed, sample_page, Project, SAMPLE_SLUG};

/// `{{plain}}` is safe in any attribute, quoted or not: a custom template's unquoted
/// `alt={{plain …}}` cannot be broken out of by a translation with spaces, `=` or backticks.
#[test]
fn plain_text_cannot_break_out_of_an_unquoted_attribute() {
    let p = project();
    let builtin =
        fs::read_to_string(super::support::repo_root().join("templates/article.html.hbs")).unwrap();
    p.write(
        "templates/article.html.hbs",
        &builtin.replacen("<h1", "<img src=x.jpg alt={{plain title.value}}><h1", 1),
    );
    let de = p.read("locales/de/newer.ftl");
    p.write(
        "locales/de/newer.ftl",
        &de.replacen("title = Der Neueste", "title = x onerror=alert(1) `y`", 1),
    );
    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let page = p.read("out/de/newer.html");
    assert!(
        page.contains("<img src=x.jpg alt=x&#x20;onerror&#x3D;alert(1)&#x20;&#x60;y&#x60;>"),
        "{page}"
    );
}

const HOSTILE: &str = "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">clic</a> <em>ok</em>";

#[test]
fn hostile_translations_render_inert_in_html_feed_and_text() {
    let p = Project::fixture("publish");
    p.write(
        "locales/de/older.ftl",
        &format!("title = Titel {HOSTILE}\nlede = Vorspann {HOSTILE}\nbody = Absatz {HOSTILE}\n"),
    );
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    for file in [
        "out/de/older.html",
        "out/de/index.html",
        "out/de/feed.xml",
        "out/sitemap.xml",
    ] {
        let text = p.read(file);
        // The one script of a page is its JSON-LD.
        let json_ld = text
            .matches("<script type=\"application/ld+json\">")
            .count();
        assert_eq!(text.matches("<script").count(), json_ld, "{file}");
        assert!(!text.contains("<img src=x"), "{file}");
        assert!(!text.contains("<a href=\"javascript:"), "{file}");
        assert!(!text.contains("<img"), "{file}");
    }
    let html = p.read("out/de/older.html");
    assert!(html.contains("<em>ok</em>"), "allowed markup kept");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let feed = p.read("out/de/feed.xml");
    assert!(feed.contains("&lt;script&gt;"), "{feed}");
    let text = p.read("out/de/older.txt");
    assert!(
        text.contains("<script>alert(1)</script>"),
        "shown as typed in plain text"
    );
    assert!(!text.contains("<em>"), "allowed tags stripped from text");
}

#[test]
fn links_in_translations_become_text_with_url() {
    let p = Project::fixture("publish");
    p.write(
        "locales/de/older.ftl",
        "title = Der Älteste\nlede = Ein Vorspann.\nbody = Siehe <a href=\"https://other.example/x\">hier</a> und <strong>dort</strong>.\n",
    );
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    assert!(p
        .read("out/de/older.html")
        .contains("Siehe <a href=\"https://other.example/x\">hier</a> und <strong>dort</strong>."));
    assert!(p
        .read("out/de/older.txt")
        .contains("Siehe hier <https://other.example/x> und dort."));
}

#[test]
fn content_links_cannot_be_scripts_or_escape_the_site() {
    for (field, value) in [
        ("href", "javascript:alert(1)"),
        ("href", "../../etc/passwd"),
        ("src", "/etc/passwd"),
    ] {
        let p = Project::fixture("publish");
        let block = if field == "href" {
            format!("[[blocks]]\ntype = \"related\"\nkey = \"body\"\nkind = \"read\"\nhref = \"{value}\"\n")
        } else {
            format!("[[blocks]]\ntype = \"figure\"\nkey = \"body\"\nsrc = \"{value}\"\n")
        };
        p.write(
            "content/older.toml",
            &format!("date = 2025-01-10\n\n{block}"),
        );
        let out = p
            .gazette(&["build", "--missing", "fallback"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("content/older.toml: line 3: block 1") && stderr.contains(field),
            "{stderr}"
        );
    }
}

#[test]
fn translations_cannot_inject_markup() {
    let p = Project::sample();
    let file = format!("locales/en/{SAMPLE_SLUG}.ftl");
    let text = p.read(&file).replace(
        "first-meeting = ",
        "first-meeting = <script>alert(1)</script><img src=x onerror=alert(2)> ",
    );
    p.write(&file, &text);
    p.gazette(&["build"]).assert().success();
    let html = p.read(&format!("out/en/{}.html", sample_page("en")));
    assert!(
        !html.contains("<script>") && !html.contains("<img src=x"),
        "markup escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}
