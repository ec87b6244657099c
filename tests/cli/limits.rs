//! Hostile and broken input: files written by many hands, or by no one careful. Each case
//! asserts the exit code and the message, and that gazette neither panics (101), hangs, nor
//! changes a file it should not. The limits are the README's ("Limits").

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use super::support::{one_error, tree, Project};

/// The publish fixture (two articles, fr and de, complete site strings), completed so that it
/// builds cleanly.
pub(super) fn project() -> Project {
    let p = Project::fixture("publish");
    let de = p.read("locales/de/newer.ftl");
    p.write(
        "locales/de/newer.ftl",
        &format!("{de}extra = Zweiter Absatz.\n"),
    );
    p
}

/// Run gazette; returns (exit code, stdout, stderr) and fails past `limit`.
fn run_within(p: &Project, args: &[&str], limit: Duration) -> (i32, String, String) {
    let started = Instant::now();
    let out = p.gazette(args).timeout(limit).output().unwrap();
    assert!(
        started.elapsed() < limit,
        "gazette {args:?} took {:?}",
        started.elapsed()
    );
    (
        out.status.code().expect("exited, not killed"),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

fn run(p: &Project, args: &[&str]) -> (i32, String, String) {
    run_within(p, args, Duration::from_secs(60))
}

/// `check` and `build` both exit 2 with one `error:` line holding every part; nothing written.
fn refused(p: &Project, parts: &[&str]) {
    for cmd in ["check", "build"] {
        let (code, stdout, stderr) = run(p, &[cmd]);
        assert_eq!(code, 2, "{cmd}: {stderr}");
        one_error(&stderr);
        for part in parts {
            assert!(stderr.contains(part), "{cmd}: `{part}` not in {stderr}");
        }
        assert!(stdout.is_empty(), "{cmd}: {stdout}");
        assert!(!p.path().join("out").exists(), "{cmd} wrote out/");
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
    refused(&p, &["locales/de/older.ftl", "not valid UTF-8 (byte 11)"]);
    let (_, _, stderr) = run(&p, &["check"]);
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
    refused(&p, &["content/older.toml", "not valid UTF-8"]);

    let p = project();
    fs::write(p.path().join("gazette.toml"), b"base_url = \"\xfe\"\n").unwrap();
    refused(&p, &["gazette.toml", "not valid UTF-8"]);
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
    let (code, check_plain, _) = run(&plain, &["check"]);
    assert_eq!(code, 0, "{check_plain}");
    let (code, _, stderr) = run(&plain, &["build"]);
    assert_eq!(code, 0, "{stderr}");

    let windows = Project::empty();
    super::support::copy(plain.path(), windows.path());
    fs::remove_dir_all(windows.path().join("out")).unwrap();
    bom_and_crlf(windows.path());
    assert!(windows.read("gazette.toml").starts_with('\u{feff}'));
    assert!(windows
        .read("locales/de/newer.ftl")
        .contains("\r\n    Absatz."));

    let (code, check_windows, stderr) = run(&windows, &["check"]);
    assert_eq!(code, 0, "{check_windows}{stderr}");
    assert_eq!(check_windows, check_plain);
    let (code, _, stderr) = run(&windows, &["build"]);
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
    let (code, stdout, stderr) = run(&p, &["check"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("check: no problems found"), "{stdout}");
}

#[test]
fn empty_article_file_lacks_its_date() {
    let p = project();
    p.write("content/older.toml", "");
    refused(&p, &["content/older.toml", "missing field `date`"]);
}

#[test]
fn huge_ftl_file_is_refused_quickly() {
    let p = project();
    let line = "filler = Une ligne de remplissage qui ne sert à rien du tout.\n";
    let huge = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    assert!(huge.len() > 50 * 1024 * 1024);
    p.write("locales/de/huge.ftl", &huge);
    for cmd in ["check", "build"] {
        let (code, _, stderr) = run_within(&p, &[cmd], Duration::from_secs(10));
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("locales/de/huge.ftl"), "{stderr}");
        assert!(stderr.contains("file too large"), "{stderr}");
        assert!(stderr.contains("at most 10 MiB"), "{stderr}");
    }
}

#[test]
fn message_cycle_is_a_format_error() {
    let p = project();
    p.write(
        "locales/de/newer.ftl",
        "title = Das { a }\na = { b }\nb = { a }\nbody = Erster.\nextra = Zweiter.\n",
    );
    let (code, stdout, _) = run_within(&p, &["check"], Duration::from_secs(20));
    assert_eq!(code, 1);
    assert!(
        stdout.contains("error[format-error]: formatting `title` failed")
            && stdout.contains("Cyclical dependency"),
        "{stdout}"
    );
    let (code, _, stderr) = run_within(&p, &["build"], Duration::from_secs(20));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not published"), "{stderr}");
}

#[test]
fn billion_laughs_stop_at_fluents_placeable_limit() {
    let p = project();
    // lol30 would be 2^30 copies. fluent-bundle stops each message past 100 placeables, and
    // gazette does not even start one that could pass 1 MiB.
    let mut ftl =
        String::from("title = Le plus récent { lol30 }\nbody = x\nextra = y\nlol0 = lol\n");
    for i in 1..=30 {
        ftl.push_str(&format!("lol{i} = {{ lol{} }}{{ lol{} }}\n", i - 1, i - 1));
    }
    p.write("locales/fr/newer.ftl", &ftl);
    let (code, stdout, _) = run_within(&p, &["check"], Duration::from_secs(20));
    assert_eq!(code, 1);
    assert!(
        stdout.contains("formatting `lol7` failed: Resolver error: Too many placeables"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "error[format-error]: `title` would format to more than 1 MiB through its references"
        ),
        "{stdout}"
    );
    let (code, _, stderr) = run_within(&p, &["build"], Duration::from_secs(20));
    assert_eq!(code, 1, "{stderr}");
}

#[test]
fn wide_expansion_of_a_long_text_is_not_formatted() {
    let p = project();
    // Within the placeable limit, 99 copies of a 1 MiB text, by 100 messages: 10 GB to format.
    let mut ftl = format!("big = {}\n", "x".repeat(1 << 20));
    for i in 0..100 {
        ftl.push_str(&format!("wide{i} = {}\n", "{ big }".repeat(99)));
    }
    p.write("locales/fr/site-extra.ftl", &ftl);
    let (code, stdout, _) = run_within(&p, &["check"], Duration::from_secs(30));
    assert_eq!(code, 1);
    assert_eq!(
        stdout.matches("would format to more than 1 MiB").count(),
        100,
        "{}",
        &stdout[..stdout.len().min(2000)]
    );
}

#[test]
fn deeply_nested_placeables_are_refused_before_parsing() {
    let p = project();
    let deep = format!(
        "title = {}\"x\"{}\nbody = a\nextra = b\n",
        "{ ".repeat(10_000),
        " }".repeat(10_000)
    );
    p.write("locales/de/newer.ftl", &deep);
    refused(
        &p,
        &[
            "locales/de/newer.ftl",
            "line 1",
            "nested more than 100 levels deep",
        ],
    );
    // Just under the limit is fine (and is formatted, on the build's worker threads too).
    let p = project();
    let nested = |word: &str| {
        format!(
            "title = {}\"{word}\"{}\nbody = a\nextra = b\n",
            "{ ".repeat(100),
            " }".repeat(100)
        )
    };
    p.write("locales/fr/newer.ftl", &nested("Récent"))
        .write("locales/de/newer.ftl", &nested("Neu"));
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(p.read("out/de/newer.txt").contains("Neu"));
}

#[test]
fn links_out_of_the_site_are_refused() {
    for (src, shown) in [
        ("../../etc/passwd", "../../etc/passwd"),
        ("/etc/passwd", "/etc/passwd"),
        ("images/a\\u0000.jpg", "images/a\\0.jpg"),
    ] {
        let p = project();
        p.write(
            "content/older.toml",
            &format!("date = 2025-03-01\n\n[[blocks]]\ntype = \"figure\"\nkey = \"body\"\nsrc = \"{src}\"\n"),
        );
        refused(&p, &["content/older.toml", "block 1", "src", shown]);
    }
}

#[test]
fn bad_slugs_are_refused() {
    // (A control character is refused in any file name: tests/cli/boundaries.rs.)
    for name in ["..", "a..b", ".hidden"] {
        let p = project();
        p.write(&format!("content/{name}.toml"), "date = 2025-03-01\n");
        refused(&p, &["invalid slug"]);
    }
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_project_are_refused() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.ftl"), "secret = Geheim\n").unwrap();
    fs::write(outside.path().join("secret.toml"), "date = 2025-01-01\n").unwrap();
    fs::create_dir(outside.path().join("it")).unwrap();

    let p = project();
    symlink(
        outside.path().join("secret.ftl"),
        p.path().join("locales/de/x.ftl"),
    )
    .unwrap();
    refused(&p, &["locales/de/x.ftl", "outside the project"]);

    let p = project();
    symlink(
        outside.path().join("secret.toml"),
        p.path().join("content/x.toml"),
    )
    .unwrap();
    refused(&p, &["content/x.toml", "outside the project"]);

    let p = project();
    symlink(outside.path().join("it"), p.path().join("locales/it")).unwrap();
    refused(&p, &["locales/it", "outside the project"]);

    // A link that stays inside the project is fine; one that loops is refused.
    let p = project();
    symlink("../fr/older.ftl", p.path().join("locales/de/shared.ftl")).unwrap();
    symlink("../fr/older.ftl", p.path().join("locales/fr/shared.ftl")).unwrap();
    let (code, stdout, stderr) = run(&p, &["check"]);
    assert!(code == 0 || code == 1, "{stdout}{stderr}");
    let p = project();
    symlink(".", p.path().join("locales/de/loop")).unwrap();
    refused(&p, &["locales/de/loop", "loop"]);
}

#[cfg(unix)]
#[test]
fn fifo_is_not_read() {
    let p = project();
    let fifo = p.path().join("locales/de/pipe.ftl");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        // No mkfifo on this machine: nothing to test.
        return;
    }
    let (code, _, stderr) = run_within(&p, &["check"], Duration::from_secs(10));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("locales/de/pipe.ftl: is not a regular file"),
        "{stderr}"
    );
}

#[test]
fn config_that_is_a_folder() {
    let p = project();
    fs::remove_file(p.path().join("gazette.toml")).unwrap();
    fs::create_dir(p.path().join("gazette.toml")).unwrap();
    refused(&p, &["gazette.toml: is a folder, not a file"]);
}

/// Makes a folder unwritable, even for root (who ignores permission bits), until dropped.
#[cfg(unix)]
struct Unwritable(std::path::PathBuf, bool);

#[cfg(unix)]
impl Unwritable {
    /// `None` when this machine cannot make the folder unwritable (root without `chattr`).
    fn new(dir: &Path) -> Option<Self> {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let root = fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
        if root {
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success());
            ok.then(|| Unwritable(dir.to_path_buf(), true))
        } else {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
            Some(Unwritable(dir.to_path_buf(), false))
        }
    }
}

#[cfg(unix)]
impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.1 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        } else {
            let _ = fs::set_permissions(&self.0, fs::Permissions::from_mode(0o755));
        }
    }
}

/// A folder of out/ that cannot be written (an operator's, a deploy tool's) does not stop the
/// build: the new site is made beside out/ and swapped in whole. The previous site, kept beside
/// out/ for the next build, then holds that folder: while it is locked, the next build is
/// refused (exit 2) naming it, with out/ as it was; unlocked, the build goes on.
#[cfg(unix)]
#[test]
fn unwritable_folder_in_out_does_not_block_publishing() {
    let p = project();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    p.write(
        "locales/de/newer.ftl",
        "title = Geändert\nbody = a\nextra = b\n",
    );
    // Where the changed German pages go.
    let Some(guard) = Unwritable::new(&p.path().join("out/de")) else {
        // Root without chattr: no folder is unwritable here.
        return;
    };
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    run(&p, &["build", "--out", "full"]);
    let full = tree(&p.path().join("full"));
    assert_eq!(tree(&p.path().join("out")), full);

    p.write(
        "locales/de/newer.ftl",
        "title = Wieder\nbody = a\nextra = b\n",
    );
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.starts_with("error: .out.previous/de/"), "{stderr}");
    assert_eq!(tree(&p.path().join("out")), full, "out/ changed");

    drop(Unwritable(p.path().join(".out.previous/de"), guard.1));
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    run(&p, &["build", "--out", "full"]);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}

/// A read-only `out/` is refused before anything changes, with what to do (it was swapped out
/// silently, then every build failed on `.out.previous` with no hint), and so is a read-only
/// `.out.previous`.
#[cfg(unix)]
#[test]
fn read_only_output_is_refused_with_a_hint() {
    let p = project();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let before = tree(&p.path().join("out"));
    p.write("locales/de/newer.ftl", "title = Neu\nbody = a\nextra = b\n");
    let Some(guard) = Unwritable::new(&p.path().join("out")) else {
        return;
    };
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: out: is read-only: gazette replaces the output folder"),
        "{stderr}"
    );
    assert!(stderr.contains("make it writable"), "{stderr}");
    assert_eq!(tree(&p.path().join("out")), before, "out/ changed");
    assert!(!p.path().join(".out.previous").exists());
    drop(guard);

    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let Some(guard) = Unwritable::new(&p.path().join(".out.previous")) else {
        return;
    };
    p.write(
        "locales/de/newer.ftl",
        "title = Wieder\nbody = a\nextra = b\n",
    );
    let before = tree(&p.path().join("out"));
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: .out.previous: is read-only: it is gazette's copy"),
        "{stderr}"
    );
    assert_eq!(tree(&p.path().join("out")), before, "out/ changed");
    drop(guard);
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
}

#[cfg(unix)]
#[test]
fn read_only_target_file_is_not_synced() {
    use std::os::unix::fs::PermissionsExt;
    // `extra` is missing from the German file of the fixture: sync would add its stub.
    let p = Project::fixture("publish");
    let de = p.path().join("locales/de/newer.ftl");
    let before = fs::read(&de).unwrap();
    fs::set_permissions(&de, fs::Permissions::from_mode(0o444)).unwrap();
    let (code, stdout, stderr) = run(&p, &["sync", "de"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("locales/de/newer.ftl"), "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(fs::read(&de).unwrap(), before, "a read-only file changed");
    assert!(fs::metadata(&de).unwrap().permissions().readonly());
}

#[test]
fn thousands_of_diagnostics_stay_readable_and_valid_json() {
    let p = project();
    let n = 3000;
    let mut fr = String::from("title = Le plus récent\nbody = x\nextra = y\n");
    let mut de = String::from("title = Das Neueste\nbody = x\nextra = y\n");
    for i in 0..n {
        fr.push_str(&format!("m{i} = Message {{ $x }} numéro {i}\n"));
        // Every German line is broken in its own way: junk, or a variable the source lacks.
        if i % 2 == 0 {
            de.push_str(&format!("m{i} = Nachricht {{ $y }} {i}\n"));
        } else {
            de.push_str(&format!("m{i} = {{ kaputt {i}\n"));
        }
    }
    p.write("locales/fr/newer.ftl", &fr)
        .write("locales/de/newer.ftl", &de);

    let (code, stdout, _) = run(&p, &["check"]);
    assert_eq!(code, 1);
    let summary = stdout.lines().last().unwrap();
    assert!(summary.starts_with("check: "), "{summary}");
    let errors: usize = summary["check: ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(errors >= n, "{summary}");
    let blocks = stdout.lines().filter(|l| l.starts_with("error[")).count();
    assert_eq!(blocks, errors, "one block each");
    assert!(
        stdout.lines().all(|l| l.chars().count() < 400),
        "lines stay short"
    );

    let (code, json) = p.check_json();
    assert_eq!(code, 1);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(json["summary"]["errors"].as_u64().unwrap() as usize, errors);
    assert!(diagnostics.len() >= errors);
    for code in ["syntax-error", "unknown-variable"] {
        assert!(
            diagnostics.iter().filter(|d| d["code"] == code).count() >= n / 2,
            "{code}"
        );
    }
}

#[test]
fn deeply_nested_template_is_refused() {
    let p = project();
    // 3,000 nested blocks overflowed a render thread's stack (exit 134); 20,000 took minutes.
    let n = 3000;
    p.write(
        "templates/article.txt.hbs",
        &format!(
            "{}{{{{title.value}}}}{}",
            "{{#if lang}}".repeat(n),
            "{{/if}}".repeat(n)
        ),
    );
    refused(
        &p,
        &[
            "templates/article.txt.hbs",
            "line 1",
            "nested more than 100 levels deep",
        ],
    );
}

#[test]
fn templates_that_include_one_another_are_refused() {
    // Handlebars would recurse until the stack overflows.
    let p = project();
    p.write(
        "templates/style.hbs",
        "<style>{{include \"article.html\"}}</style>\n",
    );
    refused(
        &p,
        &[
            "templates/style.hbs",
            "templates include one another in a loop: article.html -> style -> article.html",
        ],
    );
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
        let (code, _, stderr) = run(&p, &["--color", "never", command]);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains("locales/de/a\\u{1b}[2Kb.ftl") && !hostile(&stderr),
            "{stderr:?}"
        );
    }
    fs::remove_file(p.path().join("locales/de/a\x1b[2Kb.ftl")).unwrap();
    for color in ["never", "always"] {
        for format in ["human", "github"] {
            let (code, stdout, stderr) = run(&p, &["--color", color, "check", "--format", format]);
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
        let (_, stdout, _) = run(&p, &["--color", color, "status"]);
        assert!(!hostile(&without_colours(&stdout)), "{stdout:?}");
    }
    let (_, stdout, stderr) = run(&p, &["build"]);
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
    let (code, _, stderr) = run(&p, &["build"]);
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
    let (code, _, stderr) = run(&p, &["check", "--format", "github"]);
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
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let page = p.read("out/de/newer.html");
    assert!(
        page.contains("<img src=x.jpg alt=x&#x20;onerror&#x3D;alert(1)&#x20;&#x60;y&#x60;>"),
        "{page}"
    );
}
