//! The bodies of the fuzz targets, shared with the regression test
//! (`tests/cli/fuzz_regressions.rs` includes this very file), so that every input the fuzzer
//! ever found runs through exactly the same code in a plain `cargo test`.
//!
//! Each function must never panic, hang or blow up memory, whatever the bytes: a panic here is
//! a gazette bug (the CLI would exit 101). The targets also assert the output contract the
//! fuzzer can see: a plain-text edition holds no control or bidi-isolation characters.

use std::cell::RefCell;
use std::fs;
use std::path::{Component, Path};

use gazette::check::{self, Code, Severity};
use gazette::config::Config;
use gazette::content;
use gazette::localise::{Localiser, MissingPolicy, Outcome};
use gazette::ops::build::{self, BuildOptions, BuildOutcome};
use gazette::project::Project;

/// `article_toml`: bytes as `content/a.toml`, through the content parser.
pub fn article_toml(data: &[u8]) {
    // `project` refuses invalid UTF-8 before parsing; the parser only ever sees text.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = content::parse_article(Path::new("content/a.toml"), text) {
        let _ = article.all_args();
        let _ = article.messages();
    }
}

/// The source file of the `ftl_check` project, used when the input gives only the target's.
const FR_ARTICLE: &str = "title = Titre { $count }\nlede = Chapeau\nintro = { $count ->\n    [one] Un pays\n   *[other] { $count } pays, { -brand }\n}\n    .alt = Texte\n-brand = Gazette\nfigure = { intro }\n    .alt = Image { $name }\n    .caption = Légende\n";
/// Complete interface strings, so that a build is not refused for want of them.
const FR_SITE: &str = include_str!("../../tests/fixtures/publish/locales/fr/site.ftl");
const DE_SITE: &str = include_str!("../../tests/fixtures/publish/locales/de/site.ftl");
const ARTICLE: &str = "date = 2025-08-17\nsection = \"monde\"\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"intro\"\nargs = { count = 31, name = \"Kyiv\" }\n\n[[blocks]]\ntype = \"figure\"\nkey = \"figure\"\nsrc = \"a.jpg\"\nargs = { name = \"x\", when = 2024-02-29 }\n\n[[blocks]]\ntype = \"list\"\nitems = [\"title\", \"lede\"]\n";

/// Splits `fr` from `de` text in an `ftl_check` input.
const FTL_SPLIT: &str = "\n=====\n";

struct Loaded {
    // Kept so the folder lives as long as the project read from it.
    _dir: tempfile::TempDir,
    project: Project,
}

thread_local! {
    static FTL_PROJECT: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().expect("a parent")).expect("create a folder");
    fs::write(path, bytes).expect("write a file");
}

/// `ftl_check`: FTL text as the German (and, after a `=====` line, French) article file of a
/// small project with an article, through `check` and the localiser of every language.
///
/// The project is loaded from disk once; each input only replaces file texts in memory, which
/// is what `Project::load` would have produced from those files (it only reads valid UTF-8).
pub fn ftl_check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (fr, de) = match text.split_once(FTL_SPLIT) {
        Some((fr, de)) => (fr, de),
        None => (FR_ARTICLE, text),
    };
    // What `Project::load` refuses never reaches the checker.
    if gazette::guard::check_ftl(fr).is_err() || gazette::guard::check_ftl(de).is_err() {
        return;
    }
    FTL_PROJECT.with(|cell| {
        let mut cell = cell.borrow_mut();
        let loaded = cell.get_or_insert_with(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            write(dir.path(), "content/a.toml", ARTICLE.as_bytes());
            write(dir.path(), "locales/fr/a.ftl", FR_ARTICLE.as_bytes());
            write(dir.path(), "locales/fr/site.ftl", FR_SITE.as_bytes());
            write(dir.path(), "locales/de/a.ftl", b"");
            write(dir.path(), "locales/de/site.ftl", DE_SITE.as_bytes());
            let project = Project::load(dir.path()).expect("the fixed project loads");
            Loaded { _dir: dir, project }
        });
        let project = &mut loaded.project;
        for (lang, text) in [("fr", fr), ("de", de)] {
            let files = project.locales.get_mut(lang).expect("a language folder");
            let file = files
                .iter_mut()
                .find(|f| f.name == "a.ftl")
                .expect("the article file");
            file.text = text.to_owned();
        }
        let project = &*project;
        let report = check::check_project(project).expect("the project's files are readable");
        // `build` localises only what the check let through: missing translations at most.
        let blocking = report.diagnostics.iter().any(|d| {
            d.severity == Severity::Error
                && !matches!(
                    d.code,
                    Code::MissingMessage | Code::MissingAttribute | Code::MissingValue
                )
        });
        if blocking {
            return;
        }
        let checker = check::Checker::new(project).expect("readable");
        let localiser = Localiser::new(project, checker.shared_resources(), None);
        for lang in ["fr", "de"] {
            let _ = localiser.language_name(lang);
            let _ = localiser.site_strings(lang);
            for file in &project.articles {
                let (article, _) = project.article(file).expect("readable");
                let records = project.article_records(&file.slug).expect("readable");
                let (_, own) = checker.article(&article, &records).expect("readable");
                for policy in [MissingPolicy::Fallback, MissingPolicy::Skip] {
                    if let Outcome::Edition(e) =
                        localiser.edition(lang, &article, &own.resources, policy)
                    {
                        assert_clean(&e.title.value, "title");
                    }
                }
            }
        }
    });
}

/// Splits the files of a `project` input.
pub const PROJECT_SPLIT: u8 = 0;

/// The files a `project` input is cut into, in order, at NUL bytes; missing parts are absent
/// files.
pub const PROJECT_FILES: [&str; 5] = [
    "gazette.toml",
    "content/a.toml",
    "locales/fr/a.ftl",
    "locales/de/a.ftl",
    "gazette.lock",
];

/// Is a configured folder a plain relative path inside the project? The fuzzer must not make
/// gazette read `/` or write outside its temporary folder (a user may point `out` anywhere).
fn inside(path: &Path) -> bool {
    !path.as_os_str().is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// `project`: bytes cut into `gazette.toml`, `content/a.toml`, `locales/fr/a.ftl`,
/// `locales/de/a.ftl` and `gazette.lock` in a temporary folder, beside complete `site.ftl`
/// files, then `check` and `build`.
pub fn project(data: &[u8]) {
    let parts: Vec<&[u8]> = data.split(|&b| b == PROJECT_SPLIT).collect();
    if let Some(Ok(config)) = parts.first().map(|c| std::str::from_utf8(c)) {
        if let Ok(c) = Config::parse(config, Path::new("gazette.toml")) {
            if ![&c.content, &c.locales, &c.templates, &c.out]
                .iter()
                .all(|p| inside(p))
            {
                return;
            }
        }
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    for (name, bytes) in PROJECT_FILES.iter().zip(&parts) {
        write(root, name, bytes);
    }
    write(root, "locales/fr/site.ftl", FR_SITE.as_bytes());
    write(root, "locales/de/site.ftl", DE_SITE.as_bytes());
    let Ok(project) = Project::load(root) else {
        return;
    };
    let _ = check::check_project(&project);
    for missing in [MissingPolicy::Error, MissingPolicy::Fallback] {
        let options = BuildOptions {
            missing,
            jobs: Some(1),
            ..BuildOptions::default()
        };
        if let Ok(BuildOutcome::Built(summary, _)) = build::build(&project, &options) {
            assert_clean_text(&root.join(&summary.out));
        }
    }
}

/// Every `.txt` of a built site is UTF-8 without control (but line breaks) or bidi characters.
pub fn assert_clean_text(out: &Path) {
    let Ok(entries) = fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            assert_clean_text(&path);
        } else if path.extension().is_some_and(|e| e == "txt") {
            let bytes = fs::read(&path).expect("read a page");
            let text = String::from_utf8(bytes).expect("a .txt is UTF-8");
            assert_clean(&text, &path.display().to_string());
        }
    }
}

/// Is `c` a character a plain-text edition must not hold: a control character other than a
/// line break or tab, or a bidi mark, embedding or isolate?
pub fn invisible(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn assert_clean(text: &str, what: &str) {
    if let Some(c) = text.chars().find(|&c| invisible(c)) {
        panic!("{what}: invisible character U+{:04X}", c as u32);
    }
}
