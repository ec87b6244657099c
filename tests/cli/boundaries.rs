//! The project's bounds: inputs that lead out of the project or into gazette's own folders
//! (links, symbolic links, FIFOs), names that would break gazette's lists or a terminal (control
//! characters, NFC and NFD twins), `sync` writing through a symbolic link, and `out/` and
//! `.gazette-cache/` in states gazette cannot publish into (read-only, a mount point, a link).
//! Each is refused (exit 2) with what is wrong and what to do, before anything changes, or
//! handled as the README says.

use std::fs;
use std::path::Path;
use std::time::Duration;

use super::support::{
    check_and_build_refuse, one_error, project, run, run_timed, run_within, tree, Project,
};

/// `args` exits 2 with one `error:` line holding every part.
fn refused_by(p: &Project, args: &[&str], parts: &[&str]) -> String {
    let (code, stdout, stderr) = run(p, args);
    assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
    one_error(&stderr);
    for part in parts {
        assert!(stderr.contains(part), "{args:?}: `{part}` not in {stderr}");
    }
    stderr
}

/// `check` and `build` are refused alike, and nothing is published.
fn refused(p: &Project, parts: &[&str]) {
    for cmd in ["check", "build"] {
        refused_by(p, &[cmd], parts);
        assert!(!p.path().join("out").exists(), "{cmd} wrote out/");
    }
}

/// A folder of the project moved out of it and linked back, a settings path out of it, a
/// language folder linked elsewhere: each refused naming the path and where it leads; `sync`
/// writes nothing there.
#[cfg(unix)]
#[test]
fn input_folders_that_lead_out_of_the_project_are_refused() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let shown = fs::canonicalize(outside.path()).unwrap();
    let shown = shown.display().to_string();

    // static/ moved out and linked back: its files would be published.
    let p = project();
    fs::write(outside.path().join("id_rsa"), "secret").unwrap();
    symlink(outside.path(), p.path().join("static")).unwrap();
    refused(&p, &["static: leads to ", &shown, "outside the project"]);

    // The locales folder: `sync de` would write its stubs out there.
    let p = project();
    let elsewhere = outside.path().join("locales");
    fs::rename(p.path().join("locales"), &elsewhere).unwrap();
    symlink(&elsewhere, p.path().join("locales")).unwrap();
    let before = tree(&elsewhere);
    refused(&p, &["locales: leads to ", "outside the project"]);
    refused_by(&p, &["sync", "de"], &["locales: leads to ", "outside"]);
    assert_eq!(tree(&elsewhere), before, "sync wrote outside the project");

    // gazette.toml naming a folder out of the project, existing or not.
    for (key, path) in [
        ("content", "../../../../../../../../etc"),
        ("templates", "/usr/share"),
        ("content", "../not-there"),
    ] {
        let p = project();
        let toml = p.read("gazette.toml");
        p.write("gazette.toml", &format!("{key} = \"{path}\"\n{toml}"));
        refused(&p, &[&format!("{path}: leads to "), "outside the project"]);
    }

    // A folder inside the project linked from another name stays fine.
    let p = project();
    fs::create_dir(p.path().join("assets")).unwrap();
    fs::write(p.path().join("assets/logo.txt"), "logo").unwrap();
    symlink("assets", p.path().join("static")).unwrap();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(p.read("out/logo.txt"), "logo");
}

/// Links under static/ into `.git/`, the cache, the output or the previous site are refused,
/// naming the link and where it leads; a `.git` of a sub-project is passed over.
#[cfg(unix)]
#[test]
fn links_into_gazettes_own_folders_are_refused() {
    use std::os::unix::fs::symlink;
    let p = project();
    p.write(
        ".git/config",
        "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n",
    );
    p.write("static/logo.txt", "logo");
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    run(&p, &["build", "--out", "full"]);
    run(&p, &["build"]);
    assert!(p.path().join(".out.previous").is_dir());
    let published = tree(&p.path().join("out"));
    for (link, to, inside) in [
        ("static/g", "../.git", ".git"),
        ("static/config", "../.git/config", ".git"),
        ("static/c", "../.gazette-cache", ".gazette-cache"),
        ("static/o", "../out", "out"),
        ("static/p", "../.out.previous", ".out.previous"),
        ("static/f", "../full", "full"),
        ("locales/de/x.ftl", "../../.git/config", ".git"),
    ] {
        symlink(to, p.path().join(link)).unwrap();
        let (code, _, stderr) = run(&p, &["build"]);
        assert_eq!(code, 2, "{link}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {link}: symbolic link to ")),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("inside {inside}, a folder gazette never reads")),
            "{stderr}"
        );
        assert_eq!(
            tree(&p.path().join("out")),
            published,
            "{link}: out/ changed"
        );
        fs::remove_file(p.path().join(link)).unwrap();
    }
    // A sub-project's version control (a submodule checked out in static/) is not the site's.
    p.write("static/theme/.git/config", "[core]\n");
    p.write("static/theme/site.css", "body {}");
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(p.read("out/theme/site.css"), "body {}");
    assert!(!p.path().join("out/theme/.git").exists());
    assert!(!p.path().join("out/g").exists() && !p.path().join("out/config").exists());
}

/// A link under static/ (published as it is) leads into static/ or is refused: a
/// contributor's `static/env.txt -> ../.env` must not publish a CI job's secrets, nor a link to
/// `locales/` or `content/` the text of drafts and embargoed articles; a link to an image
/// elsewhere in static/ is fine.
#[cfg(unix)]
#[test]
fn a_published_link_leads_into_static_only() {
    use std::os::unix::fs::symlink;
    let p = project();
    p.write(".env", "DEPLOY_TOKEN=abc123\n");
    p.write("private/notes.txt", "not for the site\n");
    p.write("static/images/logo.svg", "<svg/>");
    for (link, to) in [
        ("static/env.txt", "../.env"),
        ("static/p", "../private"),
        ("static/l10n", "../locales"),
        ("static/articles", "../content"),
    ] {
        symlink(to, p.path().join(link)).unwrap();
        let (code, _, stderr) = run(&p, &["build"]);
        assert_eq!(code, 2, "{link}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {link}: symbolic link to "))
                && stderr.contains("out of static/: a site publishes only what static/ holds"),
            "{stderr}"
        );
        assert!(!p.path().join("out").join(&link[7..]).exists());
        fs::remove_file(p.path().join(link)).unwrap();
    }
    symlink("images/logo.svg", p.path().join("static/logo.svg")).unwrap();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(p.read("out/logo.svg"), "<svg/>");
}

/// A link to nothing (a dangling link) in any input folder is refused (exit 2), naming the link
/// and where it leads, before anything is written: no `out/`, an earlier site unchanged, no
/// stub written by `sync`.
#[cfg(unix)]
#[test]
fn a_dangling_link_is_refused_naming_where_it_leads() {
    use std::os::unix::fs::symlink;
    for (link, to) in [
        ("static/style.css", "../assets/gone.css"),
        ("locales/de/extra.ftl", "/nowhere/extra.ftl"),
        ("content/gone.toml", "gone-for-good.toml"),
        ("templates/article.hbs", "../shared/article.hbs"),
    ] {
        let p = project();
        fs::create_dir_all(p.path().join(link).parent().unwrap()).unwrap();
        symlink(to, p.path().join(link)).unwrap();
        let named =
            format!("{link}: symbolic link to {to}, which does not exist (a dangling link)");
        let parts = [named.as_str(), "mend or remove the link"];
        refused(&p, &parts);
        let locales = regular_files(&p.path().join("locales"));
        refused_by(&p, &["sync", "de"], &parts);
        assert_eq!(
            regular_files(&p.path().join("locales")),
            locales,
            "{link}: sync wrote"
        );
        // An earlier site stays as it was.
        fs::rename(p.path().join(link), p.path().join("aside")).unwrap();
        let (code, _, stderr) = run(&p, &["build"]);
        assert_eq!(code, 0, "{link}: {stderr}");
        let site = tree(&p.path().join("out"));
        fs::rename(p.path().join("aside"), p.path().join(link)).unwrap();
        refused_by(&p, &["build"], &parts);
        assert_eq!(tree(&p.path().join("out")), site, "{link}: build wrote");
    }
}

/// The regular files under `dir` with their bytes, and the names of the other entries (a
/// dangling link has no bytes to read).
fn regular_files(dir: &Path) -> Vec<(std::path::PathBuf, Option<Vec<u8>>)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            found.extend(regular_files(&path));
        } else {
            found.push((
                path.clone(),
                meta.is_file().then(|| fs::read(&path).unwrap()),
            ));
        }
    }
    found.sort();
    found
}

/// A control character in a name under static/ is refused, the name shown escaped: a newline
/// in a name no longer slips a foreign `CNAME` into gazette's list of its files (a later build
/// deleted it), nor a carriage return a name no build can find.
#[cfg(unix)]
#[test]
fn names_with_control_characters_are_refused() {
    let p = project();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    fs::write(p.path().join("out/CNAME"), "news.example").unwrap();
    for (name, shown, point) in [
        ("x\nCNAME", "x\\nCNAME", "U+000A"),
        ("x\r", "x\\r", "U+000D"),
        ("a\u{202e}gpj.exe", "a\\u{202e}gpj.exe", "U+202E"),
        ("b\u{85}", "b\\u{85}", "U+0085"),
    ] {
        p.write(&format!("static/{name}"), "x");
        refused_by(
            &p,
            &["build"],
            &[&format!(
                "static/{shown}: a file name with a control character ({point})"
            )],
        );
        fs::remove_file(p.path().join("static").join(name)).unwrap();
        let (code, _, stderr) = run(&p, &["build"]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(p.read("out/CNAME"), "news.example", "{shown}");
    }
    // Translations' and articles' folders alike.
    p.write("locales/de/a\u{1b}[2J.ftl", "x = y\n");
    refused_by(&p, &["check"], &["locales/de/a\\u{1b}[2J.ftl: a file name"]);
    fs::remove_file(p.path().join("locales/de/a\u{1b}[2J.ftl")).unwrap();
    p.write("content/a\u{1}b.toml", "date = 2025-03-01\n");
    refused_by(&p, &["check"], &["content/a\\u{1}b.toml: a file name"]);
}

/// Two files of static/ whose names differ only in Unicode normalisation would be one file
/// of the site: both are named, neither silently dropped.
#[test]
fn nfc_and_nfd_twins_in_static_are_refused() {
    let p = project();
    p.write("static/caf\u{e9}.txt", "composed");
    p.write("static/cafe\u{301}.txt", "decomposed");
    if fs::read_dir(p.path().join("static")).unwrap().count() < 2 {
        // A file system that normalises names keeps only one: nothing to test.
        return;
    }
    refused(
        &p,
        &[
            "the same name as static/caf",
            "in another Unicode normalisation form",
        ],
    );
}

/// `.gazette-cache` that is a file: named, with what to do, before anything is written.
#[test]
fn a_cache_that_is_a_file_is_named() {
    let p = project();
    p.write(".gazette-cache", "not a folder");
    for args in [&["build"][..], &["sync", "de"]] {
        refused_by(
            &p,
            args,
            &[".gazette-cache: is a file, not a folder", "remove the file"],
        );
    }
    assert!(!p.path().join("out").exists());
}

/// `sh -c script` in a user namespace of its own (with its own mounts when `mounts`), as
/// its root; `None` where this system allows none.
#[cfg(target_os = "linux")]
fn unshared(mounts: bool, script: &str, args: &[&Path]) -> Option<std::process::Output> {
    let flags = if mounts { "-rm" } else { "-r" };
    let probe = std::process::Command::new("unshare")
        .args([flags, "true"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        return None;
    }
    let out = std::process::Command::new("unshare")
        .args([flags, "sh", "-c", script, "sh"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Some(out)
}

/// `out/` a mount point (a Docker volume): refused before anything changes, with the way out;
/// before, every build failed at its very end with "Device or resource busy".
#[cfg(target_os = "linux")]
#[test]
fn an_output_that_is_a_mount_point_is_refused_with_a_hint() {
    let p = project();
    fs::create_dir(p.path().join("out")).unwrap();
    let script = r#"mount -t tmpfs gazette-test "$1/out" || exit 99
"$2" -C "$1" build; echo "exit $?"; ls -A "$1/out""#;
    let gazette = Path::new(env!("CARGO_BIN_EXE_gazette"));
    let Some(out) = unshared(true, script, &[p.path(), gazette]) else {
        return;
    };
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    if out.status.code() == Some(99) {
        // Mounting is not allowed here, even in a namespace of its own.
        return;
    }
    assert_eq!(
        stdout.trim(),
        "exit 2",
        "nothing in the volume: {stdout}{stderr}"
    );
    assert!(
        stderr.contains("out: is a mount point") && stderr.contains("`out = \"out/site\"`"),
        "{stderr}"
    );
    let beside: Vec<_> = fs::read_dir(p.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out"))
        .collect();
    assert!(beside.is_empty(), "left beside out/: {beside:?}");
}

/// A link someone put in `out/`, carried into the new site where the system refuses to
/// hard-link it (another owner's, under `protected_hardlinks`), stays a link: what it points
/// to is never published in its place.
#[cfg(target_os = "linux")]
#[test]
fn a_foreign_link_in_out_is_carried_over_as_a_link() {
    use std::os::unix::fs::{lchown, symlink};
    let p = project();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    p.write("out/files/token.txt", "a file of yours");
    let secret = Path::new("files/token.txt");
    let link = p.path().join("out/token");
    symlink(secret, &link).unwrap();
    // Owned by another user: in a namespace of its own, gazette may not hard-link it.
    if lchown(&link, Some(4242), Some(4242)).is_err() {
        return;
    }
    p.write("locales/de/newer.ftl", "title = Neu\nbody = a\nextra = b\n");
    let gazette = Path::new(env!("CARGO_BIN_EXE_gazette"));
    let script = r#""$1" -C "$2" build"#;
    let Some(out) = unshared(false, script, &[gazette, p.path()]) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(p.read("out/de/newer.html").contains("Neu"), "not published");
    let meta = fs::symlink_metadata(&link).unwrap();
    assert!(
        meta.file_type().is_symlink(),
        "the link became a copy of what it points to"
    );
    assert_eq!(fs::read_link(&link).unwrap(), secret);
}

/// A link of someone's in `out/` that leads out of the site (committed beside a forged marker,
/// to `.git/config`) is refused: a deploy that follows links would publish what it leads to.
#[cfg(unix)]
#[test]
fn a_foreign_link_out_of_the_site_is_refused() {
    let p = project();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    p.write(
        ".git/config",
        "[http] extraheader = AUTHORIZATION: basic SECRET",
    );
    std::os::unix::fs::symlink("../../.git/config", p.path().join("out/fr/notes.txt")).unwrap();
    let site = tree(&p.path().join("out"));
    p.write("locales/de/newer.ftl", "title = Neu\nbody = a\nextra = b\n");
    refused_by(
        &p,
        &["build"],
        &[
            "out/fr/notes.txt: gazette did not write this symbolic link, which leads out of the site (to ",
            ".git/config): a deploy that follows links would publish that file; remove the link",
        ],
    );
    assert_eq!(tree(&p.path().join("out")), site, "nothing published");
}

/// An output path that goes through a folder that does not exist yet and then `..`, or
/// through a link that leads nowhere yet, would lead, once gazette made the missing folder,
/// to a folder no check saw (a user's, `.git`, the project): refused, nothing replaced.
#[cfg(unix)]
#[test]
fn an_output_path_through_a_missing_folder_is_refused() {
    let p = project();
    let theirs = p.path().join("theirs");
    fs::create_dir(&theirs).unwrap();
    fs::write(theirs.join("thesis.txt"), "precious").unwrap();
    std::os::unix::fs::symlink("nope/../theirs", p.path().join("out")).unwrap();
    refused_by(&p, &["build"], &["out: leads through `..` after `nope`"]);
    fs::remove_file(p.path().join("out")).unwrap();
    for out in ["nope/../theirs", "nope/../.git"] {
        refused_by(
            &p,
            &["build", "--out", out],
            &["leads through `..` after `nope`, a folder that does not exist yet"],
        );
    }
    p.write(
        "gazette.toml",
        &format!("{}\nout = \"nope/../content\"\n", p.read("gazette.toml")),
    );
    refused_by(&p, &["build"], &["`..` after `nope`"]);
    assert_eq!(
        fs::read_to_string(theirs.join("thesis.txt")).unwrap(),
        "precious"
    );
    assert!(p.path().join("content").is_dir() && !p.path().join("nope").exists());
}

/// Neither a link in the project nor a setting sends the site out of it (a committed `out`
/// link or `gazette.toml` would have a build make and fill folders anywhere): refused, naming
/// where it leads, with nothing made there. A folder named with `--out` is published into.
#[cfg(unix)]
#[test]
fn only_the_command_line_sends_the_site_out_of_the_project() {
    let p = Project::fixture("publish");
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("autostart");
    std::os::unix::fs::symlink(&target, p.path().join("out")).unwrap();
    for args in [&["build"][..], &["build", "--out", "out"]] {
        refused_by(
            &p,
            args,
            &[
                "out: leads to ",
                "autostart, outside the project, through a symbolic link: a link in the project cannot send the site out of it; to publish there, name that folder with `--out`",
            ],
        );
    }
    fs::remove_file(p.path().join("out")).unwrap();
    let config = p.read("gazette.toml");
    p.write("gazette.toml", &format!("out = \"../site\"\n{config}"));
    refused_by(
        &p,
        &["build"],
        &["../site: is outside the project: a setting cannot send the site out of it; to publish there, name the folder with `--out`"],
    );
    assert_eq!(
        fs::read_dir(elsewhere.path()).unwrap().count(),
        0,
        "nothing made"
    );
    assert!(!p.path().parent().unwrap().join("site").exists());
    let named = target.to_str().unwrap();
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback", "--out", named]);
    assert_eq!(code, 0, "{stderr}");
    assert!(target.join("index.html").is_file());
}

/// Beside `out/`, only what gazette made is gazette's: a file named as the kept site is refused
/// (never removed), a folder whose name only starts as staging folders' do is left alone.
#[test]
fn names_beside_out_that_gazette_did_not_give_are_left_alone() {
    let p = Project::fixture("publish");
    p.write(".out.previous", "notes");
    refused_by(
        &p,
        &["build", "--missing", "fallback"],
        &[".out.previous: is not a previous site gazette kept"],
    );
    assert_eq!(p.read(".out.previous"), "notes");
    fs::remove_file(p.path().join(".out.previous")).unwrap();
    p.write(".out.staging-drafts/d.txt", "draft");
    for _ in 0..2 {
        let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(p.read(".out.staging-drafts/d.txt"), "draft");
    }
}

/// `--out out/.` is `out`: published there, with its marker beside it, rather than a refusal
/// that left a stray marker.
#[test]
fn an_output_path_ending_in_a_dot_is_that_folder() {
    let p = Project::fixture("publish");
    for _ in 0..2 {
        let (code, _, stderr) = run(&p, &["build", "--missing", "fallback", "--out", "out/."]);
        assert_eq!(code, 0, "{stderr}");
    }
    assert!(p.path().join("out/index.html").is_file());
    assert!(p.read(".out.gazette-output").starts_with("gazette output "));
}

/// The site is never built into a folder of the project that is not its own: version
/// control's (with a forged marker beside it, `.git`'s files, the CI token among them, would be
/// carried into the site), the records, the cache, an input other than `static/`.
#[test]
fn the_site_is_never_built_into_the_projects_other_folders() {
    let p = Project::fixture("publish");
    p.write(
        ".git/config",
        "[remote] url = https://x-access-token:SECRET@example.com/r\n",
    );
    p.write("..git.gazette-output", "gazette output 0\n");
    for out in [
        ".git",
        "gazette.lock.d",
        "locales/it",
        "content/site",
        ".gazette-cache/x",
    ] {
        refused_by(
            &p,
            &["build", "--missing", "fallback", "--out", out],
            &[
                &format!("{out}: leads into "),
                "a folder of the project that is not the site's",
            ],
        );
    }
    assert!(!p.path().join("gazette.lock.d").exists());
    assert!(!p.path().join("locales/it").exists());
    let config = p.read("gazette.toml");
    p.write("gazette.toml", &format!("out = \".git\"\n{config}"));
    refused_by(
        &p,
        &["build", "--missing", "fallback"],
        &[".git: leads into .git"],
    );
    assert_eq!(fs::read_dir(p.path().join(".git")).unwrap().count(), 1);
}

/// Links planted under the names of files gazette writes (the marker's temporary file, the
/// lock's note) are replaced, never written through: the file they lead to is untouched.
#[cfg(unix)]
#[test]
fn links_planted_under_gazettes_own_names_are_not_written_through() {
    let p = Project::fixture("publish");
    let elsewhere = tempfile::tempdir().unwrap();
    fs::create_dir(p.path().join(".gazette-cache")).unwrap();
    for (name, planted) in [
        ("victim-marker", ".new.out.gazette-output"),
        ("victim-lock", ".gazette-cache/writer.lock"),
    ] {
        let victim = elsewhere.path().join(name);
        fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, p.path().join(planted)).unwrap();
    }
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 0, "{stderr}");
    for name in ["victim-marker", "victim-lock"] {
        assert_eq!(
            fs::read_to_string(elsewhere.path().join(name)).unwrap(),
            "precious",
            "{name}"
        );
    }
}

/// `.gazette-cache` that is a link (committed, say) is refused: gazette would write its cache
/// and clear its leftovers (`.tmp*`) wherever it leads.
#[cfg(unix)]
#[test]
fn a_cache_folder_that_is_a_link_is_refused() {
    let p = project();
    let elsewhere = p.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::write(elsewhere.join(".tmp-draft.txt"), "mine").unwrap();
    std::os::unix::fs::symlink(&elsewhere, p.path().join(".gazette-cache")).unwrap();
    for args in [&["build"][..], &["sync", "--all"]] {
        refused_by(&p, args, &[".gazette-cache: is a symbolic link"]);
    }
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 1);
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
        check_and_build_refuse(&p, &["content/older.toml", "block 1", "src", shown]);
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
    check_and_build_refuse(&p, &["locales/de/x.ftl", "outside the project"]);

    let p = project();
    symlink(
        outside.path().join("secret.toml"),
        p.path().join("content/x.toml"),
    )
    .unwrap();
    check_and_build_refuse(&p, &["content/x.toml", "outside the project"]);

    let p = project();
    symlink(outside.path().join("it"), p.path().join("locales/it")).unwrap();
    check_and_build_refuse(&p, &["locales/it", "outside the project"]);

    // A link that stays inside its language's folder is fine; one out of `locales/` (to a
    // shared file two languages could link to) or into another language's folder (the German
    // edition would publish the French text, and `sync de` write German stubs into the French
    // file) and one that loops are refused.
    let p = project();
    p.write("locales/de/notes.txt", "notes = Notizen\n");
    symlink("older.ftl", p.path().join("locales/fr/shared.ftl")).unwrap();
    symlink("notes.txt", p.path().join("locales/de/notes.ftl")).unwrap();
    let (code, stdout, stderr) = run_timed(&p, &["check"]);
    assert!(code == 0 || code == 1, "{stdout}{stderr}");
    p.write("shared/notes.ftl", "notes = Notizen\n");
    symlink(
        "../../shared/notes.ftl",
        p.path().join("locales/de/more.ftl"),
    )
    .unwrap();
    check_and_build_refuse(
        &p,
        &[
            "locales/de/more.ftl: symbolic link to ",
            "out of locales/: a file of locales/ links only within it",
        ],
    );
    fs::remove_file(p.path().join("locales/de/more.ftl")).unwrap();
    for (link, to) in [
        ("templates/style.hbs", "../.env"),
        ("content/zz.toml", "../.env"),
    ] {
        p.write(".env", "AWS_SECRET=abcd1234secret\n");
        fs::create_dir_all(p.path().join(link).parent().unwrap()).unwrap();
        symlink(to, p.path().join(link)).unwrap();
        let folder = link.split('/').next().unwrap();
        let (code, stdout, stderr) = run(&p, &["check"]);
        assert_eq!(code, 2, "{link}: {stdout}{stderr}");
        assert!(
            stderr.contains(&format!("{link}: symbolic link to "))
                && stderr.contains(&format!("out of {folder}/"))
                && !stderr.contains("abcd1234secret"),
            "{link}: {stderr}"
        );
        fs::remove_file(p.path().join(link)).unwrap();
    }
    symlink("../fr/older.ftl", p.path().join("locales/de/shared.ftl")).unwrap();
    let source = p.read("locales/fr/older.ftl");
    check_and_build_refuse(
        &p,
        &[
            "locales/de/shared.ftl: symbolic link to ",
            "a file of another language (fr): each language's translations are its own files",
        ],
    );
    let (code, _, stderr) = run(&p, &["sync", "de"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        p.read("locales/fr/older.ftl"),
        source,
        "nothing written through"
    );
    let p = project();
    symlink(".", p.path().join("locales/de/loop")).unwrap();
    check_and_build_refuse(&p, &["locales/de/loop", "loop"]);
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
    let (code, _, stderr) = run_timed(&p, &["build"]);
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
    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    run_timed(&p, &["build", "--out", "full"]);
    let full = tree(&p.path().join("full"));
    assert_eq!(tree(&p.path().join("out")), full);

    p.write(
        "locales/de/newer.ftl",
        "title = Wieder\nbody = a\nextra = b\n",
    );
    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.starts_with("error: .out.previous/de/"), "{stderr}");
    assert_eq!(tree(&p.path().join("out")), full, "out/ changed");

    drop(Unwritable(p.path().join(".out.previous/de"), guard.1));
    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    run_timed(&p, &["build", "--out", "full"]);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}

/// A read-only `out/` is refused before anything changes, with what to do (it was swapped out
/// silently, then every build failed on `.out.previous` with no hint), and so is a read-only
/// `.out.previous`.
#[cfg(unix)]
#[test]
fn read_only_output_is_refused_with_a_hint() {
    let p = project();
    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let before = tree(&p.path().join("out"));
    p.write("locales/de/newer.ftl", "title = Neu\nbody = a\nextra = b\n");
    let Some(guard) = Unwritable::new(&p.path().join("out")) else {
        return;
    };
    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: out: is read-only: gazette replaces the output folder"),
        "{stderr}"
    );
    assert!(stderr.contains("make it writable"), "{stderr}");
    assert_eq!(tree(&p.path().join("out")), before, "out/ changed");
    assert!(!p.path().join(".out.previous").exists());
    drop(guard);

    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let Some(guard) = Unwritable::new(&p.path().join(".out.previous")) else {
        return;
    };
    p.write(
        "locales/de/newer.ftl",
        "title = Wieder\nbody = a\nextra = b\n",
    );
    let before = tree(&p.path().join("out"));
    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: .out.previous: is read-only: it is gazette's copy"),
        "{stderr}"
    );
    assert_eq!(tree(&p.path().join("out")), before, "out/ changed");
    drop(guard);
    let (code, _, stderr) = run_timed(&p, &["build"]);
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
    let (code, stdout, stderr) = run_timed(&p, &["sync", "de"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("locales/de/newer.ftl"), "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(fs::read(&de).unwrap(), before, "a read-only file changed");
    assert!(fs::metadata(&de).unwrap().permissions().readonly());
}

const NFC: &str = "\u{e9}t\u{e9}.ftl"; // été, composed

const NFD: &str = "e\u{301}te\u{301}.ftl"; // été, decomposed

/// A target file whose name is the decomposed spelling of the source's (as a macOS editor
/// saves it) is the same file: not missing, not obsolete, and synced in place.
#[test]
fn file_names_are_compared_in_nfc() {
    let p = Project::sample();
    p.write(
        &format!("locales/fr/{NFC}"),
        "chaud = Il fait chaud\nfroid = Il fait froid\n",
    );
    p.write(&format!("locales/de/{NFD}"), "chaud = Es ist heiß\n");
    p.write(
        &format!("locales/en/{NFD}"),
        "chaud = It is hot\nfroid = It is cold\n",
    );
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1, "{report:#}");
    // The sample's languages have records: the new translations, written before any sync,
    // are not taken for reviewed, in the file as it is spelt.
    let (unrecorded, diagnostics): (Vec<_>, Vec<_>) = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .partition(|d| d["code"] == "stale-translation");
    assert_eq!(unrecorded.len(), 3, "{report:#}");
    assert!(unrecorded
        .iter()
        .all(|d| d["file"].as_str().unwrap().ends_with(NFD)));
    assert_eq!(diagnostics.len(), 1, "{report:#}");
    assert_eq!(diagnostics[0]["code"], "missing-message");
    assert_eq!(diagnostics[0]["id"], "froid");
    assert_eq!(diagnostics[0]["file"], format!("locales/de/{NFD}"));

    let (exit, out, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    assert!(
        out.contains(&format!("locales/de/{NFD}: added 1 stub")),
        "{out}"
    );
    assert!(
        !p.path().join(format!("locales/de/{NFC}")).exists(),
        "no look-alike"
    );
    let de = p.read(&format!("locales/de/{NFD}"));
    assert!(
        de.starts_with("chaud = Es ist heiß\n\n# gazette: stub froid "),
        "{de}"
    );
    // Records are kept under the composed name.
    assert!(p
        .read(&format!("gazette.lock.d/de/{NFC}.lock"))
        .contains("\nfroid "));
    let (_, out, _) = run(&p, &["sync", "de"]);
    assert!(out.contains("nothing to do"), "{out}");
}

/// Both spellings in one folder would be two files of one name: refused, naming both.
#[test]
fn two_spellings_of_one_file_name_are_refused() {
    let p = Project::sample();
    p.write(&format!("locales/fr/{NFC}"), "chaud = Il fait chaud\n");
    p.write(&format!("locales/de/{NFC}"), "chaud = Es ist heiß\n");
    p.write(&format!("locales/de/{NFD}"), "chaud = Heiß\n");
    let (exit, _, err) = run(&p, &["check"]);
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains(&format!("locales/de/{NFC}")), "{err}");
    assert!(err.contains(&format!("locales/de/{NFD}")), "{err}");
    assert!(err.contains("normalisation"), "{err}");
}

/// A target file linked from elsewhere in the project (a file shared by two languages, or
/// kept in another folder) stays linked: sync writes the file the link points to, keeping its
/// mode and owner.
#[cfg(unix)]
#[test]
fn sync_writes_through_a_symbolic_link_keeping_mode_and_owner() {
    use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
    let p = Project::sample();
    let de = "locales/de/coalition-des-volontaires.ftl";
    let edited: String = p
        .read(de)
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("sovereignty ="))
        .collect();
    // Kept beside it under a name gazette does not read (a link leads within its folder).
    p.write("locales/de/article.txt", &edited);
    fs::remove_file(p.path().join(de)).unwrap();
    symlink("article.txt", p.path().join(de)).unwrap();
    let real = p.path().join("locales/de/article.txt");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    // Another owner, where the tests may give files away (as root).
    let owner = (4321, 4321);
    let chowned = std::os::unix::fs::chown(&real, Some(owner.0), Some(owner.1)).is_ok();

    let (exit, out, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    assert!(out.contains("added 1 stub"), "{out}");
    let link = fs::symlink_metadata(p.path().join(de)).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert_eq!(
        fs::read_link(p.path().join(de)).unwrap(),
        std::path::Path::new("article.txt")
    );
    let text = fs::read_to_string(&real).unwrap();
    assert!(text.starts_with(&edited), "{text}");
    assert!(text.contains("# gazette: stub sovereignty "), "{text}");
    let meta = fs::metadata(&real).unwrap();
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    if chowned {
        assert_eq!((meta.uid(), meta.gid()), owner);
    }
    let leftovers: Vec<String> = tree(p.path())
        .into_keys()
        .filter(|f| f.contains(".gazette-sync-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A file of records linked from elsewhere in the project stays linked too: `--accept-all`
/// writes the file it points to.
#[cfg(unix)]
#[test]
fn records_are_written_through_a_symbolic_link() {
    let p = Project::sample();
    let shard = "gazette.lock.d/de/coalition-des-volontaires.ftl.lock";
    // Edited by hand: without its seal, as earlier versions wrote it.
    let kept: String = p
        .read(shard)
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("sovereignty ") && !l.starts_with("# gazette: "))
        .collect();
    p.write("shared/de-records.lock", &kept);
    fs::remove_file(p.path().join(shard)).unwrap();
    std::os::unix::fs::symlink("../../shared/de-records.lock", p.path().join(shard)).unwrap();

    let (exit, _, err) = run(&p, &["sync", "de", "--accept-all"]);
    assert_eq!(exit, 0, "{err}");
    let link = fs::symlink_metadata(p.path().join(shard)).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let text = p.read("shared/de-records.lock");
    assert!(text.contains("\nsovereignty "), "{text}");
}
