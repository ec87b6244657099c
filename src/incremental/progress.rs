//! How a build tells its progress to whoever drew a bar for it.

/// Told of a build's progress, from worker threads: one step per (language, article) pair
/// localised (pairs taken from the build cache take no step). The CLI draws a progress bar
/// with it; the library never prints.
pub trait Progress: Sync {
    fn start(&self, total: usize);
    fn step(&self);
    fn finish(&self);
}

/// No progress reporting.
impl Progress for () {
    fn start(&self, _: usize) {}
    fn step(&self) {}
    fn finish(&self) {}
}
