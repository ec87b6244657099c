//! Shell completion, asked of gazette itself at each Tab (clap_complete's protocol, with
//! `GAZETTE_COMPLETE=<shell>`): command and option names from the parser's definition, and
//! the values only the project knows — its languages for `--lang` and `sync <LANG>`, its
//! articles for `--accept` — from the project of the folder the shell is in.

use std::io::Write;

use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::Shells;

use gazette::project::{self, Project};

/// The variable the shell sets when it asks for completions: gazette's own, not clap's
/// `COMPLETE`, which another program's set-up may leave in the environment.
pub const VAR: &str = "GAZETTE_COMPLETE";

/// Answer a completion request, if this run is one (then exit).
pub fn answer_if_asked(command: fn() -> clap::Command) {
    clap_complete::CompleteEnv::with_factory(command)
        .var(VAR)
        .complete();
}

/// The script that makes `shell` ask gazette for completions (`gazette completions bash`).
pub fn registration(shell: clap_complete::Shell) -> anyhow::Result<Vec<u8>> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let Some(completer) = shells.completer(&name) else {
        anyhow::bail!("completions: no completion for {name}");
    };
    let mut script = Vec::new();
    completer.write_registration(VAR, "gazette", "gazette", "gazette", &mut script)?;
    script.flush()?;
    Ok(script)
}

/// The project of the shell's folder, or nothing: a completion never prints an error.
fn project() -> Option<Project> {
    let root =
        project::find_root(&std::env::current_dir().ok()?, project::Discovery::Layout).ok()?;
    Project::load_lazy(&root).ok()
}

/// Candidates made of the project's `values`, read at each Tab.
fn from_project(values: fn(&Project) -> Vec<String>) -> ArgValueCandidates {
    ArgValueCandidates::new(move || {
        let values = project().map(|p| values(&p)).unwrap_or_default();
        values.into_iter().map(CompletionCandidate::new).collect()
    })
}

/// `--lang`: every language of the project.
pub fn languages() -> ArgValueCandidates {
    from_project(Project::languages)
}

/// `sync <LANG>`: the target languages.
pub fn targets() -> ArgValueCandidates {
    from_project(Project::targets)
}

/// `--accept [FILE:]ID`: each article's slug, followed by the `:` of its ids.
pub fn articles() -> ArgValueCandidates {
    from_project(|p| p.articles.iter().map(|a| format!("{}:", a.slug)).collect())
}
