//! Bad input: exit 2 with one clear line on stderr naming the file (and line or block), with an
//! excerpt and a caret where the line is known: malformed TOML and settings, invalid UTF-8,
//! empty files, bad slugs, templates, and values quoted escaped so they cannot fool a terminal.

use std::fs;
use std::path::Path;

use super::support::{check_and_build_refuse, one_error, project, run_timed, tree, Project};

/// Run `check` and `build`; both must fail with exit 2 and the same one-line message.
fn fails_with(project: &Project, expected: &[&str]) {
    for cmd in ["check", "build"] {
        let out = project.gazette(&[cmd]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {stderr}");
        one_error(&stderr);
        for part in expected {
            assert!(stderr.contains(part), "{cmd}: `{part}` not in: {stderr}");
        }
        assert!(out.stdout.is_empty(), "nothing on stdout");
        assert!(!project.path().join("out").exists(), "{cmd} wrote out/");
    }
}

fn minimal() -> Project {
    let p = Project::empty();
    p.write("gazette.toml", "")
        .write("locales/fr/a.ftl", "title = Titre\n")
        .write("locales/de/a.ftl", "title = Titel\n");
    p
}

#[test]
fn malformed_article_toml_names_file_and_line() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\n\n[[blocks]]\ntype = \"paragraph\nkey = \"x\"\n",
    );
    fails_with(&p, &["content/a.toml", "line 4"]);
}

#[test]
fn unknown_block_type_names_file_and_block() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"title\"\n\n[[blocks]]\ntype = \"carousel\"\nkey = \"title\"\n",
    );
    fails_with(&p, &["content/a.toml", "block 2", "carousel"]);
}

#[test]
fn unknown_block_field_names_file_block_and_field() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\n\n[[blocks]]\ntype = \"figure\"\nkey = \"title\"\nsrc = \"a.jpg\"\nwidth = 300\n",
    );
    fails_with(&p, &["content/a.toml", "block 1", "width"]);
}

#[test]
fn unknown_article_field_is_named() {
    let p = minimal();
    p.write("content/a.toml", "date = 2025-08-17\nauthor = \"X\"\n");
    fails_with(&p, &["content/a.toml", "author"]);
}

#[test]
fn invalid_slug_is_rejected() {
    for name in ["Bad_Slug", "deux mots", "été"] {
        let p = minimal();
        p.write(&format!("content/{name}.toml"), "date = 2025-08-17\n");
        fails_with(&p, &[&format!("content/{name}.toml"), "invalid slug"]);
    }
}

#[test]
fn the_index_slug_is_taken() {
    let p = minimal();
    p.write("content/index.toml", "date = 2025-08-17\n");
    fails_with(&p, &["content/index.toml", "the slug `index` is taken"]);
}

#[test]
fn missing_locales_folder() {
    let p = Project::empty();
    p.write("gazette.toml", "")
        .write("content/a.toml", "date = 2025-08-17\n");
    fails_with(&p, &["locales", "no locales folder"]);
}

#[test]
fn missing_source_folder() {
    let p = Project::empty();
    p.write("gazette.toml", "")
        .write("locales/de/a.ftl", "title = Titel\n");
    fails_with(&p, &["locales/fr", "source language `fr`"]);
}

#[test]
fn unknown_config_key_is_named() {
    let p = minimal();
    p.write(
        "gazette.toml",
        "source = \"fr\"\nbase-url = \"https://x.example\"\n",
    );
    fails_with(&p, &["gazette.toml", "base-url"]);
}

#[test]
fn malformed_config_names_line() {
    let p = minimal();
    p.write("gazette.toml", "source = \"fr\"\ntargets = [\"de\"\n");
    fails_with(&p, &["gazette.toml", "line 2"]);
}

#[test]
fn unreadable_file_is_named() {
    let p = minimal();
    std::fs::write(p.path().join("locales/de/a.ftl"), b"title = \xff\xfe\n").unwrap();
    fails_with(&p, &["locales/de/a.ftl", "not valid UTF-8"]);
}

#[test]
fn unknown_language_for_build_is_a_usage_error() {
    let out = minimal()
        .gazette(&["build", "--lang", "it"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`it` is not a language of this project"));
}

#[test]
fn bad_command_line_is_exit_2() {
    let out = minimal()
        .gazette(&["check", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `check` and `build` both fail with exit 2 and exactly these `error:` lines on stderr, each
/// followed by nothing but the excerpt of the line it names.
fn fails_exactly(project: &Project, lines: &[&str]) {
    let expected: Vec<String> = lines.iter().map(|l| format!("error: {l}")).collect();
    for cmd in ["check", "build"] {
        let out = project.gazette(&[cmd]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let errors: Vec<&str> = stderr.split("\nerror: ").collect();
        assert_eq!(errors.len(), lines.len(), "{cmd}: {stderr}");
        for (i, error) in errors.into_iter().enumerate() {
            let error = if i == 0 {
                error.to_owned()
            } else {
                format!("error: {error}")
            };
            one_error(&error);
            assert_eq!(error.lines().next(), Some(expected[i].as_str()), "{cmd}");
        }
        assert!(out.stdout.is_empty(), "nothing on stdout");
    }
}

/// A fatal error that names a line shows it under the error, with a caret under the column,
/// as compilers do; a control character in it is drawn as a symbol, one column wide, so the
/// caret stays in place and nothing reaches the terminal. Without a column, the line's text is
/// underlined.
#[test]
fn a_fatal_error_shows_its_line_with_a_caret_under_the_column() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\nsection = international \u{1b}[2J\n",
    );
    let out = p.gazette(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: content/a.toml: line 2, column 26: strings must be quoted: section = \"international \\u{1b}[2J\"
 --> content/a.toml:2:26
  |
2 | section = international \u{241b}[2J
  |                          ^
"
    );
    p.write("content/a.toml", "\ndate = 2025-08-17T11:15:60+02:00\n");
    let out = p.gazette(&["check"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.ends_with(
            " --> content/a.toml:2:1\n  |\n2 | date = 2025-08-17T11:15:60+02:00\n  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        ),
        "{stderr}"
    );
}

#[test]
fn an_unquoted_string_is_shown_quoted() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\nsection = international\n",
    );
    fails_exactly(
        &p,
        &[
            r#"content/a.toml: line 2, column 11: strings must be quoted: section = "international""#,
        ],
    );
    p.write(
        "content/a.toml",
        "date = 2025-08-17\n\n[[blocks]]\ntype = \"list\"\nitems = one\n",
    );
    fails_exactly(
        &p,
        &[r#"content/a.toml: line 5, column 9: strings must be quoted: items = ["one"]"#],
    );
    p.write("content/a.toml", "date = 2025-08-17\n");
    for (config, error) in [
        (
            "source = fr\n",
            r#"line 1, column 10: strings must be quoted: source = "fr""#,
        ),
        (
            "targets = [de, \"en\"]\n",
            r#"line 1, column 12: strings must be quoted: targets = ["de", "en"]"#,
        ),
        (
            "targets = de\n",
            r#"line 1, column 11: strings must be quoted: targets = ["de"]"#,
        ),
    ] {
        p.write("gazette.toml", config);
        fails_exactly(&p, &[&format!("gazette.toml: {error}")]);
    }
}

#[test]
fn a_date_in_another_format_is_shown_the_toml_way() {
    let p = minimal();
    for (date, column, fix) in [
        ("\"2025-08-17\"", 8, "2025-08-17"),
        ("17/08/2025", 8, "2025-08-17"),
        ("17.08.2025", 13, "2025-08-17"),
        ("08/17/2025", 8, "2025-08-17"),
        ("2025/8/7", 8, "2025-08-07"),
        ("2025-8-17", 8, "2025-08-17"),
        ("August 17, 2025", 17, "e.g. date = 2025-08-17"),
    ] {
        p.write("content/a.toml", &format!("date = {date}\n"));
        let fix = if fix.starts_with("e.g.") {
            fix.to_owned()
        } else {
            format!("date = {fix}")
        };
        fails_exactly(
            &p,
            &[&format!(
                "content/a.toml: line 1, column {column}: write a date as year-month-day, without quotes: {fix}"
            )],
        );
    }
}

#[test]
fn every_broken_content_file_is_reported_at_once() {
    let p = minimal();
    p.write("content/a.toml", "date = 2025-08-17\nsection = world\n")
        .write("content/b.toml", "date = 2025-08-17\n")
        .write("content/c.toml", "date = 17/08/2025\n")
        .write("content/Bad.toml", "date = 2025-08-17\n");
    fails_exactly(
        &p,
        &[
            "content/Bad.toml: invalid slug `Bad`: use lowercase ASCII letters, digits and `-` only",
            r#"content/a.toml: line 2, column 11: strings must be quoted: section = "world""#,
            "content/c.toml: line 1, column 8: write a date as year-month-day, without quotes: date = 2025-08-17",
        ],
    );
}

#[test]
fn a_target_without_a_folder_is_named_with_its_line() {
    let p = minimal();
    p.write(
        "gazette.toml",
        "source = \"fr\"\ntargets = [\n  \"de\",\n  \"es\",\n]\n",
    );
    fails_exactly(
        &p,
        &["gazette.toml: line 4: targets: `es` has no folder locales/es: create it, then `gazette sync es` adds its stubs (or remove `es` from targets)"],
    );
}

#[test]
fn a_format_locale_must_be_a_cldr_locale() {
    let p = minimal();
    p.write("gazette.toml", "[format_locales]\nde = \"german\"\n");
    fails_exactly(
        &p,
        &["gazette.toml: line 2: format_locales.de: `german` is not a language CLDR knows: did you mean `de`?"],
    );
}

#[test]
fn a_section_needs_its_site_string() {
    let p = Project::sample();
    let article = "content/coalition-des-volontaires.toml";
    p.write(
        article,
        &p.read(article).replace("\"international\"", "\"sport\""),
    );
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    let found: Vec<&serde_json::Value> = report["diagnostics"].as_array().unwrap().iter().collect();
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(
        found[0],
        &serde_json::json!({ "severity": "error", "code": "missing-source-message",
            "locale": "fr", "file": article, "line": 4, "column": null, "id": "section-sport",
            "attribute": null,
            "message": "section `sport` has no site string: no shared fr file defines `section-sport`",
            "help": "add `section-sport` (the section's name) to locales/fr/site.ftl" })
    );
}

/// A template that names a field the page lacks: which template, where, which field.
#[test]
fn template_errors_name_the_template_position_and_field() {
    let p = Project::sample();
    let builtin =
        std::fs::read_to_string(super::support::repo_root().join("templates/article.html.hbs"))
            .unwrap();
    let line = builtin.lines().position(|l| l.contains("<h1")).unwrap() + 1;
    p.write(
        "templates/article.html.hbs",
        &builtin.replacen("<h1", "{{author}}<h1", 1),
    );
    let (exit, _, err) = super::support::run(&p, &["build"]);
    assert_eq!(exit, 2);
    assert_eq!(
        err.lines().next().unwrap_or_default(),
        format!("error: templates/article.html.hbs: line {line}, column 1: `author` is not a field of the article")
    );
    assert!(
        err.contains(&format!("\n{line} | {{{{author}}}}<h1")),
        "{err}"
    );
    std::fs::remove_file(p.path().join("templates/article.html.hbs")).unwrap();
    p.write(
        "templates/article.txt.hbs",
        "{{title.value}}\n{{#each blocks}}\n  {{#each items}}{{/each}}{{author}}\n{{/each}}\n",
    );
    let (_, _, err) = super::support::run(&p, &["build"]);
    assert_eq!(
        err,
        "error: templates/article.txt.hbs: line 3, column 27: `author` is not a field of an item of `blocks` (the `{{#each blocks}}` of line 2)
 --> templates/article.txt.hbs:3:27
  |
3 |   {{#each items}}{{/each}}{{author}}
  |                           ^
"
    );
    std::fs::remove_file(p.path().join("templates/article.txt.hbs")).unwrap();
    p.write("templates/style.hbs", "{{colour}}");
    let (_, _, err) = super::support::run(&p, &["build"]);
    assert_eq!(
        err,
        "error: templates/style.hbs: line 1, column 1: `colour` is not a field of the page it is included in
 --> templates/style.hbs:1:1
  |
1 | {{colour}}
  | ^
"
    );
    p.write("templates/style.hbs", "a\n  {{#if lang}}");
    let (exit, _, err) = super::support::run(&p, &["build"]);
    assert_eq!(exit, 2);
    assert_eq!(
        err,
        "error: templates/style.hbs: line 2, column 15: invalid Handlebars syntax (an unclosed `{{`, or a block without its `{{/…}}`?)
 --> templates/style.hbs:2:15
  |
2 |   {{#if lang}}
  |               ^
"
    );
}

/// Fluent's numbers are doubles: an integer past 2^53 would be published rounded
/// (9007199254740993 as ...992), so it is refused, at its line, with the way to show it.
#[test]
fn an_integer_too_large_to_publish_exactly_is_refused_at_its_line() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\ntitle = \"title\"\ntitle_args = { count = 9007199254740993 }\n",
    );
    fails_exactly(
        &p,
        &["content/a.toml: line 3: title_args: args.count: 9007199254740993 is too large to be shown exactly (a number goes up to 2^53, 9007199254740992); write it as a string, \"9007199254740993\", to show it as typed"],
    );
    p.write(
        "content/a.toml",
        "date = 2025-08-17\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"title\"\nargs = { n = -9007199254740993 }\n",
    );
    fails_with(
        &p,
        &[
            "content/a.toml",
            "line 3: block 1",
            "args.n",
            "-9007199254740993 is too large",
        ],
    );
    // 2^53 itself is exact: the article is read (check's findings are about the translations).
    p.write(
        "content/a.toml",
        "date = 2025-08-17\ntitle_args = { count = 9007199254740992 }\n",
    );
    let out = p.gazette(&["check"]).output().unwrap();
    assert_ne!(out.status.code(), Some(2), "{out:?}");
}

/// A number is published as written or refused: an article's argument with more significant
/// digits than a double keeps is refused at its line (exit 2), and a Fluent number literal
/// that would be published with other digits is a `format-error` at its line (exit 1, nothing
/// published). Tenths, a power of ten and a padded literal are published as written.
#[test]
fn a_number_is_published_as_written_or_refused() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\ntitle = \"title\"\ntitle_args = { share = 12.3456789012345678 }\n",
    );
    fails_exactly(
        &p,
        &["content/a.toml: line 3: title_args: args.share: a number of more than 15 significant digits (12.345678901234567 as read) cannot be published as written: write it with at most 15, or as a string to show it as typed"],
    );
    // The publish fixture, whose site strings build pages.
    let p = Project::fixture("publish");
    let article = p.read("content/newer.toml");
    p.write(
        "content/newer.toml",
        &article.replacen(
            "key = \"body\"\n",
            "key = \"body\"\nargs = { n = 0.1, big = 1e300 }\n",
            1,
        ),
    );
    let body = "body = { $n } { $big } { NUMBER($n, minimumFractionDigits: 20) } { 0.50 }";
    let fr = p.read("locales/fr/newer.ftl");
    p.write(
        "locales/fr/newer.ftl",
        &fr.replace("body = Premier paragraphe.", body),
    );
    let (code, _, stderr) = super::support::run(&p, &["build", "--lang", "fr"]);
    assert_eq!(code, 0, "{stderr}");
    let page = p
        .read("out/fr/newer.html")
        .replace(['\u{2068}', '\u{2069}'], "");
    let zeros = "\u{202f}000".repeat(100);
    assert!(
        page.contains(&format!("0,1 1{zeros} 0,10000000000000000000 0,50")),
        "{page}"
    );
    std::fs::remove_dir_all(p.path().join("out")).unwrap();
    let de = p.read("locales/de/site.ftl");
    p.write(
        "locales/de/site.ftl",
        &format!("{de}share = {{ NUMBER(12.345678901234567890) }} {{ 12345678901234567890 }}\n"),
    );
    let line = p.read("locales/de/site.ftl").lines().count() as u64;
    let fr = p.read("locales/fr/site.ftl");
    p.write("locales/fr/site.ftl", &format!("{fr}share = Part\n"));
    let (code, stdout, _) = super::support::run(&p, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{stdout}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let found: Vec<(String, u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "format-error")
        .map(|d| {
            let message = d["message"].as_str().unwrap().to_owned();
            (
                d["file"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                message,
            )
        })
        .collect();
    let expected = |written: &str, published: &str| {
        (
            "locales/de/site.ftl".to_owned(),
            line,
            format!("`share` writes the number {written}, which would be published as {published}: a number keeps 15 significant digits"),
        )
    };
    assert_eq!(
        found,
        [
            expected("12.345678901234567890", "12.345678901234567000"),
            expected("12345678901234567890", "12345678901234567000"),
        ]
    );
    let (code, _, _) = super::support::run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 1);
    assert!(!p.path().join("out").exists());
}

/// A leap second (`11:15:60`) is refused wherever a time is written, at its line.
#[test]
fn a_leap_second_is_refused_at_its_line() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "title = \"title\"\ndate = 2025-08-17T11:15:60+02:00\n",
    );
    fails_exactly(
        &p,
        &["content/a.toml: line 2: date: `2025-08-17T11:15:60+02:00` has a leap second (second 60), which gazette does not publish: write :59, or the next minute's :00"],
    );
    p.write(
        "content/a.toml",
        "date = 2025-08-17\nembargo = 2025-08-17T11:15:60Z\n",
    );
    fails_with(&p, &["content/a.toml", "line 2: embargo:", "leap second"]);
    p.write(
        "content/a.toml",
        "date = 2025-08-17\n[[updates]]\nkey = \"title\"\nat = 2025-08-18T23:59:60Z\n",
    );
    fails_with(
        &p,
        &["content/a.toml", "line 4: updates.at:", "leap second"],
    );
    p.write(
        "content/a.toml",
        "date = 2025-08-17\nlede_args = { when = 2025-08-18T23:59:60Z }\n",
    );
    fails_with(
        &p,
        &[
            "content/a.toml",
            "line 2: lede_args: args.when:",
            "leap second",
        ],
    );
}

/// A Hugo site has `content/` and an `i18n/` of `.toml` files: it is no gazette project, and a
/// command refused there leaves no trace (no `.gazette-cache/`).
#[test]
fn a_site_of_another_generator_is_not_taken_for_a_project() {
    let p = Project::empty();
    p.write("hugo.toml", "baseURL = \"https://example.org/\"\n")
        .write("content/posts/first.md", "+++\ntitle = \"First\"\n+++\n")
        .write("i18n/en.toml", "[home]\nother = \"Home\"\n");
    let before = super::support::tree(p.path());
    for args in [
        &["build"][..],
        &["check"],
        &["status"],
        &["sync", "--all"],
        &["new", "x"],
    ] {
        let (code, stdout, stderr) = super::support::run(&p, args);
        assert_eq!((code, stdout.as_str()), (2, ""), "{args:?}: {stderr}");
        assert!(
            stderr.contains("not in a gazette project: no gazette.toml here"),
            "{args:?}: {stderr}"
        );
    }
    assert!(!p.path().join(".gazette-cache").exists());
    assert_eq!(super::support::tree(p.path()), before);
}

/// A build that fails on the project's own files writes nothing, not even its lock's note.
#[test]
fn a_failed_build_leaves_no_cache_folder() {
    let p = minimal();
    p.write("gazette.toml", "baseurl = \"https://example.org\"\n");
    let (code, _, stderr) = super::support::run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!p.path().join(".gazette-cache").exists(), "{stderr}");
}

/// A misspelt key is answered with the key meant, and a bad value with its line and the line
/// as it should be (the README shows these messages).
#[test]
fn settings_mistakes_are_answered_with_the_fix() {
    let p = minimal();
    for (toml, message) in [
        (
            "source = \"fr\"\nbaseurl = \"https://example.org\"\n",
            "gazette.toml: line 2, column 1: unknown key `baseurl`: did you mean `base_url`?",
        ),
        (
            "source = \"fr\"\nbase_url = \"example.org\"\n",
            "gazette.toml: line 2: base_url: `example.org` must be an absolute http:// or https:// URL: base_url = \"https://example.org\"",
        ),
        (
            "source = \"fr\"\ntargets = \"de\"\n",
            "gazette.toml: line 2, column 11: a list is written in brackets, each item quoted: targets = [\"de\"]",
        ),
    ] {
        p.write("gazette.toml", toml);
        fails_exactly(&p, &[message]);
    }
}

#[test]
fn invalid_utf8_in_ftl_is_named_once() {
    let p = project();
    fs::write(
        p.path().join("locales/de/older.ftl"),
        b"title = Alt\xc3\x28\n",
    )
    .unwrap();
    check_and_build_refuse(&p, &["locales/de/older.ftl", "not valid UTF-8 (byte 11)"]);
    let (_, _, stderr) = run_timed(&p, &["check"]);
    assert_eq!(stderr.matches("not valid UTF-8").count(), 1, "{stderr}");
}

#[test]
fn invalid_utf8_in_toml_is_named() {
    let p = project();
    fs::write(
        p.path().join("content/older.toml"),
        b"date = 2025-03-01\nsection = \"\xff\"\n",
    )
    .unwrap();
    check_and_build_refuse(&p, &["content/older.toml", "not valid UTF-8"]);

    let p = project();
    fs::write(p.path().join("gazette.toml"), b"base_url = \"\xfe\"\n").unwrap();
    check_and_build_refuse(&p, &["gazette.toml", "not valid UTF-8"]);
}

/// Every text file of the project rewritten with a byte-order mark and CRLF line endings.
fn bom_and_crlf(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            bom_and_crlf(&path);
        } else if path.extension().is_some_and(|e| e == "ftl" || e == "toml") {
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
        }
    }
}

#[test]
fn bom_and_crlf_work_like_plain_files() {
    let plain = project();
    // A multi-line message and an attribute, where line endings matter most.
    plain
        .write(
            "locales/fr/newer.ftl",
            "title = Le plus récent\nbody =\n    Premier\n    paragraphe.\nextra = Second { $date }\n    .x = attribut\n",
        )
        .write(
            "locales/de/newer.ftl",
            "title = Das Neueste\nbody =\n    Erster\n    Absatz.\nextra = Zweiter { $date }\n    .x = Attribut\n",
        );
    let (code, check_plain, _) = run_timed(&plain, &["check"]);
    assert_eq!(code, 0, "{check_plain}");
    let (code, _, stderr) = run_timed(&plain, &["build"]);
    assert_eq!(code, 0, "{stderr}");

    let windows = Project::empty();
    super::support::copy(plain.path(), windows.path());
    fs::remove_dir_all(windows.path().join("out")).unwrap();
    bom_and_crlf(windows.path());
    assert!(windows.read("gazette.toml").starts_with('\u{feff}'));
    assert!(windows
        .read("locales/de/newer.ftl")
        .contains("\r\n    Absatz."));

    let (code, check_windows, stderr) = run_timed(&windows, &["check"]);
    assert_eq!(code, 0, "{check_windows}{stderr}");
    assert_eq!(check_windows, check_plain);
    let (code, _, stderr) = run_timed(&windows, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let (a, b) = (
        tree(&plain.path().join("out")),
        tree(&windows.path().join("out")),
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs:\n{}\n---\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&b[name])
        );
    }
}

#[test]
fn empty_ftl_file_is_fine() {
    let p = project();
    p.write("locales/fr/empty.ftl", "")
        .write("locales/de/empty.ftl", "");
    let (code, stdout, stderr) = run_timed(&p, &["check"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("check: no problems found"), "{stdout}");
}

#[test]
fn empty_article_file_lacks_its_date() {
    let p = project();
    p.write("content/older.toml", "");
    check_and_build_refuse(&p, &["content/older.toml", "missing field `date`"]);
}

#[test]
fn bad_slugs_are_refused() {
    // (A control character is refused in any file name: tests/cli/boundaries.rs.)
    for name in ["..", "a..b", ".hidden"] {
        let p = project();
        p.write(&format!("content/{name}.toml"), "date = 2025-03-01\n");
        check_and_build_refuse(&p, &["invalid slug"]);
    }
}

#[test]
fn config_that_is_a_folder() {
    let p = project();
    fs::remove_file(p.path().join("gazette.toml")).unwrap();
    fs::create_dir(p.path().join("gazette.toml")).unwrap();
    check_and_build_refuse(&p, &["gazette.toml: is a folder, not a file"]);
}

/// Control characters a hostile translation can carry: cursor up, erase the line, a
/// right-to-left override, a C1 control sequence introducer, a bell.
const TERMINAL_TRICKS: &str = "\x1b[1A\x1b[2K\u{202e}\u{9b}2J\x07";

/// Whatever the output reaches (a terminal, a CI log), a translation's or a file name's
/// control characters are shown escaped, colours on or off; JSON escapes them itself.
#[test]
fn control_characters_from_inputs_are_shown_escaped() {
    let p = project();
    p.write(
        "locales/de/newer.ftl",
        &format!("title = <blink>Der Neueste{TERMINAL_TRICKS}</blink>\nbody = Erster Absatz.\nextra = Zweiter Absatz.\n"),
    );
    let hostile = |s: &str| s.contains(['\x1b', '\u{202e}', '\u{9b}', '\x07']);
    // A file name with a control character is refused, and named escaped.
    p.write("locales/de/a\x1b[2Kb.ftl", "stray = x\n");
    for command in ["check", "status"] {
        let (code, _, stderr) = run_timed(&p, &["--color", "never", command]);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains("locales/de/a\\u{1b}[2Kb.ftl") && !hostile(&stderr),
            "{stderr:?}"
        );
    }
    fs::remove_file(p.path().join("locales/de/a\x1b[2Kb.ftl")).unwrap();
    for color in ["never", "always"] {
        for format in ["human", "github"] {
            let (code, stdout, stderr) =
                run_timed(&p, &["--color", color, "check", "--format", format]);
            assert_eq!(code, 0, "{stderr}");
            assert!(stdout.contains("unsupported-markup"), "{stdout}");
            assert!(
                !hostile(&without_colours(&stdout)),
                "{color} {format}: {stdout:?}"
            );
            // The excerpt of the line draws each control as one symbol, as rustc does.
            if format == "human" {
                assert!(stdout.contains("Neueste␛[1A␛[2K��2J␇<"), "{stdout}");
            }
        }
        let (_, stdout, _) = run_timed(&p, &["--color", color, "status"]);
        assert!(!hostile(&without_colours(&stdout)), "{stdout:?}");
    }
    let (_, stdout, stderr) = run_timed(&p, &["build"]);
    assert!(stderr.contains("unsupported-markup"), "{stderr}");
    assert!(!hostile(&stderr) && stdout.is_empty(), "{stderr:?}");
    // A fatal error names the value it refuses.
    let newer = p.read("content/newer.toml");
    p.write(
        "content/newer.toml",
        &newer.replacen(
            "[[blocks]]",
            "[slugs]\nde = \"neu\\u001b[2K\"\n\n[[blocks]]",
            1,
        ),
    );
    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("neu\\u{1b}[2K") && !hostile(&stderr),
        "{stderr:?}"
    );
}

/// A line break in a value a fatal error quotes is shown escaped: the error stays one line,
/// and no value can forge a GitHub annotation in a CI log.
#[test]
fn a_fatal_error_is_one_line_whatever_the_value_it_quotes() {
    let p = project();
    p.write(
        "gazette.toml",
        "source = \"fr\"\ntargets = [\"e\\n::error::forged\"]\n",
    );
    let (code, _, stderr) = run_timed(&p, &["check", "--format", "github"]);
    assert_eq!(code, 2, "{stderr}");
    one_error(&stderr);
    assert!(stderr.contains("`e\\n::error::forged`"), "{stderr}");
    assert!(!stderr.lines().any(|l| l.starts_with("::")), "{stderr}");
}

/// `s` without gazette's own colours (`ESC [ digits ; m`), to see what else it holds.
fn without_colours(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let params = after.find(|c: char| !c.is_ascii_digit() && c != ';');
        match params {
            Some(j) if after[j..].starts_with('m') => rest = &after[j + 1..],
            _ => {
                out.push('\x1b');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}
