//! `gazette sync`: stubs for what a target language lacks, and the `gazette.lock.d/` records
//! of what each translation was reviewed against. The only module that writes under
//! `locales/` (and the only one that writes `gazette.lock.d/`).
//!
//! `plan` works out what a sync will do, `stubs` the stubs each target file needs, and `apply`
//! writes it: the review records first (`shards`, through `staging`), then the target files.

mod apply;
mod plan;
mod shards;
mod staging;
mod stubs;

pub use apply::apply;
pub use plan::{plan, Accept, Plan};
pub use stubs::FileChange;
