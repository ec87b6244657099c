//! `gazette build` and `gazette serve`: a build with its progress bar and summary, and the
//! preview server's log.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use gazette::config::Overrides;
use gazette::incremental::Progress;
use gazette::localise::Pseudo;
use gazette::ops::build::{self, BuildOptions, BuildOutcome};
use gazette::project::Project;
use gazette::report;
use gazette::serve;

use super::args::{BuildArgs, ServeArgs};
use super::output::{human, lock, print_stdout, Ui};

pub(super) fn run_build(dir: &Path, args: &BuildArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if let Some(jobs) = args.jobs {
        // Loading the project reads files in parallel too: on as many threads as the build.
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(jobs))
            .build_global()?;
    }
    let overrides = Overrides {
        levels: args.levels.levels()?,
        ..Overrides::default()
    };
    let _lock = lock(dir, "gazette build", args.no_wait)?;
    let project = Project::load_lazy_with(dir, &overrides)?;
    let options = BuildOptions {
        langs: args.lang.lang.clone(),
        out: args.out.clone(),
        missing: args.missing.into(),
        jobs: args.jobs.map(usize::from),
        deny_warnings: args.deny_warnings,
        preview: false,
        pseudo: args.pseudo.map(Pseudo::from),
    };
    let stderr = std::io::stderr();
    let colour = ui.color.on(&stderr);
    let bar = ProgressBar::new(!ui.quiet && stderr.is_terminal());
    match build::build_with_progress(&project, &options, &bar)? {
        BuildOutcome::Refused(report) => {
            eprint!("{}", human(&project, &report, ui, colour));
            let see = if args.deny_warnings {
                "--deny-warnings counts warnings as errors"
            } else {
                "or see --missing"
            };
            eprintln!("build: not published: fix the errors above ({see})");
            Ok(ExitCode::from(1))
        }
        BuildOutcome::Built(summary, report) => {
            if !ui.quiet {
                if report.warnings() > 0 {
                    eprint!("{}", human(&project, &report, ui, colour));
                }
                let source = &project.config.source;
                eprint!(
                    "{}",
                    report::build_summary(&summary, source, started.elapsed())
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub(super) fn run_serve(root: &Path, args: &ServeArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    let server = serve::Server::bind(root, args.bind, args.port, args.missing.into())?
        .with_pseudo(args.pseudo.map(Pseudo::from));
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: other machines can reach this preview",
            args.bind
        );
    }
    let open = args.open;
    server.run(&|event| {
        if let serve::Event::Serving { url } = &event {
            if open {
                if let Err(why) = serve::open_in_browser(&format!("{url}/")) {
                    eprintln!("warning: could not open a browser ({why}): open {url}/ by hand");
                }
            }
        }
        print_serve_event(&event, ui);
    })?;
    Ok(ExitCode::SUCCESS)
}

/// One line per build of `gazette serve` (a preview runs for hours: its lines are its log;
/// `-q` leaves out those of good builds); a failed build's diagnostics on stderr, as `build`
/// prints them.
fn print_serve_event(event: &serve::Event, ui: Ui) {
    let ms = |d: &std::time::Duration| d.as_millis();
    match event {
        serve::Event::Serving { url } => {
            let _ = print_stdout(format!("serving {url}/ (Ctrl-C to stop)\n"));
        }
        serve::Event::Built { .. } | serve::Event::Unchanged { .. } if ui.quiet => {}
        serve::Event::Built { files, elapsed } => {
            let files = report::count(*files, "file");
            let _ = print_stdout(format!("built in {} ms: {files} changed\n", ms(elapsed)));
        }
        serve::Event::Unchanged { elapsed } => {
            let _ = print_stdout(format!("built in {} ms: nothing changed\n", ms(elapsed)));
        }
        serve::Event::Failed { text } => {
            eprint!("{}", report::shown_lines(text));
            eprintln!("serve: the build failed: the preview shows why until it is fixed");
        }
        serve::Event::Waiting { holder } => {
            eprintln!(
                "waiting for {} to finish: it is writing to this project",
                report::shown(holder)
            );
        }
        serve::Event::Fallbacks { pages } => {
            let pages = report::count(*pages, "page");
            eprintln!(
                "note: texts not yet translated are shown in the source language on {pages}, \
                 each with a banner listing them (serve's --missing fallback; `gazette build` \
                 refuses them, as --missing error would here)"
            );
        }
    }
}

/// A progress bar on stderr for builds long enough to want one (on a terminal, without -q).
struct ProgressBar {
    enabled: bool,
    bar: std::sync::OnceLock<indicatif::ProgressBar>,
}

impl ProgressBar {
    /// Below this many pages a build is over before a bar would help.
    const MIN_PAGES: usize = 200;

    fn new(enabled: bool) -> Self {
        ProgressBar {
            enabled,
            bar: std::sync::OnceLock::new(),
        }
    }
}

impl Progress for ProgressBar {
    fn start(&self, total: usize) {
        if self.enabled && total >= Self::MIN_PAGES {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {eta} left")
                    .expect("a valid template"),
            );
            let _ = self.bar.set(bar);
        }
    }

    fn step(&self) {
        if let Some(bar) = self.bar.get() {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}
