//! `gazette check` on Fluent projects that are not gazette sites: terms with parameters, one
//! bundle per file, the application's own functions, number keys in plural selectors, markup
//! gazette does not render, the common layouts with no `gazette.toml`, Mozilla's `l10n.toml`
//! and the SARIF output. Each project is the smallest one that shows the case.

use serde_json::Value;

use super::support::{run, Project};

/// A project of `files` (path, text).
fn project(files: &[(&str, &str)]) -> Project {
    let p = Project::empty();
    for (path, text) in files {
        p.write(path, text);
    }
    p
}

/// (exit code, `code locale file:line id` of each diagnostic) of `check --format json`.
fn findings(p: &Project, args: &[&str]) -> (i32, Vec<String>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend(args);
    let (exit, stdout, stderr) = run(p, &all);
    let report: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"));
    let list = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {}:{} {}",
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["locale"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["line"],
                d["id"].as_str().unwrap_or("-")
            )
        })
        .collect();
    (exit, list)
}

#[test]
fn a_term_may_select_on_its_own_parameters() {
    let p = project(&[
        ("locales/en-US/app.ftl", "-brand = Firefox\nabout = About { -brand }\n"),
        (
            "locales/de/app.ftl",
            "-brand = { $case ->\n   *[nominative] Firefox\n    [genitive] Firefoxs\n}\nabout = Über { -brand(case: \"genitive\") }\n",
        ),
    ]);
    assert_eq!(findings(&p, &[]), (0, vec![]));
    // A message's variables are still the source's.
    p.write(
        "locales/de/app.ftl",
        "-brand = Firefox\nabout = Über { -brand } { $x }\n",
    );
    let (exit, list) = findings(&p, &[]);
    assert_eq!(
        (exit, list),
        (
            1,
            vec!["error unknown-variable de locales/de/app.ftl:2 about".to_owned()]
        )
    );
}

#[test]
fn files_are_bundles_of_their_own_outside_a_site() {
    let files = [
        ("i18n/en-US/dialog.ftl", "cancel = Cancel\n"),
        (
            "i18n/en-US/settings.ftl",
            "cancel = Cancel\ntitle = Settings\n",
        ),
        ("i18n/de/dialog.ftl", "cancel = Abbrechen\n"),
        (
            "i18n/de/settings.ftl",
            "cancel = Abbrechen\ntitle = Einstellungen\n",
        ),
    ];
    let p = project(&files);
    assert_eq!(findings(&p, &[]), (0, vec![]));
    // Twice in one file is a duplicate still.
    p.write("i18n/de/dialog.ftl", "cancel = Abbrechen\ncancel = Nein\n");
    let (exit, list) = findings(&p, &[]);
    assert_eq!(exit, 1);
    assert_eq!(
        list,
        ["error duplicate-message de i18n/de/dialog.ftl:2 cancel"]
    );
    // Each file's message is the one formatted, though another file defines the id first.
    p.write("i18n/de/dialog.ftl", "cancel = Abbrechen\n");
    p.write(
        "i18n/de/settings.ftl",
        "cancel = { SHOUT(\"Abbrechen\") }\ntitle = Einstellungen\n",
    );
    assert_eq!(
        findings(&p, &[]),
        (
            0,
            vec!["warning format-error de i18n/de/settings.ftl:1 cancel".to_owned()]
        )
    );
    // `bundles = "language"`: the application loads every file of a language in one bundle.
    p.write("i18n/de/settings.ftl", files[3].1);
    p.write("gazette.toml", "bundles = \"language\"\n");
    let (exit, list) = findings(&p, &[]);
    assert_eq!(exit, 1);
    assert_eq!(
        list,
        [
            "error duplicate-message de i18n/de/settings.ftl:1 cancel",
            "error duplicate-message en-US i18n/en-US/settings.ftl:1 cancel",
        ]
    );
}

#[test]
fn declared_functions_are_accepted_and_others_named() {
    let p = project(&[
        ("locales/en/app.ftl", "when = On { SHORTDATE($date) }\n"),
        ("locales/de/app.ftl", "when = Am { SHORTDATE($date) }\n"),
    ]);
    // Not a gazette site: the application may register it, so a warning naming the setting.
    let (exit, list) = findings(&p, &[]);
    assert_eq!(exit, 0);
    assert_eq!(
        list,
        [
            "warning format-error de locales/de/app.ftl:1 when",
            "warning format-error en locales/en/app.ftl:1 when",
        ]
    );
    let (_, human, _) = run(&p, &["check"]);
    assert!(
        human.contains("warning[format-error]: `when` calls `SHORTDATE()`, a function gazette does not know\n")
            && human.contains("= help: if the application registers `SHORTDATE`, declare it in gazette.toml: `functions = [\"SHORTDATE\"]`\n"),
        "{human}"
    );
    p.write("gazette.toml", "functions = [\"SHORTDATE\"]\n");
    assert_eq!(findings(&p, &[]), (0, vec![]));
}

#[test]
fn an_undeclared_function_is_an_error_in_a_site() {
    let p = project(&[
        (
            "gazette.toml",
            "source = \"fr\"\nbase_url = \"https://news.example\"\n",
        ),
        ("content/README.md", "no articles yet\n"),
        ("locales/fr/site.ftl", "when = Le { SHORTDATE($date) }\n"),
        ("locales/de/site.ftl", "when = Am { SHORTDATE($date) }\n"),
    ]);
    let (exit, list) = findings(&p, &[]);
    assert_eq!(exit, 1);
    assert_eq!(
        list,
        [
            "error format-error de locales/de/site.ftl:1 when",
            "error format-error fr locales/fr/site.ftl:1 when",
        ]
    );
}

#[test]
fn number_keys_count_for_the_categories_they_cover() {
    let source = "n = { $n ->\n    [one] one file\n   *[other] { $n } files\n}\n";
    // German `one` is 1 alone: `[1]` covers it.
    let p = project(&[
        ("locales/en/app.ftl", source),
        (
            "locales/de/app.ftl",
            "n = { $n ->\n    [1] eine Datei\n   *[other] { $n } Dateien\n}\n",
        ),
        (
            "locales/fr/app.ftl",
            "n = { $n ->\n    [1] un fichier\n   *[other] { $n } fichiers\n}\n",
        ),
    ]);
    // French `one` is also 0 and 1.5: `[1]` leaves it uncovered.
    let (exit, list) = findings(&p, &[]);
    assert_eq!(exit, 0);
    assert_eq!(
        list,
        ["warning missing-plural-category fr locales/fr/app.ftl:1 n"]
    );
}

#[test]
fn markup_is_only_judged_where_gazette_renders_it() {
    let files = [
        (
            "locales/en-US/app.ftl",
            "help = See <a data-l10n-name=\"link\">the manual</a>\n",
        ),
        (
            "locales/de/app.ftl",
            "help = Siehe <a data-l10n-name=\"link\">das Handbuch</a>\n",
        ),
    ];
    let p = project(&files);
    assert_eq!(findings(&p, &[]), (0, vec![]));
    // In a gazette site, that markup would be published as text.
    p.write("content/README.md", "no articles yet\n");
    p.write(
        "gazette.toml",
        "source = \"en-US\"\nbase_url = \"https://news.example\"\n",
    );
    let (_, list) = findings(&p, &[]);
    assert_eq!(
        list,
        [
            "warning unsupported-markup de locales/de/app.ftl:1 help",
            "warning unsupported-markup en-US locales/en-US/app.ftl:1 help",
        ]
    );
}

/// The source `en-US`, a French target with one gap and one leftover, under `dir`.
fn plain(dir: &str) -> Project {
    let at = |lang: &str| {
        format!(
            "{dir}{}{lang}/app.ftl",
            if dir.is_empty() { "" } else { "/" }
        )
    };
    project(&[
        (&at("en-US"), "hello = Hello\nbye = Goodbye\n"),
        (&at("fr"), "hello = Bonjour\nold = Vieux\n"),
        ("src/main.rs", "fn main() {}\n"),
    ])
}

#[test]
fn common_layouts_need_no_configuration() {
    for dir in ["locales", "i18n", "l10n", ""] {
        let p = plain(dir);
        let file = if dir.is_empty() {
            "fr/app.ftl".to_owned()
        } else {
            format!("{dir}/fr/app.ftl")
        };
        let (exit, list) = findings(&p, &[]);
        assert_eq!(exit, 1, "{dir}");
        assert_eq!(
            list,
            [
                format!("error missing-message fr {file}:null bye"),
                format!("warning obsolete-message fr {file}:2 old"),
            ],
            "{dir}"
        );
    }
    // Started inside the folder of languages, gazette finds the project above it.
    let p = plain("i18n");
    let inside = assert_cmd::Command::cargo_bin("gazette")
        .unwrap()
        .arg("-C")
        .arg(p.path().join("i18n/fr"))
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&inside.stdout).unwrap();
    assert_eq!(report["diagnostics"][0]["file"], "i18n/fr/app.ftl");
    // `locales = "."` names the root too, and annotations print the same clean paths.
    let p = plain("");
    p.write("gazette.toml", "source = \"en-US\"\nlocales = \".\"\n");
    let (exit, annotations, _) = run(&p, &["check", "--format", "github"]);
    assert_eq!(exit, 1);
    assert_eq!(
        annotations,
        "::error file=en-US/app.ftl,line=2,col=1,title=missing-message (fr)::fr/app.ftl: `bye` is not translated%0Ahelp: add `bye = …` to fr/app.ftl, translated from en-US/app.ftl:2
::warning file=fr/app.ftl,line=2,col=1,title=obsolete-message (fr)::`old` is obsolete: the source no longer has it%0Ahelp: delete `old` from this file, or rename it to the source's new id
check: 1 error, 1 warning
"
    );
}

#[test]
fn a_source_found_by_name_beside_french_is_named() {
    // `plain` has `fr` as a target: the default source would have been the wrong one.
    let p = plain("i18n");
    let (exit, stdout, stderr) = run(&p, &["check", "--format", "json"]);
    assert_eq!(exit, 1);
    assert!(stdout.contains("\"source\": \"en-US\""), "{stdout}");
    assert_eq!(
        stderr,
        "note: `en-US` is the source language (found by name); `--source fr` checks against `fr`\n"
    );
    // Chosen, or with no French folder, nothing to say.
    let (_, _, stderr) = run(&p, &["check", "--source", "en-US"]);
    assert_eq!(stderr, "");
}

#[test]
fn source_and_path_on_the_command_line() {
    let p = plain("translations");
    p.write("locales/README", "not the translations\n");
    let (exit, list) = findings(&p, &["--source", "en-US", "translations"]);
    assert_eq!(exit, 1);
    assert_eq!(
        list,
        [
            "error missing-message fr translations/fr/app.ftl:null bye",
            "warning obsolete-message fr translations/fr/app.ftl:2 old",
        ]
    );
    // `./translations/` prints as `translations/`; French as the source turns the roles round.
    let (_, list) = findings(&p, &["--source", "fr", "./translations/"]);
    assert_eq!(
        list,
        [
            "error missing-message en-US translations/en-US/app.ftl:null old",
            "warning obsolete-message en-US translations/en-US/app.ftl:2 bye",
        ]
    );
    // A source that does not exist is an error, never a silent wrong answer.
    let (exit, stdout, stderr) = run(&p, &["check", "--source", "de", "translations"]);
    assert_eq!((exit, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "error: translations/de: no folder for the source language `de` (languages found: en-US, fr): name the source with `--source <lang>` or `source` in gazette.toml\n"
    );
    let (exit, _, stderr) = run(&p, &["check", "nowhere"]);
    assert_eq!(
        (exit, stderr.as_str()),
        (2, "error: nowhere: no such folder\n")
    );
    // An absolute PATH inside the project is the same folder; outside it, refused.
    let inside = p.path().join("translations");
    let (_, absolute) = findings(&p, &["--source", "en-US", inside.to_str().unwrap()]);
    assert_eq!(
        absolute[0],
        "error missing-message fr translations/fr/app.ftl:null bye"
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let (exit, _, stderr) = run(&p, &["check", elsewhere.path().to_str().unwrap()]);
    assert_eq!(exit, 2);
    assert_eq!(
        stderr,
        format!(
            "error: {}: not inside the project folder\n",
            elsewhere.path().display()
        )
    );
    let (exit, _, stderr) = run(&p, &["check", "--source", "en_US", "translations"]);
    assert_eq!(exit, 2);
    assert_eq!(
        stderr,
        "error: --source: `en_US` is not a language tag in canonical form: write `en-US`\n"
    );
}

#[test]
fn a_plain_project_without_a_known_source_is_refused() {
    let p = project(&[
        ("locales/de/app.ftl", "a = A\n"),
        ("locales/it/app.ftl", "a = A\n"),
    ]);
    let (exit, stdout, stderr) = run(&p, &["check"]);
    assert_eq!((exit, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "error: locales/fr: no folder for the source language `fr` (languages found: de, it): name the source with `--source <lang>` or `source` in gazette.toml\n"
    );
}

#[test]
fn mozilla_project_configuration_is_read() {
    let p = project(&[
        ("l10n/en-US/app.ftl", "hello = Hello\nbye = Goodbye\n"),
        ("l10n/de/app.ftl", "hello = Hallo\n"),
        // Not in `locales`: not checked.
        ("l10n/fr/app.ftl", "x = y\n"),
        // Left to another configuration, and ignored.
        (
            "vendor.toml",
            "[[paths]]\nl10n = \"l10n/{locale}/vendor/**\"\n",
        ),
        ("l10n/en-US/vendor/lib.ftl", "lib = Library\n"),
        ("l10n/en-US/old.ftl", "old = Old\n"),
    ]);
    p.write(
        "l10n.toml",
        "basepath = \".\"\nlocales = [\"de\", \"it\"]\n\n[[paths]]\n    reference = \"l10n/en-US/**\"\n    l10n = \"l10n/{locale}/**\"\n\n[[excludes]]\n    path = \"vendor.toml\"\n\n[[filters]]\n    path = \"l10n/{locale}/old.ftl\"\n    action = \"ignore\"\n",
    );
    // A language of `locales` without its folder has every message missing, as in
    // compare-locales.
    let (exit, list) = findings(&p, &[]);
    assert_eq!(exit, 1);
    assert_eq!(
        list,
        [
            "error missing-message de l10n/de/app.ftl:null bye",
            "error missing-message it l10n/it/app.ftl:null bye",
            "error missing-message it l10n/it/app.ftl:null hello",
        ]
    );
    p.write(
        "l10n.toml",
        "[[paths]]\nreference = \"a/en-US/**\"\nl10n = \"a/{locale}/**\"\n[[paths]]\nreference = \"b/en-US/**\"\nl10n = \"b/{locale}/**\"\n",
    );
    let (exit, _, stderr) = run(&p, &["check"]);
    assert_eq!(exit, 2);
    assert_eq!(
        stderr,
        "error: l10n.toml: paths[1]: `b/{locale}/**` is in another folder than the first path's a: gazette checks one folder of language folders\n"
    );
}

#[test]
fn sarif_output_validates_against_the_schema() {
    let p = plain("locales");
    p.write(
        "locales/fr/app.ftl",
        "hello = Bonjour\nold = Vieux\nbroken = { oops\n",
    );
    let (exit, stdout, _) = run(&p, &["check", "--format", "sarif"]);
    assert_eq!(exit, 1);
    let log: Value = serde_json::from_str(&stdout).unwrap();
    let mut schema: Value =
        serde_json::from_str(include_str!("../sarif/sarif-schema-2.1.0.json")).unwrap();
    // The schema's pattern for a `language` is no regular expression (a stray `]`, corrected
    // in the standard's errata); gazette writes no `language`.
    for on in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][on]["properties"]["language"]["pattern"];
        assert_eq!(language, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
        *language = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
    }
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{stdout}");
    // What code scanning shows: rule, level, place and text of each finding.
    let results = log["runs"][0]["results"].as_array().unwrap();
    let shown: Vec<String> = results
        .iter()
        .map(|r| {
            let place = &r["locations"][0]["physicalLocation"];
            format!(
                "{} {} {}:{}:{}",
                r["ruleId"].as_str().unwrap(),
                r["level"].as_str().unwrap(),
                place["artifactLocation"]["uri"].as_str().unwrap(),
                place["region"]["startLine"],
                place["region"]["startColumn"]
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            "syntax-error error locales/fr/app.ftl:3:1",
            "missing-message error locales/en-US/app.ftl:2:1",
            "obsolete-message warning locales/fr/app.ftl:2:1",
        ]
    );
    let rules = &log["runs"][0]["tool"]["driver"]["rules"];
    for r in results {
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
    }
    assert_eq!(results[1]["properties"]["locale"], "fr");
    assert_eq!(results[1]["properties"]["id"], "bye");
    assert!(
        results[1]["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("locales/fr/app.ftl: `bye` is not translated"),
        "{stdout}"
    );
    // Each rule says what its code means, as the README's table does, and where to read it.
    let readme = std::fs::read_to_string(super::support::repo_root().join("README.md")).unwrap();
    for rule in rules.as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        assert!(
            readme.contains(&format!("<a id=\"{id}\"></a>`{id}`")),
            "{id}"
        );
        let full = rule["fullDescription"]["markdown"].as_str().unwrap();
        assert!(
            readme.contains(&format!(
                "`{id}` | {} | {full} |",
                rule["defaultConfiguration"]["level"].as_str().unwrap()
            )),
            "{id}: {full}"
        );
        assert!(!rule["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
        assert!(rule["help"]["text"]
            .as_str()
            .unwrap()
            .starts_with(&format!("see README.md#{id}: ")));
    }
    assert_eq!(
        rules[0]["shortDescription"]["text"], "FTL that does not parse",
        "{stdout}"
    );
    // --deny-warnings makes every result an error.
    let (_, denied, _) = run(&p, &["check", "--format", "sarif", "--deny-warnings"]);
    let denied: Value = serde_json::from_str(&denied).unwrap();
    assert!(denied["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["level"] == "error"));
}
