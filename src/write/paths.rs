//! The names publishing gives its files beside an output (its marker, the kept site's sign)
//! and the maps it keys by a file's path in the output.

use std::collections::{HashMap, HashSet};

use xxhash_rust::xxh3::Xxh3DefaultBuilder;

use crate::guard;

/// The marker inside an output, as earlier versions wrote it (now beside it:
/// [`guard::output_marker`]), so `--out` never replaces a folder of someone's files.
pub const MARKER: &str = guard::OUTPUT_MARKER;

/// The file inside the kept previous site that says it is gazette's: a folder of that name
/// without it is someone's, and is never taken over (emptied) as a staging folder.
pub(super) const KEPT_SIGN: &str = ".gazette-previous-site";

/// A file of the output by its path relative to the output folder, `/`-separated (as the
/// marker lists it): strings hash and compare much faster than `Path`s, component by
/// component, and an archive's output has tens of thousands of files.
pub type PathMap<V> = HashMap<String, V, Xxh3DefaultBuilder>;
pub(super) type PathSet<'a> = HashSet<&'a str, Xxh3DefaultBuilder>;
