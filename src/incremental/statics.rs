//! The files of `static/` of a build: copied into the output as they are, and what a page
//! needs of each.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::cache::Cache;
use crate::error::{Error, Result};
use crate::media::{self};
use crate::plan::media::{Assets, Image, Shown};
use crate::plan::urls::{self};
use crate::project::Project;
use crate::stamp::Stamp;
use crate::write::Output;

/// The files of `static/` of a build: what pages need of each, and what the next build needs.
pub struct Statics {
    pub assets: Assets,
    /// Site path -> the stamp of its file in `static/` and what pages need of it, for the
    /// files whose stamps may be kept ([`crate::stamp`]).
    pub stamped: BTreeMap<String, (Stamp, Shown)>,
    /// The files taken from the previous site as they are, with their stamps there.
    pub kept: Vec<(String, Stamp)>,
}

/// Copy every file of `static/` into the output as it is, streamed (a file of `static/` may be
/// a video of gigabytes: none is held in memory): one whose stamp is
/// the one the previous build recorded, and whose copy in the output is intact, is taken from
/// the previous site without being read, as unchanged pages are. A file in the place of one
/// of gazette's pages (a language folder, `index.html`, `sitemap.xml`) is refused.
pub fn statics(project: &Project, output: &Output, previous: &Cache) -> Result<Statics> {
    let languages = project.languages();
    let stamps = project.stamps();
    let made: Vec<(String, Stamp, Shown, bool)> = project
        .statics
        .par_iter()
        .map(|(site_path, rel)| {
            let first = site_path.split('/').next().unwrap_or_default();
            let reserved = [urls::PICKER, urls::SITEMAP].contains(&site_path.as_str())
                || site_path.starts_with(&format!("{}/", media::DERIVED_DIR))
                || first.starts_with(".gazette")
                || languages.iter().any(|l| l == first)
                // The pseudo-locales' editions, whether or not this build makes one.
                || crate::localise::Pseudo::of(first).is_some();
            if reserved {
                return Err(Error::Content {
                    path: rel.clone(),
                    message: "this is the place of one of gazette's own pages: move the file"
                        .into(),
                });
            }
            let path = project.root.join(rel);
            // Opened once: the size pages show, the bytes published and the stamp are all
            // this file's, whatever is saved in its place meanwhile.
            let file = std::fs::File::open(&path).map_err(|e| Error::io(rel, e))?;
            let meta = file.metadata().map_err(|e| Error::io(rel, e))?;
            if !meta.is_file() {
                let e =
                    std::io::Error::new(std::io::ErrorKind::InvalidInput, "is not a regular file");
                return Err(Error::io(rel, e));
            }
            let stamp = Stamp::of(&meta);
            let known = previous.statics.get(site_path).filter(|(s, _)| *s == stamp);
            let intact = || {
                previous
                    .stamps
                    .get(site_path)
                    .is_some_and(|s| output.verify(site_path, s))
            };
            if let Some((_, shown)) = known.filter(|_| intact()) {
                return Ok((site_path.clone(), stamp, shown.clone(), true));
            }
            output.put_file(site_path, &file, meta.len())?;
            let shown = shown(site_path, &file).map_err(|e| Error::io(rel, e))?;
            Ok((site_path.clone(), stamp, shown, false))
        })
        .collect::<Result<_>>()?;
    let mut statics = Statics {
        assets: Assets::new(),
        stamped: BTreeMap::new(),
        kept: Vec::new(),
    };
    for (site_path, stamp, shown, kept) in made {
        if kept {
            statics
                .kept
                .push((site_path.clone(), previous.stamps[&site_path]));
        }
        if stamps.keeps(stamp) {
            statics
                .stamped
                .insert(site_path.clone(), (stamp, shown.clone()));
        }
        statics.assets.insert(site_path, shown);
    }
    if let Some((image, line)) = &project.config.image {
        if !statics.assets.contains_key(image) {
            return Err(Error::Config {
                path: crate::config::CONFIG_FILE.into(),
                message: format!(
                    "line {line}: image: `{}` is no file of static/: put the image there, or name one that is",
                    image.escape_debug()
                ),
            });
        }
    }
    Ok(statics)
}

/// What a page needs of a file of `static/`, read from its copy: an image's size (and, for
/// one gazette derives others from, the fingerprint of its bytes: `<width>x<height>
/// <fingerprint>`), else [`Shown::File`].
fn shown(site_path: &str, mut file: &std::fs::File) -> std::io::Result<Shown> {
    use std::io::Seek;
    if file.rewind().is_err() {
        return Ok(Shown::File);
    }
    let Some((w, h)) = media::image_size(site_path, std::io::BufReader::new(file)) else {
        return Ok(Shown::File);
    };
    let fingerprint = match media::Source::of(site_path) {
        Some(_) => {
            file.rewind()?;
            Some(media::fingerprint(file)?)
        }
        None => None,
    };
    Ok(Shown::Image(Image {
        size: (w, h),
        fingerprint,
    }))
}
