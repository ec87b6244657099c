//! The editors' workflow on the sample project: `status`, `sync` stubs, and stale translations
//! tracked in `gazette.lock.d/`.

use std::fs;

use serde_json::Value;

use super::support::{run, tree, Project};

const ARTICLE: &str = "coalition-des-volontaires.ftl";
const FR: &str = "locales/fr/coalition-des-volontaires.ftl";
const DE: &str = "locales/de/coalition-des-volontaires.ftl";
const EN: &str = "locales/en/coalition-des-volontaires.ftl";

/// The three German messages the sync tests delete.
const DELETED: [&str; 3] = ["first-meeting", "sovereignty", "opponents"];

/// Remove the lines that start with `<id> =` (one-line messages).
fn without_messages(text: &str, ids: &[&str]) -> String {
    text.split_inclusive('\n')
        .filter(|l| !ids.iter().any(|id| l.starts_with(&format!("{id} ="))))
        .collect()
}

/// The sample with three German messages deleted.
fn sample_missing_three() -> (Project, Vec<u8>) {
    let p = Project::sample();
    let edited = without_messages(&p.read(DE), &DELETED);
    p.write(DE, &edited);
    (p, edited.into_bytes())
}

/// The records of the article's translations into `lang`.
fn shard(lang: &str) -> String {
    format!("gazette.lock.d/{lang}/{ARTICLE}.lock")
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"].as_array().unwrap()
}

/// How many messages and terms a file defines.
fn entries(p: &Project, rel: &str) -> usize {
    gazette::ftl::parse(&p.read(rel)).entries.len()
}

#[test]
fn sample_is_clean_and_its_lock_file_complete() {
    let p = Project::sample();
    let (exit, report) = p.check_json();
    assert_eq!((exit, diagnostics(&report).len()), (0, 0), "{report:#}");
    let before = tree(p.path());
    let (exit, out, _) = run(&p, &["sync", "--all"]);
    assert_eq!(exit, 0);
    assert!(out.contains("nothing to do"), "{out}");
    assert_eq!(tree(p.path()), before, "sync on the sample changes nothing");
}

/// Done when: a test edits a French message of the sample; `check` then reports
/// `stale-translation` for en and de with the old and new French text; after `--accept`, it
/// reports nothing.
#[test]
fn edited_french_makes_translations_stale_until_accepted() {
    let p = Project::sample();
    let fr = p.read(FR);
    let old = fr
        .lines()
        .find_map(|l| l.strip_prefix("sovereignty = "))
        .unwrap()
        .to_owned();
    assert!(old.contains("au cœur des négociations"), "{old}");
    let new = old.replace("au cœur des négociations", "au cœur de toute négociation");
    let old = old.as_str();
    let new = new.as_str();
    p.write(FR, &fr.replace(old, new));

    let (exit, report) = p.check_json();
    assert_eq!(exit, 0, "stale translations are warnings");
    let stale: Vec<&Value> = diagnostics(&report)
        .iter()
        .filter(|d| d["code"] == "stale-translation")
        .collect();
    assert_eq!(stale.len(), 2, "one per target, nothing else: {report:#}");
    assert_eq!(diagnostics(&report).len(), 2, "{report:#}");
    for (d, lang, file) in [(stale[0], "de", DE), (stale[1], "en", EN)] {
        assert_eq!(d["locale"], lang);
        assert_eq!(d["file"], file);
        assert_eq!(d["id"], "sovereignty");
        assert_eq!(d["severity"], "warning");
        assert!(d["line"].is_u64());
        let message = d["message"].as_str().unwrap();
        assert!(message.contains(old), "old text: {message}");
        assert!(message.contains(new), "new text: {message}");
        assert_eq!(
            d["help"],
            format!("update the translation, then run `gazette sync {lang} --accept coalition-des-volontaires:sovereignty`")
        );
    }
    assert_eq!(report["summary"]["locales"]["de"]["stale"], 1);
    let (exit, _, _) = run(&p, &["check", "--deny-warnings"]);
    assert_eq!(exit, 1, "--deny-warnings fails on stale translations");

    // The records show the review in a pull request: one line per language changes, and
    // the seal of its file.
    let records = |p: &Project| format!("{}{}", p.read(&shard("de")), p.read(&shard("en")));
    let lock_before = records(&p);
    let (exit, out, err) = run(&p, &["sync", "en", "--accept", "sovereignty"]);
    assert_eq!(exit, 0, "{err}");
    assert!(
        out.contains("en:coalition-des-volontaires:sovereignty"),
        "{out}"
    );
    let (exit, _, err) = run(&p, &["sync", "de", "--accept", "sovereignty"]);
    assert_eq!(exit, 0, "{err}");
    let lock_after = records(&p);
    type Lines<'a> = Vec<(&'a str, &'a str)>;
    let (seals, changed): (Lines, Lines) = lock_before
        .lines()
        .zip(lock_after.lines())
        .filter(|(a, b)| a != b)
        .partition(|(a, _)| a.starts_with("# gazette: "));
    assert_eq!((seals.len(), changed.len()), (2, 2), "{changed:#?}");
    for (_, line) in &changed {
        assert!(
            line.starts_with("sovereignty ") && line.ends_with(new),
            "{line}"
        );
    }

    let (exit, report) = p.check_json();
    assert_eq!((exit, diagnostics(&report).len()), (0, 0), "{report:#}");
    assert_eq!(report["summary"]["locales"]["de"]["stale"], 0);
}

#[test]
fn accept_all_and_bad_accepts() {
    let p = Project::sample();
    p.write(
        FR,
        &p.read(FR).replace("Ses missions", "Ses trois missions"),
    );
    let (_, report) = p.check_json();
    assert_eq!(diagnostics(&report).len(), 2, "{report:#}");
    let (exit, _, _) = run(&p, &["sync", "--all", "--accept-all"]);
    assert_eq!(exit, 0);
    let (_, report) = p.check_json();
    assert_eq!(diagnostics(&report).len(), 0, "{report:#}");

    let (exit, _, err) = run(&p, &["sync", "de", "--accept", "no-such-id"]);
    assert_eq!(exit, 2);
    assert!(err.contains("`no-such-id`"), "{err}");
    let (exit, _, err) = run(&p, &["sync", "xx"]);
    assert_eq!(exit, 2);
    assert!(err.contains("`xx`"), "{err}");
    let (exit, _, _) = run(&p, &["sync"]);
    assert_eq!(exit, 2, "a language or --all is required");
}

/// A translation with no record is current: the lock file is optional, and the first sync
/// records it.
#[test]
fn unrecorded_translations_are_current_and_recorded_by_sync() {
    let p = Project::sample();
    fs::remove_dir_all(p.path().join("gazette.lock.d")).unwrap();
    p.write(
        FR,
        &p.read(FR).replace("Ses missions", "Ses trois missions"),
    );
    let (exit, report) = p.check_json();
    assert_eq!((exit, diagnostics(&report).len()), (0, 0), "{report:#}");
    let (exit, out, _) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0);
    assert!(out.contains("recorded"), "{out}");
    let lock = p.read(&shard("de"));
    assert!(lock.contains("\nmissions-heading "), "{lock}");
    assert!(
        !p.path().join("gazette.lock.d/en").exists(),
        "only the language synced"
    );
    // Sorted lines, as a reviewer reads them.
    let lines: Vec<&str> = lock.lines().filter(|l| !l.starts_with('#')).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
}

/// Done when: `sync de` on the sample with three German messages deleted restores three
/// stubs, leaves every other byte of the file unchanged, is a no-op the second time, and
/// `check` still exits 1 until the stubs are filled.
#[test]
fn sync_restores_three_stubs_append_only_and_idempotent() {
    let (p, edited) = sample_missing_three();
    let (exit, out, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    assert!(out.contains(&format!("{DE}: added 3 stubs")), "{out}");

    let synced = fs::read(p.path().join(DE)).unwrap();
    assert!(
        synced.starts_with(&edited),
        "every existing byte stays, in place"
    );
    let added = String::from_utf8(synced[edited.len()..].to_vec()).unwrap();
    let fr = p.read(FR);
    let mut at = 0;
    for id in DELETED {
        // In source order, each with its French text as a comment.
        let marker = format!("# gazette: stub {id} ");
        let i = added[at..]
            .find(&marker)
            .unwrap_or_else(|| panic!("no stub for {id}:\n{added}"))
            + at;
        at = i + marker.len();
        let french = fr
            .lines()
            .find(|l| l.starts_with(&format!("{id} = ")))
            .unwrap();
        assert!(added.contains(&format!("\n# {french}\n")), "{added}");
    }
    assert_eq!(added.matches("# gazette: stub ").count(), 3, "{added}");
    assert!(added.lines().all(|l| l.is_empty() || l.starts_with('#')));

    // A second run changes nothing.
    let before = tree(p.path());
    let (exit, out, _) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0);
    assert!(out.contains("nothing to do"), "{out}");
    assert_eq!(tree(p.path()), before);

    // A stub is not a translation: check fails on each, at the stub, and build refuses.
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    let missing: Vec<&Value> = diagnostics(&report)
        .iter()
        .filter(|d| d["code"] == "missing-message")
        .collect();
    assert_eq!(missing.len(), 3, "{report:#}");
    assert_eq!(diagnostics(&report).len(), 3, "{report:#}");
    let text = p.read(DE);
    for d in &missing {
        let line = d["line"].as_u64().unwrap() as usize;
        let id = d["id"].as_str().unwrap();
        assert_eq!(
            text.lines().nth(line - 1).unwrap(),
            format!("# gazette: stub {id} — translate the fr text below, uncomment it and delete this line")
        );
    }
    let (exit, _, _) = run(&p, &["build"]);
    assert_eq!(exit, 1, "build does not publish stubs");
    // With --missing fallback, the French text is shown as French, never the stub.
    let (exit, _, err) = run(&p, &["build", "--missing", "fallback"]);
    assert_eq!(exit, 0, "{err}");
    let html = p.read(&format!(
        "out/de/{}.html",
        super::support::sample_page("de")
    ));
    assert!(!html.contains("gazette: stub"));
    assert!(
        html.contains("<p lang=\"fr\" dir=\"ltr\">D’autres nations comme la Hongrie"),
        "{html}"
    );

    // Filling the stubs (translate, uncomment, drop the marker) makes check pass again.
    let original = fs::read_to_string(super::support::repo_root().join(DE)).unwrap();
    let mut filled = String::from_utf8(edited).unwrap();
    filled.push('\n');
    for id in DELETED {
        let line = original
            .lines()
            .find(|l| l.starts_with(&format!("{id} = ")))
            .unwrap();
        filled.push_str(line);
        filled.push('\n');
    }
    p.write(DE, &filled);
    let (exit, report) = p.check_json();
    assert_eq!((exit, diagnostics(&report).len()), (0, 0), "{report:#}");
}

/// Done when: `status --format json` on that project reports the right numbers.
#[test]
fn status_json_counts_the_missing_messages() {
    let (p, _) = sample_missing_three();
    let site_fr = entries(&p, "locales/fr/site.ftl");
    let article_fr = entries(&p, FR);
    // Every French file counts towards the language's totals (the sample has two articles).
    let all_fr: usize = fs::read_dir(p.path().join("locales/fr"))
        .unwrap()
        .map(|e| {
            entries(
                &p,
                &format!("locales/fr/{}", e.unwrap().file_name().to_string_lossy()),
            )
        })
        .sum();
    let percent = |t: usize, m: usize| (t as f64 * 1000.0 / m as f64).round() / 10.0;
    for step in ["before sync", "after sync"] {
        let (exit, out, err) = run(&p, &["status", "--format", "json"]);
        assert_eq!(exit, 0, "status informs, it does not fail: {err}");
        let status: Value = serde_json::from_str(&out).unwrap();
        let total = all_fr;
        let de = &status["locales"]["de"];
        assert_eq!(status["source"], "fr");
        assert_eq!(de["messages"], total, "{step}");
        assert_eq!(de["translated"], total - 3, "{step}");
        assert_eq!(de["missing"], 3, "{step}");
        assert_eq!(de["stale"], 0);
        assert_eq!(de["obsolete"], 0);
        assert_eq!(de["percent"], percent(total - 3, total));
        let article = &de["files"][DE];
        assert_eq!(article["messages"], article_fr);
        assert_eq!(article["translated"], article_fr - 3);
        assert_eq!(article["missing"], 3);
        assert_eq!(article["percent"], percent(article_fr - 3, article_fr));
        assert!(article.get("files").is_none());
        let site = &de["files"]["locales/de/site.ftl"];
        assert_eq!(site["translated"], site_fr);
        assert_eq!(site["percent"], 100.0);
        let en = &status["locales"]["en"];
        assert_eq!(en["translated"], total);
        assert_eq!(en["percent"], 100.0);
        // The same counts as check's summary.
        let (_, report) = p.check_json();
        for key in ["messages", "translated", "missing", "stale", "obsolete"] {
            assert_eq!(report["summary"]["locales"]["de"][key], de[key]);
        }
        run(&p, &["sync", "de"]);
    }
}

#[test]
fn status_human_is_an_aligned_table_without_colour_when_piped() {
    let (p, _) = sample_missing_three();
    let (exit, out, _) = run(&p, &["status"]);
    assert_eq!(exit, 0);
    assert!(
        !out.contains('\x1b'),
        "no colour when NO_COLOR is set or piped"
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("language") && lines[0].ends_with('%'),
        "{out}"
    );
    let width = lines[0].chars().count();
    assert!(
        lines.iter().all(|l| l.chars().count() == width),
        "aligned:\n{out}"
    );
    let row = lines.iter().find(|l| l.contains(DE)).unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[0], "de");
    let translated = (entries(&p, FR) - 3).to_string();
    assert_eq!(&cells[3..=6], [translated.as_str(), "3", "0", "0"], "{row}");
    assert!(lines
        .iter()
        .any(|l| l.starts_with("de ") && l.contains(" total ")));
    assert!(lines.last().unwrap().starts_with("all "), "{out}");
}

#[test]
fn dry_run_prints_the_stubs_and_writes_nothing() {
    let (p, _) = sample_missing_three();
    let before = tree(p.path());
    let (exit, out, _) = run(&p, &["sync", "de", "--dry-run"]);
    assert_eq!(exit, 0);
    assert!(out.contains(&format!("{DE}: would add 3 stubs")), "{out}");
    assert!(out.contains("+ # gazette: stub sovereignty "), "{out}");
    assert!(out.contains("+ # sovereignty = Pour la «"), "{out}");
    assert_eq!(tree(p.path()), before);
}

#[test]
fn sync_all_syncs_every_target() {
    let p = Project::sample();
    p.write(DE, &without_messages(&p.read(DE), &["opponents"]));
    p.write(
        EN,
        &without_messages(&p.read(EN), &["opponents", "sovereignty"]),
    );
    let (exit, out, _) = run(&p, &["sync", "--all"]);
    assert_eq!(exit, 0);
    assert!(out.contains(&format!("{EN}: added 2 stubs")), "{out}");
    assert!(out.contains(&format!("{DE}: added 1 stub ")), "{out}");
    assert!(p.read(EN).contains("# gazette: stub sovereignty "));
    assert!(p.read(DE).contains("# gazette: stub opponents "));
}

/// A missing attribute's stub goes right after its message, so uncommenting it makes it part
/// of the message; nothing else moves.
#[test]
fn missing_attribute_stub_is_inserted_after_its_message() {
    let p = Project::sample();
    let original = p.read(DE);
    let caption = original
        .lines()
        .find(|l| l.starts_with("    .caption = Die Flaggen Großbritanniens"))
        .unwrap()
        .to_owned();
    let edited = original.replace(&format!("{caption}\n"), "");
    p.write(DE, &edited);
    let (exit, out, _) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0);
    assert!(out.contains("photo-northwood.caption"), "{out}");
    let synced = p.read(DE);
    let alt_end = edited.find("\n\nvisio-goals").unwrap() + 1;
    let (head, tail) = synced.split_at(alt_end);
    assert_eq!(head, &edited[..alt_end]);
    let stub_end = tail.find("\n\n").unwrap() + 1;
    let stub = &tail[..stub_end];
    assert!(
        stub.starts_with("# gazette: stub photo-northwood.caption "),
        "{stub}"
    );
    assert!(
        stub.contains("\n#     .caption = Les drapeaux britannique et français"),
        "{stub}"
    );
    assert_eq!(
        &tail[stub_end..],
        &edited[alt_end..],
        "the rest is unchanged"
    );

    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    assert_eq!(diagnostics(&report).len(), 1, "{report:#}");
    assert_eq!(diagnostics(&report)[0]["code"], "missing-attribute");
    let (_, out, _) = run(&p, &["sync", "de"]);
    assert!(out.contains("nothing to do"), "{out}");

    // The editor's fill-in: the stub replaced by the translated line.
    p.write(DE, &synced.replace(stub, &format!("{caption}\n")));
    assert_eq!(p.read(DE), original);
}

#[test]
fn crlf_file_without_final_newline_keeps_its_bytes_and_line_endings() {
    let p = Project::sample();
    let crlf = without_messages(&p.read(DE), &["us-dependence", "opponents"]).replace('\n', "\r\n");
    let crlf = crlf.trim_end_matches("\r\n").to_owned();
    p.write(DE, &crlf);
    let (exit, _, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0, "{err}");
    let synced = p.read(DE);
    assert!(synced.starts_with(&crlf));
    assert_eq!(
        synced.matches('\n').count(),
        synced.matches("\r\n").count(),
        "CRLF only"
    );
    assert!(synced.ends_with("\r\n"));
    assert!(synced[crlf.len()..].starts_with("\r\n\r\n# gazette: stub opponents "));
    let (exit, report) = p.check_json();
    assert_eq!(exit, 1);
    let codes: Vec<&Value> = diagnostics(&report).iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, ["missing-message", "missing-message"], "{report:#}");
    let (_, out, _) = run(&p, &["sync", "de"]);
    assert!(out.contains("nothing to do"), "{out}");
}

#[test]
fn sync_creates_an_absent_target_file() {
    let p = Project::sample();
    p.write("locales/fr/news/brief.ftl", "brief = En bref\n");
    let (exit, out, _) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 0);
    assert!(out.contains("new file"), "{out}");
    assert_eq!(
        p.read("locales/de/news/brief.ftl"),
        "# gazette: stub brief — translate the fr text below, uncomment it and delete this line\n# brief = En bref\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(p.path().join("locales/de/news/brief.ftl"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
    let (exit, _) = p.check_json();
    assert_eq!(exit, 1);
}

/// Every target is looked at before anything is written: something in the way of a file to
/// create stops the sync with nothing written, and no temporary file behind.
#[test]
fn failed_sync_leaves_files_intact() {
    let (p, edited) = sample_missing_three();
    let site = without_messages(&p.read("locales/de/site.ftl"), &["home"]);
    p.write("locales/de/site.ftl", &site);
    // A folder where sync must create `locales/de/extra.ftl`.
    p.write("locales/fr/extra.ftl", "extra = En plus\n");
    fs::create_dir_all(p.path().join("locales/de/extra.ftl")).unwrap();
    let lock = tree(&p.path().join("gazette.lock.d"));
    let (exit, _, err) = run(&p, &["sync", "de"]);
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("locales/de/extra.ftl"), "{err}");
    assert!(err.contains("a folder is in the way"), "{err}");
    assert_eq!(p.read("locales/de/site.ftl"), site, "untouched");
    assert_eq!(tree(&p.path().join("gazette.lock.d")), lock);
    let leftovers: Vec<String> = tree(p.path())
        .into_keys()
        .filter(|f| f.contains(".gazette-sync-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(fs::read(p.path().join(DE)).unwrap(), edited);
}

/// `new`, `sync --all`, then the real French: the next sync writes the stubs nobody edited
/// again with the new text, and their records, so a translation made from them is current.
/// A stub someone started to translate stays as it is.
#[test]
fn stubs_nobody_edited_follow_their_source() {
    let p = Project::sample();
    let (exit, _, err) = run(&p, &["new", "budget", "--date", "2025-09-01"]);
    assert_eq!(exit, 0, "{err}");
    let (exit, _, err) = run(&p, &["sync", "--all"]);
    assert_eq!(exit, 0, "{err}");
    let (fr, de, en) = (
        "locales/fr/budget.ftl",
        "locales/de/budget.ftl",
        "locales/en/budget.ftl",
    );
    p.write(
        en,
        &p.read(en).replace(
            "# intro = Premier paragraphe.",
            "# intro = First paragraph.",
        ),
    );
    p.write(
        fr,
        &p.read(fr)
            .replace("Titre de l’article", "Le budget 2026")
            .replace(
                "Premier paragraphe.",
                "Le gouvernement présente son budget.",
            ),
    );
    let (exit, out, err) = run(&p, &["sync", "--all", "--dry-run"]);
    assert_eq!(exit, 0, "{err}");
    assert!(
        out.contains("- # title = Titre de l’article\n+ # gazette: stub title ")
            && out.contains("+ # title = Le budget 2026\n"),
        "{out}"
    );
    let (exit, out, err) = run(&p, &["sync", "--all"]);
    assert_eq!(exit, 0, "{err}");
    assert!(
        out.contains("locales/de/budget.ftl: refreshed 2 stubs (title, intro)")
            && out.contains("locales/en/budget.ftl: refreshed 1 stub (title)")
            && out.contains("refreshed 3 stubs in 2 files"),
        "{out}"
    );
    let german = p.read(de);
    assert!(
        german.contains("\n# title = Le budget 2026\n") && !german.contains("Titre de l’article"),
        "{german}"
    );
    assert!(
        p.read(en).contains("\n# intro = First paragraph.\n"),
        "an edited stub stays"
    );
    let (_, out, _) = run(&p, &["sync", "--all"]);
    assert!(out.contains("nothing to do"), "{out}");

    // Translated from the stub: current, not stale.
    let translated: String = german
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("# gazette: stub title "))
        .map(|l| {
            if l.starts_with("# title = ") {
                "title = Der Haushalt 2026\n"
            } else {
                l
            }
        })
        .collect();
    p.write(de, &translated);
    let stale = super::support::findings(&p, "stale-translation");
    assert!(stale.is_empty(), "{stale:#?}");
}
