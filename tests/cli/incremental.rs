//! Incremental builds: a rebuild from the build cache always equals a full build, whatever
//! changed in the project, in `out/` or in the cache, and whoever else is writing.

use std::fs;
use std::io::Read;
use std::process::Stdio;

use gazette::project_lock::{ProjectLock, Wait};

use super::support::{run, tree, Project};

#[test]
fn rebuild_writes_only_what_changed_and_equals_a_full_build() {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    let stderr = build_with_fallback(&p, "out");
    assert!(
        stderr.contains(": 0 files written to out, 14 unchanged in "),
        "{stderr}"
    );

    p.write(
        "locales/de/older.ftl",
        "title = Der Älteste\nlede = Ein neuer Vorspann.\nbody = Ein Absatz.\n",
    );
    let stderr = build_with_fallback(&p, "out");
    // The article's HTML and text, the German index and feed: the lede shows in both.
    assert!(
        stderr.contains(": 4 files written to out, 10 unchanged in "),
        "{stderr}"
    );
    build_with_fallback(&p, "full");
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}

/// After each kind of edit, a build of the previous `out/` (from the build cache) equals a
/// fresh build, reports the same diagnostics, and writes only what the edit touched.
/// The build cache file of `out/` (the first one a build makes).
fn build_cache(p: &Project) -> std::path::PathBuf {
    fs::read_dir(p.path().join(".gazette-cache"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|f| {
            f.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("build-")
        })
        .expect("a build cache")
}

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
            "one article's body only: its pages and the feed that carries it, not indexes or sitemap",
            "locales/de/older.ftl",
            "title = Der Älteste\nbody = Ein anderer Absatz.\n",
            ": 3 files written to out",
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
    let cache = build_cache(&p);
    let bytes = std::fs::read(&cache).unwrap();
    // ...but not one written over the bytes: the cache's checksum no longer matches.
    let (was, planted) = (b"is not translated", b"is now translated");
    let at = bytes.windows(was.len()).position(|w| w == was).unwrap();
    let mut changed = bytes.clone();
    changed[at..at + was.len()].copy_from_slice(planted);
    std::fs::write(&cache, changed).unwrap();
    assert_eq!(p.check_json(), cold, "a damaged cache is not read");
    let kind = cache.file_name().unwrap().to_string_lossy().into_owned();
    let mut value: gazette::incremental::cache::Cache =
        gazette::store::decode(&kind, &bytes).unwrap();
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

/// A second writer waits for the first, saying who holds the project; with `--no-wait` it
/// fails at once. Readers never wait.
#[test]
fn writers_take_turns_and_readers_never_wait() {
    let p = Project::fixture("publish");
    let held = ProjectLock::acquire(p.path(), "gazette sync", Wait::No, |_| {}).unwrap();
    for args in [
        &["build", "--no-wait"][..],
        &["sync", "de", "--no-wait"][..],
    ] {
        let (code, _, stderr) = run(&p, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.contains("is locked by `gazette sync` (process "),
            "{stderr}"
        );
    }
    let (code, _, stderr) = run(&p, &["check"]);
    assert_eq!(code, 1, "check runs while the project is locked: {stderr}");
    assert!(!p.path().join("out").exists());

    let mut waiting = std::process::Command::new(assert_cmd::cargo::cargo_bin("gazette"))
        .arg("-C")
        .arg(p.path())
        .args(["build", "--missing", "fallback"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = waiting.stderr.take().unwrap();
    let mut first = [0u8; 12];
    stderr.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"waiting for ");
    assert!(!p.path().join("out").exists(), "built while waiting");
    drop(held);
    assert!(waiting.wait().unwrap().success());
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.starts_with("`gazette sync` (process "), "{rest}");
    assert!(p.path().join("out/de/index.html").exists());
}

/// Files someone else put in `out/` are never deleted: they are kept and named.
#[test]
fn files_gazette_did_not_write_are_kept_and_named() {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    p.write("out/CNAME", "news.example\n");
    p.write("out/img/logo.svg", "<svg/>");
    p.write("locales/de/older.ftl", "title = Der Älteste\nbody = Neu.\n");
    let summary = build_with_fallback(&p, "out");
    assert!(
        summary
            .contains("note: kept 2 files in out that gazette did not write: CNAME, img/logo.svg"),
        "{summary}"
    );
    assert_eq!(p.read("out/CNAME"), "news.example\n");
    assert_eq!(p.read("out/img/logo.svg"), "<svg/>");
    build_with_fallback(&p, "full");
    let mut out = tree(&p.path().join("out"));
    out.remove("CNAME");
    out.remove("img/logo.svg");
    assert_eq!(out, tree(&p.path().join("full")));
}

/// A page deleted or edited in `out/` is made again by the next build, even when nothing in
/// the project changed.
#[test]
fn pages_deleted_or_edited_in_out_are_made_again() {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    build_with_fallback(&p, "full");
    let full = tree(&p.path().join("full"));
    for (page, edit) in [
        ("out/de/older.html", None),
        ("out/fr/newer.txt", Some("same size?")),
        ("out/de/index.html", Some("<p>hand-made</p>")),
        ("out/sitemap.xml", None),
    ] {
        match edit {
            None => fs::remove_file(p.path().join(page)).unwrap(),
            Some(text) => {
                // A different modification time whatever the file system's resolution.
                std::thread::sleep(std::time::Duration::from_millis(10));
                p.write(page, text);
            }
        }
        let summary = build_with_fallback(&p, "out");
        assert!(summary.contains(": 1 files written"), "{page}: {summary}");
        assert_eq!(tree(&p.path().join("out")), full, "{page}");
    }
}

/// A cache file with a flipped bit, cut short or from another version is not used: the
/// summary says so and the build equals a full build.
#[test]
fn a_damaged_cache_is_noted_and_everything_built_again() {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    // The cache of out/, the only one so far.
    let cache = build_cache(&p);
    build_with_fallback(&p, "full");
    let good = fs::read(&cache).unwrap();
    let mut flipped = good.clone();
    let at = good.len() - 40;
    flipped[at] ^= 0x04;
    let mut foreign = good.clone();
    foreign[9] = b'9';
    for (bytes, why) in [
        (flipped, "damaged"),
        (good[..good.len() / 2].to_vec(), "damaged"),
        (foreign, "written by another version of gazette"),
    ] {
        fs::write(&cache, bytes).unwrap();
        fs::remove_file(p.path().join("out/de/older.html")).unwrap();
        let summary = build_with_fallback(&p, "out");
        assert!(
            summary.contains(&format!(
                "note: build cache {why}: not used, every article built again"
            )),
            "{summary}"
        );
        assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
    }
}

/// Killed builds leave staging folders beside `out/` and temporary files in the cache: the
/// next build takes one folder over as its own (nothing of it reaches `out/` unless it is
/// `out/`'s) and removes the rest.
#[test]
fn staging_folders_of_killed_builds_are_removed() {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    build_with_fallback(&p, "full");
    p.write(".out.staging-0a1b2c3d4e5f/de/older.html", "half a page");
    p.write(".out.staging-a0b1c2d3e4f5/de/older.html", "another half");
    p.write(".gazette-cache/.tmpXy34Zw", "half a cache");
    let summary = build_with_fallback(&p, "out");
    assert!(
        summary.contains("note: removed 1 staging folder left by interrupted builds"),
        "{summary}"
    );
    assert!(
        summary.contains("note: removed 1 temporary cache file left by interrupted builds"),
        "{summary}"
    );
    for left in [
        ".out.staging-0a1b2c3d4e5f",
        ".out.staging-a0b1c2d3e4f5",
        ".gazette-cache/.tmpXy34Zw",
    ] {
        assert!(!p.path().join(left).exists(), "{left}");
    }
    fs::remove_file(p.path().join("out/de/newer.html")).unwrap();
    build_with_fallback(&p, "out");
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}

/// `out/` may be a symbolic link, to another file system as deploy set-ups have it: the link
/// stays, the folder it points to gets the site.
#[cfg(unix)]
#[test]
fn out_may_be_a_symbolic_link_to_another_file_system() {
    let p = Project::fixture("publish");
    // /dev/shm is another file system than the temporary folder on most Linux machines.
    let elsewhere = match tempfile::tempdir_in("/dev/shm") {
        Ok(dir) => dir,
        Err(_) => tempfile::tempdir().unwrap(),
    };
    let site = elsewhere.path().join("site");
    // Out of the project, so named on the command line (a link in the project is refused).
    let links = tempfile::tempdir().unwrap();
    let link = links.path().join("out");
    std::os::unix::fs::symlink(&site, &link).unwrap();
    let out = link.to_str().unwrap();
    build_with_fallback(&p, out);
    p.write("locales/de/older.ftl", "title = Der Älteste\nbody = Neu.\n");
    let summary = build_with_fallback(&p, out);
    assert!(summary.contains(": 4 files written"), "{summary}");
    build_with_fallback(&p, "full");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(tree(&site), tree(&p.path().join("full")));
    let mut beside: Vec<_> = fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(
        beside,
        [".site.gazette-output", ".site.previous", "site"],
        "the site, the one before and the marker of what gazette wrote"
    );
}

/// An `out/` written by an earlier gazette (an empty marker) is updated, and then named. An
/// empty marker proves no file gazette's (anyone can make one), so a page the new site no
/// longer has is kept and named, never deleted.
#[test]
fn an_output_of_an_earlier_gazette_is_taken_over() {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    // An earlier gazette's output: its (empty) marker inside it, none beside it.
    fs::remove_file(p.path().join(".out.gazette-output")).unwrap();
    p.write("out/.gazette-output", "");
    p.write("out/fr/gone.html", "an article deleted since");
    let summary = build_with_fallback(&p, "out");
    assert!(
        summary.contains("gazette did not write: fr/gone.html"),
        "{summary}"
    );
    assert_eq!(p.read("out/fr/gone.html"), "an article deleted since");
    assert!(p.read(".out.gazette-output").starts_with("gazette output "));
    assert!(
        !p.path().join("out/.gazette-output").exists(),
        "the marker moved out of the site"
    );
    fs::remove_file(p.path().join("out/fr/gone.html")).unwrap();
    build_with_fallback(&p, "full");
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
    assert!(build_with_fallback(&p, "out").contains(": 0 files written"));
}

/// A folder of someone's under the name gazette keeps the previous site under (`.out.previous`)
/// is never taken over and emptied: the build is refused before anything changes, naming it.
#[test]
fn a_folder_of_yours_named_as_the_kept_site_is_left_alone() {
    let p = Project::fixture("publish");
    p.write(".out.previous/notes.txt", "mine");
    let refused = |p: &Project| {
        let (code, _, stderr) = run(p, &["build", "--missing", "fallback"]);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains(".out.previous: is not a previous site gazette kept"),
            "{stderr}"
        );
        assert_eq!(p.read(".out.previous/notes.txt"), "mine");
    };
    refused(&p);
    assert!(!p.path().join("out").exists(), "nothing published");
    // Also beside a site gazette built.
    fs::rename(p.path().join(".out.previous"), p.path().join("mine")).unwrap();
    build_with_fallback(&p, "out");
    build_with_fallback(&p, "out");
    let site = tree(&p.path().join("out"));
    fs::remove_dir_all(p.path().join(".out.previous")).unwrap();
    fs::rename(p.path().join("mine"), p.path().join(".out.previous")).unwrap();
    refused(&p);
    assert_eq!(tree(&p.path().join("out")), site, "out/ untouched");
}

/// A marker gazette did not write beside `out/` (committed by someone, copied from another
/// checkout) cannot make a build delete a file: a file is gazette's to remove only when the
/// marker names it with the inode it has, which only the build that wrote it knows.
#[test]
fn a_forged_marker_deletes_nothing() {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    p.write("out/CNAME", "news.example");
    p.write("out/fr/notes.html", "mine");
    let marker = p.path().join(".out.gazette-output");
    let real = fs::read_to_string(&marker).unwrap();
    // Named with a made-up inode, with none, and with many guesses.
    let guesses: String = (1..100).map(|i| format!("fr/notes.html\t{i}\n")).collect();
    fs::write(&marker, format!("{real}CNAME\t12345\nCNAME\n{guesses}")).unwrap();
    let summary = build_with_fallback(&p, "out");
    assert!(
        summary.contains("kept 2 files in out that gazette did not write: CNAME, fr/notes.html"),
        "{summary}"
    );
    assert_eq!(p.read("out/CNAME"), "news.example");
    assert_eq!(p.read("out/fr/notes.html"), "mine");
    // Copied from another checkout: every inode differs, so nothing is proven gazette's and
    // the pages of an article deleted since stay.
    let copied: String = fs::read_to_string(&marker)
        .unwrap()
        .lines()
        .map(|l| format!("{}\t1\n", l.split('\t').next().unwrap()))
        .collect();
    fs::write(&marker, copied).unwrap();
    fs::remove_file(p.path().join("content/older.toml")).unwrap();
    let summary = build_with_fallback(&p, "out");
    assert!(summary.contains("fr/older.html"), "{summary}");
    assert!(p.path().join("out/fr/older.html").exists());
    assert_eq!(p.read("out/CNAME"), "news.example");
}

/// A cache that cannot be put in place (here a folder stands in its way) does not undo the
/// published site: the summary says so, and the next build does everything again.
#[test]
fn a_cache_that_cannot_be_kept_is_noted() {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    let cache = build_cache(&p);
    fs::remove_file(&cache).unwrap();
    fs::create_dir_all(cache.join("in-the-way")).unwrap();
    p.write("locales/de/older.ftl", "title = Der Älteste\nbody = Neu.\n");
    let summary = build_with_fallback(&p, "out");
    assert!(
        summary.contains("note: build cache not saved (")
            && summary.contains("the next build will do everything again"),
        "{summary}"
    );
    build_with_fallback(&p, "full");
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}

/// The publish fixture built twice with a change between, so the replaced site is kept beside
/// `out/` as `.out.previous`; then a further change to build.
fn with_kept_site() -> Project {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    p.write("locales/de/older.ftl", "title = Der Älteste\nbody = Neu.\n");
    build_with_fallback(&p, "out");
    assert!(p.path().join(".out.previous").is_dir());
    p.write(
        "locales/de/older.ftl",
        "title = Der Allerälteste\nbody = Neu.\n",
    );
    p
}

/// Whatever stands in `.out.previous` (a link to someone's folder, a link inside it, a file),
/// the build writes only its own folder, nothing through a link, and publishes the full site.
#[cfg(unix)]
#[test]
fn nothing_in_the_kept_site_is_followed_or_published() {
    use std::os::unix::fs::symlink;
    let theirs = tempfile::tempdir().unwrap();
    let precious = theirs.path().join("older.html");
    // (A file in its place is someone's, and refused: boundaries::names_beside_out_that_
    // gazette_did_not_give_are_left_alone.)
    let tamper: [&dyn Fn(&Project); 3] = [
        &|p| {
            fs::remove_dir_all(p.path().join(".out.previous")).unwrap();
            symlink(theirs.path(), p.path().join(".out.previous")).unwrap();
        },
        &|p| {
            fs::remove_dir_all(p.path().join(".out.previous/de")).unwrap();
            symlink(theirs.path(), p.path().join(".out.previous/de")).unwrap();
        },
        &|p| {
            fs::remove_dir_all(p.path().join(".out.previous/de")).unwrap();
            symlink("../out/de", p.path().join(".out.previous/de")).unwrap();
        },
    ];
    for (case, tamper) in tamper.iter().enumerate() {
        fs::write(&precious, "mine").unwrap();
        let p = with_kept_site();
        tamper(&p);
        let summary = build_with_fallback(&p, "out");
        assert_eq!(
            fs::read_to_string(&precious).unwrap(),
            "mine",
            "case {case}"
        );
        assert_eq!(
            fs::read_dir(theirs.path()).unwrap().count(),
            1,
            "case {case}"
        );
        assert!(!fs::symlink_metadata(p.path().join("out"))
            .unwrap()
            .is_symlink());
        build_with_fallback(&p, "full");
        assert_eq!(
            tree(&p.path().join("out")),
            tree(&p.path().join("full")),
            "case {case}: {summary}"
        );
    }
}

/// A refused build (exit 1) changes nothing in `out/`, even when the kept site links into it.
#[cfg(unix)]
#[test]
fn a_refused_build_never_writes_through_the_kept_site() {
    let p = with_kept_site();
    let before = tree(&p.path().join("out"));
    fs::remove_dir_all(p.path().join(".out.previous/de")).unwrap();
    std::os::unix::fs::symlink("../out/de", p.path().join(".out.previous/de")).unwrap();
    p.write("locales/fr/older.ftl", "title = Le plus ancien\nbody = {\n");
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(tree(&p.path().join("out")), before);
}

/// A file gazette did not write that stands where the site needs a folder (a link at
/// `out/de`) or inside one of its pages (a folder at a page's path) is refused, named, and
/// nothing is written through it.
#[cfg(unix)]
#[test]
fn foreign_files_in_the_sites_way_are_refused() {
    let theirs = tempfile::tempdir().unwrap();
    fs::write(theirs.path().join("index.html"), "mine").unwrap();
    let p = with_kept_site();
    fs::rename(p.path().join("out/de"), p.path().join("de-aside")).unwrap();
    std::os::unix::fs::symlink(theirs.path(), p.path().join("out/de")).unwrap();
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("out/de: gazette did not write this"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(theirs.path().join("index.html")).unwrap(),
        "mine"
    );

    let p = with_kept_site();
    fs::remove_file(p.path().join("out/fr/newer.html")).unwrap();
    p.write("out/fr/newer.html/note.txt", "mine");
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("out/fr/newer.html/note.txt: gazette did not write this"),
        "{stderr}"
    );
    assert_eq!(p.read("out/fr/newer.html/note.txt"), "mine");
}

/// A page edited in place, at the same size and with its modification time put back, is
/// still made again: its change time is part of its stamp.
#[test]
fn a_page_edited_with_its_time_put_back_is_made_again() {
    let p = with_kept_site();
    build_with_fallback(&p, "out");
    let page = p.path().join("out/fr/older.html");
    let modified = fs::metadata(&page).unwrap().modified().unwrap();
    let text = fs::read_to_string(&page).unwrap();
    let edited = text
        .replacen("<title>", "<title>X", 1)
        .replacen("</title>", "</titl>", 1);
    assert_eq!(edited.len(), text.len());
    fs::write(&page, &edited).unwrap();
    fs::File::options()
        .write(true)
        .open(&page)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let summary = build_with_fallback(&p, "out");
    assert!(summary.contains(": 1 files written"), "{summary}");
    assert_eq!(fs::read_to_string(&page).unwrap(), text);
}

/// A file someone put in `out/` at the path of a page the site comes to have (a new article's)
/// is neither overwritten nor deleted: the build is refused, naming it.
#[test]
fn a_new_page_never_takes_the_place_of_someone_elses_file() {
    let p = Project::fixture("publish");
    build_with_fallback(&p, "out");
    p.write("out/de/fresh.html", "mine");
    for (from, to) in [
        ("content/older.toml", "content/fresh.toml"),
        ("locales/fr/older.ftl", "locales/fr/fresh.ftl"),
        ("locales/de/older.ftl", "locales/de/fresh.ftl"),
    ] {
        p.write(to, &p.read(from));
    }
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("out/de/fresh.html: gazette did not write this"),
        "{stderr}"
    );
    assert_eq!(p.read("out/de/fresh.html"), "mine");
}

/// A name that is not UTF-8 in `out/` is named and refused (it could not be carried over);
/// in the kept site it is removed. The output marker must be a file, not a link to one.
#[cfg(target_os = "linux")]
#[test]
fn odd_names_and_a_linked_marker_are_refused_or_removed() {
    use std::os::unix::ffi::OsStrExt;
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let p = with_kept_site();
    fs::write(p.path().join(".out.previous").join(odd), "junk").unwrap();
    build_with_fallback(&p, "out");
    assert!(!p.path().join(".out.previous").join(odd).exists());

    fs::write(p.path().join("out").join(odd), "mine").unwrap();
    p.write("locales/de/older.ftl", "title = Der Uralte\nbody = Neu.\n");
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("a name that is not UTF-8"), "{stderr}");
    fs::remove_file(p.path().join("out").join(odd)).unwrap();

    let marker = p.path().join(".out.gazette-output");
    fs::rename(&marker, p.path().join("marker-copy")).unwrap();
    std::os::unix::fs::symlink("../marker-copy", &marker).unwrap();
    let (code, _, stderr) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not written by gazette"), "{stderr}");
}

/// Pages whose change time changed (a `chmod`, a hard-linked backup) are made again once,
/// not at every build: nothing the build does to them changes their stamps again.
#[cfg(unix)]
#[test]
fn pages_made_again_for_their_change_time_settle_at_once() {
    use std::os::unix::fs::PermissionsExt;
    use std::sync::atomic::{AtomicUsize, Ordering};
    #[derive(Default)]
    struct Steps(AtomicUsize);
    impl gazette::incremental::Progress for Steps {
        fn start(&self, _: usize) {}
        fn step(&self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
        fn finish(&self) {}
    }
    let p = Project::fixture("publish");
    let project = gazette::project::Project::load(p.path()).unwrap();
    let options = gazette::ops::build::BuildOptions {
        missing: gazette::localise::MissingPolicy::Fallback,
        ..Default::default()
    };
    gazette::ops::build::build(&project, &options).unwrap();
    for lang in ["fr", "de"] {
        for page in fs::read_dir(p.path().join("out").join(lang)).unwrap() {
            let page = page.unwrap().path();
            fs::set_permissions(&page, fs::Permissions::from_mode(0o600)).unwrap();
        }
    }
    let steps = |expected: usize| {
        let steps = Steps::default();
        gazette::ops::build::build_with_progress(&project, &options, &steps).unwrap();
        assert_eq!(steps.0.load(Ordering::SeqCst), expected);
    };
    steps(4); // 2 articles in 2 languages, made again
    steps(0);
    steps(0);
}

/// Articles `a`, `b`, `c` added to the `publish` fixture (`older`, 2025-01-10, and `newer`,
/// 2025-03-05), in French and German: five articles, `older` the only one outside the four
/// newest (each page's footer lists three others).
fn five_articles() -> Project {
    let p = Project::fixture("publish");
    for (slug, date, fr, de) in [
        ("a", "2025-02-01", "Titre A", "Titel A"),
        ("b", "2025-03-20", "Titre B", "Titel B"),
        ("c", "2025-04-01", "Titre C", "Titel C"),
    ] {
        p.write(
            &format!("content/{slug}.toml"),
            &format!("date = {date}\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"body\"\n"),
        );
        p.write(
            &format!("locales/fr/{slug}.ftl"),
            &format!("title = {fr}\nbody = Un paragraphe.\n"),
        );
        p.write(
            &format!("locales/de/{slug}.ftl"),
            &format!("title = {de}\nbody = Ein Absatz.\n"),
        );
    }
    p
}

/// The footers' lists of the newest articles: an edit rebuilds the pages whose list it
/// changes and no other, and the rebuild equals a full build.
#[test]
fn the_newest_articles_in_footers_rebuild_only_the_pages_they_change() {
    let p = five_articles();
    build_with_fallback(&p, "out");
    let steps: [(&str, &str, &str, &str); 4] = [
        (
            "an old article's body: its German page and text, the German feed",
            "locales/de/older.ftl",
            "title = Der Älteste\nlede = Ein Vorspann.\nbody = Ein neuer Absatz.\n",
            ": 3 files written to out",
        ),
        (
            "the body of the newest: the same three",
            "locales/de/c.ftl",
            "title = Titel C\nbody = Ein neuer Absatz.\n",
            ": 3 files written to out",
        ),
        (
            "the headline of the newest: its page and text, the four German pages that list \
             it, the German index and feed",
            "locales/de/c.ftl",
            "title = Titel C, neu\nbody = Ein neuer Absatz.\n",
            ": 8 files written to out",
        ),
        (
            "a new newest article: every page lists it",
            "content/d.toml",
            "date = 2025-05-01\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"body\"\n",
            " files written to out",
        ),
    ];
    for (what, file, text, written) in steps {
        if file == "content/d.toml" {
            p.write(
                "locales/fr/d.ftl",
                "title = Titre D\nbody = Un paragraphe.\n",
            );
            p.write("locales/de/d.ftl", "title = Titel D\nbody = Ein Absatz.\n");
        }
        p.write(file, text);
        let incremental = build_with_fallback(&p, "out");
        assert!(incremental.contains(written), "{what}: {incremental}");
        let _ = fs::remove_dir_all(p.path().join("full"));
        build_with_fallback(&p, "full");
        assert_eq!(
            tree(&p.path().join("out")),
            tree(&p.path().join("full")),
            "{what}"
        );
    }
    for page in ["older", "a", "newer", "b", "c"] {
        let de = p.read(&format!("out/de/{page}.html"));
        assert!(de.contains(">Titel D</a>"), "{page}: {de}");
        let fr = p.read(&format!("out/fr/{page}.html"));
        assert!(fr.contains(">Titre D</a>"), "{page}: {fr}");
    }
    // The headline edited before is on the pages that still list it.
    assert!(p.read("out/de/older.html").contains(">Titel C, neu</a>"));
}

/// An edit that changes no footer's list makes only the edited article's pages again (the
/// bytes of the others would be the same: the summary's count cannot tell, the localisations
/// can). A changed article among the newest is localised once: before any page is rendered,
/// for the footers' lists, and its own pages are rendered from that.
#[test]
fn only_the_edited_article_is_made_again_and_localised_once() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    #[derive(Default)]
    struct Steps(AtomicUsize);
    impl gazette::incremental::Progress for Steps {
        fn start(&self, _: usize) {}
        fn step(&self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
        fn finish(&self) {}
    }
    let p = five_articles();
    let options = gazette::ops::build::BuildOptions {
        missing: gazette::localise::MissingPolicy::Fallback,
        ..Default::default()
    };
    let steps = || {
        let project = gazette::project::Project::load(p.path()).unwrap();
        let steps = Steps::default();
        gazette::ops::build::build_with_progress(&project, &options, &steps).unwrap();
        steps.0.load(Ordering::SeqCst)
    };
    assert_eq!(steps(), 10); // 5 articles in 2 languages
    p.write("locales/de/older.ftl", "title = Der Älteste\nbody = Neu.\n");
    assert_eq!(steps(), 2);
    p.write("locales/de/c.ftl", "title = Titel C\nbody = Neu.\n");
    assert_eq!(steps(), 2);
    assert_eq!(steps(), 0);
    // A new headline among the newest: the pages that list it are made again.
    p.write("locales/de/c.ftl", "title = Titel C, neu\nbody = Neu.\n");
    assert_eq!(steps(), 10);
}

/// The indexes and the language picker are shared with the site's image's card and say the
/// site's description: a rebuild after either changed makes them again, as a full build does.
#[test]
fn a_new_site_image_or_description_rebuilds_the_indexes() {
    let p = Project::fixture("publish");
    let svg = |fill: &str| {
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"315\"><rect width=\"600\" height=\"315\" fill=\"{fill}\"/></svg>\n")
    };
    let toml = p.read("gazette.toml");
    p.write(
        "gazette.toml",
        &format!("image = \"images/site.svg\"\n{toml}"),
    );
    p.write("static/images/site.svg", &svg("#8a1c1c"));
    build_with_fallback(&p, "out");
    let card = |p: &Project| {
        let index = p.read("out/fr/index.html");
        let start = index
            .find("property=\"og:image\" content=\"")
            .expect("an og:image");
        index[start..].split('"').nth(3).unwrap().to_owned()
    };
    let before = card(&p);

    p.write("static/images/site.svg", &svg("#1c1c8a"));
    build_with_fallback(&p, "out");
    assert_ne!(card(&p), before, "the index shows the new card");
    build_with_fallback(&p, "full");
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));

    let site = p.read("locales/fr/site.ftl");
    p.write(
        "locales/fr/site.ftl",
        &format!("{site}site-description = Les nouvelles du jour.\n"),
    );
    build_with_fallback(&p, "out");
    for rel in ["out/index.html", "out/fr/index.html"] {
        assert!(
            p.read(rel)
                .contains("<meta name=\"description\" content=\"Les nouvelles du jour.\">"),
            "{rel}"
        );
    }
    let _ = fs::remove_dir_all(p.path().join("full"));
    build_with_fallback(&p, "full");
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}
