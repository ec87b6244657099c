//! The images a build derives from files of `static/` (share cards, a photo's narrower
//! copies), as Hugo keeps its `resources/_gen`: each made once per source image and kept in
//! `.gazette-cache/images/` by its name, which is its source's fingerprint and the variant,
//! so a rebuild, or a build into a fresh folder, takes it from there instead of making it
//! again. In the output it is a file of gazette's like a page: kept from the previous site
//! while intact.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::cache::{Cache, Unit};
use crate::error::{Error, Result};
use crate::media::{self, Derived};
use crate::project::Project;
use crate::stamp::Stamp;
use crate::store;
use crate::write::Output;

/// The folder of derived images in `.gazette-cache/`.
const CACHE_DIR: &str = "images";

/// Put in the output every image the units' pages show that gazette derives, and the site's
/// image's card (`site_card`, which the indexes show): kept from the previous site when intact
/// there (added to `kept`), else taken from the cache, else made from its source.
pub fn derive(
    project: &Project,
    output: &Output,
    previous: &Cache,
    units: &[Unit],
    site_card: Option<&Derived>,
    kept: &mut Vec<(String, Stamp)>,
) -> Result<()> {
    // By path: two files of `static/` with the same bytes give the same derived images.
    let wanted: BTreeMap<String, &Derived> = units
        .iter()
        .flat_map(|u| &u.derived)
        .chain(site_card)
        .map(|d| (d.path(), d))
        .collect();
    let mut to_put = Vec::new();
    for (path, d) in wanted {
        match previous.stamps.get(&path) {
            Some(stamp) if output.verify(&path, stamp) => kept.push((path, *stamp)),
            _ => to_put.push((d, path)),
        }
    }
    to_put
        .par_iter()
        .try_for_each(|(d, path)| output.put(path, &bytes_of(project, d)?))
}

/// A derived image's bytes, from the cache, or made from its source (and then cached).
fn bytes_of(project: &Project, d: &Derived) -> Result<Vec<u8>> {
    let name = format!(
        "{CACHE_DIR}/{}.bin",
        d.path().rsplit('/').next().unwrap_or_default()
    );
    if let Ok(Some(bytes)) = store::read::<Vec<u8>>(&project.root, &name) {
        return Ok(bytes);
    }
    let rel = project
        .statics
        .get(&d.source)
        .ok_or_else(|| Error::Content {
            path: d.source.clone().into(),
            message: "no longer in static/: build again".into(),
        })?;
    let bad = |message: String| Error::Content {
        path: rel.clone(),
        message,
    };
    // Read again (the build streamed it into the output), and derived from only if these are
    // the bytes its fingerprint, which names what is derived, was taken of.
    let path = project.root.join(rel);
    let bytes = std::fs::metadata(&path)
        .and_then(|meta| crate::guard::read_file_limited(&path, &meta, media::MAX_IMAGE_BYTES))
        .map_err(|e| Error::io(rel, e))?;
    if media::fingerprint(bytes.as_slice()).map_err(|e| Error::io(rel, e))? != d.fingerprint {
        return Err(bad("changed during the build: build again".into()));
    }
    let source = media::Source::of(&d.source).ok_or_else(|| bad("not an image".into()))?;
    let derived = media::derive(&bytes, source, d.variant).map_err(bad)?;
    // A cache that cannot be written only costs the next build the same work.
    let dir = project.root.join(store::DIR).join(CACHE_DIR);
    if std::fs::create_dir_all(dir).is_ok() {
        let _ = store::write(&project.root, &name, &derived);
    }
    Ok(derived)
}
