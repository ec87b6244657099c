//! The incremental part of the build, beside the pipeline's stages rather than inside them:
//! what may be taken from the previous build and what must be made again. Articles whose
//! inputs did not change since the previous build are taken from the build cache (`reuse`,
//! which the cached check shares); the others are checked, localised, planned, rendered and
//! streamed to the output (`site`), with the pages made of every article last; derived images
//! are made once and kept (`images`); the cache itself (`cache`).

pub mod cache;
pub mod images;
pub mod progress;
pub mod reuse;
pub mod site;

pub use progress::Progress;
pub use reuse::check_with_cache;
