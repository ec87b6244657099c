//! Links between articles: related articles in the reader's language or per the `--missing`
//! policy, inline links, headlines followed on rebuild, and broken links (to no page, a deleted
//! article or a draft) reported as errors.

use super::support::{build, findings, linked, newsroom, run, tree, Project, NEWSROOM_ARTICLE};

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

/// The newsroom project whose article `a` links into the site twice: a related block's
/// `href` (French) and a link in the English text.
fn linking(related: &str, inline: &str) -> Project {
    let p = newsroom();
    let block = format!(
        "\n[[blocks]]\ntype = \"related\"\nkey = \"more\"\nhref = \"{related}\"\nkind = \"read\"\n"
    );
    p.write("content/a.toml", &format!("{NEWSROOM_ARTICLE}{block}"));
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
