//! `gazette sync` on the sample project: stubs appended and idempotent, files' bytes and line
//! endings kept, `--dry-run`, `--all`, stale translations tracked in `gazette.lock.d/` until
//! `--accept`ed (with a word diff and `<file>:<id>` precision).

use std::fs;

use serde_json::{json, Value};

use super::support::{
    findings, run, sample_missing_three, sample_with_stale_sovereignty, tree, without_messages,
    Project, DE, DELETED, FR,
};

const ARTICLE: &str = "coalition-des-volontaires.ftl";

const EN: &str = "locales/en/coalition-des-volontaires.ftl";

/// The records of the article's translations into `lang`.
fn shard(lang: &str) -> String {
    format!("gazette.lock.d/{lang}/{ARTICLE}.lock")
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"].as_array().unwrap()
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
fn restores_three_stubs_append_only_and_idempotent() {
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
fn all_syncs_every_target() {
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
fn creates_an_absent_target_file() {
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

#[test]
fn stale_translation_shows_a_word_diff() {
    let p = sample_with_stale_sovereignty();
    let (_, human, _) = run(&p, &["check"]);
    assert!(
        human.contains(" au cœur [-des négociations.-]{+de toute négociation.+} Aucun accord"),
        "{human}"
    );
    let (_, report) = p.check_json();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let change = &diagnostics[0]["change"];
    let old = change["old"].as_str().unwrap();
    let new = change["new"].as_str().unwrap();
    assert!(
        old.contains("au cœur des négociations") && new.contains("au cœur de toute négociation")
    );
    let spans = change["spans"].as_array().unwrap();
    let joined = |kind: &str| -> String {
        spans
            .iter()
            .filter(|s| s["kind"] == "same" || s["kind"] == kind)
            .map(|s| s["text"].as_str().unwrap())
            .collect()
    };
    assert_eq!(joined("removed"), old);
    assert_eq!(joined("added"), new);
    let changed: Vec<&Value> = spans.iter().filter(|s| s["kind"] != "same").collect();
    assert_eq!(
        changed,
        [
            &json!({ "kind": "removed", "text": "des négociations." }),
            &json!({ "kind": "added", "text": "de toute négociation." })
        ]
    );
    // Only a stale translation has the field.
    let (_, clean) = Project::sample().check_json();
    assert_eq!(clean["diagnostics"], json!([]));
    let p = Project::sample();
    p.write(DE, &p.read(DE).replace("sovereignty =", "souveraenitaet ="));
    let (_, report) = p.check_json();
    for d in report["diagnostics"].as_array().unwrap() {
        assert!(d.get("change").is_none(), "{d}");
    }
}

/// Two articles with a `title`, both edited in French since they were reviewed.
fn two_stale_titles() -> Project {
    let p = Project::fixture("publish");
    assert_eq!(run(&p, &["sync", "de"]).0, 0);
    for (file, old, new) in [
        ("locales/fr/newer.ftl", "Le plus récent", "Le tout dernier"),
        ("locales/fr/older.ftl", "Le plus ancien", "Le tout premier"),
    ] {
        p.write(file, &p.read(file).replace(old, new));
    }
    p
}

fn stale_files(p: &Project) -> Vec<String> {
    findings(p, "stale-translation")
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn accept_refuses_an_id_of_several_files_and_takes_file_and_id() {
    let p = two_stale_titles();
    assert_eq!(
        stale_files(&p),
        ["locales/de/newer.ftl", "locales/de/older.ftl"]
    );
    let (exit, out, err) = run(&p, &["sync", "de", "--accept", "title"]);
    assert_eq!(exit, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "error: --accept: `title` is a message of 2 files: name the one you reviewed (newer:title, older:title)\n"
    );
    assert_eq!(stale_files(&p).len(), 2, "nothing recorded");

    let (exit, out, err) = run(&p, &["sync", "de", "--accept", "newer:title"]);
    assert_eq!(exit, 0, "{err}");
    assert!(out.contains("(de:newer:title)"), "{out}");
    assert_eq!(stale_files(&p), ["locales/de/older.ftl"]);
    let (exit, out, err) = run(&p, &["sync", "de", "--accept", "older.ftl:title"]);
    assert_eq!(exit, 0, "{err}");
    assert!(out.contains("(de:older:title)"), "{out}");
    assert_eq!(stale_files(&p), Vec::<String>::new());
}

#[test]
fn accept_names_what_it_cannot_find() {
    let p = two_stale_titles();
    for (arg, message) in [
        (
            "gone:title",
            "`gone` is not a file of the source language (fr)",
        ),
        ("newer:lede", "`lede` is not a message of `newer` in fr"),
        (
            "lead",
            "`lead` is not a message of the source language (fr)",
        ),
        (
            "newer:extra",
            "`newer:extra` has no de translation to accept: translate it first",
        ),
    ] {
        let (exit, _, err) = run(&p, &["sync", "de", "--accept", arg]);
        assert_eq!(exit, 2, "{arg}");
        assert_eq!(err, format!("error: --accept: {message}\n"), "{arg}");
    }
}

/// Every record a sync makes is named once, with its file: two `title`s are two names.
#[test]
fn names_each_record_with_its_file() {
    let p = Project::empty();
    for (file, text) in [
        ("gazette.toml", ""),
        ("locales/fr/a.ftl", "title = A\n"),
        ("locales/fr/b.ftl", "title = B\n"),
        ("locales/de/a.ftl", "title = A (de)\n"),
        ("locales/de/b.ftl", "title = B (de)\n"),
    ] {
        p.write(file, text);
    }
    let (exit, out, _) = run(&p, &["sync", "de", "--dry-run"]);
    assert_eq!(exit, 0);
    assert!(
        out.starts_with(
            "gazette.lock.d: would record the source text of 2 translations (de:a:title, de:b:title)\n"
        ),
        "{out}"
    );
}

#[test]
fn without_a_language_suggests_all() {
    let p = Project::sample();
    let before = super::support::tree(p.path());
    let (exit, out, err) = run(&p, &["sync"]);
    assert_eq!(
        (exit, out.as_str(), err.as_str()),
        (
            2,
            "",
            "error: sync: which language? `gazette sync en` syncs one of en, de; \
             `gazette sync --all` syncs every one\n"
        )
    );
    assert_eq!(super::support::tree(p.path()), before);
    let (exit, _, err) = run(&p, &["sync", "de", "--all"]);
    assert_eq!(exit, 2, "{err}");
}
