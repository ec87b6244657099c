//! `missing-asset`: a figure's or video's file (or poster) named by a relative path is a file
//! of `static/`, copied into the site; one that is not there would be a broken image or an
//! empty player on every edition.

use super::{Code, Diagnostic};
use crate::content::Article;
use crate::project::{Project, STATIC};

pub(super) fn missing_assets(
    project: &Project,
    lang: &str,
    article: &Article,
    out: &mut Vec<Diagnostic>,
) {
    for block in &article.blocks {
        for src in block.body.assets() {
            if project.statics.contains_key(src) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    Code::MissingAsset,
                    lang,
                    &article.path,
                    format!("`{src}` is not a file of {STATIC}/: the page would show nothing"),
                )
                .at(
                    block.asset_lines.get(src).copied().unwrap_or(block.line),
                    None,
                )
                .help(format!("add {STATIC}/{src}, or fix the path")),
            );
        }
    }
}
