//! `gazette.lock.d/`: records that scale, the single-file `gazette.lock` of earlier versions
//! migrated, and syncs that are killed or run side by side.

use std::fs;
use std::process::Stdio;
use std::time::Duration;

use super::support::{findings, tree, Project};

const ARTICLE: &str = "coalition-des-volontaires.ftl";
const FR: &str = "locales/fr/coalition-des-volontaires.ftl";
const DE: &str = "locales/de/coalition-des-volontaires.ftl";

fn run(p: &Project, args: &[&str]) -> (i32, String, String) {
    let out = p.gazette(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The records of a project in the single-file format of earlier versions.
fn legacy_lock(p: &Project) -> String {
    let mut out = String::from("# <lang> <file> <id> <fingerprint> <source text>\n");
    for (path, bytes) in tree(&p.path().join("gazette.lock.d")) {
        let (lang, file) = path.split_once('/').unwrap();
        let file = file.strip_suffix(".lock").unwrap().replace(' ', "\\s");
        for line in String::from_utf8(bytes).unwrap().lines() {
            if !line.starts_with('#') {
                out.push_str(&format!("{lang} {file} {line}\n"));
            }
        }
    }
    out
}

fn stale_ids(p: &Project) -> Vec<(String, String)> {
    findings(p, "stale-translation")
        .iter()
        .map(|d| {
            (
                d["locale"].as_str().unwrap().to_owned(),
                d["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A project of earlier versions keeps working: its `gazette.lock` is read by every command,
/// and the next sync moves every record (of every language) into shards and removes it.
#[test]
fn single_file_lock_is_read_then_migrated_by_the_next_sync() {
    let p = Project::sample();
    let shards = tree(&p.path().join("gazette.lock.d"));
    p.write("gazette.lock", &legacy_lock(&p));
    fs::remove_dir_all(p.path().join("gazette.lock.d")).unwrap();
    p.write(
        FR,
        &p.read(FR).replace("Ses missions", "Ses trois missions"),
    );
    let stale = vec![
        ("de".to_owned(), "missions-heading".to_owned()),
        ("en".to_owned(), "missions-heading".to_owned()),
    ];
    assert_eq!(stale_ids(&p), stale, "read from gazette.lock");

    let (exit, out, err) = run(&p, &["sync", "de", "--dry-run"]);
    assert_eq!(exit, 0, "{err}");
    assert!(
        out.contains("gazette.lock: would move its records"),
        "{out}"
    );
    assert!(p.path().join("gazette.lock").exists());

    let (exit, out, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    assert!(out.contains("gazette.lock: moved its records"), "{out}");
    assert!(!p.path().join("gazette.lock").exists(), "removed");
    assert_eq!(
        tree(&p.path().join("gazette.lock.d")),
        shards,
        "every record"
    );
    assert_eq!(stale_ids(&p), stale, "nothing accepted on the way");
    let before = tree(p.path());
    let (_, out, _) = run(&p, &["sync", "--all"]);
    assert!(out.contains("nothing to do"), "{out}");
    assert_eq!(tree(p.path()), before);
}

/// A project whose records take more than the 10 MiB gazette reads of a file (the single-file
/// lock of 900 articles did): every command works, before and after migration, and no shard
/// comes near its limit.
#[test]
fn records_past_ten_mebibytes_never_trip_a_read_limit() {
    let p = Project::empty();
    p.write("gazette.toml", "source = \"fr\"\n");
    let text = "mot ".repeat(250);
    let mut fr = String::new();
    for i in 0..6_000 {
        fr.push_str(&format!("m{i} = {text}{i}\n"));
    }
    p.write("locales/fr/big.ftl", &fr);
    p.write("locales/de/big.ftl", &fr.replace("mot ", "Wort "));
    p.write("locales/en/big.ftl", &fr.replace("mot ", "word "));
    let (exit, _, err) = run(&p, &["sync", "--all"]);
    assert_eq!(exit, 0, "{err}");
    let shards = tree(&p.path().join("gazette.lock.d"));
    let total: usize = shards.values().map(Vec::len).sum();
    assert!(total > 10 << 20, "{total} bytes of records");
    assert!(shards.values().all(|s| s.len() < 10 << 20));
    for args in [&["check"][..], &["status"], &["sync", "de"]] {
        let (exit, _, err) = run(&p, args);
        assert_ne!(exit, 2, "{args:?}: {err}");
    }
    // The same records in one file, as earlier versions wrote them: read and migrated.
    p.write("gazette.lock", &legacy_lock(&p));
    fs::remove_dir_all(p.path().join("gazette.lock.d")).unwrap();
    let (exit, _, err) = run(&p, &["status"]);
    assert_eq!(exit, 0, "{err}");
    let (exit, _, err) = run(&p, &["sync", "en"]);
    assert_eq!(exit, 0, "{err}");
    assert!(!p.path().join("gazette.lock").exists());
    assert_eq!(tree(&p.path().join("gazette.lock.d")), shards);
}

/// What a sync killed in the middle leaves: temporary files, and (from versions that wrote
/// stubs before records) stubs without records. The next sync removes the first and records
/// the second.
#[test]
fn next_sync_cleans_up_after_a_killed_one() {
    let p = Project::sample();
    let fr = p.read(FR);
    let de = p
        .read(DE)
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("sovereignty =") && !l.starts_with("opponents ="))
        .collect::<String>();
    p.write(DE, &de);
    let (exit, _, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    let synced = tree(p.path());
    // Undo the records of the two stubs, and leave what a killed sync leaves.
    let shard = format!("gazette.lock.d/de/{ARTICLE}.lock");
    let records = p.read(&shard);
    // As versions before sealed shards wrote them: without the `# gazette:` line.
    let without: String = records
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("sovereignty ") && !l.starts_with("opponents "))
        .filter(|l| !l.starts_with("# gazette: "))
        .collect();
    assert_eq!(without.lines().count() + 3, records.lines().count());
    p.write(&shard, &without);
    for leftover in [
        "locales/de/.gazette-sync-a1B2c3",
        "gazette.lock.d/de/.gazette-sync-x9Y8z7",
        ".gazette-sync-q5R4s3",
    ] {
        p.write(leftover, "half a file");
    }
    let (exit, out, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    assert!(
        out.contains(
            "de:coalition-des-volontaires:sovereignty, de:coalition-des-volontaires:opponents"
        ),
        "{out}"
    );
    assert_eq!(tree(p.path()), synced, "leftovers gone, records back");
    assert!(p.read(&shard).contains(&format!(
        "\nsovereignty {} ",
        gazette::records::fingerprint(&gazette::ftl::parse(&fr).get("sovereignty").unwrap().text)
    )));
}

/// Syncs killed at random moments, each followed by another: the project always ends with
/// every file whole (the editor's bytes first), every stub recorded, no temporary file left.
#[test]
fn syncs_killed_at_random_moments_leave_a_consistent_project() {
    let p = Project::empty();
    p.write("gazette.toml", "");
    let mut seed = 7u64;
    let mut originals = Vec::new();
    for i in 0..150 {
        p.write(&format!("locales/fr/f{i}.ftl"), &format!("a{i} = Un\n"));
        let de = format!("a{i} = Eins\n");
        p.write(&format!("locales/de/f{i}.ftl"), &de);
        originals.push(de);
    }
    // The German translations adopted first: a language with records never takes an
    // unrecorded translation for reviewed, so an adoption a kill cut short asks for
    // `--accept` (`sync_never_records_translations_whose_records_were_lost`).
    assert_eq!(run(&p, &["sync", "de"]).0, 0);
    let adopted = tree(&p.path().join("gazette.lock.d"));
    for i in 0..150 {
        let fr = format!("a{i} = Un\nb{i} = Deux {{ $n }}\nc{i} = Trois\n    .alt = Alt\n");
        p.write(&format!("locales/fr/f{i}.ftl"), &fr);
    }
    for round in 0..6 {
        let mut child = p
            .process(&["sync", "de"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_millis(20 + (seed >> 33) % 400));
        let _ = child.kill();
        child.wait().unwrap();
        let (exit, _, err) = run(&p, &["sync", "de"]);
        assert_eq!(exit, 0, "round {round}: {err}");
        let files = tree(p.path());
        assert!(
            files.keys().all(|f| !f.contains(".gazette-sync-")),
            "round {round}: leftovers"
        );
        for (i, original) in originals.iter().enumerate() {
            let text = p.read(&format!("locales/de/f{i}.ftl"));
            assert!(
                text.starts_with(original),
                "round {round}: f{i}.ftl\n{text}"
            );
            assert_eq!(text.matches("# gazette: stub ").count(), 2, "{text}");
            let shard = p.read(&format!("gazette.lock.d/de/f{i}.ftl.lock"));
            for id in ["a", "b", "c"] {
                assert!(shard.contains(&format!("\n{id}{i} ")), "{shard}");
            }
        }
        // Another round starts from the adopted project again.
        for (i, original) in originals.iter().enumerate() {
            p.write(&format!("locales/de/f{i}.ftl"), original);
        }
        fs::remove_dir_all(p.path().join("gazette.lock.d")).unwrap();
        for (rel, bytes) in &adopted {
            let path = p.path().join("gazette.lock.d").join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
    }
}

/// Two syncs of different languages at once lose no record: each writes its own shards.
#[test]
fn concurrent_syncs_of_two_languages_lose_no_record() {
    let p = Project::sample();
    for _ in 0..3 {
        fs::remove_dir_all(p.path().join("gazette.lock.d")).unwrap();
        let spawn = |lang: &str| {
            p.process(&["sync", lang])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (de, en) = (spawn("de"), spawn("en"));
        for child in [de, en] {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        for lang in ["de", "en"] {
            let shard = p.read(&format!("gazette.lock.d/{lang}/{ARTICLE}.lock"));
            assert!(shard.contains("\nsovereignty "), "{lang}: {shard}");
        }
    }
}

/// A damaged file of records stops every command with exit 2, naming the file and the line.
#[test]
fn malformed_records_name_their_file_and_line() {
    let p = Project::sample();
    let shard = format!("gazette.lock.d/de/{ARTICLE}.lock");
    p.write(&shard, &format!("{}intro nothex text\n", p.read(&shard)));
    let line = p.read(&shard).lines().count();
    for args in [&["check"][..], &["status"], &["sync", "de"], &["build"]] {
        let (exit, _, err) = run(&p, args);
        assert_eq!(exit, 2, "{args:?}: {err}");
        assert!(
            err.contains(&format!("{shard}: line {line}: the fingerprint must be")),
            "{err}"
        );
    }
    fs::remove_dir_all(p.path().join("gazette.lock.d")).unwrap();
    p.write("gazette.lock.d", "a file where the folder should be");
    let (exit, _, err) = run(&p, &["check"]);
    assert_eq!(exit, 2);
    assert!(err.contains("gazette.lock.d: is not a folder"), "{err}");
}

/// Stubs that would take a file past the 10 MiB gazette reads are not written: sync stops
/// before writing anything rather than leave a file no command could read.
#[test]
fn stubs_that_would_pass_the_read_limit_are_refused() {
    let p = Project::empty();
    p.write("gazette.toml", "");
    let long = "mot ".repeat(1_500_000);
    p.write("locales/fr/big.ftl", &format!("a = {long}\nb = court\n"));
    p.write("locales/de/big.ftl", &format!("b = kurz\n# {long}\n"));
    let before = tree(p.path());
    let (exit, _, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 2, "{err}");
    assert!(
        err.contains("locales/de/big.ftl: with its stubs the file would be"),
        "{err}"
    );
    assert!(err.contains("past the 10 MiB gazette reads"), "{err}");
    assert_eq!(tree(p.path()), before, "nothing written");
}

/// Records of a source file that is gone are forgotten with their file (and its folder once
/// empty): the records mirror the source folder, sub-folders included.
#[test]
fn records_of_a_deleted_source_file_go_with_it() {
    let p = Project::sample();
    p.write("locales/fr/news/brief.ftl", "brief = En bref\n");
    p.write("locales/de/news/brief.ftl", "brief = Kurz\n");
    // German has records: a translation written by hand is recorded once accepted.
    let (exit, _, err) = run(&p, &["sync", "de", "--accept", "news/brief:brief"]);
    assert_eq!(exit, 0, "{err}");
    let shard = "gazette.lock.d/de/news/brief.ftl.lock";
    assert!(p.read(shard).contains("\nbrief "), "{}", p.read(shard));
    fs::remove_file(p.path().join("locales/fr/news/brief.ftl")).unwrap();
    let (exit, out, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    assert!(out.contains("forgot 1 record"), "{out}");
    assert!(!p.path().join("gazette.lock.d/de/news").exists());
    assert!(p.path().join("gazette.lock.d/de").is_dir());
}

/// Two syncs of one language at once never write a stub twice: the second to rename finds the
/// file changed and leaves it (exit 2, asking for another sync), or plans after the first.
#[test]
fn concurrent_syncs_of_one_language_never_stub_twice() {
    let p = Project::sample();
    let original = p.read(DE);
    let edited: String = original
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("sovereignty =") && !l.starts_with("opponents ="))
        .collect();
    for _ in 0..3 {
        p.write(DE, &edited);
        let spawn = || {
            p.process(&["sync", "de"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success()
                    || (out.status.code() == Some(2) && err.contains("run sync again")),
                "{err}"
            );
        }
        let text = p.read(DE);
        assert!(text.starts_with(&edited));
        for id in ["sovereignty", "opponents"] {
            let marker = format!("# gazette: stub {id} ");
            assert_eq!(text.matches(&marker).count(), 1, "{text}");
        }
    }
}

/// A source file renamed within a sub-folder: the records of the old name go, those of the new
/// one come, in the same folder, in one sync.
#[test]
fn records_follow_a_renamed_source_file() {
    let p = Project::sample();
    for lang in ["fr", "de"] {
        p.write(&format!("locales/{lang}/news/old.ftl"), "brief = x\n");
    }
    assert_eq!(run(&p, &["sync", "de", "--accept", "news/old:brief"]).0, 0);
    for lang in ["fr", "de"] {
        fs::rename(
            p.path().join(format!("locales/{lang}/news/old.ftl")),
            p.path().join(format!("locales/{lang}/news/new.ftl")),
        )
        .unwrap();
    }
    let (exit, _, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    assert!(!p
        .path()
        .join("gazette.lock.d/de/news/old.ftl.lock")
        .exists());
    assert!(p
        .read("gazette.lock.d/de/news/new.ftl.lock")
        .contains("\nbrief "));
}

/// `build --missing fallback --out <out>`, which must succeed; its summary and findings.
fn build(p: &Project, out: &str) -> String {
    let (exit, _, err) = run(p, &["build", "--missing", "fallback", "--out", out]);
    assert_eq!(exit, 0, "{err}");
    err
}

/// Records are inputs like any other: after an edit of a shard alone, of the same size or
/// not, a rebuild reports what a full build reports, stale translations appearing and going,
/// though shards unchanged since the last build are known by their stamps.
#[test]
fn a_rebuild_after_editing_only_records_equals_a_full_build() {
    let p = Project::sample();
    let shard = format!("gazette.lock.d/de/{ARTICLE}.lock");
    build(&p, "out");
    std::thread::sleep(Duration::from_millis(2100));
    build(&p, "out");
    let kept = fs::read(p.path().join(".gazette-cache/files.bin")).unwrap();
    let kept = String::from_utf8_lossy(&kept);
    assert!(kept.contains(&shard), "the shard of an article has a stamp");
    assert!(
        !kept.contains("site.ftl.lock"),
        "shards of shared files are always read"
    );

    let original = p.read(&shard);
    let (old, new) = (
        "Une alliance de { $count } pays",
        "Une alliance de { $count } PAYS",
    );
    // Written as sync writes a shard, its seal included.
    let mut lock = gazette::records::ReviewRecords::default();
    lock.add_shard("de", ARTICLE, &original, shard.as_ref())
        .unwrap();
    assert_eq!(
        lock.get("de", ARTICLE, "alliance-heading").unwrap().text,
        old
    );
    lock.record("de", ARTICLE, "alliance-heading", new);
    let records = lock.records_of("de", ARTICLE);
    let edited =
        gazette::records::render_shard(records, gazette::records::MAX_SHARD_BYTES).unwrap();
    assert_eq!(edited.len(), original.len());
    let longer = format!("{original}# reviewed again\n");
    let stale = ("de".to_owned(), "alliance-heading".to_owned());
    for (what, text, is_stale) in [("same size", &edited, true), ("longer", &longer, false)] {
        p.write(&shard, text);
        let checked = stale_ids(&p);
        assert_eq!(checked.contains(&stale), is_stale, "{what}: {checked:?}");
        let incremental = build(&p, "out");
        let _ = fs::remove_dir_all(p.path().join("full"));
        let full = build(&p, "full");
        assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
        let findings = |s: &str| s.lines().filter(|l| l.contains("warning")).count();
        assert_eq!(findings(&incremental), findings(&full), "{what}");
        assert_eq!(stale_ids(&p), checked, "{what}: the cache the build left");
    }
}

/// A shard known by its stamp is read when its article is checked again: damaged, it stops
/// every command with exit 2 naming its line, never passing for a shard without records
/// (which would take every translation for reviewed).
#[test]
fn a_damaged_shard_known_by_its_stamp_still_stops_every_command() {
    let p = Project::sample();
    let shard = format!("gazette.lock.d/de/{ARTICLE}.lock");
    p.write(&shard, &format!("{}intro nothex text\n", p.read(&shard)));
    let line = p.read(&shard).lines().count();
    // The stamps of a last build that saw the shard whole; no build cache: the article is
    // checked again.
    let meta = fs::metadata(p.path().join(&shard)).unwrap();
    let stamp = gazette::stamp::Stamp::of(&meta);
    let stamps = std::iter::once((std::path::Path::new(&shard), stamp, 42));
    gazette::stamp::Stamps::default()
        .save(p.path(), stamps)
        .unwrap();
    for args in [&["check"][..], &["status"], &["build"], &["sync", "de"]] {
        let (exit, _, err) = run(&p, args);
        assert_eq!(exit, 2, "{args:?}: {err}");
        assert!(
            err.contains(&format!("{shard}: line {line}: the fingerprint must be")),
            "{err}"
        );
    }
}

/// The sample with the French of `missions-heading` changed since its German translation was
/// reviewed; with the German article's file of records and its text.
fn with_stale_missions() -> (Project, String, String) {
    let p = Project::sample();
    let shard = format!("gazette.lock.d/de/{ARTICLE}.lock");
    let records = p.read(&shard);
    p.write(
        FR,
        &p.read(FR).replace("Ses missions", "Ses trois missions"),
    );
    (p, shard, records)
}

/// A shard cut short (a full disk, a bad copy) stops every command with exit 2, naming it and
/// how to recover: never read as a shard with fewer records, whose stale translations the next
/// `sync --all` would record as reviewed and `build --deny-warnings` would publish.
#[test]
fn a_shard_cut_short_is_refused_not_read_as_fewer_records() {
    let (p, shard, records) = with_stale_missions();
    let stale = ("de".to_owned(), "missions-heading".to_owned());
    assert!(stale_ids(&p).contains(&stale));
    // Cut at a line break, right before the record of the stale translation.
    let cut = &records[..=records.find("\nmissions-heading ").unwrap()];
    p.write(&shard, cut);
    let locales = tree(&p.path().join("locales"));
    for args in [
        &["sync", "--all"][..],
        &["build", "--deny-warnings"],
        &["check"],
    ] {
        let (exit, _, err) = run(&p, args);
        assert_eq!(exit, 2, "{args:?}: {err}");
        assert!(
            err.contains(&format!("{shard}: it holds "))
                && err.contains(&format!("restore it with `git checkout -- {shard}`")),
            "{args:?}: {err}"
        );
    }
    assert_eq!(p.read(&shard), cut, "nothing recorded");
    assert_eq!(tree(&p.path().join("locales")), locales);
    assert!(!p.path().join("out").exists(), "nothing published");
    p.write(&shard, &records);
    assert!(stale_ids(&p).contains(&stale), "restored, still stale");
}

/// A file of records deleted (a `git rm` of one shard) while its language keeps others: every
/// translation it recorded is reported as `stale-translation` (no record of the text it was
/// reviewed against), the stale one among them, so `build --deny-warnings` publishes nothing,
/// also after a build that cached the findings; restored, the findings are those of before.
#[test]
fn a_deleted_file_of_records_is_reported_never_taken_for_reviewed() {
    let (p, shard, records) = with_stale_missions();
    let before = stale_ids(&p);
    assert!(before.contains(&("de".to_owned(), "missions-heading".to_owned())));
    assert_eq!(run(&p, &["build"]).0, 0);
    fs::remove_file(p.path().join(&shard)).unwrap();
    let mut recorded: Vec<&str> = records
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    recorded.sort_unstable();
    let mut reported: Vec<String> = findings(&p, "stale-translation")
        .iter()
        .filter(|d| d["file"] == DE)
        .map(|d| {
            assert_eq!(
                d["message"].as_str().unwrap(),
                format!(
                    "`{}` has no record of the fr text it was reviewed against: {shard} is missing",
                    d["id"].as_str().unwrap()
                )
            );
            d["id"].as_str().unwrap().to_owned()
        })
        .collect();
    reported.sort_unstable();
    assert_eq!(reported, recorded);
    fs::remove_dir_all(p.path().join("out")).unwrap();
    let (exit, _, err) = run(&p, &["build", "--deny-warnings"]);
    assert_eq!(exit, 1, "{err}");
    assert!(!p.path().join("out").exists(), "nothing published");
    p.write(&shard, &records);
    assert_eq!(stale_ids(&p), before);
}

/// After a file of records is lost, plain `sync` takes none of its translations for reviewed
/// (they stay `stale-translation`, and the summary says it left them for review); `--accept`
/// records one after a check.
#[test]
fn sync_never_records_translations_whose_records_were_lost() {
    let (p, shard, _) = with_stale_missions();
    fs::remove_file(p.path().join(&shard)).unwrap();
    let before = stale_ids(&p);
    let (exit, out, err) = run(&p, &["sync", "--all"]);
    assert_eq!(exit, 0, "{err}");
    assert!(
        out.contains("gazette.lock.d: left ")
            && out.contains("without a record for review (de: ")
            && out.contains("run `gazette sync <lang> --accept <file>:<id>`"),
        "{out}"
    );
    assert!(!p.path().join(&shard).exists(), "nothing recorded");
    assert_eq!(stale_ids(&p), before);
    let stale = ("de".to_owned(), "missions-heading".to_owned());
    assert!(stale_ids(&p).contains(&stale));
    let (exit, _, err) = run(&p, &["build", "--deny-warnings"]);
    assert_eq!(exit, 1, "{err}");
    let accept = format!("{ARTICLE}:missions-heading");
    let (exit, _, err) = run(&p, &["sync", "de", "--accept", &accept]);
    assert_eq!(exit, 0, "{err}");
    assert!(!stale_ids(&p).contains(&stale));
}

/// Shards of earlier versions, without their seal, are read by every command, and the next
/// sync of their language writes them again, sealed, records unchanged.
#[test]
fn shards_without_a_seal_are_read_then_sealed_by_the_next_sync() {
    let p = Project::sample();
    let sealed = tree(&p.path().join("gazette.lock.d"));
    for (path, bytes) in &sealed {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let old: String = text
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("# gazette: "))
            .collect();
        assert_eq!(old.lines().count() + 1, text.lines().count(), "{path}");
        p.write(&format!("gazette.lock.d/{path}"), &old);
    }
    let (exit, out, err) = run(&p, &["check"]);
    assert_eq!(exit, 0, "{out}{err}");
    let (exit, out, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    assert!(
        out.contains("gazette.lock.d: sealed 3 files of records of an earlier version"),
        "{out}"
    );
    let now = tree(&p.path().join("gazette.lock.d"));
    for (path, bytes) in &now {
        assert_eq!(
            bytes == &sealed[path],
            path.starts_with("de/"),
            "{path}: only German is synced"
        );
    }
    let (_, out, _) = run(&p, &["sync", "de"]);
    assert!(out.contains("nothing to do"), "{out}");
}
