//! What a sync will do: the stubs of every target file and the review records they change.
//!
//! **The review records.** In a language with no records yet, a translation without a record
//! is current: there is nothing to compare it with, and `sync <lang>` records the source text of
//! every such translation (adopting a project's existing translations). In a language that has
//! records, one without a record was never reviewed against a known text, or its file of
//! records was lost: `check` reports it, and `sync` leaves it for review (`--accept`) rather
//! than take it for reviewed. `sync` records the source text of every stub it writes (the
//! text the editor is given to translate) and of every stub that lacks one, and forgets
//! records of ids the source no longer has. `--accept <id>…`
//! / `--accept-all` record the current source text of existing translations after an editor
//! updated them, clearing `stale-translation`; they only touch the records. A single-file
//! `gazette.lock` of earlier versions is moved into shards (see [`crate::records`]) and removed.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::stubs::{stubs_for, FileChange};
use crate::error::{Error, Result};
use crate::ftl::{self, FileFacts};
use crate::project::{FtlFile, Project};
use crate::records::{RecordKey, ReviewRecords};

/// Which source texts `sync` records as reviewed.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Accept {
    /// Write stubs and record new translations (plain `sync`).
    #[default]
    Nothing,
    /// `--accept [<file>:]<id>…`: only record these messages' current source text. `<file>`
    /// is a source file's name in its language folder, `.ftl` optional (so an article's slug
    /// names its file); a bare id must be in one source file only.
    Ids(Vec<String>),
    /// `--accept-all`: only record the current source text of every translation.
    All,
}

/// What a sync will do.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub langs: Vec<String>,
    pub files: Vec<FileChange>,
    /// The review records after the sync.
    pub reviews: ReviewRecords,
    pub records_changed: bool,
    /// (language, file name, id) recorded anew.
    pub recorded: Vec<RecordKey>,
    /// Records dropped because the source no longer has the id.
    pub forgotten: Vec<RecordKey>,
    /// Translations without a record in a language that has records, left for review.
    pub unreviewed: Vec<RecordKey>,
    /// (file, id) that get no stub because the id is inside a syntax error of the target.
    pub in_junk: Vec<(String, String)>,
    /// (language, file) of the shards of earlier versions, written again with their seal.
    pub sealed: Vec<(String, String)>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && !self.records_changed
    }
}

/// Work out what `sync` would do for some target languages. Pure: nothing is written.
pub fn plan(project: &Project, langs: &[String], accept: &Accept) -> Result<Plan> {
    check_targets(project, langs)?;
    let source = &project.config.source;
    // Parsed on every core: an archive has thousands of files per language.
    let sources: Vec<(&FtlFile, FileFacts)> = project
        .files(source)
        .par_iter()
        .map(|f| (f, ftl::parse(&f.text)))
        .collect();
    let mut plan = Plan {
        langs: langs.to_vec(),
        files: Vec::new(),
        reviews: project.reviews.clone(),
        records_changed: false,
        recorded: Vec::new(),
        forgotten: Vec::new(),
        unreviewed: Vec::new(),
        in_junk: Vec::new(),
        sealed: project
            .reviews
            .unsealed
            .iter()
            .filter(|(lang, _)| langs.contains(lang))
            .cloned()
            .collect(),
    };
    let wanted = match accept {
        Accept::Ids(specs) => resolve_accepts(specs, &sources, source)?,
        _ => BTreeSet::new(),
    };
    let mut accepted: BTreeSet<(String, String)> = BTreeSet::new();
    for lang in langs {
        plan_language(
            project,
            lang,
            &sources,
            accept,
            &wanted,
            &mut plan,
            &mut accepted,
        );
    }
    if let Some((file, id)) = wanted.difference(&accepted).next() {
        return Err(Error::Usage(format!(
            "--accept: `{}:{id}` has no {} translation to accept: translate it first",
            ftl::short_name(file),
            langs.join("/")
        )));
    }
    plan.records_changed = plan.reviews.records != project.reviews.records
        || project.reviews.legacy
        || !plan.sealed.is_empty();
    Ok(plan)
}

/// One target language's part of [`plan`]: its stubs and records, or the records `accept`
/// names (collected in `accepted`).
fn plan_language(
    project: &Project,
    lang: &str,
    sources: &[(&FtlFile, FileFacts)],
    accept: &Accept,
    wanted: &BTreeSet<(String, String)>,
    plan: &mut Plan,
    accepted: &mut BTreeSet<(String, String)>,
) {
    // Records of ids the source no longer has where they were: a translation without a
    // record that one of them recorded the very text of was moved (its file renamed), and
    // keeps its review.
    // Found once: the records added below are of ids the source has, so none joins them.
    let gone = gone_records(plan, lang, sources);
    let moved: BTreeSet<(String, String)> = gone
        .iter()
        .filter_map(|key| {
            let record = plan.reviews.records.get(key)?;
            Some((key.2.clone(), record.text.clone()))
        })
        .collect();
    let parsed: Vec<(Option<&FtlFile>, FileFacts)> = sources
        .par_iter()
        .map(|(src_file, _)| {
            let tgt_file = project.file(lang, &src_file.name);
            (
                tgt_file,
                tgt_file.map(|f| ftl::parse(&f.text)).unwrap_or_default(),
            )
        })
        .collect();
    for ((src_file, src), (tgt_file, tgt)) in sources.iter().zip(parsed) {
        let pair = Pair {
            project,
            lang,
            moved: &moved,
            src_file,
            src,
            tgt_file,
            tgt: &tgt,
        };
        match accept {
            Accept::Nothing => pair.stub_and_record(plan),
            Accept::Ids(_) => {
                let name = &src_file.name;
                let ids = pair.accept(plan, |id| {
                    wanted.iter().any(|(file, i)| file == name && i == id)
                });
                accepted.extend(ids.into_iter().map(|id| (name.clone(), id)));
            }
            Accept::All => {
                pair.accept(plan, |_| true);
            }
        }
    }
    if *accept == Accept::Nothing {
        for key in gone {
            plan.reviews.records.remove(&key);
            plan.forgotten.push(key);
        }
    }
}

/// Sync works on target languages only.
fn check_targets(project: &Project, langs: &[String]) -> Result<()> {
    let targets = project.targets();
    for lang in langs {
        let why = if *lang == project.config.source {
            "is the source language: sync works on target languages"
        } else if !targets.contains(lang) {
            "is not a target language of this project"
        } else {
            continue;
        };
        return Err(Error::Usage(format!(
            "`{lang}` {why} ({})",
            targets.join(", ")
        )));
    }
    Ok(())
}

/// A source file and the same file of a target language (parsed; empty when it does not
/// exist).
struct Pair<'a> {
    project: &'a Project,
    lang: &'a str,
    /// (id, source text) of the records of ids gone from where they were (see [`plan`]).
    moved: &'a BTreeSet<(String, String)>,
    src_file: &'a FtlFile,
    src: &'a FileFacts,
    tgt_file: Option<&'a FtlFile>,
    tgt: &'a FileFacts,
}

impl Pair<'_> {
    /// Record the source text of a translation, if it is not the recorded one.
    fn record(&self, plan: &mut Plan, id: &str, text: &str) {
        let name = self.src_file.name.as_str();
        if plan.reviews.record(self.lang, name, id, text) {
            plan.recorded
                .push((self.lang.to_owned(), name.to_owned(), id.to_owned()));
        }
    }

    /// Plain `sync`: stubs for what the file lacks, records for each stub and for every
    /// translation without one.
    fn stub_and_record(&self, plan: &mut Plan) {
        let (lang, tgt) = (self.lang, self.tgt);
        let needs = stubs_for(
            self.project,
            lang,
            self.src_file,
            self.src,
            self.tgt_file,
            tgt,
            &plan.reviews,
        );
        plan.in_junk.extend(needs.in_junk);
        let (change, current) = (needs.change, needs.current);
        for entry in &self.src.entries {
            let key = (
                lang.to_owned(),
                self.src_file.name.clone(),
                entry.id.clone(),
            );
            let written = change
                .as_ref()
                .is_some_and(|c| c.stubs.contains(&entry.id) || c.refreshed.contains(&entry.id));
            // A stub of an earlier sync killed before it wrote the records (or of a version
            // that wrote stubs first) gets one too, as does a stub that shows the current
            // source text (one refreshed by a sync killed before it recorded it).
            let stub = tgt.stubs.contains_key(&entry.id);
            let unrecorded =
                (stub || tgt.get(&entry.id).is_some()) && !plan.reviews.records.contains_key(&key);
            let kept = || {
                !plan.reviews.in_use.contains(lang)
                    || self.moved.contains(&(entry.id.clone(), entry.text.clone()))
            };
            if written || current.contains(&entry.id) || (unrecorded && (stub || kept())) {
                self.record(plan, &entry.id, &entry.text);
            } else if unrecorded {
                plan.unreviewed.push(key);
            }
        }
        plan.files.extend(change);
    }

    /// `--accept`: record the source text of the translations `wanted` names; returns the
    /// ids accepted.
    fn accept(&self, plan: &mut Plan, wanted: impl Fn(&str) -> bool) -> Vec<String> {
        let mut accepted = Vec::new();
        for entry in &self.src.entries {
            if wanted(&entry.id) && self.tgt.get(&entry.id).is_some() {
                accepted.push(entry.id.clone());
                self.record(plan, &entry.id, &entry.text);
            }
        }
        accepted
    }
}

/// The records of `lang` whose ids (or files) the source no longer has.
fn gone_records(plan: &Plan, lang: &str, sources: &[(&FtlFile, FileFacts)]) -> Vec<RecordKey> {
    // By name: an archive has thousands of files, and every record is looked up.
    let by_name: std::collections::HashMap<&str, &FileFacts> = sources
        .iter()
        .map(|(f, facts)| (f.name.as_str(), facts))
        .collect();
    let known = |file: &str, id: &str| {
        by_name
            .get(file)
            .is_some_and(|facts| facts.get(id).is_some())
    };
    plan.reviews
        .records
        .keys()
        .filter(|(l, file, id)| l == lang && !known(file, id))
        .cloned()
        .collect()
}

/// `--accept`'s `[<file>:]<id>`s as (source file name, id), each a message of the source: a
/// bare id found in several files is refused with their list, rather than accept them all.
fn resolve_accepts(
    specs: &[String],
    sources: &[(&FtlFile, FileFacts)],
    source: &str,
) -> Result<BTreeSet<(String, String)>> {
    let mut wanted = BTreeSet::new();
    for spec in specs {
        let (file, id) = match spec.rsplit_once(':') {
            Some((file, id)) => (Some(file), id),
            None => (None, spec.as_str()),
        };
        let in_file = |name: &str| file.is_none_or(|f| name == f || ftl::short_name(name) == f);
        let found: Vec<&str> = sources
            .iter()
            .filter(|(f, facts)| in_file(&f.name) && facts.get(id).is_some())
            .map(|(f, _)| f.name.as_str())
            .collect();
        let why = match (found.as_slice(), file) {
            ([name], _) => {
                wanted.insert(((*name).to_owned(), id.to_owned()));
                continue;
            }
            ([], Some(file)) if !sources.iter().any(|(f, _)| in_file(&f.name)) => {
                format!("`{file}` is not a file of the source language ({source})")
            }
            ([], Some(file)) => format!("`{id}` is not a message of `{file}` in {source}"),
            ([], None) => format!("`{id}` is not a message of the source language ({source})"),
            (names, _) => {
                let candidates: Vec<String> = names
                    .iter()
                    .map(|n| format!("{}:{id}", ftl::short_name(n)))
                    .collect();
                format!(
                    "`{id}` is a message of {} files: name the one you reviewed ({})",
                    names.len(),
                    candidates.join(", ")
                )
            }
        };
        return Err(Error::Usage(format!("--accept: {why}")));
    }
    Ok(wanted)
}
