//! The project's bounds: inputs that lead out of the project or into gazette's own folders,
//! names that would break gazette's lists or a terminal, and `out/` and `.gazette-cache/` in
//! states gazette cannot publish into. Each is refused (exit 2) with what is wrong and what to
//! do, before anything changes, or handled as the README says.

use std::fs;
use std::path::Path;

use super::limits::project;
use super::support::{one_error, run, tree, Project};

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

/// A link under static/ (published as it is) leads into an input folder or is refused: a
/// contributor's `static/env.txt -> ../.env` must not publish a CI job's secrets; a link to
/// an image kept among the inputs is fine.
#[cfg(unix)]
#[test]
fn a_published_link_leads_into_the_inputs_only() {
    use std::os::unix::fs::symlink;
    let p = project();
    p.write(".env", "DEPLOY_TOKEN=abc123\n");
    p.write("private/notes.txt", "not for the site\n");
    p.write("locales/fr/logo.svg", "<svg/>");
    fs::create_dir_all(p.path().join("static")).unwrap();
    for (link, to) in [("static/env.txt", "../.env"), ("static/p", "../private")] {
        symlink(to, p.path().join(link)).unwrap();
        let (code, _, stderr) = run(&p, &["build"]);
        assert_eq!(code, 2, "{link}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {link}: symbolic link to "))
                && stderr.contains("none of its inputs"),
            "{stderr}"
        );
        assert!(!p.path().join("out").join(&link[7..]).exists());
        fs::remove_file(p.path().join(link)).unwrap();
    }
    symlink("../locales/fr/logo.svg", p.path().join("static/logo.svg")).unwrap();
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

/// The peak memory of `gazette build` in KiB, where `/usr/bin/time` tells it.
fn build_peak(p: &Project) -> Option<u64> {
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "peak %M"])
        .arg(env!("CARGO_BIN_EXE_gazette"))
        .arg("-C")
        .arg(p.path())
        .args(["build", "-q"])
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak "))
        .and_then(|k| k.trim().parse().ok())
}

/// A file of static/ larger than gazette's memory use is published without being read whole.
#[test]
fn static_files_are_never_held_in_memory() {
    let p = project();
    let Some(without) = build_peak(&p) else {
        // No /usr/bin/time here: nothing to measure with.
        return;
    };
    fs::create_dir_all(p.path().join("static")).unwrap();
    let video = fs::File::create(p.path().join("static/film.mp4")).unwrap();
    video.set_len(384 << 20).unwrap();
    drop(video);
    let with = build_peak(&p).unwrap();
    assert!(
        with < without + 64 * 1024,
        "peak memory {without} KiB, {with} KiB with a 384 MiB file"
    );
    let published = fs::metadata(p.path().join("out/film.mp4")).unwrap();
    assert_eq!(published.len(), 384 << 20);
}

/// A large file of static/ is published by streaming, its bytes and an image's size exact.
#[test]
fn large_static_files_are_copied_whole() {
    let p = project();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&3u32.to_be_bytes());
    png.extend_from_slice(&2u32.to_be_bytes());
    png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    let mut video = vec![0u8; 3 << 20];
    video
        .iter_mut()
        .enumerate()
        .for_each(|(i, b)| *b = (i % 251) as u8);
    fs::create_dir_all(p.path().join("static")).unwrap();
    fs::write(p.path().join("static/clip.webm"), &video).unwrap();
    fs::write(p.path().join("static/dot.png"), &png).unwrap();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read(p.path().join("out/clip.webm")).unwrap(), video);
    // Changed by one byte at its end: published again.
    *video.last_mut().unwrap() ^= 1;
    fs::write(p.path().join("static/clip.webm"), &video).unwrap();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read(p.path().join("out/clip.webm")).unwrap(), video);
    assert_eq!(fs::read(p.path().join("out/dot.png")).unwrap(), png);
    run(&p, &["build", "--out", "full"]);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
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
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("token");
    fs::write(&secret, "secret").unwrap();
    let p = project();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let link = p.path().join("out/token");
    symlink(&secret, &link).unwrap();
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
