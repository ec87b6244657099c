//! gazette: a publishing pipeline for a multilingual newsroom.
//!
//! The map, a row per stage: a module uses only the modules of its row and of the rows above
//! it, never a later stage (`tests/shape.rs` checks it).
//!
//! | stage | modules | what it does |
//! |---|---|---|
//! | plumbing | [`error`], [`store`], [`project_lock`], [`guard`], [`fingerprint`] | fatal errors; the cache's checksummed files; one writer at a time; defensive reading; the one hash of every fingerprint |
//! | parse | [`ftl`], [`markup`], [`content`], [`records`], [`media`] | text -> facts with positions: Fluent files, inline markup, articles, review records; images' sizes, and the images derived from them (share cards, narrower copies) |
//! | intl | [`intl`] | Fluent bundles with CLDR numbers, dates and plurals, for the checks and the editions |
//! | load | [`config`], [`discover`], [`project`], [`stamp`] | `gazette.toml`'s settings; where a Fluent project keeps its languages (`l10n.toml`, common layouts); the project read into memory, parsed (files unchanged since the last build known by their stamps) |
//! | check | [`check`] | facts -> diagnostics: a pure function of the project |
//! | localise | [`localise`] | bundles -> editions: an article in one language |
//! | plan | [`plan`] | editions -> editions ready to render: every output path and URL, the files of `static/` a page shows, links between articles, the text edition's labelled lines, the lists of articles indexes, feeds and footers show |
//! | render | [`render`] | editions -> page bytes, through Handlebars |
//! | write | [`write`](mod@write) | bytes -> `out/`, all or nothing |
//! | incremental | [`incremental`] | the incremental build, beside the stages: reuse or redo each article, the site's pages, the derived images, the cache |
//! | sync | [`sync`] | stubs and review records in the translators' files |
//! | scaffold | [`scaffold`] | `init` and `new`: a new project's files, an article's first files; `rm` and `mv`: an article's files in every language at once |
//! | ops | [`ops`] | one module per command, from the loaded project to its outcome: `build` (orchestration and publishing), `check` (also `status`), `sync` |
//! | report | [`report`], [`sarif`] | every user-facing text: check's formats, status, the build summary; the SARIF log for code scanning |
//! | serve | [`serve`] | the preview server: builds on save, live reload, the failed build's page |
//!
//! `main.rs` and `cli.rs` are the face: arguments in, exit code out, the only printer.
pub mod check;
pub mod config;
pub mod content;
pub mod discover;
pub mod error;
pub mod fingerprint;
pub mod ftl;
pub mod guard;
pub mod incremental;
pub mod intl;
pub mod localise;
pub mod markup;
pub mod media;
pub mod ops;
pub mod plan;
pub mod project;
pub mod project_lock;
pub mod records;
pub mod render;
pub mod report;
pub mod sarif;
pub mod scaffold;
pub mod serve;
pub mod stamp;
pub mod store;
pub mod sync;
pub mod write;
