//! The plan stage: where each page of the site goes and what it shows of the rest of the site,
//! between the localised editions and their rendering. One place for every output path and
//! URL (`urls`); the files of `static/` a page shows and how (`media`); the links between
//! articles (`links`); the text edition's labelled lines (`text`); the lists of articles the
//! indexes, feeds and footers show (`listings`).

pub mod links;
pub mod listings;
pub mod media;
pub mod text;
pub mod urls;
