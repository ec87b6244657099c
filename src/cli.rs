//! The command line: clap arguments -> the operations of the library -> output and exit code.
//! The only module that prints. `args` reads the arguments; one module per group of commands
//! runs them (`check`, `build`, `files`, `manual`, `complete`); `output` holds what they share.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod build;
mod check;
mod complete;
mod files;
mod manual;
mod output;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;

use gazette::project;
use gazette::report;
use gazette::scaffold;

pub use args::Cli;
use args::{CheckArgs, Command, CompletionsArgs};
use output::{print_stdout, Ui};

/// Run the command line. A fatal error is printed here, with the line of the file it names
/// ([`report::fatal`]), and exits 2.
pub fn run(cli: Cli) -> ExitCode {
    let colour = cli.color.on(&std::io::stderr());
    let root = match project_root(&cli) {
        Ok(root) => root,
        Err(e) => return failed(&e, &cli.dir, colour),
    };
    match execute(cli, &root) {
        Ok(code) => code,
        Err(e) => failed(&e, &root, colour),
    }
}

fn failed(error: &anyhow::Error, root: &Path, colour: bool) -> ExitCode {
    eprint!("{}", report::fatal(error, root, colour));
    ExitCode::from(2)
}

/// The folder a command works on: the project the folder is in, found upward, for every
/// command but `init`, `completions`, `man` and `check PATH` (which names the folder of
/// languages from where it is run).
fn project_root(cli: &Cli) -> anyhow::Result<PathBuf> {
    Ok(match &cli.command {
        Command::Init(_)
        | Command::Completions(_)
        | Command::Man(_)
        | Command::Check(CheckArgs { path: Some(_), .. }) => cli.dir.clone(),
        Command::Check(_) | Command::Status(_) => {
            project::find_root(&cli.dir, project::Discovery::Layout)?
        }
        _ => project::find_root(&cli.dir, project::Discovery::Settings)?,
    })
}

fn execute(cli: Cli, root: &Path) -> anyhow::Result<ExitCode> {
    let ui = Ui {
        color: cli.color,
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Init(args) => files::run_init(root, &args, ui),
        Command::Completions(args) => run_completions(&args),
        Command::Man(args) => manual::run_man(&args, ui),
        Command::Check(args) => check::run_check(root, &args, ui),
        Command::Build(args) => build::run_build(root, &args, ui),
        Command::Status(args) => check::run_status(root, &args, ui),
        Command::Sync(args) => files::run_sync(root, &args, ui),
        Command::New(args) => files::run_new(root, &args, ui),
        Command::Rm(args) => files::run_files(root, "gazette rm", ui, |p| {
            scaffold::articles::remove(p, &args.slug)
        }),
        Command::Mv(args) => files::run_files(root, "gazette mv", ui, |p| {
            scaffold::articles::rename(p, &args.old, &args.new)
        }),
        Command::Serve(args) => build::run_serve(root, &args, ui),
    }
}

/// `gazette completions <shell>`: the script that has the shell ask gazette at each Tab.
fn run_completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    print_stdout(complete::registration(args.shell)?)?;
    Ok(ExitCode::SUCCESS)
}

/// Answer the shell's completion request, if this run is one (then exit).
pub fn complete_if_asked() {
    complete::answer_if_asked(<Cli as CommandFactory>::command);
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
