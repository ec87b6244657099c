//! The `gazette` binary: parse arguments, run, map the outcome to an exit code.
#![allow(clippy::print_stderr)]

mod cli;

use std::process::ExitCode;

// Errors name files, ids and values from the project: shown with their control characters
// escaped, line breaks included, so each error is one line (a value cannot forge another, nor
// a CI annotation).
use gazette::report::shown;

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
    match cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            match e.downcast_ref::<gazette::error::Error>() {
                Some(gazette::error::Error::Several(errors)) => {
                    for e in errors {
                        eprintln!("error: {}", shown(&e.to_string()));
                    }
                }
                _ => eprintln!("error: {}", shown(&format!("{e:#}"))),
            }
            ExitCode::from(2)
        }
    }
}
