//! `gazette check`: one fixture project per diagnostic code (`tests/fixtures/diagnostics/<code>/`),
//! SPEC's conventions, and the three output formats.
//!
//! Every fixture is a `fr` source and a `de` target whose `app.ftl` (or article) triggers its
//! code exactly once. Each also carries a `site.ftl` per language with interface strings, as a
//! gazette project does: the two fixtures with an article need the ones the built-in templates
//! name (`ui.site-name`, ...), or `check` reports them as `missing-source-message`.

use std::collections::BTreeSet;

use gazette::check::{Code, Counts, Severity};
use gazette::report::JsonReport;
use serde_json::{json, Value};

use super::support::{repo_root, Project};

/// Interface strings, as the fixtures without an article carry them.
const SITE_FR: &str = "\
site-name = La Gazette
published = Publié
other-editions = Autres éditions
skip-to-content = Aller au contenu
video-unsupported = Vidéo non prise en charge
";
const SITE_DE: &str = "\
site-name = Die Gazette
published = Veröffentlicht
other-editions = Andere Ausgaben
skip-to-content = Zum Inhalt
video-unsupported = Video nicht unterstützt
";
/// How many messages `site.ftl` adds to a target's counts.
const SITE_MESSAGES: usize = 5;

/// A project with a `fr` source and a `de` target holding the interface strings, plus `files`.
fn project(files: &[(&str, &str)]) -> Project {
    let p = Project::empty();
    p.write("gazette.toml", "source = \"fr\"\n")
        .write("locales/fr/site.ftl", SITE_FR)
        .write("locales/de/site.ftl", SITE_DE);
    for (path, text) in files {
        p.write(path, text);
    }
    p
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("no diagnostics array: {report:#}"))
}

fn with_code<'a>(report: &'a Value, code: &str) -> Vec<&'a Value> {
    diagnostics(report)
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

/// Every field of `expected` has that value in `actual`.
fn assert_fields(actual: &Value, expected: &Value) {
    for (key, value) in expected.as_object().unwrap() {
        assert_eq!(
            &actual[key], value,
            "field `{key}` of diagnostic:\n{actual:#}"
        );
    }
}

/// The report holds exactly one diagnostic, and it has the `expected` fields.
fn assert_only(report: &Value, expected: Value) -> &Value {
    let all = diagnostics(report);
    assert_eq!(all.len(), 1, "exactly one diagnostic expected:\n{report:#}");
    let d = &all[0];
    assert_fields(d, &expected);
    assert!(
        !d["message"].as_str().unwrap_or_default().is_empty(),
        "a diagnostic explains itself: {d:#}"
    );
    d
}

/// `check --format json` on `tests/fixtures/diagnostics/<code>`.
fn check_fixture(code: &str) -> (i32, Value) {
    Project::fixture(&format!("diagnostics/{code}")).check_json()
}

fn stdout_of(project: &Project, args: &[&str]) -> (i32, String) {
    let out = project.gazette(args).output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "nothing on stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

// One test per code: exit code and where the diagnostic points.

#[test]
fn syntax_error() {
    let (exit, report) = check_fixture("syntax-error");
    assert_eq!(exit, 1);
    // `bye = { Tschüss` (line 2): the parser stops at `ü`, column 13 counted in characters.
    // `bye` is inside the junk, so it is not also a missing-message.
    assert_only(
        &report,
        json!({ "severity": "error", "code": "syntax-error", "locale": "de",
                "file": "locales/de/app.ftl", "line": 2, "column": 13, "attribute": null }),
    );
}

#[test]
fn duplicate_message() {
    let (exit, report) = check_fixture("duplicate-message");
    assert_eq!(exit, 1);
    // Reported where the id is defined the second time.
    assert_only(
        &report,
        json!({ "severity": "error", "code": "duplicate-message", "locale": "de",
                "file": "locales/de/app.ftl", "line": 3, "column": 1, "id": "hello",
                "attribute": null }),
    );
}

#[test]
fn duplicate_attribute() {
    let (exit, report) = check_fixture("duplicate-attribute");
    assert_eq!(exit, 1);
    // The second `.title`, on line 3.
    assert_only(
        &report,
        json!({ "severity": "error", "code": "duplicate-attribute", "locale": "de",
                "file": "locales/de/app.ftl", "line": 3, "id": "button", "attribute": "title" }),
    );
}

#[test]
fn missing_source_message() {
    let (exit, report) = check_fixture("missing-source-message");
    assert_eq!(exit, 1);
    // The article names `outro` (line 9 of the article file); locales/fr/article.ftl lacks it.
    let d = assert_only(
        &report,
        json!({ "severity": "error", "code": "missing-source-message", "locale": "fr",
                "file": "content/article.toml", "line": 9, "id": "outro", "attribute": null }),
    );
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("locales/fr/article.ftl"), "{message}");
}

#[test]
fn missing_message() {
    let (exit, report) = check_fixture("missing-message");
    assert_eq!(exit, 1);
    // The file exists but has no line for what it lacks.
    assert_only(
        &report,
        json!({ "severity": "error", "code": "missing-message", "locale": "de",
                "file": "locales/de/app.ftl", "line": null, "column": null, "id": "bye",
                "attribute": null }),
    );
    assert_eq!(report["summary"]["locales"]["de"]["missing"], 1);
}

#[test]
fn missing_attribute() {
    let (exit, report) = check_fixture("missing-attribute");
    assert_eq!(exit, 1);
    // At the target message's id.
    assert_only(
        &report,
        json!({ "severity": "error", "code": "missing-attribute", "locale": "de",
                "file": "locales/de/app.ftl", "line": 1, "column": 1, "id": "button",
                "attribute": "title" }),
    );
}

#[test]
fn missing_value() {
    let (exit, report) = check_fixture("missing-value");
    assert_eq!(exit, 1);
    assert_only(
        &report,
        json!({ "severity": "error", "code": "missing-value", "locale": "de",
                "file": "locales/de/app.ftl", "line": 1, "column": 1, "id": "button",
                "attribute": null }),
    );
}

#[test]
fn unknown_variable() {
    let (exit, report) = check_fixture("unknown-variable");
    assert_eq!(exit, 1);
    let d = assert_only(
        &report,
        json!({ "severity": "error", "code": "unknown-variable", "locale": "de",
                "file": "locales/de/app.ftl", "line": 1, "column": 1, "id": "greeting",
                "attribute": null }),
    );
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("$title"), "names the variable: {message}");
}

#[test]
fn dropped_variable() {
    let (exit, report) = check_fixture("dropped-variable");
    assert_eq!(exit, 0, "a warning does not fail check");
    let d = assert_only(
        &report,
        json!({ "severity": "warning", "code": "dropped-variable", "locale": "de",
                "file": "locales/de/app.ftl", "line": 1, "column": 1, "id": "greeting",
                "attribute": null }),
    );
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("$name"), "names the variable: {message}");
}

#[test]
fn unresolved_reference() {
    let (exit, report) = check_fixture("unresolved-reference");
    assert_eq!(exit, 1);
    // `about = { -brand.gender -> ... }` (line 2), but the German `-brand` has no `.gender`:
    // reported at the message that holds the reference. (The source references `-brand` too,
    // and term attributes are grammar, so this is not also a reference-mismatch.)
    let d = assert_only(
        &report,
        json!({ "severity": "error", "code": "unresolved-reference", "locale": "de",
                "file": "locales/de/app.ftl", "line": 2, "column": 1, "id": "about",
                "attribute": null }),
    );
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("`-brand.gender`"),
        "names the reference: {message}"
    );
}

#[test]
fn format_error() {
    let (exit, report) = check_fixture("format-error");
    assert_eq!(exit, 1);
    // The article passes `count = 0` but not `name`: French puts 0 in the `one` category, German
    // in `other`, whose variant uses `$name`. Both languages use the same variables, so this is
    // neither unknown-variable nor dropped-variable: only formatting for real finds it.
    let d = assert_only(
        &report,
        json!({ "severity": "error", "code": "format-error", "locale": "de",
                "file": "locales/de/article.ftl", "line": 2, "column": 1, "id": "guests",
                "attribute": null }),
    );
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("name"), "names the variable: {message}");
}

#[test]
fn format_error_in_an_attribute_names_it() {
    let p = Project::fixture("diagnostics/format-error");
    p.write(
        "locales/fr/article.ftl",
        "title = Titre\nguests = Invités\n    .title = Invités de { $name }\n",
    )
    .write(
        "locales/de/article.ftl",
        "title = Titel\nguests = Gäste\n    .title = Gäste von { $name }\n",
    );
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    let errors = with_code(&report, "format-error");
    assert_eq!(errors.len(), 2, "{report:#}");
    for (d, lang) in errors.iter().zip(["de", "fr"]) {
        assert_fields(
            d,
            &json!({ "locale": lang, "file": format!("locales/{lang}/article.ftl"), "line": 2,
                     "id": "guests", "attribute": "title" }),
        );
    }
    assert_eq!(diagnostics(&report).len(), 2, "{report:#}");
}

#[test]
fn obsolete_message() {
    let (exit, report) = check_fixture("obsolete-message");
    assert_eq!(exit, 0, "a warning does not fail check");
    assert_only(
        &report,
        json!({ "severity": "warning", "code": "obsolete-message", "locale": "de",
                "file": "locales/de/app.ftl", "line": 2, "column": 1, "id": "goodbye",
                "attribute": null }),
    );
    assert_eq!(report["summary"]["locales"]["de"]["obsolete"], 1);
}

#[test]
fn obsolete_attribute() {
    let (exit, report) = check_fixture("obsolete-attribute");
    assert_eq!(exit, 0, "a warning does not fail check");
    // On the line of `.tooltip`.
    assert_only(
        &report,
        json!({ "severity": "warning", "code": "obsolete-attribute", "locale": "de",
                "file": "locales/de/app.ftl", "line": 2, "id": "button",
                "attribute": "tooltip" }),
    );
}

/// Every code gazette implements has a fixture that reports it, with its default severity and
/// the matching exit code, in a report that deserialises into `JsonReport`.
#[test]
fn every_code_has_a_fixture_that_reports_it() {
    let root = repo_root().join("tests/fixtures/diagnostics");
    let mut failures = Vec::new();
    for code in Code::ALL {
        let name = code.as_str();
        if !root.join(name).is_dir() {
            failures.push(format!(
                "{name}: no fixture folder tests/fixtures/diagnostics/{name}"
            ));
            continue;
        }
        let (exit, value) = check_fixture(name);
        let report: JsonReport = serde_json::from_value(value.clone())
            .unwrap_or_else(|e| panic!("{name}: not a JsonReport ({e}):\n{value:#}"));
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .collect();
        if found.is_empty() {
            failures.push(format!("{name}: check does not report it:\n{value:#}"));
            continue;
        }
        if found.iter().any(|d| d.severity != code.severity()) {
            failures.push(format!("{name}: not with its default severity"));
        }
        let expected_exit = i32::from(code.severity() == Severity::Error);
        if exit != expected_exit {
            failures.push(format!("{name}: exit {exit}, expected {expected_exit}"));
        }
        for d in diagnostics(&value) {
            for key in [
                "severity",
                "code",
                "locale",
                "file",
                "line",
                "column",
                "id",
                "attribute",
                "message",
            ] {
                if d.get(key).is_none() {
                    failures.push(format!("{name}: diagnostic without `{key}`: {d}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// SPEC's conventions.

#[test]
fn absent_target_file_gives_one_missing_message_per_source_id() {
    let p = project(&[
        (
            "locales/fr/app.ftl",
            "-brand = Gazette\nhello = Bonjour { -brand }\nbutton = Envoyer\n    .title = Envoyer le formulaire\n",
        ),
        ("locales/fr/news/front_page.ftl", "headline = À la une\n"),
    ]);
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    let missing = with_code(&report, "missing-message");
    let found: BTreeSet<_> = missing
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        BTreeSet::from([
            ("locales/de/app.ftl", "-brand"),
            ("locales/de/app.ftl", "button"),
            ("locales/de/app.ftl", "hello"),
            ("locales/de/news/front_page.ftl", "headline"),
        ]),
        "{report:#}"
    );
    for d in &missing {
        assert_fields(
            d,
            &json!({ "severity": "error", "locale": "de", "line": null, "column": null,
                     "attribute": null }),
        );
    }
    assert_eq!(
        diagnostics(&report).len(),
        4,
        "nothing but missing-message:\n{report:#}"
    );
    assert_eq!(report["summary"]["locales"]["de"]["missing"], 4);
}

#[test]
fn target_file_without_source_gives_one_obsolete_message_per_id() {
    let p = project(&[
        ("locales/fr/app.ftl", "hello = Bonjour\n"),
        ("locales/de/app.ftl", "hello = Hallo\n"),
        (
            "locales/de/legacy.ftl",
            "# Left over from a removed page.\nold-a = Alt\n-old-term = Alt\n",
        ),
    ]);
    let (exit, report) = p.check_json();
    assert_eq!(exit, 0, "obsolete messages are warnings");
    let obsolete = with_code(&report, "obsolete-message");
    assert_eq!(obsolete.len(), 2, "{report:#}");
    assert_eq!(diagnostics(&report).len(), 2, "{report:#}");
    assert_fields(
        obsolete[0],
        &json!({ "severity": "warning", "locale": "de", "file": "locales/de/legacy.ftl",
                 "line": 2, "column": 1, "id": "old-a" }),
    );
    assert_fields(
        obsolete[1],
        &json!({ "severity": "warning", "locale": "de", "file": "locales/de/legacy.ftl",
                 "line": 3, "id": "-old-term" }),
    );
    assert_eq!(report["summary"]["locales"]["de"]["obsolete"], 2);
}

#[test]
fn message_missing_altogether_is_missing_message_only() {
    let p = project(&[
        (
            "locales/fr/app.ftl",
            "hello = Bonjour\nbutton = Envoyer\n    .title = Envoyer le formulaire\n    .aria-label = Envoyer\n",
        ),
        ("locales/de/app.ftl", "hello = Hallo\n"),
    ]);
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    assert_only(
        &report,
        json!({ "code": "missing-message", "file": "locales/de/app.ftl", "id": "button",
                "attribute": null }),
    );
}

#[test]
fn ids_inside_junk_are_not_reported_as_missing() {
    let p = project(&[
        (
            "locales/fr/app.ftl",
            "-brand = Gazette\nhello = Bonjour\nabout = À propos\n",
        ),
        (
            "locales/de/app.ftl",
            "-brand = { Gazette\nhello = Hallo\nabout = Über\n",
        ),
    ]);
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    // One junk entry, one syntax-error; `-brand` is not also missing (nor anything obsolete).
    assert_only(
        &report,
        json!({ "code": "syntax-error", "file": "locales/de/app.ftl", "line": 1 }),
    );
}

#[test]
fn junk_in_the_source_does_not_make_the_target_obsolete() {
    let p = project(&[
        ("locales/fr/app.ftl", "hello = Bonjour\nbye = { Au revoir\n"),
        ("locales/de/app.ftl", "hello = Hallo\nbye = Tschüss\n"),
    ]);
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    assert_only(
        &report,
        json!({ "code": "syntax-error", "locale": "fr", "file": "locales/fr/app.ftl",
                "line": 2 }),
    );
}

/// A source entry that lacks its `=` is junk that still names its id: the target's
/// translation of it is not obsolete, and the syntax error is reported first.
#[test]
fn a_source_syntax_error_comes_first_and_does_not_cascade() {
    let p = project(&[
        (
            "locales/fr/app.ftl",
            "hello = Bonjour\nmayor-quote « Nous sommes prêts »\n",
        ),
        ("locales/de/app.ftl", "mayor-quote = Wir sind bereit\n"),
    ]);
    let (exit, human) = stdout_of(&p, &["check"]);
    assert_eq!(exit, 1);
    assert_eq!(
        human,
        "error[syntax-error]: Expected a token starting with \"=\"
 --> locales/fr/app.ftl:2:13
  |
2 | mayor-quote « Nous sommes prêts »
  |             ^
  = help: fix the Fluent syntax; the whole entry is ignored until it parses

error[missing-message]: `hello` is not translated
--> locales/de/app.ftl
 = help: add `hello = …` to locales/de/app.ftl, translated from locales/fr/app.ftl:1

check: 2 errors, 0 warnings
"
    );
}

#[test]
fn terms_are_reported_with_their_leading_dash() {
    let p = project(&[
        (
            "locales/fr/app.ftl",
            "-brand = Gazette\n-motto = Informer\nhello = Bonjour de { -brand }\n",
        ),
        (
            "locales/de/app.ftl",
            "-motto = Informieren\n-old = Alt\nhello = Hallo von { -brand }\n",
        ),
    ]);
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    let ids = |code: &str| -> Vec<String> {
        with_code(&report, code)
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids("missing-message"), ["-brand"], "{report:#}");
    assert_eq!(ids("obsolete-message"), ["-old"], "{report:#}");
    // The message that uses the absent term is the one reported; the term is named in the text.
    let unresolved = with_code(&report, "unresolved-reference");
    assert_eq!(unresolved.len(), 1, "{report:#}");
    assert_fields(unresolved[0], &json!({ "id": "hello", "line": 3 }));
    assert!(unresolved[0]["message"]
        .as_str()
        .unwrap()
        .contains("`-brand`"));
    assert_eq!(diagnostics(&report).len(), 3, "{report:#}");
}

#[test]
fn clean_project_has_no_diagnostics() {
    let p = project(&[
        (
            "locales/fr/app.ftl",
            "-brand = Gazette\nhello = Bonjour { $name }, ici { -brand }\n    .title = Salut\n",
        ),
        (
            "locales/de/app.ftl",
            "-brand = Gazette\nhello = Hallo { $name }, hier { -brand }\n    .title = Hallo\n",
        ),
    ]);
    let (exit, report) = p.check_json();
    assert_eq!(exit, 0);
    assert_eq!(diagnostics(&report).len(), 0, "{report:#}");
    let (exit, human) = stdout_of(&p, &["check"]);
    assert_eq!(exit, 0);
    assert_eq!(human, "check: no problems found\n");
}

// Output formats.

#[test]
fn human_format_shows_code_position_snippet_help_and_summary() {
    let p = Project::fixture("diagnostics/missing-attribute");
    let (exit, out) = stdout_of(&p, &["check", "--format", "human"]);
    assert_eq!(exit, 1);
    assert_eq!(
        out,
        "\
error[missing-attribute]: `button` lacks the attribute `.title`
 --> locales/de/app.ftl:1:1
  |
1 | button = Senden
  | ^
  = help: add `.title = …` under `button`

check: 1 error, 0 warnings
"
    );
    // Human is the default format.
    assert_eq!(stdout_of(&p, &["check"]), (exit, out));
}

#[test]
fn human_format_without_a_line_shows_the_file_only() {
    let p = Project::fixture("diagnostics/missing-message");
    let (exit, out) = stdout_of(&p, &["check", "--format", "human"]);
    assert_eq!(exit, 1);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines[0], "error[missing-message]: `bye` is not translated");
    assert_eq!(lines[1], "--> locales/de/app.ftl");
    assert!(lines[2].starts_with(" = help: "), "{out}");
    assert_eq!(lines.last(), Some(&"check: 1 error, 0 warnings"));
}

#[test]
fn human_format_counts_warnings() {
    let p = Project::fixture("diagnostics/obsolete-message");
    let (exit, out) = stdout_of(&p, &["check"]);
    assert_eq!(exit, 0);
    assert!(out.starts_with("warning[obsolete-message]: "), "{out}");
    assert!(out.contains(" --> locales/de/app.ftl:2:1\n"), "{out}");
    assert!(out.contains("2 | goodbye = Tschüss\n"), "{out}");
    assert!(out.ends_with("\ncheck: 0 errors, 1 warning\n"), "{out}");
}

#[test]
fn github_format_prints_one_annotation_per_diagnostic() {
    let p = Project::fixture("diagnostics/missing-attribute");
    let (exit, out) = stdout_of(&p, &["check", "--format", "github"]);
    assert_eq!(exit, 1);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(
            "::error file=locales/de/app.ftl,line=1,col=1,title=missing-attribute (de)::`button` lacks the attribute `.title`"
        ),
        "{out}"
    );
    assert_eq!(lines[1], "check: 1 error, 0 warnings");

    let p = Project::fixture("diagnostics/obsolete-message");
    let (exit, out) = stdout_of(&p, &["check", "--format", "github"]);
    assert_eq!(exit, 0);
    assert!(
        out.starts_with("::warning file=locales/de/app.ftl,line=2,col=1,"),
        "{out}"
    );

    // A message the target lacks has no line there: the annotation is on the source
    // message's line, and names the target file.
    let p = Project::fixture("diagnostics/missing-message");
    let (_, out) = stdout_of(&p, &["check", "--format", "github"]);
    assert!(
        out.starts_with(
            "::error file=locales/fr/app.ftl,line=2,col=1,title=missing-message (de)::locales/de/app.ftl: `bye` is not translated%0A"
        ),
        "{out}"
    );
    // JSON keeps the target file, with no line of its own, and tells where the source is.
    let (_, report) = p.check_json();
    let d = assert_only(
        &report,
        json!({ "code": "missing-message", "file": "locales/de/app.ftl", "line": null,
                "column": null,
                "source_location": { "file": "locales/fr/app.ftl", "line": 2, "column": 1 } }),
    );
    assert!(d.get("change").is_none(), "{d:#}");
    // Every annotation has a line: a finding about a whole file is on its first.
    for code in Code::ALL {
        let (_, out) = stdout_of(
            &Project::fixture(&format!("diagnostics/{code}")),
            &["check", "--format", "github"],
        );
        for line in out.lines().filter(|l| l.starts_with("::")) {
            assert!(line.contains(",line="), "{code}: {line}");
        }
    }
}

/// A plain Fluent project is told how to add a message by hand: `gazette sync` would add
/// gazette's folders (`gazette.lock.d/`, `.gazette-cache/`) to someone else's repository.
#[test]
fn hints_on_a_plain_fluent_project_suggest_no_gazette_command() {
    let p = Project::empty();
    p.write("locales/en-US/app.ftl", "hello = Hello\nbye = Bye\n")
        .write("locales/de/app.ftl", "hello = Hallo\n")
        .write("locales/fr/app.ftl", "hello = Bonjour\n");
    let out = p.gazette(&["check", "--format", "json"]).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let missing = with_code(&report, "missing-message");
    assert_eq!(missing.len(), 2, "{report:#}");
    assert_eq!(
        missing[0]["help"],
        "add `bye = …` to locales/de/app.ftl, translated from locales/en-US/app.ftl:2"
    );
    for d in diagnostics(&report) {
        assert!(!d["help"].as_str().unwrap().contains("gazette "), "{d:#}");
    }
    // In a gazette site, `sync` is the way.
    let p = Project::fixture("diagnostics/missing-base-url");
    p.write("locales/de/article.ftl", "title = Titel\n");
    let (_, report) = p.check_json();
    assert_eq!(
        with_code(&report, "missing-message")[0]["help"],
        "run `gazette sync de` to add a stub, then translate it"
    );
}

#[test]
fn deny_warnings_turns_warnings_into_errors() {
    let p = Project::fixture("diagnostics/dropped-variable");
    let (exit, report) = p.check_json();
    assert_eq!(exit, 0);
    assert_eq!(report["summary"]["warnings"], 1);

    let out = p
        .gazette(&["check", "--format", "json", "--deny-warnings"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_only(
        &report,
        json!({ "severity": "error", "code": "dropped-variable", "id": "greeting" }),
    );
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["warnings"], 0);

    let (exit, out) = stdout_of(&p, &["check", "--deny-warnings"]);
    assert_eq!(exit, 1);
    assert!(out.starts_with("error[dropped-variable]: "), "{out}");
    assert!(out.ends_with("check: 1 error, 0 warnings\n"), "{out}");
}

#[test]
fn json_report_has_source_summary_and_per_locale_counts() {
    let p = project(&[
        (
            "locales/fr/app.ftl",
            "hello = Bonjour\nbye = Au revoir\n-brand = Gazette\nbutton = Envoyer\n",
        ),
        (
            "locales/de/app.ftl",
            "hello = Hallo\n-brand = Gazette\nbutton = Senden\n    .tooltip = Klick\nold = Alt\n",
        ),
        // `en` has only the interface strings: app.ftl is absent altogether.
        ("locales/en/site.ftl", &SITE_DE.replace("Die ", "The ")),
    ]);
    let out = p.gazette(&["check", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["source"], "fr");
    // de: `bye` missing (error), `old` obsolete and `.tooltip` obsolete (warnings);
    // en: four missing.
    assert_eq!(value["summary"]["errors"], 5, "{value:#}");
    assert_eq!(value["summary"]["warnings"], 2, "{value:#}");
    let n = SITE_MESSAGES + 4;
    assert_eq!(
        value["summary"]["locales"]["de"],
        json!({ "messages": n, "translated": n - 1, "missing": 1, "stale": 0, "obsolete": 1 })
    );
    assert_eq!(
        value["summary"]["locales"]["en"],
        json!({ "messages": n, "translated": SITE_MESSAGES, "missing": 4, "stale": 0,
                "obsolete": 0 })
    );
    assert_eq!(
        value["summary"]["locales"].as_object().unwrap().len(),
        2,
        "one entry per target, none for the source"
    );

    let report: JsonReport = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report.source, "fr");
    assert_eq!((report.summary.errors, report.summary.warnings), (5, 2));
    assert_eq!(
        report.summary.locales["de"],
        Counts {
            messages: n,
            translated: n - 1,
            missing: 1,
            stale: 0,
            obsolete: 1,
        }
    );
    assert_eq!(report.diagnostics.len(), 7);
    assert_eq!(
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        report.summary.errors
    );
    // Sorted by file: de before en, and within a file unplaced (missing) ones first.
    let order: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.as_str(), d.code.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("locales/de/app.ftl", "missing-message"),
            ("locales/de/app.ftl", "obsolete-attribute"),
            ("locales/de/app.ftl", "obsolete-message"),
            ("locales/en/app.ftl", "missing-message"),
            ("locales/en/app.ftl", "missing-message"),
            ("locales/en/app.ftl", "missing-message"),
            ("locales/en/app.ftl", "missing-message"),
        ]
    );
}

/// SPEC: `check` works on any Fluent project, with or without a content/ folder (the built-in
/// templates' `ui.*` ids are only required when there are articles to render).
#[test]
fn plain_fluent_project_is_not_checked_against_builtin_templates() {
    let p = Project::empty();
    p.write("gazette.toml", "source = \"en\"\nlocales = \"i18n\"\n")
        .write("i18n/en/app.ftl", "hello = Hello\n")
        .write("i18n/de/app.ftl", "hello = Hallo\n");
    let (exit, report) = p.check_json();
    assert_eq!(diagnostics(&report).len(), 0, "{report:#}");
    assert_eq!(exit, 0);
}

// Known bugs: each test states what SPEC expects.

#[test]
fn duplicate_source_id_is_counted_once() {
    let p = project(&[
        (
            "locales/fr/app.ftl",
            "hello = Bonjour\nhello = Salut\nbye = Au revoir\n",
        ),
        ("locales/de/app.ftl", "bye = Tschüss\n"),
    ]);
    let (_, report) = p.check_json();
    assert_eq!(with_code(&report, "missing-message").len(), 1, "{report:#}");
    assert_eq!(
        report["summary"]["locales"]["de"],
        json!({ "messages": SITE_MESSAGES + 2, "translated": SITE_MESSAGES + 1, "missing": 1,
                "stale": 0, "obsolete": 0 })
    );
}

#[test]
fn term_column_points_at_its_dash() {
    let p = project(&[
        ("locales/fr/app.ftl", "hello = Bonjour\n"),
        ("locales/de/app.ftl", "hello = Hallo\n-old = Alt\n"),
    ]);
    let (_, report) = p.check_json();
    assert_only(
        &report,
        json!({ "code": "obsolete-message", "id": "-old", "line": 2, "column": 1 }),
    );
}

#[test]
fn attribute_diagnostics_point_at_the_attribute() {
    for code in ["duplicate-attribute", "obsolete-attribute"] {
        let (_, report) = check_fixture(code);
        let d = &with_code(&report, code)[0];
        // `    .title = …`: the `.` is in column 5, the name in column 6.
        assert!(
            matches!(d["column"].as_u64(), Some(5 | 6)),
            "{code} column: {d:#}"
        );
    }
}

#[test]
fn article_id_inside_source_junk_is_not_reported_again() {
    let p = Project::fixture("diagnostics/missing-source-message");
    p.write(
        "locales/fr/article.ftl",
        "title = Titre\nintro = { Introduction\noutro = Fin\n",
    )
    .write(
        "locales/de/article.ftl",
        "title = Titel\nintro = Einleitung\noutro = Ende\n",
    );
    let (_, report) = p.check_json();
    assert_only(
        &report,
        json!({ "code": "syntax-error", "file": "locales/fr/article.ftl", "line": 2 }),
    );
}

// Editors' workflow (issue 3): stale translations and translation-quality checks, one fixture
// per code; all are warnings (exit 0) but `missing-term`.

#[test]
fn stale_translation_shows_the_old_and_new_source_text() {
    let (exit, report) = check_fixture("stale-translation");
    assert_eq!(exit, 0, "a warning does not fail check");
    let d = assert_only(
        &report,
        json!({ "severity": "warning", "code": "stale-translation", "locale": "de",
                "file": "locales/de/app.ftl", "line": 1, "column": 1, "id": "greeting",
                "attribute": null }),
    );
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("“Bonjour !”") && message.contains("“Bonjour à tous, et bienvenue !”"),
        "old and new source text: {message}"
    );
    assert_eq!(
        d["help"],
        "update the translation, then run `gazette sync de --accept app:greeting`"
    );
    assert_eq!(
        d["change"],
        json!({ "old": "Bonjour !", "new": "Bonjour à tous, et bienvenue !", "spans": [
            { "kind": "same", "text": "Bonjour " },
            { "kind": "added", "text": "à tous, et bienvenue " },
            { "kind": "same", "text": "!" } ] })
    );
    let p = Project::fixture("diagnostics/stale-translation");
    let (exit, _) = stdout_of(&p, &["check", "--deny-warnings"]);
    assert_eq!(exit, 1, "--deny-warnings makes it an error");
    assert_eq!(report["summary"]["locales"]["de"]["stale"], 1);
    assert_eq!(
        report["summary"]["locales"]["de"]["translated"],
        SITE_MESSAGES as u64
    );
}

#[test]
fn untranslated_text_is_reported_unless_names_or_marked() {
    let (exit, report) = check_fixture("untranslated");
    assert_eq!(exit, 0);
    assert_only(
        &report,
        json!({ "severity": "warning", "code": "untranslated", "file": "locales/de/app.ftl",
                "line": 1, "id": "greeting", "attribute": null }),
    );
    // Names, numbers and placeables may stay as they are; so may a marked message.
    let p = project(&[
        (
            "locales/fr/app.ftl",
            "who = Keir Starmer\nwhen = { $date } – 2025\nok = D’accord\n",
        ),
        (
            "locales/de/app.ftl",
            "who = Keir Starmer\nwhen = { $date } – 2025\n# gazette: same-as-source\nok = D’accord\n",
        ),
    ]);
    let (exit, report) = p.check_json();
    assert_eq!((exit, diagnostics(&report).len()), (0, 0), "{report:#}");
}

#[test]
fn markup_mismatch() {
    let (exit, report) = check_fixture("markup-mismatch");
    assert_eq!(exit, 0);
    let d = assert_only(
        &report,
        json!({ "severity": "warning", "code": "markup-mismatch", "file": "locales/de/app.ftl",
                "line": 1, "id": "notice" }),
    );
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("`<em>`") && message.contains("`<strong>`"),
        "{message}"
    );
}

#[test]
fn reference_mismatch() {
    let (exit, report) = check_fixture("reference-mismatch");
    assert_eq!(exit, 0);
    let d = assert_only(
        &report,
        json!({ "severity": "warning", "code": "reference-mismatch",
                "file": "locales/de/app.ftl", "line": 2, "id": "back" }),
    );
    assert!(d["message"].as_str().unwrap().contains("`home`"), "{d:#}");
}

#[test]
fn missing_plural_category_follows_the_target_language() {
    let (exit, report) = check_fixture("missing-plural-category");
    assert_eq!(exit, 0);
    let d = assert_only(
        &report,
        json!({ "severity": "warning", "code": "missing-plural-category",
                "file": "locales/de/app.ftl", "line": 1, "id": "countries" }),
    );
    assert!(d["message"].as_str().unwrap().contains("[one]"), "{d:#}");
    // Polish needs `few` and `many` too; a selector on other keys is not a plural one.
    let p = project(&[
        (
            "gazette.toml",
            "source = \"fr\"\ntargets = [\"pl\"]\n",
        ),
        (
            "locales/fr/app.ftl",
            "n = { $n ->\n    [one] un\n   *[other] des\n}\ng = { $g ->\n    [f] elle\n   *[m] il\n}\n",
        ),
        (
            "locales/pl/app.ftl",
            "n = { $n ->\n    [one] jeden\n   *[other] wiele\n}\ng = { $g ->\n    [f] ona\n   *[m] on\n}\n",
        ),
    ]);
    let (_, report) = p.check_json();
    let found = with_code(&report, "missing-plural-category");
    assert_eq!(found.len(), 1, "{report:#}");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("[few] [many]"),
        "{report:#}"
    );
}

#[test]
fn missing_term_points_at_the_messages_that_need_it() {
    let (exit, report) = check_fixture("missing-term");
    assert_eq!(exit, 1, "the target lacks a term: an error");
    let found = with_code(&report, "missing-term");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_fields(
        found[0],
        &json!({ "severity": "error", "file": "locales/de/app.ftl", "line": 1,
                 "id": "welcome" }),
    );
    assert!(found[0]["message"].as_str().unwrap().contains("`-brand`"));
    // The term itself is missing; the same cause is not reported a third time.
    assert_eq!(with_code(&report, "missing-message").len(), 1);
    assert!(
        with_code(&report, "reference-mismatch").is_empty(),
        "{report:#}"
    );
}

#[test]
fn empty_value() {
    let (exit, report) = check_fixture("empty-value");
    assert_eq!(exit, 0);
    assert_only(
        &report,
        json!({ "severity": "warning", "code": "empty-value", "file": "locales/de/app.ftl",
                "line": 1, "id": "tagline", "attribute": null }),
    );
}

#[test]
fn unbalanced_delimiters() {
    let (exit, report) = check_fixture("unbalanced-delimiters");
    assert_eq!(exit, 0);
    assert_only(
        &report,
        json!({ "severity": "warning", "code": "unbalanced-delimiters",
                "file": "locales/de/app.ftl", "line": 1, "id": "summit" }),
    );
    // Each language's own quotation marks are balanced.
    let p = project(&[
        ("locales/fr/app.ftl", "q = Il a dit « oui » (enfin).\n"),
        ("locales/de/app.ftl", "q = Er sagte „ja“ (endlich).\n"),
    ]);
    let (_, report) = p.check_json();
    assert_eq!(diagnostics(&report).len(), 0, "{report:#}");
}

#[test]
fn whitespace_mismatch() {
    let (exit, report) = check_fixture("whitespace-mismatch");
    assert_eq!(exit, 0);
    let d = assert_only(
        &report,
        json!({ "severity": "warning", "code": "whitespace-mismatch",
                "file": "locales/de/app.ftl", "line": 1, "id": "more" }),
    );
    assert!(d["message"].as_str().unwrap().contains("leading"), "{d:#}");
}

/// Every diagnostic of every fixture tells the editor what to do, in one line.
#[test]
fn every_diagnostic_has_a_one_line_help() {
    for code in Code::ALL {
        let (_, report) = check_fixture(code.as_str());
        for d in diagnostics(&report) {
            let help = d["help"].as_str().unwrap_or_default();
            assert!(
                !help.is_empty() && !help.contains('\n'),
                "{code}: no one-line help: {d:#}"
            );
        }
    }
}

#[test]
fn unsupported_markup_is_reported_in_every_language() {
    let (exit, report) = check_fixture("unsupported-markup");
    assert_eq!(exit, 0);
    let all = diagnostics(&report);
    assert_eq!(all.len(), 2, "{report:#}");
    for (d, lang) in all.iter().zip(["de", "fr"]) {
        assert_fields(
            d,
            &json!({ "severity": "warning", "code": "unsupported-markup", "locale": lang,
                     "file": format!("locales/{lang}/app.ftl"), "line": 2, "id": "notice" }),
        );
        let message = d["message"].as_str().unwrap();
        assert!(
            message.contains("`<blink>`") && message.contains("`</blink>`"),
            "{message}"
        );
        assert!(
            !message.contains("<em>"),
            "allowed markup is fine: {message}"
        );
    }
}

/// `--allow`, `--warn`, `--deny` and gazette.toml's `[check]`: clippy's levels, per code.
#[test]
fn codes_are_allowed_warned_or_denied_on_the_command_line_and_in_gazette_toml() {
    let p = project(&[
        ("locales/fr/app.ftl", "hello = Bonjour\n"),
        ("locales/de/app.ftl", "hello = Hallo\nold = Alt\n"),
    ]);
    let codes = |args: &[&str]| {
        let (exit, out) = stdout_of(&p, &[&["check", "--format", "json"], args].concat());
        let report: Value = serde_json::from_str(&out).unwrap();
        let found: Vec<(String, String)> = diagnostics(&report)
            .iter()
            .map(|d| (d["code"].to_string(), d["severity"].to_string()))
            .collect();
        (exit, found)
    };
    let obsolete =
        |severity: &str| vec![("\"obsolete-message\"".into(), format!("\"{severity}\""))];
    assert_eq!(codes(&[]), (0, obsolete("warning")));
    assert_eq!(codes(&["--allow", "obsolete-message"]), (0, vec![]));
    assert_eq!(
        codes(&["--deny", "obsolete-message"]),
        (1, obsolete("error"))
    );
    // In gazette.toml, and the command line over it.
    p.write(
        "gazette.toml",
        "source = \"fr\"\n\n[check]\nallow = [\"obsolete-message\"]\n",
    );
    assert_eq!(codes(&[]), (0, vec![]));
    assert_eq!(
        codes(&["--warn", "obsolete-message"]),
        (0, obsolete("warning"))
    );
    p.write(
        "gazette.toml",
        "source = \"fr\"\n\n[check]\ndeny = [\"obsolete-message\"]\n",
    );
    assert_eq!(codes(&[]), (1, obsolete("error")));
    // A misspelt code is refused, with the nearest one.
    let out = p
        .gazette(&["check", "--allow", "obsolete-mesage"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "`obsolete-mesage` is not a diagnostic code: did you mean `obsolete-message`?"
        ),
        "{stderr}"
    );
    p.write(
        "gazette.toml",
        "source = \"fr\"\n\n[check]\nwarn = [\"untranslated\", \"stale-translaton\"]\n",
    );
    let out = p.gazette(&["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: gazette.toml: line 4: check.warn: `stale-translaton` is not a diagnostic code: did you mean `stale-translation`?
 --> gazette.toml:4:1
  |
4 | warn = [\"untranslated\", \"stale-translaton\"]
  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
"
    );
}

/// `build` takes the same levels: a denied warning keeps a site from being published.
#[test]
fn build_denies_and_allows_codes_as_check_does() {
    let p = Project::fixture("diagnostics/missing-base-url");
    let out = p
        .gazette(&["build", "--deny", "missing-base-url"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[missing-base-url]"), "{stderr}");
    assert!(!p.path().join("out").exists());
    let out = p
        .gazette(&["build", "--allow", "missing-base-url"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("base_url"), "{stderr}");
}

/// A gazette site without `base_url` is told, once, what that costs; a plain Fluent project,
/// which gazette does not publish, is not.
#[test]
fn an_unset_base_url_is_a_warning_in_a_site_only() {
    let (exit, report) = check_fixture("missing-base-url");
    assert_eq!(exit, 0);
    let d = assert_only(
        &report,
        json!({ "severity": "warning", "code": "missing-base-url", "locale": "fr",
                "file": "gazette.toml", "line": 1 }),
    );
    let message = d["message"].as_str().unwrap();
    for cost in ["Atom feeds", "sitemap", "canonical", "Read online"] {
        assert!(message.contains(cost), "{message}");
    }
    let (_, report) = project(&[]).check_json();
    assert!(
        with_code(&report, "missing-base-url").is_empty(),
        "{report:#}"
    );
}

/// `--source en` is the `en-US/` folder of a project that has no `en/`, and only one `en-*`.
#[test]
fn a_source_named_by_its_language_is_its_one_regional_folder() {
    let p = Project::empty();
    p.write("locales/en-US/app.ftl", "hello = Hello\nbye = Bye\n")
        .write("locales/de/app.ftl", "hello = Hallo\n");
    let out = p
        .gazette(&["check", "--source", "en", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["source"], "en-US");
    assert_eq!(with_code(&report, "missing-message").len(), 1, "{report:#}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "note: `--source en`: checking against `en-US`, the only folder of `en`\n"
    );
    // Two of them: which one is meant is not guessed.
    p.write("locales/en-GB/app.ftl", "hello = Hello\nbye = Bye\n");
    let out = p.gazette(&["check", "--source", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("(languages found: de, en-GB, en-US)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An article's language files left after its content file was deleted are reported as that,
/// not read as shared strings (a `duplicate-message` for every id other articles share).
#[test]
fn a_language_file_without_its_content_file_is_an_orphaned_article() {
    let (exit, report) = check_fixture("orphaned-article");
    assert_eq!(exit, 0, "{report:#}");
    let all = diagnostics(&report);
    assert_eq!(all.len(), 2, "only the two files left over: {report:#}");
    for (d, lang) in all.iter().zip(["de", "fr"]) {
        assert_fields(
            d,
            &json!({ "severity": "warning", "code": "orphaned-article", "locale": lang,
                     "file": format!("locales/{lang}/old.ftl"), "line": 1,
                     "help": "remove it in every language with `gazette rm old`, or restore content/old.toml" }),
        );
        assert!(d["message"]
            .as_str()
            .unwrap()
            .starts_with("`old.ftl` has no `content/old.toml`"));
    }
    // A shared file stays one: a template names its messages, or it holds terms, or another
    // shared file uses its messages.
    let p = Project::fixture("diagnostics/orphaned-article");
    for (fr, de) in [
        ("-brand = Gazette\n", "-brand = Gazette\n"),
        ("greeting = Salut\n", "greeting = Hallo\n"),
    ] {
        p.write("locales/fr/old.ftl", fr)
            .write("locales/de/old.ftl", de);
        p.write(
            "locales/fr/site.ftl",
            &format!(
                "{}about = {{ -brand }} {{ greeting }}\n",
                p.read("locales/fr/site.ftl")
            ),
        );
        p.write(
            "locales/de/site.ftl",
            &format!(
                "{}about = {{ -brand }} {{ greeting }}\n",
                p.read("locales/de/site.ftl")
            ),
        );
        let (_, report) = p.check_json();
        assert!(
            with_code(&report, "orphaned-article").is_empty(),
            "{report:#}"
        );
    }
}

/// A misspelt variable is one mistake: one `unknown-variable` naming the variable meant, no
/// `dropped-variable` for it and no `format-error` of the same cause.
#[test]
fn a_misspelt_variable_is_reported_once_with_the_one_meant() {
    let p = Project::sample();
    let file = "locales/de/sommet-de-londres.ftl";
    let text = p.read(file).replace("{ $meeting }", "{ $meting }");
    p.write(file, &text);
    let (_, report) = p.check_json();
    let about: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == "first-meeting")
        .collect();
    assert_eq!(about.len(), 1, "{about:#?}");
    assert_eq!(about[0]["code"], "unknown-variable");
    assert_eq!(about[0]["help"], "did you mean `$meeting`?");
}

/// An id the article names that its file lacks, when one of the file's is near (`bdy` for
/// `body`), is answered with the id meant.
#[test]
fn a_misspelt_message_id_is_answered_with_the_one_meant() {
    let p = Project::fixture("publish");
    let article = p.read("content/newer.toml");
    p.write(
        "content/newer.toml",
        &article.replacen("key = \"body\"", "key = \"bdy\"", 1),
    );
    let (_, report) = p.check_json();
    let found: Vec<&Value> = diagnostics(&report)
        .iter()
        .filter(|d| d["code"] == "missing-source-message" && d["id"] == "bdy")
        .collect();
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(
        found[0]["help"],
        "did you mean `body`? (or add `bdy` to the fr file)"
    );
}
