//! `gazette status`: the per-language counts, as JSON and as an aligned table.

use std::fs;

use serde_json::Value;

use super::support::{run, sample_missing_three, Project, DE, FR};

/// How many messages and terms a file defines.
fn entries(p: &Project, rel: &str) -> usize {
    gazette::ftl::parse(&p.read(rel)).entries.len()
}

/// Done when: `status --format json` on that project reports the right numbers.
#[test]
fn json_counts_the_missing_messages() {
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
fn human_is_an_aligned_table_without_colour_when_piped() {
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
