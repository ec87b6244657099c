//! The incremental part of the build, beside the pipeline's stages rather than inside them:
//! what may be taken from the previous build and what must be made again. Articles whose
//! inputs did not change since the previous build are taken from the build cache (`reuse`,
//! which the cached check shares); the others are checked, localised, planned, rendered and
//! streamed to the output (`site`, which decides, and `pages`, which makes the pages), with
//! the pages made of every article last; the files of `static/` are copied as they are
//! (`statics`); derived images are made once and kept (`images`); the cache itself (`cache`).

pub mod cache;
pub mod images;
pub mod pages;
pub mod progress;
pub mod reuse;
pub mod site;
pub mod statics;

pub use progress::Progress;
