//! `gazette init`, `gazette new`, and finding the project upward from the current folder.

use std::fs;

use super::support::{run, run_in, Project};

/// A new project made by `gazette -C <empty temporary folder> init <args>`, given the
/// address it is published at (without which `check` warns: `missing-base-url`).
fn init(args: &[&str]) -> Project {
    let p = init_as_is(args);
    let settings = p.read("gazette.toml");
    p.write(
        "gazette.toml",
        &format!("{settings}base_url = \"https://news.example\"\n"),
    );
    p
}

/// A new project exactly as `init` makes it.
fn init_as_is(args: &[&str]) -> Project {
    let p = Project::empty();
    let mut all = vec!["init"];
    all.extend(args);
    let (code, stdout, stderr) = run(&p, &all);
    assert_eq!(code, 0, "{stdout}{stderr}");
    p
}

#[test]
fn init_then_check_then_build_with_no_edit() {
    let p = init_as_is(&["--targets", "en,de"]);
    // Clean but for the address the site is published at, which only the newsroom knows.
    let (code, stdout, stderr) = run(
        &p,
        &["check", "--deny-warnings", "--allow", "missing-base-url"],
    );
    assert_eq!(
        (code, stdout.as_str()),
        (0, "check: no problems found\n"),
        "{stderr}"
    );
    let (code, stdout, _) = run(&p, &["check"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("warning[missing-base-url]: `base_url` is not set"),
        "{stdout}"
    );
    assert!(stdout.ends_with("check: 0 errors, 1 warning\n"), "{stdout}");
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    for lang in ["fr", "en", "de"] {
        let page = p.read(&format!("out/{lang}/welcome.html"));
        assert!(
            page.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
            "{page}"
        );
    }
    assert!(p
        .read("out/de/welcome.html")
        .contains("Willkommen in Ihrer Redaktion"));
    assert!(p
        .read("out/en/welcome.txt")
        .starts_with("Welcome to your newsroom\n"));
    assert!(p
        .read("out/fr/welcome.html")
        .contains("Cette édition paraît en 3 langues."));
}

#[test]
fn init_lists_what_it_wrote_and_what_comes_next() {
    let parent = tempfile::tempdir().unwrap();
    let (code, stdout, _) = run_in(Some(parent.path()), &["init", "site", "--targets", "en,de"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "created a gazette project in site: 10 files\n  gazette.toml\n  .gitignore\n  \
         .github/workflows/translations.yml\n  content/welcome.toml\n  locales/fr/site.ftl\n  \
         locales/fr/welcome.ftl\n  locales/en/site.ftl\n  locales/en/welcome.ftl\n  \
         locales/de/site.ftl\n  locales/de/welcome.ftl\nnext:\n  cd site\n  \
         gazette serve         preview the site in your browser\n  \
         gazette new <slug>    start an article\n"
    );
    let site = parent.path().join("site");
    let read = |rel: &str| fs::read_to_string(site.join(rel)).unwrap();
    assert!(read("gazette.toml").contains("source = \"fr\"\ntargets = [\"en\", \"de\"]\n"));
    let ignored: Vec<&str> = read(".gitignore")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.to_owned().leak() as &str)
        .collect();
    assert!(ignored.contains(&"/out") && ignored.contains(&"/.gazette-cache"));
    let workflow = read(".github/workflows/translations.yml");
    assert!(
        workflow.contains("run: gazette check --format github"),
        "{workflow}"
    );
    assert!(!workflow.contains("gazette@"), "{workflow}");
}

#[test]
fn init_without_a_folder_starts_the_project_here() {
    let p = Project::empty();
    let (code, stdout, stderr) = run(&p, &["init"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.contains("cd "), "{stdout}");
    assert!(p.path().join("gazette.toml").is_file());
    assert_eq!(run(&p, &["check"]).0, 0);
}

/// Each shipped language as the source, the four others as targets: no error, no warning
/// (no `untranslated` pair, no missing plural category, balanced quotation marks).
#[test]
fn every_shipped_language_checks_clean_as_source_and_target() {
    let all = ["fr", "en", "de", "es", "it"];
    for source in all {
        let targets: Vec<&str> = all.iter().copied().filter(|l| *l != source).collect();
        let p = init(&["--source", source, "--targets", &targets.join(",")]);
        let (code, stdout, _) = run(&p, &["check", "--deny-warnings"]);
        assert_eq!(code, 0, "source {source}:\n{stdout}");
        let (code, _, stderr) = run(&p, &["build"]);
        assert_eq!(code, 0, "source {source}: {stderr}");
    }
}

#[test]
fn a_target_without_shipped_texts_gets_stubs_and_fails_until_translated() {
    let p = Project::empty();
    let (code, stdout, _) = run(&p, &["init", "--targets", "en,pt-BR"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("  locales/pt-BR/site.ftl\n  locales/pt-BR/welcome.ftl\n"),
        "{stdout}"
    );
    assert!(stdout.contains(
        "note: gazette ships texts in de, en, es, fr, it, not in pt-BR: translate the stubs in \
         locales/ (`gazette check` fails until then)\n"
    ));
    assert!(p
        .read("locales/pt-BR/site.ftl")
        .contains("# gazette: stub site-name"));
    let settings = p.read("gazette.toml");
    p.write(
        "gazette.toml",
        &format!("{settings}base_url = \"https://news.example\"\n"),
    );
    let (code, json) = p.check_json();
    assert_eq!(code, 1);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        assert_eq!(
            (d["code"].as_str(), d["locale"].as_str()),
            (Some("missing-message"), Some("pt-BR")),
            "{d}"
        );
    }
    assert_eq!(run(&p, &["build"]).0, 1);
    // Translated (here with the English texts, which differ from the French ones): clean.
    for file in ["site.ftl", "welcome.ftl"] {
        p.write(
            &format!("locales/pt-BR/{file}"),
            &p.read(&format!("locales/en/{file}")),
        );
    }
    assert_eq!(run(&p, &["check"]).0, 0);
    assert_eq!(run(&p, &["build"]).0, 0);
}

#[test]
fn init_with_no_targets_makes_a_project_in_one_language() {
    let p = init(&["--source", "de", "--targets", ""]);
    assert!(p
        .read("gazette.toml")
        .contains("source = \"de\"\ntargets = []\n"));
    assert_eq!(run(&p, &["check", "--deny-warnings"]).0, 0);
    assert_eq!(run(&p, &["build"]).0, 0);
    assert!(p
        .read("out/de/welcome.html")
        .contains("Diese Ausgabe erscheint in 1 Sprache."));
}

#[test]
fn a_source_without_shipped_texts_starts_in_english() {
    let p = Project::empty();
    let (code, stdout, _) = run(&p, &["init", "--source", "pt", "--targets", "fr"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(
            "note: gazette ships texts in de, en, es, fr, it, not in `pt`: write the English of \
         locales/pt/ in pt\n"
        ),
        "{stdout}"
    );
    assert!(p
        .read("locales/pt/site.ftl")
        .contains("site-name = My Gazette"));
    assert_eq!(run(&p, &["check"]).0, 0);
}

#[test]
fn init_refuses_a_folder_that_holds_something_else() {
    let p = Project::empty();
    p.write("notes.txt", "mine").write("draft.md", "mine");
    let (code, stdout, stderr) = run(&p, &["init"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "error: {}: not empty and not a gazette project (it holds `draft.md` and 1 other): \
             gazette init starts a project in an empty or new folder (`--force` writes only \
             what is not there); nothing was written\n",
            p.path().display()
        )
    );
    assert_eq!(
        fs::read_dir(p.path()).unwrap().count(),
        2,
        "nothing written"
    );
}

#[test]
fn init_refuses_a_project() {
    let p = Project::sample();
    let before = super::support::tree(p.path());
    let (code, _, stderr) = run(&p, &["init"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!(
            "error: {}: a gazette project is already there (it has gazette.toml); nothing was \
             written\n",
            p.path().display()
        )
    );
    assert_eq!(super::support::tree(p.path()), before);
}

#[test]
fn init_refuses_a_project_without_settings() {
    let p = Project::empty();
    p.write("locales/fr/a.ftl", "title = Titre\n");
    let (code, _, stderr) = run(&p, &["init"]);
    assert_eq!(code, 2);
    assert!(
        stderr.ends_with(
            "a gazette project is already there (it has locales/); nothing was written\n"
        ),
        "{stderr}"
    );
    assert!(!p.path().join("gazette.toml").exists());
}

#[test]
fn init_accepts_a_folder_with_only_git() {
    let p = Project::empty();
    p.write(".git/HEAD", "ref: refs/heads/main\n");
    assert_eq!(run(&p, &["init"]).0, 0);
    assert!(p.path().join("content/welcome.toml").is_file());
}

#[test]
fn init_refuses_languages_that_are_not_tags_in_canonical_form() {
    for (args, message) in [
        (
            vec!["--targets", "en,DE"],
            "error: --targets: `DE` is not a language tag in canonical form: write `de`\n",
        ),
        (
            vec!["--source", "français"],
            "error: --source: `français` is not a BCP 47 language tag\n",
        ),
        (
            vec!["--targets", "en,fr"],
            "error: --targets: `fr` is the source language: list the languages it is translated into\n",
        ),
    ] {
        let p = Project::empty();
        let mut all = vec!["init"];
        all.extend(args);
        let (code, _, stderr) = run(&p, &all);
        assert_eq!((code, stderr.as_str()), (2, message));
        assert_eq!(fs::read_dir(p.path()).unwrap().count(), 0, "nothing written");
    }
}

#[test]
fn new_adds_an_article_that_sync_and_check_pick_up() {
    let p = init(&["--targets", "en,de"]);
    let (code, stdout, stderr) = run(&p, &["new", "budget-2026", "--date", "2025-09-01"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "created content/budget-2026.toml\ncreated locales/fr/budget-2026.ftl\nnext: write the \
         article, then `gazette sync --all` adds it to en, de as stubs to translate\n"
    );
    assert!(p
        .read("content/budget-2026.toml")
        .contains("date = 2025-09-01\n"));
    assert!(p
        .read("locales/fr/budget-2026.ftl")
        .starts_with("title = Titre de l’article\n"));
    // check sees the article: its translations are missing.
    let (code, json) = p.check_json();
    assert_eq!(code, 1);
    let missing: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["id"].as_str().unwrap()))
        .collect();
    assert!(
        missing.contains(&("locales/de/budget-2026.ftl", "title")),
        "{missing:?}"
    );
    assert!(
        missing.contains(&("locales/en/budget-2026.ftl", "intro")),
        "{missing:?}"
    );
    // sync adds the stubs; check fails until they are translated.
    assert_eq!(run(&p, &["sync", "--all"]).0, 0);
    assert!(p
        .read("locales/en/budget-2026.ftl")
        .contains("# gazette: stub title"));
    assert_eq!(run(&p, &["check"]).0, 1);
    p.write(
        "locales/en/budget-2026.ftl",
        "title = Headline\nlede = Standfirst.\nintro = First.\n",
    )
    .write(
        "locales/de/budget-2026.ftl",
        "title = Titel\nlede = Vorspann.\nintro = Erstens.\n",
    );
    assert_eq!(run(&p, &["check"]).0, 0);
    assert_eq!(run(&p, &["build"]).0, 0);
    assert!(p.read("out/de/budget-2026.html").contains("Titel"));
}

#[test]
fn init_and_new_print_nothing_with_quiet() {
    let p = Project::empty();
    assert_eq!(run(&p, &["init", "-q"]), (0, String::new(), String::new()));
    assert_eq!(
        run(&p, &["new", "-q", "x"]),
        (0, String::new(), String::new())
    );
    assert!(p.path().join("content/x.toml").is_file());
}

#[test]
fn new_dates_the_article_today_by_default() {
    let p = init(&[]);
    let before = jiff::Zoned::now().date().to_string();
    assert_eq!(run(&p, &["new", "today"]).0, 0);
    let after = jiff::Zoned::now().date().to_string();
    let text = p.read("content/today.toml");
    assert!(
        text.contains(&format!("date = {before}\n")) || text.contains(&format!("date = {after}\n")),
        "{text}"
    );
}

#[test]
fn new_refuses_a_taken_or_invalid_slug_and_a_bad_date() {
    let p = init(&[]);
    let (code, _, stderr) = run(&p, &["new", "welcome"]);
    assert_eq!(
        (code, stderr.as_str()),
        (2, "error: content/welcome.toml: already exists: choose another slug; nothing was written\n")
    );
    let (code, _, stderr) = run(&p, &["new", "Élection Présidentielle"]);
    assert_eq!(
        (code, stderr.as_str()),
        (
            2,
            "error: `Élection Présidentielle` is not a slug gazette can use: lowercase ASCII \
             letters, digits and `-` (and not `index`), e.g. `election-presidentielle`\n"
        )
    );
    // Suggestions are transliterated, and a file name typed for a slug loses its extension.
    for (typed, suggested) in [
        ("économie", "economie"),
        ("budget-2027.toml", "budget-2027"),
    ] {
        let (code, _, stderr) = run(&p, &["new", typed]);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.ends_with(&format!("e.g. `{suggested}`\n")),
            "{stderr}"
        );
    }
    let (code, _, stderr) = run(&p, &["new", "x", "--date", "17/08/2025"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("invalid value '17/08/2025' for '--date <YYYY-MM-DD>'"),
        "{stderr}"
    );
    assert!(!p.path().join("content/x.toml").exists());
}

#[test]
fn commands_find_the_project_from_a_folder_inside_it() {
    let p = Project::sample();
    let (code, root_out, _) = run(&p, &["check"]);
    let (code_in, sub_out, stderr) = run_in(Some(&p.path().join("locales/de")), &["check"]);
    assert_eq!((code_in, &sub_out), (code, &root_out), "{stderr}");
    // -C names the folder to start from, as git's does.
    let content = p.path().join("content");
    let (code_c, c_out, _) = run_in(Some(&content), &["-C", "../locales", "check"]);
    assert_eq!((code_c, c_out), (code, root_out));
    // new writes at the root, wherever it is started.
    let (code, _, stderr) = run_in(Some(&p.path().join("content")), &["new", "from-inside"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(p.path().join("content/from-inside.toml").is_file());
}

#[test]
fn outside_any_project_gazette_says_so_and_suggests_init() {
    let dir = tempfile::tempdir().unwrap();
    let real = fs::canonicalize(dir.path()).unwrap();
    for command in ["check", "build", "status", "serve", "new"] {
        let args: &[&str] = if command == "new" {
            &["new", "x"]
        } else {
            &[command]
        };
        let (code, stdout, stderr) = run_in(Some(dir.path()), args);
        assert_eq!(
            (code, stdout.as_str(), stderr),
            (
                2,
                "",
                format!(
                    "error: {}: not in a gazette project: no gazette.toml here or in any folder \
                     above; run `gazette init` to start one\n",
                    real.display()
                )
            ),
            "{command}"
        );
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// `init --force` in a checkout whose `.github/workflows` (or `.github`) links to a folder
/// out of the project writes nothing through it, nor anything else: refused (exit 2), naming
/// the path and where it leads.
#[cfg(unix)]
#[test]
fn init_force_never_writes_through_a_link_out_of_the_project() {
    let shared = tempfile::tempdir().unwrap();
    let shown = fs::canonicalize(shared.path()).unwrap();
    for link in [".github/workflows", ".github"] {
        let p = Project::empty();
        p.write("README.md", "# Our paper\n");
        fs::create_dir_all(p.path().join(link).parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(shared.path(), p.path().join(link)).unwrap();
        let (code, _, stderr) = run(&p, &["init", "--force"]);
        assert_eq!(code, 2, "{link}: {stderr}");
        assert!(
            stderr.contains(&format!(
                ".github/workflows/translations.yml: leads to {}",
                shown.display()
            )) && stderr.contains("outside the project: refused"),
            "{link}: {stderr}"
        );
        assert_eq!(fs::read_dir(shared.path()).unwrap().count(), 0, "{link}");
        let mut left: Vec<String> = fs::read_dir(p.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".github", "README.md"], "{link}: nothing written");
    }
}

/// `init --force` where a link on the way leads nowhere (`.github -> nope/..`, a
/// `gazette.toml` linked to a file since deleted) is refused before any file is written.
#[cfg(unix)]
#[test]
fn init_force_refuses_a_link_to_nowhere_before_writing_anything() {
    for (link, to) in [(".github", "nope/.."), ("gazette.toml", "gone.toml")] {
        let p = Project::empty();
        p.write("README.md", "# Our paper\n");
        std::os::unix::fs::symlink(to, p.path().join(link)).unwrap();
        let (code, _, stderr) = run(&p, &["init", "--force"]);
        assert_eq!(code, 2, "{link}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "{link}: symbolic link to {to}, which does not exist (a dangling link): mend or remove the link"
            )),
            "{link}: {stderr}"
        );
        let mut left: Vec<String> = fs::read_dir(p.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected = [link, "README.md"];
        expected.sort();
        assert_eq!(left, expected, "{link}: nothing written");
    }
}

#[test]
fn init_force_writes_only_what_is_not_there() {
    let p = Project::empty();
    p.write(".git/HEAD", "ref: refs/heads/main\n")
        .write("README.md", "# Our paper\n")
        .write(".gitignore", "/notes\n");
    let (code, _, stderr) = run(&p, &["init"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("(`--force` writes only what is not there)"),
        "{stderr}"
    );
    let (code, stdout, stderr) = run(&p, &["init", "--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "kept .gitignore as it was: add to it /out, /.out.previous, /.out.staging-*, \
             /.out.gazette-output, /.gazette-cache\n"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("  .gitignore\n"), "{stdout}");
    assert_eq!(p.read("README.md"), "# Our paper\n");
    assert_eq!(p.read(".gitignore"), "/notes\n");
    assert_eq!(run(&p, &["check"]).0, 0);
    // A project is still refused, --force or not.
    let (code, _, stderr) = run(&p, &["init", "--force"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("a gazette project is already there"),
        "{stderr}"
    );
}

#[test]
fn init_targets_are_trimmed() {
    let p = init(&["--targets", "en, de"]);
    assert!(p
        .read("gazette.toml")
        .contains("targets = [\"en\", \"de\"]\n"));
    assert!(p.path().join("locales/de/site.ftl").is_file());
}

#[test]
fn init_ci_none_writes_no_workflow() {
    let p = init(&["--ci", "none"]);
    assert!(!p.path().join(".github").exists());
    assert_eq!(run(&p, &["check"]).0, 0);
}

/// `gazette mv` renames an article's files in every language and their records, and nothing
/// else; `gazette rm` removes them. Both refuse what they cannot do whole, changing nothing.
#[test]
fn mv_and_rm_move_or_remove_an_article_in_every_language_at_once() {
    let p = init(&["--targets", "en,de"]);
    let (code, _, stderr) = run(&p, &["sync", "--all", "--accept-all"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(&p, &["new", "budget"]);
    assert_eq!(code, 0, "{stderr}");
    let before = super::support::tree(p.path());
    let (code, stdout, stderr) = run(&p, &["mv", "welcome", "bienvenue"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "renamed gazette.lock.d/de/welcome.ftl.lock -> gazette.lock.d/de/bienvenue.ftl.lock\n"
        ),
        "{stdout}"
    );
    let after = super::support::tree(p.path());
    let renamed = |path: &str| path.replace("welcome.", "bienvenue.");
    let expected: std::collections::BTreeMap<String, Vec<u8>> = before
        .iter()
        .map(|(path, bytes)| (renamed(path), bytes.clone()))
        .collect();
    assert_eq!(after, expected, "the same bytes, under new names");
    let moved = before.keys().filter(|k| k.contains("welcome.")).count();
    assert_eq!(
        moved, 6,
        "content, 3 .ftl files, 2 files of records: {stdout}"
    );
    assert_eq!(stdout.lines().count(), moved, "{stdout}");
    // The records still match: no translation became stale.
    let (_, report) = p.check_json();
    assert_eq!(report["summary"]["locales"]["de"]["stale"], 0, "{report:#}");
    assert!(!report.to_string().contains("welcome"), "{report:#}");

    // A taken name: nothing is renamed.
    let (code, _, stderr) = run(&p, &["mv", "bienvenue", "budget"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("content/budget.toml: already exists"),
        "{stderr}"
    );
    assert_eq!(super::support::tree(p.path()), after);

    let (code, stdout, stderr) = run(&p, &["rm", "bienvenue"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.lines().count(), moved, "{stdout}");
    let left = super::support::tree(p.path());
    let expected: Vec<&String> = after.keys().filter(|k| !k.contains("bienvenue")).collect();
    assert_eq!(left.keys().collect::<Vec<_>>(), expected);
    // Nothing of the removal is left in the cache (which goes too when it held nothing else).
    if let Ok(cache) = p.path().join(".gazette-cache").read_dir() {
        assert!(!cache
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .any(|name| name.starts_with("rm-")));
    }

    let (code, _, stderr) = run(&p, &["rm", "bienvenue"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no article `bienvenue`"), "{stderr}");
}

/// What `check` suggests for a deleted article's language files does what it says.
#[test]
fn rm_removes_the_files_an_article_left() {
    let p = init(&["--targets", "en,de"]);
    run(&p, &["new", "budget"]);
    fs::remove_file(p.path().join("content/welcome.toml")).unwrap();
    let (_, report) = p.check_json();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .filter(|c| !["missing-base-url", "missing-message"].contains(c))
        .collect();
    assert_eq!(codes, ["orphaned-article"; 3], "{report:#}");
    let help = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "orphaned-article")
        .map(|d| d["help"].as_str().unwrap().to_owned())
        .unwrap();
    assert!(help.contains("`gazette rm welcome`"), "{help}");
    let (code, _, stderr) = run(&p, &["rm", "welcome"]);
    assert_eq!(code, 0, "{stderr}");
    let (_, report) = p.check_json();
    assert!(
        !report.to_string().contains("orphaned-article"),
        "{report:#}"
    );
    assert!(!p.path().join("locales/de/welcome.ftl").exists());
}

/// `rm` and `mv` act on articles only: a path out of the project, a shared file (`site`, a
/// sub-folder's `menus/nav`) or a file outside the project is refused, and nothing is touched.
#[test]
fn rm_and_mv_refuse_what_is_no_article() {
    let p = init(&["--targets", "en,de"]);
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.toml");
    fs::write(&victim, "important = true\n").unwrap();
    for lang in ["fr", "en", "de"] {
        p.write(&format!("locales/{lang}/menus/nav.ftl"), "nav = x\n");
    }
    let before = super::support::tree(p.path());
    let escape = format!(
        "../../../../../../../..{}",
        outside.path().join("victim").display()
    );
    for args in [
        vec!["rm", escape.as_str()],
        vec!["rm", "../gazette"],
        vec!["rm", "site"],
        vec!["rm", "menus/nav"],
        vec!["mv", escape.as_str(), "stolen"],
        vec!["mv", "site", "stolen"],
    ] {
        let (code, _, stderr) = run(&p, &args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains("no article"), "{args:?}: {stderr}");
    }
    assert_eq!(fs::read_to_string(&victim).unwrap(), "important = true\n");
    assert_eq!(super::support::tree(p.path()), before);
}

/// `init --targets ja,ar`, built before any translation: the picker and the switcher name
/// each language in itself (CLDR), and the Arabic pages are right to left around their
/// French fallback passages.
#[test]
fn languages_without_shipped_texts_are_named_and_directed_by_cldr() {
    let p = init(&["--source", "fr", "--targets", "ja,ar"]);
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 0, "{stderr}");
    let picker = p.read("out/index.html");
    for (lang, dir, name) in [
        ("fr", "ltr", "Français"),
        ("ja", "ltr", "日本語"),
        ("ar", "rtl", "العربية"),
    ] {
        assert!(
            picker.contains(&format!("lang=\"{lang}\" dir=\"{dir}\">{name}</a>")),
            "{lang}: {picker}"
        );
    }
    let ar = p.read("out/ar/welcome.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
    assert!(ar.contains("<h1 lang=\"fr\" dir=\"ltr\">"), "{ar}");
    assert!(
        ar.contains("<span lang=\"ar\" dir=\"rtl\" aria-current=\"page\">العربية</span>"),
        "{ar}"
    );
}

/// A language's name where its tag goes is refused with the tag, before anything is written;
/// lists are trimmed.
#[test]
fn language_names_and_unknown_tags_are_refused() {
    let p = Project::empty();
    let (code, _, stderr) = run(&p, &["init", "--source", "french", "--targets", "en"]);
    assert_eq!(
        (code, stderr.as_str()),
        (
            2,
            "error: --source: `french` is not a language CLDR knows: did you mean `fr`?\n"
        )
    );
    let (code, _, stderr) = run(&p, &["init", "--targets", "english,xx"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("did you mean `en`?"), "{stderr}");
    assert_eq!(
        fs::read_dir(p.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let p = init(&["--targets", "en, de"]);
    assert!(p
        .read("gazette.toml")
        .contains("targets = [\"en\", \"de\"]"));
    for args in [&["build", "--lang", "fr, german"][..], &["sync", "xx"]] {
        let (code, _, stderr) = run(&p, args);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("is not a language CLDR knows"), "{stderr}");
    }
}
