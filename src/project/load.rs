//! Loading a project's parts: the settings, the content files, every language's `.ftl`
//! files, the review records, the templates and the files of `static/`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{self, Config, CONFIG_FILE};
use crate::content::{self};
use crate::discover;
use crate::error::{Error, Result};
use crate::guard::{self, Bounds};
use crate::records::{self, ReviewRecords, LEGACY_RECORDS_FILE, RECORDS_DIR};
use crate::stamp::Stamps;

use super::files::{
    ArticleFile, FtlFile, ShardFile, Shards, TemplateFile, BUILTIN_TEMPLATES, STATIC,
};
use super::read::{check_ftl, decode, load_file, nfc, read_text, sorted_entries, twins, Kind};

/// Where the project's inputs may lead: inside `root`, never into the cache, the configured
/// output, the previous site kept beside it or version control's folders.
pub(super) fn bounds(root: &Path, config: &Config) -> Result<Bounds> {
    let out = &config.out;
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    let kept = out.with_file_name(format!(".{name}.previous"));
    let own = [PathBuf::from(crate::store::DIR), out.clone(), kept];
    let inputs = [
        config.content.clone(),
        config.locales.clone(),
        config.templates.clone(),
        PathBuf::from(STATIC),
    ];
    let bounds = Bounds::new(root, &own, &inputs).map_err(|e| Error::io(root, e))?;
    Ok(bounds.with_languages(&config.locales))
}

/// `gazette.toml`, or the defaults when there is none.
pub(super) fn load_config(root: &Path) -> Result<Config> {
    let path = root.join(CONFIG_FILE);
    let text = match fs::metadata(&path) {
        Ok(_) => read_text(&path, CONFIG_FILE.as_ref())?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(CONFIG_FILE, e)),
    };
    Config::parse(&text, CONFIG_FILE.as_ref())
}

/// The content files, sorted by slug (so [`find_article`] can search them: file names sort
/// `a-b` before `a`), read on every core; those `stamps` (when given) find unchanged are not.
pub(super) fn load_articles(
    bounds: &Bounds,
    config: &Config,
    stamps: Option<&Stamps>,
) -> Result<Vec<ArticleFile>> {
    let root = bounds.root();
    if !root.join(&config.content).is_dir() {
        return Ok(Vec::new());
    }
    let paths: Vec<PathBuf> = sorted_entries(bounds, &config.content)?
        .into_iter()
        .filter(|(p, kind)| *kind == Kind::File && p.extension().is_some_and(|e| e == "toml"))
        .map(|(p, _)| p)
        .collect();
    let read: Vec<Result<ArticleFile>> = paths
        .par_iter()
        .map(|path| {
            let rel = config.content.join(path.file_name().unwrap_or_default());
            let slug = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let loaded = load_file(path, &rel, stamps, guard::MAX_FILE_BYTES)?;
            let parsed = loaded.text.map(|t| content::parse_article(&rel, &t));
            Ok(ArticleFile {
                slug,
                path: rel,
                fingerprint: loaded.fingerprint,
                parsed: parsed.transpose()?,
                stamp: loaded.stamp,
            })
        })
        .collect();
    // Every broken file, in name order, whatever thread met it first.
    let mut articles = Vec::with_capacity(read.len());
    let mut broken = Vec::new();
    for r in read {
        match r {
            Ok(article) => articles.push(article),
            Err(e) => broken.push(e),
        }
    }
    if broken.len() > 1 {
        return Err(Error::Several(broken));
    }
    if let Some(e) = broken.pop() {
        return Err(e);
    }
    articles.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(articles)
}

/// Every language folder's `.ftl` files (see [`collect_ftl`] for `defer` and `stamps`); the
/// source language must have one.
pub(super) fn load_locales(
    bounds: &Bounds,
    config: &Config,
    defer: &(dyn Fn(&str) -> bool + Sync),
    stamps: &Stamps,
) -> Result<BTreeMap<String, Vec<FtlFile>>> {
    let root = bounds.root();
    if !root.join(&config.locales).is_dir() {
        return Err(Error::Layout {
            path: discover::shown(&config.locales),
            message: "no locales folder: create it with one folder per language (e.g. locales/fr)"
                .into(),
        });
    }
    // Language folders at the project root sit among others (`src`, `docs`): there, only
    // folders named by a language tag that hold `.ftl` files are languages.
    let at_root = config.locales.as_os_str().is_empty();
    let exclude = exclusions(&config.exclude)?;
    let mut locales = BTreeMap::new();
    for (lang_dir, kind) in sorted_entries(bounds, &config.locales)? {
        if kind != Kind::Dir {
            continue;
        }
        let lang = lang_dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let rel = config.locales.join(&lang);
        let named = config::check_language_folder(&lang);
        if at_root && (named.is_err() || lang.starts_with('.')) {
            continue;
        }
        named.map_err(|message| Error::Layout {
            path: rel.clone(),
            message,
        })?;
        let mut files = Vec::new();
        collect_ftl(bounds, &rel, "", defer, stamps, &mut files)?;
        files.retain(|f| !exclude.is_match(&f.name));
        if !(at_root && files.is_empty() && lang != config.source) {
            locales.insert(lang, files);
        }
    }
    if !locales.contains_key(&config.source) {
        let found: Vec<&str> = locales.keys().map(String::as_str).collect();
        return Err(Error::Layout {
            path: config.locales.join(&config.source),
            message: format!(
                "no folder for the source language `{}` (languages found: {}): name the source with `--source <lang>` or `source` in gazette.toml",
                config.source,
                if found.is_empty() { "none".to_owned() } else { found.join(", ") }
            ),
        });
    }
    check_target_folders(config, &locales)?;
    Ok(locales)
}

/// The files `l10n.toml` leaves out, as globs within a language folder: `*` within a folder,
/// `**` across folders, as compare-locales reads them.
pub(super) fn exclusions(patterns: &[String]) -> Result<globset::GlobSet> {
    let mut set = globset::GlobSetBuilder::new();
    for p in patterns {
        let glob = globset::GlobBuilder::new(p)
            .literal_separator(true)
            .build()
            .map_err(|e| Error::Config {
                path: discover::L10N_TOML.into(),
                message: format!("`{p}`: {e}"),
            })?;
        set.add(glob);
    }
    set.build().map_err(|e| Error::Config {
        path: discover::L10N_TOML.into(),
        message: e.to_string(),
    })
}

/// Every language `targets` names has its folder: a misspelt or forgotten one is one error,
/// not a `missing-message` for every message of the project.
pub(super) fn check_target_folders(
    config: &Config,
    locales: &BTreeMap<String, Vec<FtlFile>>,
) -> Result<()> {
    // Only the targets of gazette.toml (those with a line): the `locales` of an l10n.toml are
    // compare-locales', for which a language without its folder has every message missing.
    let Some(lang) = config
        .targets
        .iter()
        .flatten()
        .find(|t| config.target_lines.contains_key(*t) && !locales.contains_key(*t))
    else {
        return Ok(());
    };
    let folder = format!("{}/{lang}", config.locales.display());
    Err(Error::Config {
        path: CONFIG_FILE.into(),
        message: format!(
            "line {}: targets: `{lang}` has no folder {folder}: create it, then `gazette sync {lang}` adds its stubs (or remove `{lang}` from targets)",
            config.target_lines[lang]
        ),
    })
}

/// The built-in templates, overridden by the project's `.hbs` files; refused if they
/// include one another in a loop.
pub(super) fn load_templates(
    bounds: &Bounds,
    config: &Config,
) -> Result<BTreeMap<String, TemplateFile>> {
    let root = bounds.root();
    let mut templates: BTreeMap<String, TemplateFile> = BUILTIN_TEMPLATES
        .iter()
        .map(|(name, text)| {
            let t = TemplateFile {
                path: config.templates.join(name),
                text: (*text).to_owned(),
                builtin: true,
            };
            (name.to_string(), t)
        })
        .collect();
    if root.join(&config.templates).is_dir() {
        for (path, kind) in sorted_entries(bounds, &config.templates)? {
            if !(path.extension().is_some_and(|e| e == "hbs") && kind == Kind::File) {
                continue;
            }
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let rel = config.templates.join(&name);
            let text = read_text(&path, &rel)?;
            guard::check_template(&text).map_err(|m| {
                Error::io(
                    &rel,
                    std::io::Error::new(std::io::ErrorKind::InvalidData, m),
                )
            })?;
            let template = TemplateFile {
                path: rel,
                text,
                builtin: false,
            };
            templates.insert(name, template);
        }
    }
    check_template_loops(&templates)?;
    Ok(templates)
}

/// Templates that include one another in a loop would render forever.
pub(super) fn check_template_loops(templates: &BTreeMap<String, TemplateFile>) -> Result<()> {
    let names: Vec<(&str, &str)> = templates
        .iter()
        .map(|(file, t)| (file.strip_suffix(".hbs").unwrap_or(file), t.text.as_str()))
        .collect();
    let Some(cycle) = guard::template_cycle(&names) else {
        return Ok(());
    };
    // Name the project's own template of the loop: built-in ones are not its files.
    let in_loop: Vec<&TemplateFile> = cycle
        .iter()
        .map(|name| &templates[&format!("{name}.hbs")])
        .collect();
    let named = in_loop.iter().find(|t| !t.builtin).unwrap_or(&in_loop[0]);
    Err(Error::Template {
        path: named.path.clone(),
        message: format!(
            "templates include one another in a loop: {}",
            cycle.join(" -> ")
        ),
    })
}

/// Gather the files under `rel` (a folder of `static/`), by their path in the site.
pub(super) fn list_statics(
    bounds: &Bounds,
    rel: &Path,
    prefix: &str,
    out: &mut BTreeMap<String, PathBuf>,
) -> Result<()> {
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (path, kind) in sorted_entries(bounds, rel)? {
        let name = nfc(&path.file_name().unwrap_or_default().to_string_lossy()).into_owned();
        let file = rel.join(path.file_name().unwrap_or_default());
        // Two spellings of one name would be one file of the site: neither may be dropped.
        if let Some(twin) = seen.insert(name.clone(), file.clone()) {
            return Err(twins(&twin, file));
        }
        match kind {
            Kind::Dir => list_statics(bounds, &file, &format!("{prefix}{name}/"), out)?,
            Kind::File => {
                out.insert(format!("{prefix}{name}"), file);
            }
            Kind::Other => {}
        }
    }
    Ok(())
}

/// Gather the `.ftl` files under a language folder, sub-folders included; files are read in
/// parallel (an archive has thousands per language). The texts of the files `defer` names
/// are not kept, and those `stamps` find unchanged are not read.
pub(super) fn collect_ftl(
    bounds: &Bounds,
    rel_dir: &Path,
    prefix: &str,
    defer: &(dyn Fn(&str) -> bool + Sync),
    stamps: &Stamps,
    out: &mut Vec<FtlFile>,
) -> Result<()> {
    let mut files = Vec::new();
    for (path, kind) in sorted_entries(bounds, rel_dir)? {
        let file_name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let rel = rel_dir.join(&file_name);
        let name = format!("{prefix}{}", nfc(&file_name));
        if kind == Kind::Dir {
            collect_ftl(bounds, &rel, &format!("{name}/"), defer, stamps, out)?;
        } else if file_name.ends_with(".ftl") {
            files.push((path, rel, name));
        }
    }
    let read: Vec<Result<FtlFile>> = files
        .into_par_iter()
        .map(|(path, rel, name)| {
            let deferred = defer(&name);
            let loaded = load_file(
                &path,
                &rel,
                deferred.then_some(stamps),
                guard::MAX_FILE_BYTES,
            )?;
            if let Some(text) = &loaded.text {
                check_ftl(text, &rel)?;
            }
            Ok(FtlFile {
                path: rel,
                name,
                fingerprint: loaded.fingerprint,
                text: loaded.text.filter(|_| !deferred).unwrap_or_default(),
                deferred,
                stamp: loaded.stamp,
            })
        })
        .collect();
    for file in read {
        out.push(file?);
    }
    // Files of sub-folders came first: keep the whole list in name order.
    out.sort_by(|a, b| a.name.cmp(&b.name));
    if let Some(w) = out.windows(2).find(|w| w[0].name == w[1].name) {
        return Err(twins(&w[0].path, w[1].path.clone()));
    }
    Ok(())
}

/// The review records: the single-file `gazette.reviews` of earlier versions if there is one,
/// overridden by the shards of `gazette.reviews.d/` (read on every core: an archive has one per
/// article and language), and the shards found. The shards of the files `defer` names that
/// `stamps` find unchanged are not read (never with a `gazette.reviews`, whose records they
/// would override).
pub(super) fn load_reviews(
    bounds: &Bounds,
    defer: &(dyn Fn(&str) -> bool + Sync),
    stamps: &Stamps,
) -> Result<(ReviewRecords, Shards)> {
    let root = bounds.root();
    let mut reviews = match fs::metadata(root.join(LEGACY_RECORDS_FILE)) {
        Ok(meta) => {
            let rel = Path::new(LEGACY_RECORDS_FILE);
            let bytes = guard::read_file_limited(&root.join(rel), &meta, records::MAX_LEGACY_BYTES);
            ReviewRecords::parse_legacy(&decode(bytes, rel)?, rel)?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => ReviewRecords::default(),
        Err(e) => return Err(Error::io(LEGACY_RECORDS_FILE, e)),
    };
    let dir = Path::new(RECORDS_DIR);
    match fs::metadata(root.join(dir)) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(Error::io(
                dir,
                std::io::Error::new(std::io::ErrorKind::InvalidInput, "is not a folder"),
            ))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((reviews, BTreeMap::new()))
        }
        Err(e) => return Err(Error::io(dir, e)),
    }
    let mut found = Vec::new();
    for (path, kind) in sorted_entries(bounds, dir)? {
        if kind == Kind::Dir {
            let lang = path.file_name().unwrap_or_default().to_string_lossy();
            collect_shards(bounds, &dir.join(&*lang), &lang, "", &mut found)?;
        }
    }
    let legacy = reviews.legacy;
    // Read and parsed on every core, then gathered in one sorted build of the map.
    let read: Vec<Result<_>> = found
        .par_iter()
        .map(|(rel, lang, name)| {
            let stamps = (!legacy && defer(name)).then_some(stamps);
            let loaded = load_file(
                &root.join(rel),
                rel,
                stamps,
                records::MAX_SHARD_BYTES as u64,
            )?;
            let records = (loaded.text.as_deref())
                .map(|text| records::parse_shard(lang, name, text, rel))
                .transpose()?;
            let shard = ShardFile {
                path: rel.clone(),
                fingerprint: loaded.fingerprint,
                deferred: loaded.text.is_none(),
                stamp: loaded.stamp,
            };
            Ok((shard, records))
        })
        .collect();
    let mut records = Vec::new();
    let mut shards = BTreeMap::new();
    for ((_, lang, name), shard) in found.into_iter().zip(read) {
        let (shard, parsed) = shard?;
        reviews.in_use.insert(lang.clone());
        if let Some(parsed) = parsed {
            if !parsed.sealed {
                reviews.unsealed.insert((lang.clone(), name.clone()));
            }
            records.extend(parsed.records);
        }
        shards.insert((lang, name), shard);
    }
    if reviews.records.is_empty() {
        reviews.records = records.into_iter().collect();
    } else {
        reviews.records.extend(records);
    }
    Ok((reviews, shards))
}

/// The shards under a language folder of `gazette.lock.d/`: (path, language, file name).
/// Other files (a temporary file a killed sync left) are not shards.
pub(super) fn collect_shards(
    bounds: &Bounds,
    rel_dir: &Path,
    lang: &str,
    prefix: &str,
    out: &mut Vec<(PathBuf, String, String)>,
) -> Result<()> {
    for (path, kind) in sorted_entries(bounds, rel_dir)? {
        let file_name = path.file_name().unwrap_or_default().to_string_lossy();
        let rel = rel_dir.join(&*file_name);
        if kind == Kind::Dir {
            let prefix = format!("{prefix}{}/", nfc(&file_name));
            collect_shards(bounds, &rel, lang, &prefix, out)?;
        } else if let Some(name) = file_name.strip_suffix(records::SHARD_SUFFIX) {
            if kind == Kind::File && !file_name.starts_with(records::TEMP_PREFIX) {
                out.push((rel, lang.to_owned(), format!("{prefix}{}", nfc(name))));
            }
        }
    }
    Ok(())
}
