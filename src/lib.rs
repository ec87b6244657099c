//! gazette: a publishing pipeline for a multilingual newsroom.
pub mod build;
pub mod cache;
pub mod check;
pub mod content;
pub mod error;
pub mod ftl;
pub mod guard;
pub mod intl;
pub mod localise;
pub mod lock;
pub mod markup;
pub mod project;
pub mod render;
pub mod report;
pub mod stamp;
pub mod sync;
pub mod write;
