//! The publishing stage's own tests: staging, markers, leftovers and refusals, on real folders.

use super::*;

/// The names in a folder, sorted.
fn beside(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Build `files` into `out`, keeping the previous output's files named in `kept`.
fn write(out: &Path, files: &[(&str, &str)], kept: &[&str]) -> Written {
    let output = Output::begin(out, "out".as_ref()).unwrap();
    for (rel, text) in files {
        output.put(rel, text.as_bytes()).unwrap();
    }
    let kept = kept
        .iter()
        .map(|rel| {
            let meta = fs::metadata(out.join(rel)).unwrap();
            assert!(output.verify(rel, &Stamp::of(&meta)));
            (rel.to_string(), Stamp::of(&meta))
        })
        .collect();
    let staged = output.finish(kept).unwrap();
    let written = staged.written.clone();
    staged.publish().unwrap();
    written
}

#[test]
fn updates_previous_output_and_refuses_foreign_folders() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write(&out, &[("fr/a.txt", "one"), ("fr/b.txt", "two")], &[]);
    let written = write(&out, &[("de/b.txt", "two")], &["fr/b.txt"]);
    assert_eq!((written.changed, written.removed), (1, 1));
    assert!(!out.join("fr/a.txt").exists());
    assert_eq!(fs::read(out.join("de/b.txt")).unwrap(), b"two");
    assert_eq!(fs::read(out.join("fr/b.txt")).unwrap(), b"two");
    assert_eq!(
        beside(dir.path()),
        [".out.gazette-output", ".out.previous", "out"],
        "no staging left behind, the marker beside the site"
    );
    assert!(
        !out.join(MARKER).exists(),
        "nothing of gazette's in the site"
    );
    let marker = fs::read_to_string(guard::output_marker(&out)).unwrap();
    let inode = |rel: &str| Stamp::of(&fs::metadata(out.join(rel)).unwrap()).inode();
    let listed = format!(
        "\nde/b.txt\t{}\nfr/b.txt\t{}\n",
        inode("de/b.txt"),
        inode("fr/b.txt")
    );
    assert!(
        marker.ends_with(&listed),
        "each file with its inode: {marker}"
    );
    let again = write(&out, &[("de/b.txt", "two"), ("fr/b.txt", "two")], &[]);
    assert_eq!(again, Written::default());
    assert_eq!(
        fs::read_to_string(guard::output_marker(&out)).unwrap(),
        marker
    );

    let foreign = dir.path().join("docs");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("keep.txt"), "mine").unwrap();
    let e = Output::begin(&foreign, "docs".as_ref()).err().unwrap();
    assert!(e.to_string().contains("not written by gazette"), "{e}");
    assert_eq!(
        fs::read_to_string(foreign.join("keep.txt")).unwrap(),
        "mine"
    );
}

/// The previous site kept beside `out/` becomes the next site whatever it holds: only its
/// files that are `out/`'s own (same inode) stay.
#[test]
fn the_kept_previous_site_never_leaks_into_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write(
        &out,
        &[("a.txt", "1"), ("fr/b.txt", "2"), ("fr/c.txt", "3")],
        &[],
    );
    write(&out, &[("fr/b.txt", "22"), ("de/d.txt", "4")], &["a.txt"]);
    let kept = dir.path().join(".out.previous");
    assert_eq!(fs::read(kept.join("fr/c.txt")).unwrap(), b"3");
    fs::remove_file(kept.join("a.txt")).unwrap();
    fs::write(kept.join("a.txt"), "tampered").unwrap();
    fs::write(kept.join("x.txt"), "stray").unwrap();
    fs::create_dir_all(kept.join("fr/b.txt.d")).unwrap();
    write(&out, &[("fr/b.txt", "22")], &["a.txt", "de/d.txt"]);
    let mut files = PathMap::default();
    list_files(&out, "", &mut files, &|_| Ok(())).unwrap();
    let mut names: Vec<&String> = files.keys().collect();
    names.sort();
    assert_eq!(names, ["a.txt", "de/d.txt", "fr/b.txt"]);
    assert_eq!(fs::read(out.join("a.txt")).unwrap(), b"1");
    assert_eq!(fs::read(out.join("fr/b.txt")).unwrap(), b"22");
    assert_eq!(fs::read(out.join("de/d.txt")).unwrap(), b"4");
    assert!(!out.join("fr/b.txt.d").exists());
}

#[test]
fn files_gazette_did_not_write_are_kept_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write(&out, &[("fr/a.txt", "one")], &[]);
    fs::write(out.join("CNAME"), "news.example").unwrap();
    let written = write(&out, &[("fr/a.txt", "two")], &[]);
    assert_eq!(written.foreign, ["CNAME"]);
    assert_eq!(fs::read(out.join("CNAME")).unwrap(), b"news.example");
    assert_eq!(fs::read(out.join("fr/a.txt")).unwrap(), b"two");
}

/// The marker lists gazette's files one a line: no name that would break the list (and
/// with it which files are gazette's to remove) is ever written.
#[test]
fn names_that_would_break_the_list_of_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let output = Output::begin(&dir.path().join("out"), "out".as_ref()).unwrap();
    for (name, shown) in [
        ("x\nCNAME", "x\\nCNAME"),
        ("x\r", "x\\r"),
        ("a\u{202e}b", "a\\u{202e}b"),
    ] {
        let e = output.put(name, b"x").unwrap_err().to_string();
        assert_eq!(
            e,
            format!("out/{shown}: a name with a control character: gazette publishes no such name")
        );
    }
}

#[test]
fn an_edited_page_fails_verification() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write(&out, &[("fr/a.txt", "one")], &[]);
    let recorded = Stamp::of(&fs::metadata(out.join("fr/a.txt")).unwrap());
    let output = Output::begin(&out, "out".as_ref()).unwrap();
    assert!(output.verify("fr/a.txt".as_ref(), &recorded));
    std::thread::sleep(std::time::Duration::from_millis(5));
    fs::write(out.join("fr/a.txt"), "owt").unwrap();
    assert!(!output.verify("fr/a.txt".as_ref(), &recorded));
    fs::remove_file(out.join("fr/a.txt")).unwrap();
    assert!(!output.verify("fr/a.txt".as_ref(), &recorded));
}

#[test]
fn an_abandoned_output_leaves_nothing_and_the_next_removes_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = Output::begin(&out, "out".as_ref()).unwrap();
    output.put("fr/a.txt".as_ref(), b"one").unwrap();
    drop(output);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    // Killed builds left two staging folders: one becomes the next build's, one goes. A
    // folder of someone's whose name only starts alike stays.
    fs::create_dir_all(dir.path().join(".out.staging-0123456789ab/fr")).unwrap();
    fs::create_dir_all(dir.path().join(".out.staging-abcdef012345/fr")).unwrap();
    fs::create_dir_all(dir.path().join(".out.staging-drafts/fr")).unwrap();
    let output = Output::begin(&out, "out".as_ref()).unwrap();
    assert_eq!(output.leftovers, 1);
    output.put("fr/a.txt".as_ref(), b"one").unwrap();
    output.finish(Vec::new()).unwrap().publish().unwrap();
    assert_eq!(
        beside(dir.path()),
        [".out.gazette-output", ".out.staging-drafts", "out"]
    );
    assert_eq!(fs::read(out.join("fr/a.txt")).unwrap(), b"one");
}

#[cfg(unix)]
#[test]
fn an_output_behind_a_symbolic_link_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let site = elsewhere.path().join("site");
    let out = dir.path().join("out");
    std::os::unix::fs::symlink(&site, &out).unwrap();
    write(&out, &[("fr/a.txt", "one")], &[]);
    write(&out, &[("fr/a.txt", "two")], &[]);
    assert!(fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
    assert_eq!(fs::read(site.join("fr/a.txt")).unwrap(), b"two");
    assert_eq!(
        beside(elsewhere.path()),
        [".site.gazette-output", ".site.previous", "site"],
        "the marker beside the folder the link leads to"
    );
    assert_eq!(beside(dir.path()), ["out"]);
}
