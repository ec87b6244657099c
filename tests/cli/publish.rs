//! Publishers' editions: indexes, feeds, sitemap, the `--missing` policies and safe output.

use super::support::{tree, Project};

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
fn missing_error_refuses_to_publish() {
    let p = Project::fixture("publish");
    let out = p.gazette(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[missing-message]: `extra`"));
    assert!(!p.path().join("out").exists());
}

#[test]
fn fallback_marks_source_passages_and_lists_them() {
    let p = Project::fixture("publish");
    let out = p
        .gazette(&["build", "--missing", "fallback"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fallback: de/newer: `extra` shown in fr"),
        "{stderr}"
    );
    let html = p.read("out/de/newer.html");
    assert!(
        html.contains("<p lang=\"fr\" dir=\"ltr\">Second paragraphe.</p>"),
        "{html}"
    );
    assert!(html.contains("<p>Erster Absatz.</p>"));
    assert!(p.read("out/de/newer.txt").contains("Second paragraphe."));
}

#[test]
fn skip_leaves_the_article_out_of_that_language() {
    let p = Project::fixture("publish");
    let out = p.gazette(&["build", "--missing", "skip"]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("skipped: de/newer: missing extra"),
        "{stderr}"
    );
    assert!(!p.path().join("out/de/newer.html").exists());
    assert!(!p.path().join("out/de/newer.txt").exists());
    assert!(p.path().join("out/fr/newer.html").exists());
    assert!(!p.read("out/de/index.html").contains("newer.html"));
    assert!(!p.read("out/de/feed.xml").contains("newer"));
    let fr = p.read("out/fr/newer.html");
    assert!(!fr.contains("hreflang=\"de\" href=\"https://news.example/de/newer.html\""));
    let sitemap = p.read("out/sitemap.xml");
    assert!(!sitemap.contains("https://news.example/de/newer.html"));
    assert!(sitemap.contains("https://news.example/de/older.html"));
}

#[test]
fn two_builds_give_identical_trees() {
    let p = Project::fixture("publish");
    p.gazette(&["build", "--missing", "fallback", "--out", "a"])
        .assert()
        .success();
    p.gazette(&[
        "build",
        "--missing",
        "fallback",
        "--out",
        "b",
        "--jobs",
        "1",
    ])
    .assert()
    .success();
    assert_eq!(tree(&p.path().join("a")), tree(&p.path().join("b")));
}

#[test]
fn template_error_on_the_last_article_leaves_out_byte_identical() {
    let p = Project::fixture("publish");
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    let before = tree(&p.path().join("out"));
    // Only the article whose date sorts last fails: every other page renders first.
    let template = format!(
        "{}{{{{#if (eq date \"2025-03-05\")}}}}{{{{no-such-field}}}}{{{{/if}}}}",
        std::fs::read_to_string(super::support::repo_root().join("templates/article.txt.hbs"))
            .unwrap()
    );
    p.write("templates/article.txt.hbs", &template);
    let out = p
        .gazette(&["build", "--missing", "fallback"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(tree(&p.path().join("out")), before);
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
fn summary_on_stderr_and_quiet_with_q() {
    let p = Project::fixture("publish");
    let out = p
        .gazette(&["build", "--missing", "fallback"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("build: 2 articles in 2 languages (fr, de): 14 files written to out in "),
        "{stderr}"
    );
    assert!(
        out.stdout.is_empty(),
        "results of build go to out/, messages to stderr"
    );
    let out = p
        .gazette(&["build", "-q", "--missing", "fallback"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn progress_is_reported_once_per_page() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    #[derive(Default)]
    struct Count(AtomicUsize, AtomicUsize, AtomicUsize);
    impl gazette::incremental::Progress for Count {
        fn start(&self, total: usize) {
            self.0.store(total, Ordering::SeqCst);
        }
        fn step(&self) {
            self.1.fetch_add(1, Ordering::SeqCst);
        }
        fn finish(&self) {
            self.2.fetch_add(1, Ordering::SeqCst);
        }
    }
    let p = Project::fixture("publish");
    let project = gazette::project::Project::load(p.path()).unwrap();
    let options = gazette::ops::build::BuildOptions {
        missing: gazette::localise::MissingPolicy::Skip,
        ..Default::default()
    };
    let count = Count::default();
    gazette::ops::build::build_with_progress(&project, &options, &count).unwrap();
    // 2 articles in fr and de (one of them is skipped in de, after its step).
    assert_eq!(count.0.load(Ordering::SeqCst), 4);
    assert_eq!(count.1.load(Ordering::SeqCst), 4);
    assert_eq!(count.2.load(Ordering::SeqCst), 1);
    // A rebuild with nothing changed has nothing to render.
    let count = Count::default();
    gazette::ops::build::build_with_progress(&project, &options, &count).unwrap();
    assert_eq!(count.0.load(Ordering::SeqCst), 0);
    assert_eq!(count.1.load(Ordering::SeqCst), 0);
}

/// A build keeps no article text in memory, yet its warnings quote the article's lines.
#[test]
fn build_warnings_quote_article_files() {
    let p = Project::fixture("publish");
    p.write(
        "locales/de/older.ftl",
        "title = Le plus ancien\nlede = Ein Vorspann.\nbody = Ein Absatz.\n",
    );
    let out = p
        .gazette(&["build", "--missing", "fallback"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("--> locales/de/older.ftl:1:1\n  |\n1 | title = Le plus ancien\n"),
        "{stderr}"
    );
}
