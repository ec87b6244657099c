//! Micro-benchmark of `Renderer::article` alone, on one thread: a project's editions are
//! localised once, then every (language, article) page is rendered `--rounds` times.
//!
//! ```sh
//! cargo run --release --example bench-render -- /dev/shm/c1000 --rounds 3
//! cargo run --release --example bench-render -- /dev/shm/c1000 --dump /dev/shm/pages
//! ```
//!
//! Each round prints its wall and CPU time (this thread's). `--articles N` keeps the first N
//! articles, e.g. for `valgrind --tool=callgrind --collect-atstart=no
//! --toggle-collect='*Renderer*article*'` (instructions: the one measure a shared machine does
//! not skew). `--dump DIR` also writes every page (`DIR/lang/slug.html|txt`), to compare the
//! output of two versions byte for byte.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::time::Instant;

use gazette::localise::{Edition, Localiser, MissingPolicy, Outcome};
use gazette::project::Project;
use gazette::render::{Alternate, Distribution, PageView, Renderer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(
        args.next()
            .ok_or("usage: bench-render ROOT [--rounds N] [--articles N] [--dump DIR]")?,
    );
    let (mut rounds, mut dump, mut articles) = (3, None, usize::MAX);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rounds" => rounds = args.next().ok_or("--rounds N")?.parse()?,
            "--articles" => articles = args.next().ok_or("--articles N")?.parse()?,
            "--dump" => dump = Some(PathBuf::from(args.next().ok_or("--dump DIR")?)),
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    let mut project = Project::load(&root)?;
    project.articles.truncate(articles);
    let renderer = Renderer::new(&project)?;
    let checker = gazette::check::Checker::new(&project)?;
    let localiser = Localiser::new(&project, checker.shared_resources(), None);
    let parsed: Vec<_> = project
        .articles
        .iter()
        .map(|a| project.article(a).map(|(article, _)| article))
        .collect::<Result<_, _>>()?;
    let own: Vec<_> = parsed
        .iter()
        .map(|a| {
            let records = project.article_records(&a.slug)?;
            Ok::<_, gazette::error::Error>(checker.article(a, &records)?.1.resources)
        })
        .collect::<Result<_, _>>()?;
    let mut editions: Vec<Edition> = Vec::new();
    for lang in project.languages() {
        for (article, own) in parsed.iter().zip(&own) {
            if let Outcome::Edition(e) =
                localiser.edition(&lang, article, own, MissingPolicy::Fallback)
            {
                editions.push(*e);
            }
        }
    }
    let og_locale = |lang: &str| gazette::intl::og_locale(lang);
    let distribution = Distribution {
        home: Some("https://bench.example/".into()),
        picker: "https://bench.example/".into(),
        brand: "Bench",
        logo: None,
        source: "fr",
        og_locale: &og_locale,
    };
    let views: Vec<PageView> = editions
        .iter()
        .map(|e| {
            let alternates = ["fr", "en", "de"]
                .iter()
                .map(|l| Alternate {
                    lang: l.to_string(),
                    name: l.to_uppercase(),
                    href: format!("../{l}/{}.html", e.slug),
                    current: *l == e.lang,
                })
                .collect();
            let canonical = format!("https://bench.example/{}/{}.html", e.lang, e.slug);
            PageView::new(e, canonical, alternates, "../".into(), None, &distribution)
        })
        .collect();
    if let Some(dir) = &dump {
        for v in &views {
            let (html, text, _) = renderer.article(v)?;
            let d = dir.join(&v.edition.lang);
            std::fs::create_dir_all(&d)?;
            std::fs::write(d.join(format!("{}.html", v.edition.slug)), html)?;
            std::fs::write(d.join(format!("{}.txt", v.edition.slug)), text)?;
        }
    }
    for round in 0..rounds {
        let start = Instant::now();
        let cpu = cpu_ns();
        let mut bytes = 0;
        for v in &views {
            let (html, text, body) = renderer.article(v)?;
            bytes += html.len() + text.len() + body.len();
        }
        let s = start.elapsed().as_secs_f64();
        let cpu = (cpu_ns() - cpu) as f64 / 1e9;
        println!(
            "round {round}: {} pages, {bytes} bytes, {s:.3} s, {cpu:.3} s CPU ({:.1} µs CPU/page)",
            views.len(),
            cpu * 1e6 / views.len() as f64
        );
    }
    Ok(())
}

/// CPU time of this thread so far (Linux schedstat), so a loaded machine does not skew rounds.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
