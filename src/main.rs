//! The `gazette` binary: parse arguments, run, map the outcome to an exit code.

mod cli;

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // The shell asking for completions (`GAZETTE_COMPLETE=bash gazette -- …`): answered,
    // then exit.
    cli::complete_if_asked();
    let cli = match cli::Cli::parse_args() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Usage errors exit 2; --help and --version exit 0.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    cli::run(cli)
}
