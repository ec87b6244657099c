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
    assert!(index.contains("<time datetime=\"2025-01-10\">10 janvier 2025</time>"));
    assert!(index.contains("Un chapeau."));
    assert!(index.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    let de = p.read("out/de/index.html");
    assert!(de.contains("<time datetime=\"2025-03-05\">5. März 2025</time>"));
}

#[test]
fn language_picker_names_each_language_in_itself() {
    let p = Project::fixture("publish");
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    let picker = p.read("out/index.html");
    assert!(picker.contains(
        "<a href=\"https://news.example/fr/index.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"
    ));
    assert!(picker.contains(
        "<a href=\"https://news.example/de/index.html\" hreflang=\"de\" lang=\"de\">Deutsch</a>"
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
        assert!(b.contains("hreflang=\"x-default\" href=\"https://news.example/fr/older.html\""));
        assert!(b.contains("<lastmod>2025-01-10</lastmod>"));
    }
}

#[test]
fn without_base_url_no_feed_or_sitemap_and_the_summary_says_why() {
    let p = Project::fixture("publish");
    p.write("gazette.toml", "");
    let out = p
        .gazette(&["build", "--missing", "fallback"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("feeds and sitemap not written"), "{stderr}");
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
        html.contains("<p lang=\"fr\">Second paragraphe.</p>"),
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
        assert!(!text.contains("<script"), "{file}");
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
        "title = Der Älteste\nlede = Ein Vorspann.\nbody = Siehe <a href=\"https://news.example/x\">hier</a> und <strong>dort</strong>.\n",
    );
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    assert!(p
        .read("out/de/older.html")
        .contains("Siehe <a href=\"https://news.example/x\">hier</a> und <strong>dort</strong>."));
    assert!(p
        .read("out/de/older.txt")
        .contains("Siehe hier <https://news.example/x> und dort."));
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
            stderr.contains("content/older.toml: block 1") && stderr.contains(field),
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
    impl gazette::build::Progress for Count {
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
    let options = gazette::build::BuildOptions {
        missing: gazette::localise::MissingPolicy::Skip,
        ..Default::default()
    };
    let count = Count::default();
    gazette::build::build_with_progress(&project, &options, &count).unwrap();
    // 2 articles in fr and de (one of them is skipped in de, after its step).
    assert_eq!(count.0.load(Ordering::SeqCst), 4);
    assert_eq!(count.1.load(Ordering::SeqCst), 4);
    assert_eq!(count.2.load(Ordering::SeqCst), 1);
    // A rebuild with nothing changed has nothing to render.
    let count = Count::default();
    gazette::build::build_with_progress(&project, &options, &count).unwrap();
    assert_eq!(count.0.load(Ordering::SeqCst), 0);
    assert_eq!(count.1.load(Ordering::SeqCst), 0);
}

#[test]
fn rebuild_writes_only_what_changed_and_equals_a_full_build() {
    let p = Project::fixture("publish");
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    let out = p
        .gazette(&["build", "--missing", "fallback"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(": 0 files written to out, 14 unchanged in "),
        "{stderr}"
    );

    p.write(
        "locales/de/older.ftl",
        "title = Der Älteste\nlede = Ein neuer Vorspann.\nbody = Ein Absatz.\n",
    );
    let out = p
        .gazette(&["build", "--missing", "fallback"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The article's HTML and text, the German index and feed: the lede shows in both.
    assert!(
        stderr.contains(": 4 files written to out, 10 unchanged in "),
        "{stderr}"
    );
    p.gazette(&["build", "--missing", "fallback", "--out", "full"])
        .assert()
        .success();
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}

/// After each kind of edit, a build of the previous `out/` (from the build cache) equals a
/// fresh build, reports the same diagnostics, and writes only what the edit touched.
/// `build --missing fallback --out <out>`, which must succeed; its summary (stderr).
fn build_with_fallback(p: &Project, out: &str) -> String {
    let o = p
        .gazette(&["build", "--missing", "fallback", "--out", out])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn incremental_builds_equal_full_builds_whatever_changes() {
    let p = Project::fixture("publish");
    let build = |out: &str| build_with_fallback(&p, out);
    build("out");
    let edits: [(&str, &str, &str, &str); 7] = [
        (
            "one article's German file",
            "locales/de/older.ftl",
            "title = Der Älteste\nbody = Ein Absatz.\n",
            ": 4 files written to out",
        ),
        (
            "one article's body only: indexes, feeds and sitemap stay as they are",
            "locales/de/older.ftl",
            "title = Der Älteste\nbody = Ein anderer Absatz.\n",
            ": 2 files written to out",
        ),
        (
            "one article's content",
            "content/newer.toml",
            "date = 2025-03-06\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"body\"\n",
            " files written to out",
        ),
        (
            "a shared file",
            "locales/de/site.ftl",
            &format!(
                "{}skip-to-content = Zum Inhalt springen\n",
                p.read("locales/de/site.ftl")
                    .replace("skip-to-content = Zum Inhalt\n", "")
            ),
            " files written to out",
        ),
        (
            "a template",
            "templates/article.txt.hbs",
            "{{title.value}}\n{{#each blocks}}{{text.value}}\n{{/each}}",
            " files written to out",
        ),
        (
            "a new article",
            "content/newest.toml",
            "date = 2025-04-01\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"body\"\n",
            " files written to out",
        ),
        (
            "the configuration",
            "gazette.toml",
            "base_url = \"https://other.example\"\n",
            " files written to out",
        ),
    ];
    for (what, file, text, written) in edits {
        if file == "content/newest.toml" {
            p.write(
                "locales/fr/newest.ftl",
                "title = Le plus récent\nbody = Un paragraphe.\n",
            );
        }
        p.write(file, text);
        let incremental = build("out");
        assert!(incremental.contains(written), "{what}: {incremental}");
        let _ = std::fs::remove_dir_all(p.path().join("full"));
        let full = build("full");
        assert_eq!(
            tree(&p.path().join("out")),
            tree(&p.path().join("full")),
            "{what}"
        );
        // The same findings (warnings) either way.
        let findings = |s: &str| s.lines().filter(|l| l.contains("warning")).count();
        assert_eq!(findings(&incremental), findings(&full), "{what}");
    }

    // An article removed: its pages go, and only they.
    std::fs::remove_file(p.path().join("content/newest.toml")).unwrap();
    std::fs::remove_file(p.path().join("locales/fr/newest.ftl")).unwrap();
    let incremental = build("out");
    assert!(!p.path().join("out/fr/newest.html").exists());
    let _ = std::fs::remove_dir_all(p.path().join("full"));
    build("full");
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
    assert!(incremental.contains("removed"), "{incremental}");

    // An older copy of the output put back is not trusted: it is brought up to date.
    let out = p.path().join("out");
    let backup = p.path().join("backup");
    super::support::copy(&out, &backup);
    p.write(
        "locales/de/older.ftl",
        "title = Der Alte\nbody = Ein Absatz.\n",
    );
    build("out");
    std::fs::remove_dir_all(&out).unwrap();
    std::fs::rename(&backup, &out).unwrap();
    build("out");
    let _ = std::fs::remove_dir_all(p.path().join("full"));
    build("full");
    assert_eq!(tree(&out), tree(&p.path().join("full")));

    // A deleted output is built again whole.
    std::fs::remove_dir_all(&out).unwrap();
    build("out");
    assert_eq!(tree(&out), tree(&p.path().join("full")));
}

/// Files unchanged since the last build are known by their stamps and not read again; an
/// edited one is, and the output is still the full build's.
#[test]
fn rebuilds_trust_the_stamps_of_settled_files_only() {
    let p = Project::fixture("publish");
    let build = |out: &str| build_with_fallback(&p, out);
    // Stamps are kept of files last changed more than two seconds before the build began.
    build("out");
    let stamps = p.path().join(".gazette-cache/files.bin");
    assert!(!stamps.exists(), "no stamps of files just written");
    std::thread::sleep(std::time::Duration::from_millis(2100));
    build("out");
    let kept = String::from_utf8_lossy(&std::fs::read(&stamps).unwrap()).into_owned();
    for file in [
        "content/older.toml",
        "locales/de/older.ftl",
        "locales/fr/newer.ftl",
    ] {
        assert!(kept.contains(file), "{file} has no stamp");
    }
    assert!(!kept.contains("site.ftl"), "shared files are always read");

    // Edits of the same size, right after the stamps were taken.
    let edited = p.read("locales/de/older.ftl").replacen('a', "e", 1);
    p.write("locales/de/older.ftl", &edited);
    let content = p.read("content/newer.toml").replacen("2025", "2024", 1);
    p.write("content/newer.toml", &content);
    let incremental = build("out");
    assert!(!incremental.contains(": 0 files written"), "{incremental}");
    build("full");
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
    assert!(build("out").contains(": 0 files written"));
}

/// `check` takes the findings of unchanged articles from the last build, and only those.
#[test]
fn check_reuses_the_findings_of_the_last_build() {
    let p = Project::fixture("publish");
    let cold = p.check_json();
    p.gazette(&["build", "--missing", "fallback"])
        .assert()
        .success();
    assert_eq!(p.check_json(), cold, "the same report from the cache");

    // Proof that it is read: a finding planted in the cache shows up...
    let dir = p.path().join(".gazette-cache");
    let cache = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("build-")
        })
        .unwrap();
    let bytes = std::fs::read(&cache).unwrap();
    // ...but not one written over the bytes: the cache's checksum no longer matches.
    let (was, planted) = (b"is not translated", b"is now translated");
    let at = bytes.windows(was.len()).position(|w| w == was).unwrap();
    let mut changed = bytes.clone();
    changed[at..at + was.len()].copy_from_slice(planted);
    std::fs::write(&cache, changed).unwrap();
    assert_eq!(p.check_json(), cold, "a damaged cache is not read");
    let kind = cache.file_name().unwrap().to_string_lossy().into_owned();
    let mut value: gazette::cache::Cache = gazette::store::decode(&kind, &bytes).unwrap();
    for unit in value.articles.values_mut() {
        for d in &mut unit.findings.diagnostics {
            d.message = d.message.replace("is not translated", "is now translated");
        }
    }
    std::fs::write(&cache, gazette::store::encode(&kind, &value)).unwrap();
    assert!(p.check_json().1.to_string().contains("is now translated"));
    // ...until the article it belongs to changes.
    p.write(
        "locales/de/newer.ftl",
        &format!("{}\n", p.read("locales/de/newer.ftl")),
    );
    assert!(!p.check_json().1.to_string().contains("is now translated"));
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
