//! Command-line conventions shared by every command: completions, manual pages, `--color`,
//! `-q`, `--lang`, `--directory`, `build --deny-warnings`, one help layout.

use serde_json::{json, Value};

use super::support::{run, run_in, sample_with_stale_sovereignty, Project, DE};

/// The commands `gazette --help` lists (but `help`).
fn commands() -> Vec<String> {
    let (_, help, _) = run_in(None, &["--help"]);
    let list = help.split("Commands:\n").nth(1).unwrap();
    let names: Vec<String> = list
        .lines()
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .filter(|n| n != "help")
        .collect();
    assert!(names.len() >= 6, "{help}");
    names
}

/// The long options a command's help lists.
fn long_options(command: &str) -> Vec<String> {
    let (exit, help, _) = run_in(None, &[command, "--help"]);
    assert_eq!(exit, 0);
    let options: Vec<String> = help
        .split_whitespace()
        .filter(|w| w.starts_with("--"))
        .map(|w| w.trim_end_matches(',').to_owned())
        .collect();
    assert!(options.contains(&"--directory".to_owned()), "{help}");
    options
}

/// What gazette answers a shell that asks for completions of `words` (the last one being
/// completed), in `dir`, by the protocol of `shell`'s script: one candidate a line.
fn complete(dir: &std::path::Path, shell: &str, words: &[&str]) -> Vec<String> {
    let mut cmd = assert_cmd::Command::cargo_bin("gazette").unwrap();
    let index = (words.len() - 1).to_string();
    let out = cmd
        .current_dir(dir)
        .env("GAZETTE_COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", &index)
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // fish adds each candidate's help after a tab, zsh after a `:` (its own `\:` escaped).
    text.lines()
        .map(|l| {
            let value = l.split('\t').next().unwrap();
            let value = match shell {
                "zsh" => value
                    .replace("\\:", "\u{1}")
                    .split(':')
                    .next()
                    .unwrap()
                    .replace('\u{1}', ":"),
                _ => value.to_owned(),
            };
            value
        })
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn completions_offer_every_command_and_option() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (exit, script, err) = run_in(None, &["completions", shell]);
        assert_eq!(exit, 0, "{shell}: {err}");
        assert!(script.contains("GAZETTE_COMPLETE"), "{shell}: {script}");
    }
    let here = std::env::temp_dir();
    for shell in ["bash", "zsh", "fish"] {
        let offered = complete(&here, shell, &["gazette", ""]);
        for command in commands() {
            assert!(
                offered.contains(&command),
                "{shell}: no `{command}`: {offered:?}"
            );
            let offered = complete(&here, shell, &["gazette", &command, "--"]);
            for option in long_options(&command) {
                assert!(
                    offered.contains(&option),
                    "{shell}: no `{option}` of {command}"
                );
            }
        }
    }
    let (exit, _, err) = run_in(None, &["completions", "tcsh"]);
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("invalid value 'tcsh'"), "{err}");
}

#[test]
fn completions_offer_the_projects_languages_and_articles() {
    let p = Project::sample();
    let inside = p.path().join("content");
    for shell in ["bash", "zsh", "fish"] {
        // The values; the options offered beside them are another test's.
        let offer = |words: &[&str]| -> Vec<String> {
            let all = complete(&inside, shell, words);
            all.into_iter().filter(|c| !c.starts_with('-')).collect()
        };
        assert_eq!(offer(&["gazette", "sync", ""]), ["en", "de"], "{shell}");
        assert_eq!(
            offer(&["gazette", "check", "--lang", ""]),
            ["fr", "en", "de"]
        );
        let after_comma = offer(&["gazette", "build", "--lang", "fr,"]);
        assert!(after_comma.ends_with(&["fr,en".to_owned(), "fr,de".to_owned()]));
        assert_eq!(
            offer(&["gazette", "sync", "de", "--accept", "co"]),
            ["coalition-des-volontaires:"],
            "{shell}"
        );
    }
    // Outside a project: no languages, and no error.
    let outside = tempfile::tempdir().unwrap();
    let offered = complete(outside.path(), "bash", &["gazette", "sync", ""]);
    assert!(offered.iter().all(|c| c.starts_with('-')), "{offered:?}");
}

/// The script `gazette completions bash` prints, sourced by bash: a Tab after `sync ` offers
/// the project's targets, from the project of the folder bash is in.
#[test]
fn bash_completes_sync_with_the_projects_targets() {
    let p = Project::sample();
    let (_, script, _) = run_in(None, &["completions", "bash"]);
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_gazette"))
        .parent()
        .unwrap();
    let test = format!(
        "{script}\nCOMP_WORDS=(gazette sync '')\nCOMP_CWORD=2\nCOMP_TYPE=9\n\
         _clap_complete_gazette gazette '' sync\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\" | grep -v '^-'\n"
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(test)
        .current_dir(p.path())
        .env(
            "PATH",
            std::env::join_paths(
                [bin.to_path_buf()]
                    .into_iter()
                    .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
            )
            .unwrap(),
        )
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "en\nde\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn man_pages_list_every_command_and_every_option() {
    let (exit, page, _) = run_in(None, &["man"]);
    assert_eq!(exit, 0);
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "roff: {page}");
    assert!(page.contains(".TH gazette 1"), "{page}");
    for command in commands() {
        assert!(
            page.contains(&format!("gazette\\-{command}(1)")),
            "{command}"
        );
        let (exit, page, _) = run_in(None, &["man", &command]);
        assert_eq!(exit, 0);
        assert!(page.contains(&format!(".TH gazette-{command} 1")), "{page}");
        let text = page.replace("\\-", "-");
        for option in long_options(&command) {
            assert!(
                text.contains(&format!("\\fB{option}\\fR")),
                "{command}: {option}"
            );
        }
    }
    let (exit, _, err) = run_in(None, &["man", "publish"]);
    assert_eq!(exit, 2);
    assert!(
        err.starts_with("error: man: `publish` is not a gazette command (init, new, serve, "),
        "{err}"
    );
}

/// The commands gazette(1) lists (`\fBgazette\-check\fR(1)` -> `gazette-check`), and those of
/// SEE ALSO, each a page name.
fn pages_named(page: &str) -> Vec<String> {
    let text = page
        .replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fR", "");
    let mut names: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|w| w.strip_suffix("(1)"))
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn man_pages_have_a_manuals_sections_and_name_only_pages_gazette_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let (exit, stdout, err) = run_in(None, &["man", "--out", out.to_str().unwrap()]);
    assert_eq!(exit, 0, "{err}");
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    let mut expected: Vec<String> = commands()
        .iter()
        .map(|c| format!("gazette-{c}.1"))
        .collect();
    expected.push("gazette.1".to_owned());
    expected.sort();
    assert_eq!(written, expected);
    assert!(
        stdout.starts_with(&format!("man: {} pages written to ", expected.len())),
        "{stdout}"
    );
    let codes: Vec<String> =
        std::fs::read_dir(super::support::repo_root().join("tests/fixtures/diagnostics"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
    assert!(codes.len() >= 20);
    for file in &written {
        let page = std::fs::read_to_string(out.join(file)).unwrap();
        let (_, printed, _) = match file
            .strip_prefix("gazette-")
            .and_then(|f| f.strip_suffix(".1"))
        {
            Some(command) => run_in(None, &["man", command]),
            None => run_in(None, &["man"]),
        };
        assert_eq!(
            page, printed,
            "{file}: `man --out` writes what `man` prints"
        );
        let sections: Vec<&str> = page
            .lines()
            .filter_map(|l| l.strip_prefix(".SH "))
            .map(|s| s.trim_matches('"'))
            .collect();
        for section in [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "EXAMPLES",
            "EXIT STATUS",
            "FILES",
            "DIAGNOSTICS",
            "SEE ALSO",
        ] {
            assert!(
                sections.contains(&section),
                "{file}: no {section}: {sections:?}"
            );
        }
        // Each example: the command in bold, then what it does.
        let examples = page.split(".SH EXAMPLES\n").nth(1).unwrap();
        let examples: Vec<&str> = examples.split("\n.SH").next().unwrap().lines().collect();
        for pair in examples.split(|l| *l == ".TP").filter(|p| !p.is_empty()) {
            assert!(
                pair.len() == 2 && pair[0].starts_with("\\fB") && !pair[1].is_empty(),
                "{file}: {pair:?}"
            );
        }
        let diagnostics = page
            .split(".SH DIAGNOSTICS")
            .nth(1)
            .unwrap()
            .replace("\\-", "-");
        for code in &codes {
            assert!(
                diagnostics.contains(&format!("\\fB{code}\\fR (")),
                "{file}: {code}"
            );
        }
        for name in pages_named(&page) {
            assert!(
                written.contains(&format!("{name}.1")),
                "{file} names {name}(1)"
            );
        }
    }
}

/// Every command's help: its usage, its own options, then the same global options, each on
/// one line.
#[test]
fn every_command_has_the_same_help_layout() {
    let (_, top, _) = run_in(None, &["--help"]);
    let global = top.split("Global options:\n").nth(1).unwrap();
    let global = global.split("\n\nExamples").next().unwrap().to_owned();
    assert!(global.starts_with("  -C, --directory <DIR>"), "{top}");
    for command in commands() {
        let (exit, help, _) = run_in(None, &[command.as_str(), "--help"]);
        assert_eq!(exit, 0);
        let usage = format!("\n\nUsage: gazette {command} [OPTIONS]");
        assert!(help.contains(&usage), "{command}: {help}");
        let (own, theirs) = help
            .split_once("\nOptions:\n")
            .unwrap()
            .1
            .split_once("\n\nGlobal options:\n")
            .unwrap();
        let theirs = theirs.split("\n\nExamples").next().unwrap();
        assert_eq!(theirs, global, "{command}");
        let one_line_each = own.lines().all(|l| l.trim_start().starts_with('-'));
        assert!(one_line_each, "{command}: {own}");
    }
}

#[test]
fn directory_is_the_long_form_of_c() {
    let p = Project::sample();
    let dir = p.path().to_str().unwrap();
    let (exit, out, err) = run_in(None, &["--directory", dir, "check"]);
    assert_eq!(
        (exit, out.as_str()),
        (0, "check: no problems found\n"),
        "{err}"
    );
    let (exit, out, _) = run_in(None, &["check", "--directory", dir]);
    assert_eq!((exit, out.as_str()), (0, "check: no problems found\n"));
}

#[test]
fn color_always_and_never_override_the_terminal() {
    let p = sample_with_stale_sovereignty();
    let (_, coloured, _) = run(&p, &["--color", "always", "status"]);
    assert!(coloured.contains("\x1b[33m"), "stale in yellow: {coloured}");
    let (_, coloured, _) = run(&p, &["check", "--color", "always"]);
    assert!(coloured.contains("   = changed: Pour la "), "{coloured}");
    assert!(
        coloured.contains(
            " au cœur \x1b[31;9mdes négociations.\x1b[0m\x1b[32mde toute négociation.\x1b[0m Aucun"
        ),
        "{coloured}"
    );
    for args in [
        &["status", "--color", "never"][..],
        &["check", "--color", "never"],
    ] {
        let (_, plain, _) = run(&p, args);
        assert!(!plain.contains('\x1b'), "{plain}");
    }
    let (exit, _, err) = run(&p, &["check", "--color", "sometimes"]);
    assert_eq!(exit, 2, "{err}");
}

/// clap's help and usage errors follow `--color` too.
#[test]
fn color_applies_to_help_and_usage_errors() {
    for (args, coloured) in [
        (&["--color", "always", "--help"][..], true),
        (&["build", "--help", "--color=always"], true),
        (&["--color=never", "--help"], false),
        (&["--help"], false),
        (&["--color", "always", "check", "--format", "xml"], true),
        (&["check", "--color", "never", "--format", "xml"], false),
    ] {
        let (_, out, err) = run_in(None, args);
        assert_eq!(format!("{out}{err}").contains('\x1b'), coloured, "{args:?}");
    }
}

/// On a terminal (`script` gives one), `auto` colours unless NO_COLOR is set.
#[test]
fn color_auto_honours_no_color_on_a_terminal() {
    let p = sample_with_stale_sovereignty();
    let gazette = env!("CARGO_BIN_EXE_gazette");
    let status = format!("{gazette} -C {} status", p.path().display());
    let on_terminal = |no_color: Option<&str>| {
        let mut cmd = std::process::Command::new("script");
        cmd.args(["-qec", &status, "/dev/null"])
            .env_remove("NO_COLOR");
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        String::from_utf8(cmd.output().expect("script(1) from util-linux").stdout).unwrap()
    };
    assert!(on_terminal(None).contains("\x1b[33m"));
    assert!(
        on_terminal(Some("")).contains("\x1b[33m"),
        "an empty NO_COLOR is unset"
    );
    assert!(!on_terminal(Some("1")).contains('\x1b'));
}

#[test]
fn quiet_prints_errors_only() {
    let p = sample_with_stale_sovereignty();
    let (exit, out, err) = run(&p, &["-q", "check"]);
    assert_eq!(
        (exit, out.as_str(), err.as_str()),
        (0, "", ""),
        "warnings only"
    );
    let (exit, out, _) = run(&p, &["check", "-q", "--deny-warnings"]);
    assert_eq!(exit, 1);
    assert!(out.starts_with("error[stale-translation]: "), "{out}");
    assert!(!out.contains("check: "), "no summary: {out}");
    let (_, out, _) = run(&p, &["check", "-q", "--format", "github"]);
    assert_eq!(out, "", "no warning, no summary");
    let (_, out, _) = run(
        &p,
        &["check", "-q", "--format", "github", "--deny-warnings"],
    );
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.starts_with("::error file=locales/de/"), "{out}");
    let (exit, _, err) = run(&p, &["build", "--quiet"]);
    assert_eq!((exit, err.as_str()), (0, ""), "no warnings, no summary");
    let p = Project::fixture("publish");
    let (exit, out, _) = run(&p, &["sync", "de", "-q"]);
    assert_eq!((exit, out.as_str()), (0, ""));
    assert!(p
        .read("locales/de/newer.ftl")
        .contains("# gazette: stub extra"));
    let (exit, out, _) = run(&p, &["sync", "de", "-q", "--dry-run"]);
    assert_eq!(exit, 0);
    assert!(
        out.contains("nothing to do"),
        "a dry run prints what it is asked: {out}"
    );
}

#[test]
fn build_deny_warnings_refuses_to_publish() {
    let p = sample_with_stale_sovereignty();
    let (exit, _, err) = run(&p, &["build", "--deny-warnings"]);
    assert_eq!(exit, 1, "{err}");
    assert!(
        err.contains("error[stale-translation]: `sovereignty` changed"),
        "{err}"
    );
    assert!(
        err.ends_with("build: not published: fix the errors above (--deny-warnings counts warnings as errors)\n"),
        "{err}"
    );
    assert!(!p.path().join("out").exists());
    let (exit, _, err) = run(&p, &["build"]);
    assert_eq!(exit, 0, "{err}");
    assert!(err.contains("warning[stale-translation]"), "{err}");
}

/// The sample without one German message: `de` fails, `en` passes.
fn sample_missing_german() -> Project {
    let p = Project::sample();
    p.write(DE, &p.read(DE).replace("sovereignty =", "# sovereignty ="));
    p
}

#[test]
fn check_and_status_take_lang() {
    let p = sample_missing_german();
    assert_eq!(run(&p, &["check"]).0, 1);
    let (exit, out, _) = run(&p, &["check", "--lang", "en"]);
    assert_eq!((exit, out.as_str()), (0, "check: no problems found\n"));
    let (exit, out, _) = run(&p, &["check", "--lang", " fr , de"]);
    assert_eq!(exit, 1);
    assert!(out.contains("`sovereignty` is not translated"), "{out}");
    let (_, out, _) = run(&p, &["check", "--lang", "fr", "--format", "json"]);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["summary"]["locales"], json!({}), "{report:#}");

    let (_, out, _) = run(&p, &["status", "--lang", "en", "--format", "json"]);
    let status: Value = serde_json::from_str(&out).unwrap();
    let langs: Vec<&String> = status["locales"].as_object().unwrap().keys().collect();
    assert_eq!(langs, ["en"]);
    let (_, out, _) = run(&p, &["status", "--lang=de"]);
    assert!(out.lines().skip(1).all(|l| l.starts_with("de ")), "{out}");

    for cmd in ["check", "status", "build"] {
        let (exit, _, err) = run(&p, &[cmd, "--lang", "it"]);
        assert_eq!(exit, 2, "{cmd}");
        assert_eq!(
            err, "error: --lang: `it` is not a language of this project (fr, en, de)\n",
            "{cmd}"
        );
        let (exit, _, err) = run(&p, &[cmd, "--lang", "fr,,de"]);
        assert_eq!(exit, 2, "{cmd}");
        assert!(err.contains("a language name is empty"), "{err}");
    }
}

#[test]
fn build_lang_is_trimmed() {
    let p = Project::sample();
    let (exit, _, err) = run(&p, &["build", "--lang", "fr, en"]);
    assert_eq!(exit, 0, "{err}");
    assert!(p.path().join("out/en/index.html").is_file());
    assert!(!p.path().join("out/de").exists());
}

#[test]
fn help_lists_commands_in_the_order_of_a_days_work_with_examples() {
    let listed = commands();
    let day = ["init", "new", "serve", "sync", "check", "status", "build"];
    let at: Vec<usize> = day
        .iter()
        .map(|c| listed.iter().position(|l| l == c).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{listed:?}");
    let (_, top, _) = run_in(None, &["--help"]);
    let examples = top
        .split("Examples, in the order of a day's work:\n")
        .nth(1)
        .unwrap();
    let shown: Vec<&str> = examples
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    assert_eq!(shown, day, "{top}");
    for command in listed {
        let (_, help, _) = run_in(None, &[command.as_str(), "--help"]);
        let examples = help
            .split("\nExamples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{help}"));
        assert!(
            examples
                .lines()
                .all(|l| l.starts_with("  ") && l.contains(&format!("gazette {command}"))),
            "{command}: {examples}"
        );
    }
}

/// The README's way in: get the source, then install with the versions of `Cargo.lock`; every
/// install of gazette it shows is `--locked` (an unlocked one re-resolves every dependency to
/// versions no test ran with).
#[test]
fn the_readme_installs_from_the_source_with_the_locked_versions() {
    let readme = std::fs::read_to_string(super::support::repo_root().join("README.md")).unwrap();
    let start = readme.split("## Start a project\n").nth(1).unwrap();
    let block = start.split("```sh\n").nth(1).unwrap();
    let commands: Vec<&str> = block
        .lines()
        .take(2)
        .map(|l| l.split('#').next().unwrap().trim())
        .collect();
    assert!(commands[0].starts_with("git clone "), "{commands:?}");
    assert_eq!(commands[1], "cargo install --locked --path .");
    for line in readme.lines().filter(|l| l.contains("cargo install")) {
        // A command's first word after `install` (prose goes on with a word that is neither).
        for install in line.split("cargo install").skip(1) {
            let next = install.split_whitespace().next().unwrap_or("");
            let locked = !next.starts_with('-') || next == "--locked";
            assert!(locked && !next.starts_with("gazette"), "{line}");
        }
    }
}
