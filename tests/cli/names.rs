//! Names: language folders are canonical BCP 47 tags, file names are compared in Unicode NFC,
//! and `sync` writes through a symbolic link, keeping the file's mode and owner.

use std::fs;

use super::support::{copy, one_error, tree, Project};

fn run(p: &Project, args: &[&str]) -> (i32, String, String) {
    let out = p.gazette(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `locales/DE` beside `locales/de` was published as a fourth language (`lang="DE"`), and
/// with `targets = ["de"]` never looked at.
#[test]
fn language_folders_must_be_canonical_tags() {
    for (folder, canonical) in [("DE", "de"), ("de_DE", "de-DE"), ("de-de", "de-DE")] {
        let p = Project::sample();
        copy(
            &p.path().join("locales/de"),
            &p.path().join("locales").join(folder),
        );
        let before = tree(p.path());
        for args in [&["check"][..], &["status"], &["build"], &["sync", "--all"]] {
            let (exit, out, err) = run(&p, args);
            assert_eq!(exit, 2, "{folder} {args:?}: {out}{err}");
            one_error(&err);
            assert!(err.contains(&format!("locales/{folder}:")), "{err}");
            assert!(err.contains(&format!("rename it `{canonical}`")), "{err}");
        }
        assert_eq!(tree(p.path()), before, "{folder}: nothing written");
    }
    let p = Project::sample();
    p.write("gazette.toml", "targets = [\"de_DE\"]\n");
    let (exit, _, err) = run(&p, &["check"]);
    assert_eq!(exit, 2);
    assert!(
        err.contains("gazette.toml") && err.contains("write `de-DE`"),
        "{err}"
    );
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
    p.write("shared/de-article.ftl", &edited);
    fs::remove_file(p.path().join(de)).unwrap();
    symlink("../../shared/de-article.ftl", p.path().join(de)).unwrap();
    let real = p.path().join("shared/de-article.ftl");
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
        std::path::Path::new("../../shared/de-article.ftl")
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
