//! `gazette init` and `gazette new`: a project that checks clean and builds at once, and an
//! article's first files. Only files that do not exist yet are written; the texts shipped for
//! a language are written as a native speaker would, with that language's typography.
//! [`articles`]: `gazette rm` and `gazette mv`, an article's files in every language at once.

pub mod articles;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::config::{self, CONFIG_FILE};
use crate::content;
use crate::error::{Error, Result};
use crate::guard;
use crate::project::{self, Project};
use crate::sync::{self, Accept};

/// The texts gazette ships for a language: its site strings, the example article and the
/// skeleton of a new article.
struct Shipped {
    lang: &'static str,
    site: &'static str,
    welcome: &'static str,
    article: &'static str,
}

macro_rules! shipped {
    ($($lang:literal),*) => {
        [$(Shipped {
            lang: $lang,
            site: include_str!(concat!($lang, "/site.ftl")),
            welcome: include_str!(concat!($lang, "/welcome.ftl")),
            article: include_str!(concat!($lang, "/article.ftl")),
        }),*]
    };
}

const SHIPPED: [Shipped; 5] = shipped!("de", "en", "es", "fr", "it");

/// The language whose texts stand in for a source language gazette ships none for.
const STAND_IN: &str = "en";

/// The example article's slug.
const WELCOME: &str = "welcome";

/// The texts shipped for `lang`, or for its language without region or script (`de-CH` gets
/// German).
fn shipped(lang: &str) -> Option<&'static Shipped> {
    let base = lang.split('-').next().unwrap_or(lang);
    SHIPPED
        .iter()
        .find(|s| s.lang == lang)
        .or_else(|| SHIPPED.iter().find(|s| s.lang == base))
}

fn stand_in() -> &'static Shipped {
    shipped(STAND_IN).expect("English is shipped")
}

/// The languages gazette ships texts for, for messages.
pub fn shipped_languages() -> Vec<&'static str> {
    SHIPPED.iter().map(|s| s.lang).collect()
}

/// The `.gitignore` of a new project: what gazette makes.
pub const GITIGNORE: &str = include_str!("gitignore");

/// What `gazette init` was asked for.
#[derive(Debug, Clone)]
pub struct InitOptions {
    pub source: String,
    pub targets: Vec<String>,
    /// The example article's publication date, `YYYY-MM-DD`.
    pub date: String,
    /// The GitHub Actions workflows to write.
    pub ci: Ci,
    /// Start the project in a folder that holds other things too, writing only the files that
    /// are not there yet.
    pub force: bool,
}

/// The GitHub Actions workflows `gazette init` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ci {
    None,
    /// `translations.yml`: `gazette check` on every push and pull request.
    Check,
    /// `translations.yml`, and `pages.yml`: the site built and published on GitHub Pages.
    Pages,
}

/// The source gazette was built from (see build.rs): what its workflows install.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// The address of its git repository, when known.
    pub repository: Option<&'static str>,
    /// The commit it was built from, when known (not from a tarball).
    pub commit: Option<&'static str>,
}

/// The source of this gazette.
pub const SOURCE: Source = Source {
    repository: option_env!("GAZETTE_REPOSITORY"),
    commit: option_env!("GAZETTE_COMMIT"),
};

/// The workflows for `ci`, (path, text), each installing gazette from `source`.
pub fn workflows(ci: Ci, source: Source) -> Vec<(&'static str, String)> {
    let unknown = |what: &str| format!("\"\"  # set: {what}");
    let install = include_str!("install.yml")
        .trim_end()
        .replace(
            "{repository}",
            &source.repository.map_or_else(
                || unknown("the address of gazette's git repository (where you cloned it from)"),
                str::to_owned,
            ),
        )
        .replace(
            "{rev}",
            &source.commit.map_or_else(
                || unknown("the commit of gazette to install (`git rev-parse HEAD` in your clone)"),
                str::to_owned,
            ),
        );
    let check = (
        ".github/workflows/translations.yml",
        include_str!("workflow.yml").replace("{install}", &install),
    );
    let pages = (
        ".github/workflows/pages.yml",
        include_str!("pages.yml").replace("{install}", &install),
    );
    match ci {
        Ci::None => vec![],
        Ci::Check => vec![check],
        Ci::Pages => vec![check, pages],
    }
}

/// What `gazette init` did.
#[derive(Debug)]
pub struct Initialised {
    /// Files written, relative to the project root, in the order written.
    pub files: Vec<PathBuf>,
    /// Files `--force` left as they were, relative to the project root.
    pub kept: Vec<PathBuf>,
    /// Targets gazette ships no texts for: they were given stubs to translate.
    pub stubbed: Vec<String>,
    /// The source language has no shipped texts: its files hold English to translate.
    pub stand_in_source: bool,
}

/// Start a project in `dir` (made if missing): refused if `dir` holds anything (a `.git`
/// folder aside), so nothing of the user's is ever mixed with the example, unless `force`
/// says to write only the files that are not there; an existing file is never overwritten.
pub fn init(dir: &Path, options: &InitOptions) -> Result<Initialised> {
    let targets = check_languages(options)?;
    check_empty(dir, options.force)?;
    let source = &options.source;
    let mut planned: Vec<(PathBuf, String)> = Vec::new();
    let mut write = |rel: PathBuf, text: &str| planned.push((rel, text.to_owned()));
    write(CONFIG_FILE.into(), &config_text(source, &targets));
    write(".gitignore".into(), GITIGNORE);
    for (path, text) in workflows(options.ci, SOURCE) {
        write(path.into(), &text);
    }
    let languages = 1 + targets.len();
    let article = include_str!("welcome.toml")
        .replace("{date}", &options.date)
        .replace("{count}", &languages.to_string());
    write(format!("content/{WELCOME}.toml").into(), &article);
    let texts = shipped(source).unwrap_or_else(stand_in);
    for lang in std::iter::once(source).chain(&targets) {
        let Some(texts) = (lang == source).then_some(texts).or_else(|| shipped(lang)) else {
            continue;
        };
        write(format!("locales/{lang}/site.ftl").into(), texts.site);
        write(
            format!("locales/{lang}/{WELCOME}.ftl").into(),
            texts.welcome,
        );
    }
    check_bounds(dir, &planned)?;
    let (mut files, mut kept) = (Vec::new(), Vec::new());
    for (rel, text) in planned {
        if options.force && dir.join(&rel).exists() {
            kept.push(rel);
        } else {
            write_new(dir, &rel, &text)?;
            files.push(rel);
        }
    }
    let stubbed: Vec<String> = targets
        .iter()
        .filter(|t| shipped(t).is_none())
        .cloned()
        .collect();
    if !stubbed.is_empty() {
        // Every target has its folder (the settings require it); `sync` fills it.
        for lang in &stubbed {
            let folder = dir.join("locales").join(lang);
            fs::create_dir_all(&folder).map_err(|e| Error::io(folder, e))?;
        }
        let project = Project::load(dir)?;
        let plan = sync::plan(&project, &stubbed, &Accept::Nothing)?;
        sync::apply(&project, &plan)?;
        files.extend(plan.files.iter().map(|f| f.path.clone()));
    }
    Ok(Initialised {
        files,
        kept,
        stubbed,
        stand_in_source: shipped(source).is_none(),
    })
}

/// The targets, each a language tag in canonical form and none the source (repeats dropped).
fn check_languages(options: &InitOptions) -> Result<Vec<String>> {
    config::check_language_tag(&options.source)
        .map_err(|m| Error::Usage(format!("--source: {m}")))?;
    let mut targets: Vec<String> = Vec::new();
    // `--targets ""`: a project in one language; `--targets "en, de"`: spaces ignored.
    for t in options
        .targets
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
    {
        config::check_language_tag(t).map_err(|m| Error::Usage(format!("--targets: {m}")))?;
        if t == options.source {
            return Err(Error::Usage(format!(
                "--targets: `{t}` is the source language: list the languages it is translated into"
            )));
        }
        if !targets.iter().any(|known| known == t) {
            targets.push(t.to_owned());
        }
    }
    Ok(targets)
}

/// Refuse a folder that is a project already, or holds anything but a `.git` folder (unless
/// `force`).
fn check_empty(dir: &Path, force: bool) -> Result<()> {
    if let Some(marker) = project::project_marker(dir) {
        return Err(Error::Usage(format!(
            "{}: a gazette project is already there (it has {marker}); nothing was written",
            dir.display()
        )));
    }
    if force {
        return Ok(());
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut names: Vec<String> = entries
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<std::io::Result<_>>()
        .map_err(|e| Error::io(dir, e))?;
    names.retain(|n| n != ".git");
    names.sort();
    match names.first() {
        None => Ok(()),
        Some(first) => Err(Error::Usage(format!(
            "{}: not empty and not a gazette project (it holds `{first}`{}): gazette init starts \
             a project in an empty or new folder (`--force` writes only what is not there); \
             nothing was written",
            dir.display(),
            match names.len() - 1 {
                0 => String::new(),
                1 => " and 1 other".to_owned(),
                n => format!(" and {n} others"),
            }
        ))),
    }
}

/// `gazette.toml`: the languages, and where the site's address goes.
fn config_text(source: &str, targets: &[String]) -> String {
    let quoted: Vec<String> = targets.iter().map(|t| format!("\"{t}\"")).collect();
    format!(
        "# The project's settings; every key is optional.\n\
         source = \"{source}\"\n\
         targets = [{}]\n\
         # The site's address, for canonical links, feeds and the sitemap:\n\
         # base_url = \"https://www.example.org\"\n",
        quoted.join(", ")
    )
}

/// Start an article: `content/<slug>.toml` and the source language's `<slug>.ftl`, with the
/// publication date `date` (`YYYY-MM-DD`). Returns the files written, relative to the root.
pub fn new_article(project: &Project, slug: &str, date: &str) -> Result<Vec<PathBuf>> {
    let config = &project.config;
    let content = config.content.join(format!("{slug}.toml"));
    if !content::is_valid_slug(slug) || slug == "index" {
        return Err(Error::Usage(format!(
            "`{slug}` is not a slug gazette can use: lowercase ASCII letters, digits and `-` \
             (and not `index`), e.g. `{}`",
            suggested_slug(slug)
        )));
    }
    let source = &config.source;
    let ftl = config.locales.join(source).join(format!("{slug}.ftl"));
    for path in [&content, &ftl] {
        if project.root.join(path).exists() {
            return Err(Error::Usage(format!(
                "{}: already exists: choose another slug; nothing was written",
                path.display()
            )));
        }
    }
    let article = include_str!("article.toml")
        .replace("{date}", date)
        .replace("{slug}", slug);
    write_new(&project.root, &content, &article)?;
    let texts = shipped(source).unwrap_or_else(stand_in);
    write_new(&project.root, &ftl, texts.article)?;
    Ok(vec![content, ftl])
}

/// A slug made of `text`: a file name's `.toml` or `.ftl` left off, transliterated to ASCII
/// (`é` -> `e`, `ж` -> `zh`), lowercase, runs of anything else than letters and digits made
/// one `-`.
fn suggested_slug(text: &str) -> String {
    let name = [".toml", ".ftl"]
        .iter()
        .find_map(|ext| text.strip_suffix(ext))
        .unwrap_or(text);
    let mut slug = String::new();
    for c in deunicode::deunicode(name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() || slug == "index" {
        "my-article".to_owned()
    } else {
        slug.to_owned()
    }
}

/// Refuse, before anything is written, a file of `planned` that would be written out of the
/// project at `dir` or into version control's folder: a folder of the project that is a link
/// elsewhere (`.github` linked to a shared folder, with `--force`) is never written through.
fn check_bounds(dir: &Path, planned: &[(PathBuf, String)]) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    let bounds = guard::Bounds::new(dir, &[], &[]).map_err(|e| Error::io(dir, e))?;
    planned.iter().try_for_each(|(rel, _)| {
        bounds.check_path(rel).map_err(|e| Error::io(rel, e))?;
        // A link on the way that leads nowhere (`.github -> nope/..`) would fail the write
        // after others were made: refused with the rest, before anything is written.
        let links = rel.ancestors().filter(|a| !a.as_os_str().is_empty());
        links
            .filter(|a| fs::symlink_metadata(dir.join(a)).is_ok_and(|m| m.is_symlink()))
            .try_for_each(|link| {
                bounds
                    .check_link(&dir.join(link))
                    .map_err(|e| Error::io(link, e))
            })
    })
}

/// Write `rel` under `root`, folders made; never over an existing file.
fn write_new(root: &Path, rel: &Path, text: &str) -> Result<()> {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| Error::io(rel, e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io(rel, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every site string a built-in template or gazette's code uses is shipped in every
    /// language (`link-in` names any language through CLDR): a template that starts
    /// using a new `ui.<id>` fails here until it is.
    #[test]
    fn shipped_site_strings_cover_the_built_in_templates() {
        let mut used: Vec<String> = crate::localise::CODE_SITE_STRINGS
            .iter()
            .map(|id| id.to_string())
            .collect();
        for (_, text) in crate::project::BUILTIN_TEMPLATES {
            used.extend(
                crate::check::template_ids(text)
                    .into_iter()
                    .map(|(id, _)| id),
            );
        }
        used.sort();
        used.dedup();
        for shipped in &SHIPPED {
            let facts = crate::ftl::parse(shipped.site);
            for id in &used {
                assert!(
                    facts.get(id).is_some(),
                    "{}/site.ftl lacks `{id}`",
                    shipped.lang
                );
            }
        }
    }

    /// What build.rs found is written in; what it did not is left for the user, saying what.
    #[test]
    fn workflows_pin_the_source_they_know_and_say_what_to_set_otherwise() {
        let commit = "0123456789abcdef0123456789abcdef01234567";
        let known = Source {
            repository: Some("https://example.org/gazette.git"),
            commit: Some(commit),
        };
        let texts = workflows(Ci::Pages, known);
        assert_eq!(texts.len(), 2);
        for (_, text) in texts {
            assert!(text.contains("      GAZETTE_REPOSITORY: https://example.org/gazette.git\n"));
            assert!(text.contains(&format!("      GAZETTE_REV: {commit}\n")));
            assert!(!text.contains("# set:"), "{text}");
            for placeholder in ["{install}", "{repository}", "{rev}"] {
                assert!(!text.contains(placeholder), "{text}");
            }
        }
        let unknown = Source {
            repository: None,
            commit: None,
        };
        let texts = workflows(Ci::Check, unknown);
        assert_eq!(texts.len(), 1);
        assert!(texts[0].1.contains(
            "      GAZETTE_REV: \"\"  # set: the commit of gazette to install (`git rev-parse HEAD` \
             in your clone)\n"
        ));
        assert!(workflows(Ci::None, known).is_empty());
    }

    #[test]
    fn regional_languages_get_their_languages_texts() {
        assert_eq!(shipped("de-CH").map(|s| s.lang), Some("de"));
        assert_eq!(shipped("en").map(|s| s.lang), Some("en"));
        assert!(shipped("pt-BR").is_none());
    }

    #[test]
    fn slugs_are_suggested_from_what_was_typed() {
        assert_eq!(
            suggested_slug("Élection Présidentielle 2027"),
            "election-presidentielle-2027"
        );
        assert_eq!(suggested_slug("économie"), "economie");
        assert_eq!(suggested_slug("budget-2027.toml"), "budget-2027");
        assert_eq!(suggested_slug("Straße"), "strasse");
        assert_eq!(suggested_slug("My_Article"), "my-article");
        assert_eq!(suggested_slug("index"), "my-article");
    }
}
