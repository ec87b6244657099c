//! `build`'s summary: what was written, reused and left out, and the notes on the way.

use super::terminal::{count, shown_lines};
use crate::check::diagnostic::slash_path;
use crate::ops::build::{Note, Summary};

/// The summary `build` prints on stderr: pages shown in the source language, notes, files
/// kept that gazette did not write, pages left out, then one line of counts.
pub fn build_summary(summary: &Summary, source: &str, elapsed: std::time::Duration) -> String {
    let mut s = String::new();
    for f in &summary.fallbacks {
        s.push_str(&format!(
            "fallback: {}/{}: `{}` shown in {source}\n",
            f.lang, f.slug, f.id
        ));
    }
    for note in &summary.notes {
        s.push_str(&format!("note: {}\n", note_text(note)));
    }
    if !summary.foreign.is_empty() {
        let names: Vec<&str> = summary.foreign.iter().map(String::as_str).collect();
        s.push_str(&format!(
            "note: kept {} in {} that gazette did not write: {}\n",
            count(names.len(), "file"),
            slash_path(&summary.out),
            names.join(", ")
        ));
    }
    for skipped in &summary.skipped {
        s.push_str(&format!(
            "skipped: {}/{}: missing {}\n",
            skipped.lang,
            skipped.slug,
            skipped.missing.join(", ")
        ));
    }
    let mut kept = String::new();
    if summary.unchanged > 0 {
        kept.push_str(&format!(", {} unchanged", summary.unchanged));
    }
    if summary.removed > 0 {
        kept.push_str(&format!(", {} removed", summary.removed));
    }
    s.push_str(&format!(
        "build: {} in {} ({}): {} files written to {}{kept} in {elapsed:.2?}\n",
        count(summary.articles, "article"),
        count(summary.languages.len(), "language"),
        summary.languages.join(", "),
        summary.files,
        slash_path(&summary.out),
    ));
    shown_lines(&s).into_owned()
}

fn note_text(note: &Note) -> String {
    match note {
        Note::CacheRefused(why) => {
            format!("build cache {why}: not used, every article built again")
        }
        Note::StagingRemoved(n) => format!(
            "removed {} left by interrupted builds",
            count(*n, "staging folder")
        ),
        Note::TemporaryRemoved(n) => format!(
            "removed {} left by interrupted builds",
            count(*n, "temporary cache file")
        ),
        Note::CacheNotSaved(e) => {
            format!("build cache not saved ({e}): the next build will do everything again")
        }
        Note::Held { slug, why } => match why {
            crate::incremental::cache::Held::Draft => {
                format!("not published: `{slug}` is a draft (draft = true)")
            }
            crate::incremental::cache::Held::Embargo(at) => {
                format!("not published: `{slug}` is under embargo until {at}")
            }
        },
    }
}
