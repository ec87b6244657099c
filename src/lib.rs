//! gazette: a publishing pipeline for a multilingual newsroom.
pub mod content;
pub mod error;
pub mod ftl;
pub mod intl;
pub mod project;
