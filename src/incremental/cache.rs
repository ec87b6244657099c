//! The build cache: what the previous build of an output folder was made of, so the next one
//! checks, localises and renders only the articles whose inputs changed.
//!
//! For every article it keeps the fingerprint of the article's inputs (its content file, its
//! own `.ftl` file in every language and their shards of records), the findings of its
//! run of the checks, and what indexes, feeds and the sitemap need of its editions. One
//! fingerprint covers what every page depends on (configuration, templates, shared files,
//! options, gazette's version): when it changes, everything is done again. It also keeps the
//! stamp of every file it wrote to the output, so a page deleted or edited there is made again.
//! The cache lives in `.gazette-cache/` ([`crate::store`]: checksummed, never trusted blindly)
//! and names the output it describes by the identity in that output's marker
//! ([`crate::write`]), so a deleted, foreign or restored `out/` is never trusted.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::Findings;
use crate::error::Result;
use crate::fingerprint::{Fingerprint, Fingerprinter};
use crate::localise::Listing;
use crate::plan::links::Link;
use crate::plan::media::Shown;
use crate::project::Project;
use crate::stamp::Stamp;
use crate::store::{self, Refused};
use crate::write::PathMap;

pub use crate::store::DIR;

/// What a build left for the next one.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// The identity of the output this cache describes (its marker's).
    pub output: String,
    /// Fingerprint of what every article's findings depend on ([`checks`]).
    pub checks: Fingerprint,
    /// Fingerprint of what every article's pages depend on ([`global`]).
    pub global: Fingerprint,
    /// Article slug -> what was made of it.
    pub articles: BTreeMap<String, Unit>,
    /// Fingerprint of what the indexes, feeds and sitemap were made of ([`site`]).
    pub site: Fingerprint,
    /// Those pages, relative to the output folder.
    pub site_files: Vec<String>,
    /// Every file the build wrote to the output, with the stamp it had there.
    pub stamps: PathMap<Stamp>,
    /// Files of `static/` by their path in the site: the stamp of the file and what pages
    /// need of it (an image's size), so an unchanged one is not read again.
    pub statics: BTreeMap<String, (Stamp, Shown)>,
}

/// What a build made of one article.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unit {
    pub fingerprint: Fingerprint,
    pub findings: Findings,
    /// The article's embargo (seconds since 1970) and whether the build's clock had passed
    /// it: the unit holds only while the clock stays on the same side.
    pub embargo: Option<(i64, bool)>,
    /// Why it was checked but not published, if it was held.
    pub held: Option<Held>,
    /// The files of `static/` its pages show, with what the build knew of each
    /// ([`crate::plan::media::Assets`]): the unit holds only while they stay so.
    pub assets: Vec<(String, Shown)>,
    /// The images its pages show that gazette derives from files of `static/` (share
    /// cards, narrower copies), made by the build from its cache or the files.
    pub derived: Vec<crate::media::Derived>,
    /// The articles its pages link to, with the fingerprint of their listings it was made
    /// with (the slugs alone until they are known).
    pub links: Vec<Link>,
    /// The fingerprint of the newest articles its pages' footers list (each one's language,
    /// page and headline): the unit holds only while those stay the same.
    pub latest: Fingerprint,
    /// One per language built, in the build's language order.
    pub pages: Vec<Page>,
}

/// Why an article was checked but not published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Held {
    Draft,
    /// Under embargo until this instant (RFC 3339).
    Embargo(String),
}

/// What the last build did with an article in one language, as the cache keeps it: its pages
/// published (and listed), or left out.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Page {
    /// Written to `out/<lang>/<slug>.html` and `.txt`; `fallbacks` are the message ids shown
    /// in the source language.
    Published {
        listing: Box<Listing>,
        fallbacks: Vec<String>,
    },
    /// Left out of the language (`--missing skip`) for lack of these messages.
    Skipped {
        lang: String,
        slug: String,
        missing: Vec<String>,
    },
}

/// The cache file of an output folder (relative to the project root), one per folder:
/// building to `--out` elsewhere does not throw away the cache of `out/`.
fn name(out: &Path) -> String {
    let name = Fingerprinter::default()
        .add(&out.to_string_lossy())
        .finish();
    format!("build-{}.bin", &name.as_str()[..16])
}

/// The last cache written for the output folder `out`, whatever output and options it
/// describes (`Ok(None)` when there is none).
pub fn read(project: &Project, out: &Path) -> Result<Option<Cache>, Refused> {
    store::read(&project.root, &name(out))
}

/// The cache of the output `out` whose marker has the identity `output`, if it was made with
/// the same `global` fingerprint; an empty cache otherwise (everything is then done again),
/// with the reason when the cache file was refused.
pub fn load(
    project: &Project,
    out: &Path,
    output: Option<&str>,
    global: &Fingerprint,
) -> (Cache, Option<Refused>) {
    match read(project, out) {
        Ok(Some(c))
            if output.is_some_and(|id| !id.is_empty() && c.output == id) && c.global == *global =>
        {
            (c, None)
        }
        Ok(_) => (Cache::default(), None),
        Err(refused) => (Cache::default(), Some(refused)),
    }
}

/// Write the cache of `out` to a temporary file; [`store::Pending::keep`] puts it in place.
pub fn stage(project: &Project, out: &Path, cache: &Cache) -> Result<store::Pending> {
    store::stage(&project.root, &name(out), cache)
}

/// Fingerprint of what every article's pages depend on: what its findings depend on
/// (`checks`) and the build's options (languages, `--missing`).
pub fn global(checks: &Fingerprint, options: &str) -> Fingerprint {
    Fingerprinter::default()
        .add(checks.as_str())
        .add(options)
        .finish()
}

/// What gazette itself is: its version and the fingerprint of its program's bytes, so a gazette
/// rebuilt from changed code (with the same version number) never takes a page an older one
/// made. Read once per run (some MB), a block at a time: never held whole in memory.
fn gazette_itself() -> &'static str {
    static ITSELF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ITSELF.get_or_init(|| {
        let hash = |mut file: std::fs::File| {
            let mut hasher = xxhash_rust::xxh3::Xxh3::new();
            let mut block = vec![0; 1 << 16];
            loop {
                match std::io::Read::read(&mut file, &mut block)? {
                    0 => return Ok::<_, std::io::Error>(hasher.digest128()),
                    n => hasher.update(&block[..n]),
                }
            }
        };
        let program = std::env::current_exe()
            .and_then(std::fs::File::open)
            .and_then(hash)
            .map(|h| format!("{h:032x}"))
            .unwrap_or_default();
        format!("{} {program}", env!("CARGO_PKG_VERSION"))
    })
}

/// Fingerprint of what every article's findings depend on.
pub fn checks(project: &Project) -> Fingerprint {
    let mut f = Fingerprinter::default();
    f.add(gazette_itself())
        .add(&format!("{:?}", project.config));
    for (name, template) in &project.templates {
        f.add(name).add(&template.text);
    }
    for (lang, files) in &project.locales {
        f.add(lang);
        for file in files.iter().filter(|f| !project.is_article_file(&f.name)) {
            f.add(&file.name).add(&file.text);
            let shard = project.shard(lang, &file.name).map(|s| s.fingerprint);
            review_records(&mut f, project, lang, &file.name, shard);
        }
    }
    f.finish()
}

/// Fingerprint of what the pages made of every article (indexes, feeds, sitemap) depend
/// on: the global inputs, how the site's image is shown (they are shared with its card) and
/// every article's listings, in order.
pub fn site(global: &Fingerprint, site_image: &str, units: &[Unit]) -> Fingerprint {
    let mut f = Fingerprinter::default();
    f.add(global.as_str()).add(site_image);
    for unit in units {
        for page in &unit.pages {
            f.add_bytes(&postcard::to_stdvec(page).expect("writing to memory cannot fail"));
        }
    }
    f.finish()
}

/// Fingerprint of one article's own inputs: `content` is its content file's fingerprint,
/// `ftl` and `shard` give its own file's and that file's shard's in a language (`None` where
/// there is none).
pub fn article(
    project: &Project,
    slug: &str,
    content: u128,
    ftl: impl Fn(&str) -> Option<u128>,
    shard: impl Fn(&str) -> Option<u128>,
) -> Fingerprint {
    let mut f = Fingerprinter::default();
    f.add(slug).add(&format!("{content:032x}"));
    let name = format!("{slug}.ftl");
    for lang in project.languages() {
        f.add(&lang);
        add_optional(&mut f, ftl(&lang));
        review_records(&mut f, project, &lang, &name, shard(&lang));
    }
    f.finish()
}

/// The records of a file: its shard's fingerprint stands for them (so they need not be
/// parsed), with those of a single-file `gazette.lock`, whose records shards override one by one,
/// and whether its language has records at all (without, a translation without a record is
/// not reported).
fn review_records(
    f: &mut Fingerprinter,
    project: &Project,
    lang: &str,
    file: &str,
    shard: Option<u128>,
) {
    add_optional(f, shard);
    f.add(match project.reviews.in_use.contains(lang) {
        true => "language recorded",
        false => "language unrecorded",
    });
    if project.reviews.legacy {
        for ((_, _, id), record) in project.reviews.records_of(lang, file) {
            f.add(id).add(&record.text);
        }
    }
}

fn add_optional(f: &mut Fingerprinter, fingerprint: Option<u128>) {
    match fingerprint {
        Some(fingerprint) => f.add(&format!("{fingerprint:032x}")),
        None => f.add("\0absent"),
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn gazette_itself_is_its_version_and_its_programs_bytes() {
        let itself = super::gazette_itself();
        let (version, program) = itself.split_once(' ').unwrap();
        assert_eq!(version, env!("CARGO_PKG_VERSION"));
        assert_eq!(program.len(), 32, "the program was read: {itself}");
    }
}

#[cfg(test)]
mod format {
    use crate::fingerprint::Fingerprinter;
    use crate::plan::links::Link;
    use crate::plan::media::{Image, Shown};
    use crate::store;

    /// The typed fields of a unit are written as the strings and pairs they replaced, so a
    /// cache an earlier build left still reads.
    #[test]
    fn typed_fields_are_written_as_the_strings_they_were() {
        let shown = [
            (Shown::Absent, "absent"),
            (Shown::File, "file"),
            (
                Shown::Image(Image {
                    size: (640, 480),
                    fingerprint: None,
                }),
                "640x480",
            ),
            (
                Shown::Image(Image {
                    size: (2, 1),
                    fingerprint: Some("ab12".into()),
                }),
                "2x1 ab12",
            ),
        ];
        for (typed, text) in shown {
            let bytes = store::encode("t", &text.to_owned());
            assert_eq!(store::encode("t", &typed), bytes, "{text}");
            assert_eq!(store::decode::<Shown>("t", &bytes), Ok(typed), "{text}");
        }
        let shows = Fingerprinter::default().add("x").finish();
        let link = Link {
            slug: "a".into(),
            shows: shows.clone(),
        };
        let pair = ("a".to_owned(), shows.as_str().to_owned());
        assert_eq!(store::encode("t", &link), store::encode("t", &pair));
        let junk = store::encode("t", &"12 by 4".to_owned());
        assert!(store::decode::<Shown>("t", &junk).is_err());
    }
}
