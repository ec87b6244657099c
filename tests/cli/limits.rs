//! The README's limits ("Limits"): huge files, deep or wide placeables, message cycles,
//! nested or looping templates and thousands of diagnostics. Each case asserts the exit code
//! and the message, and that gazette neither panics (101), hangs, nor changes a file it should
//! not.

use std::time::Duration;

use super::support::{check_and_build_refuse, project, run_timed, run_within};

#[test]
fn huge_ftl_file_is_refused_quickly() {
    let p = project();
    let line = "filler = Une ligne de remplissage qui ne sert à rien du tout.\n";
    let huge = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    assert!(huge.len() > 50 * 1024 * 1024);
    p.write("locales/de/huge.ftl", &huge);
    for cmd in ["check", "build"] {
        let (code, _, stderr) = run_within(&p, &[cmd], Duration::from_secs(10));
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("locales/de/huge.ftl"), "{stderr}");
        assert!(stderr.contains("file too large"), "{stderr}");
        assert!(stderr.contains("at most 10 MiB"), "{stderr}");
    }
}

#[test]
fn message_cycle_is_a_format_error() {
    let p = project();
    p.write(
        "locales/de/newer.ftl",
        "title = Das { a }\na = { b }\nb = { a }\nbody = Erster.\nextra = Zweiter.\n",
    );
    let (code, stdout, _) = run_within(&p, &["check"], Duration::from_secs(20));
    assert_eq!(code, 1);
    assert!(
        stdout.contains("error[format-error]: formatting `title` failed")
            && stdout.contains("Cyclical dependency"),
        "{stdout}"
    );
    let (code, _, stderr) = run_within(&p, &["build"], Duration::from_secs(20));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not published"), "{stderr}");
}

#[test]
fn billion_laughs_stop_at_fluents_placeable_limit() {
    let p = project();
    // lol30 would be 2^30 copies. fluent-bundle stops each message past 100 placeables, and
    // gazette does not even start one that could pass 1 MiB.
    let mut ftl =
        String::from("title = Le plus récent { lol30 }\nbody = x\nextra = y\nlol0 = lol\n");
    for i in 1..=30 {
        ftl.push_str(&format!("lol{i} = {{ lol{} }}{{ lol{} }}\n", i - 1, i - 1));
    }
    p.write("locales/fr/newer.ftl", &ftl);
    let (code, stdout, _) = run_within(&p, &["check"], Duration::from_secs(20));
    assert_eq!(code, 1);
    assert!(
        stdout.contains("formatting `lol7` failed: Resolver error: Too many placeables"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "error[format-error]: `title` would format to more than 1 MiB through its references"
        ),
        "{stdout}"
    );
    let (code, _, stderr) = run_within(&p, &["build"], Duration::from_secs(20));
    assert_eq!(code, 1, "{stderr}");
}

#[test]
fn wide_expansion_of_a_long_text_is_not_formatted() {
    let p = project();
    // Within the placeable limit, 99 copies of a 1 MiB text, by 100 messages: 10 GB to format.
    let mut ftl = format!("big = {}\n", "x".repeat(1 << 20));
    for i in 0..100 {
        ftl.push_str(&format!("wide{i} = {}\n", "{ big }".repeat(99)));
    }
    p.write("locales/fr/site-extra.ftl", &ftl);
    let (code, stdout, _) = run_within(&p, &["check"], Duration::from_secs(30));
    assert_eq!(code, 1);
    assert_eq!(
        stdout.matches("would format to more than 1 MiB").count(),
        100,
        "{}",
        &stdout[..stdout.len().min(2000)]
    );
}

#[test]
fn deeply_nested_placeables_are_refused_before_parsing() {
    let p = project();
    let deep = format!(
        "title = {}\"x\"{}\nbody = a\nextra = b\n",
        "{ ".repeat(10_000),
        " }".repeat(10_000)
    );
    p.write("locales/de/newer.ftl", &deep);
    check_and_build_refuse(
        &p,
        &[
            "locales/de/newer.ftl",
            "line 1",
            "nested more than 100 levels deep",
        ],
    );
    // Just under the limit is fine (and is formatted, on the build's worker threads too).
    let p = project();
    let nested = |word: &str| {
        format!(
            "title = {}\"{word}\"{}\nbody = a\nextra = b\n",
            "{ ".repeat(100),
            " }".repeat(100)
        )
    };
    p.write("locales/fr/newer.ftl", &nested("Récent"))
        .write("locales/de/newer.ftl", &nested("Neu"));
    let (code, _, stderr) = run_timed(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(p.read("out/de/newer.txt").contains("Neu"));
}

#[test]
fn thousands_of_diagnostics_stay_readable_and_valid_json() {
    let p = project();
    let n = 3000;
    let mut fr = String::from("title = Le plus récent\nbody = x\nextra = y\n");
    let mut de = String::from("title = Das Neueste\nbody = x\nextra = y\n");
    for i in 0..n {
        fr.push_str(&format!("m{i} = Message {{ $x }} numéro {i}\n"));
        // Every German line is broken in its own way: junk, or a variable the source lacks.
        if i % 2 == 0 {
            de.push_str(&format!("m{i} = Nachricht {{ $y }} {i}\n"));
        } else {
            de.push_str(&format!("m{i} = {{ kaputt {i}\n"));
        }
    }
    p.write("locales/fr/newer.ftl", &fr)
        .write("locales/de/newer.ftl", &de);

    let (code, stdout, _) = run_timed(&p, &["check"]);
    assert_eq!(code, 1);
    let summary = stdout.lines().last().unwrap();
    assert!(summary.starts_with("check: "), "{summary}");
    let errors: usize = summary["check: ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(errors >= n, "{summary}");
    let blocks = stdout.lines().filter(|l| l.starts_with("error[")).count();
    assert_eq!(blocks, errors, "one block each");
    assert!(
        stdout.lines().all(|l| l.chars().count() < 400),
        "lines stay short"
    );

    let (code, json) = p.check_json();
    assert_eq!(code, 1);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(json["summary"]["errors"].as_u64().unwrap() as usize, errors);
    assert!(diagnostics.len() >= errors);
    for code in ["syntax-error", "unknown-variable"] {
        assert!(
            diagnostics.iter().filter(|d| d["code"] == code).count() >= n / 2,
            "{code}"
        );
    }
}

#[test]
fn deeply_nested_template_is_refused() {
    let p = project();
    // 3,000 nested blocks overflowed a render thread's stack (exit 134); 20,000 took minutes.
    let n = 3000;
    p.write(
        "templates/article.txt.hbs",
        &format!(
            "{}{{{{title.value}}}}{}",
            "{{#if lang}}".repeat(n),
            "{{/if}}".repeat(n)
        ),
    );
    check_and_build_refuse(
        &p,
        &[
            "templates/article.txt.hbs",
            "line 1",
            "nested more than 100 levels deep",
        ],
    );
}

#[test]
fn templates_that_include_one_another_are_refused() {
    // Handlebars would recurse until the stack overflows.
    let p = project();
    p.write(
        "templates/style.hbs",
        "<style>{{include \"article.html\"}}</style>\n",
    );
    check_and_build_refuse(
        &p,
        &[
            "templates/style.hbs",
            "templates include one another in a loop: article.html -> style -> article.html",
        ],
    );
}
