//! Properties over generated projects (proptest): small FTL and TOML from a grammar-ish
//! generator that also emits junk, control and bidi characters, markup and broken syntax.
//!
//! For any project: `check`, `status` and `build` exit 0, 1 or 2 (never 101, the exit of a
//! panic); every `.txt` of a build is UTF-8 without control or bidi-isolation characters;
//! every HTML page tokenizes without a parse error and with balanced tags; `sync` keeps every
//! entry a target file had. Case counts stay modest (`PROPTEST_CASES` raises them) so the
//! suite stays fast.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::time::Duration;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use super::support::{tree, Project};

/// The ids the generated files and articles share, so that references sometimes resolve.
const IDS: [&str; 6] = ["title", "lede", "intro", "body", "caption", "other"];

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12)
}

/// One piece of a Fluent pattern: text (plain or hostile), a placeable, and in a `hostile`
/// project broken syntax, unknown functions and references that may loop.
fn piece(hostile: bool) -> BoxedStrategy<String> {
    let sound = prop_oneof![
        12 => "[a-zA-Zéàß ]{1,12}",
        1 => Just("<b>gras</b> <em>x</em>".to_owned()),
        1 => Just("<script>alert(1)</script><img src=x onerror=alert(2)>".to_owned()),
        1 => Just("\u{2068}isolé\u{2069} \u{202e}inversé\u{200f}".to_owned()),
        1 => Just("cloche\u{7} échap\u{1b}[31m nul\u{0} del\u{7f} c1\u{85}".to_owned()),
        1 => Just("& &amp; < > \" ' ]]> -->".to_owned()),
        1 => Just("{ $count }".to_owned()),
        1 => Just("{ $name }".to_owned()),
        1 => Just("{ $date }".to_owned()),
        1 => Just("{ -brand }".to_owned()),
        1 => Just("{ NUMBER($count, minimumFractionDigits: 2) }".to_owned()),
        1 => Just("{ $count ->\n    [one] un\n   *[other] { $count } autres\n}".to_owned()),
        1 => Just("{ \"{\" }".to_owned()),
        1 => Just("\n    suite".to_owned()),
        1 => Just("\r\n    windows".to_owned()),
    ];
    if !hostile {
        return sound.boxed();
    }
    prop_oneof![
        8 => sound,
        1 => Just("{ intro }".to_owned()),
        1 => Just("{ title }".to_owned()),
        1 => Just("{ other.alt }".to_owned()),
        1 => Just("{".to_owned()),
        1 => Just("}".to_owned()),
        1 => Just("{ BOGUS() }".to_owned()),
    ]
    .boxed()
}

fn pattern(hostile: bool) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(hostile), 1..4).prop_map(|p| p.concat())
}

/// A Fluent file. Sound: messages with unique ids, each with `.alt` and `.caption`, and the
/// `-brand` term. Hostile: any entries, duplicates, comments and junk.
fn ftl(hostile: bool) -> BoxedStrategy<String> {
    let id = prop::sample::select(&IDS[..]);
    if !hostile {
        let message = (pattern(false), pattern(false), pattern(false));
        return prop::collection::btree_map(id, message, 0..6)
            .prop_map(|messages| {
                let mut s = String::from("-brand = Gazette\n");
                for (id, (value, alt, caption)) in messages {
                    s.push_str(&format!(
                        "{id} = {value}\n    .alt = {alt}\n    .caption = {caption}\n"
                    ));
                }
                s
            })
            .boxed();
    }
    let attrs = prop::collection::vec(
        (
            prop::sample::select(&["alt", "caption", "x"][..]),
            pattern(true),
        ),
        0..2,
    );
    let entry = prop_oneof![
        12 => (id, pattern(true), attrs).prop_map(|(id, value, attrs)| {
            let mut s = format!("{id} = {value}\n");
            for (name, value) in attrs {
                s.push_str(&format!("    .{name} = {value}\n"));
            }
            s
        }),
        1 => pattern(true).prop_map(|v| format!("-brand = {v}\n")),
        1 => Just("# commentaire { $x }\n".to_owned()),
        1 => Just("oops sans égal\n".to_owned()),
        1 => Just("= valeur sans id\n".to_owned()),
        1 => Just("intro =\n".to_owned()),
    ];
    prop::collection::vec(entry, 0..6)
        .prop_map(|e| e.concat())
        .boxed()
}

/// One `[[blocks]]` table of an article.
fn block(hostile: bool) -> BoxedStrategy<String> {
    let id = prop::sample::select(&IDS[..]);
    let src = prop::sample::select(&["images/a.jpg", "https://x.example/v.mp4?a=1&b=<2>"][..]);
    // Every variable the generated messages use.
    let args = prop::sample::select(
        &[
            "args = { count = 1, name = \"x\" }\n",
            "args = { count = 31, name = \"<b>Kyiv</b> & co\" }\n",
            "args = { count = -0.5, name = \"\", when = 2024-02-29 }\n",
        ][..],
    );
    let body = prop_oneof![
        (
            prop::sample::select(&["heading", "paragraph", "quote"][..]),
            id.clone()
        )
            .prop_map(|(t, k)| format!("type = \"{t}\"\nkey = \"{k}\"\n")),
        (
            prop::sample::select(&["figure", "video"][..]),
            id.clone(),
            src
        )
            .prop_map(|(t, k, s)| format!("type = \"{t}\"\nkey = \"{k}\"\nsrc = \"{s}\"\n")),
        prop::collection::vec(id.clone(), 1..3).prop_map(|items| format!(
            "type = \"list\"\nitems = [{}]\n",
            items
                .iter()
                .map(|i| format!("\"{i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        id.prop_map(|k| format!(
            "type = \"related\"\nkey = \"{k}\"\nhref = \"https://x.example/a\"\nkind = \"read\"\n"
        )),
    ];
    let sound = (body, args).prop_map(|(body, args)| body + args);
    if !hostile {
        return sound.boxed();
    }
    prop_oneof![
        8 => sound,
        1 => Just("type = \"carousel\"\nkey = \"intro\"\n".to_owned()),
        1 => Just("type = \"figure\"\nkey = \"intro\"\nsrc = \"../secret\"\n".to_owned()),
        1 => Just("type = \"video\"\nkey = \"intro\"\nsrc = \"javascript:alert(1)\"\n".to_owned()),
        1 => Just("type = \"paragraph\"\nkey = \"intro\"\nargs = { count = [1] }\n".to_owned()),
        1 => Just("type = \"paragraph\"\nkey = \"intro\"\n".to_owned()),
    ]
    .boxed()
}

fn article(hostile: bool) -> impl Strategy<Value = String> {
    const SOUND: [&str; 2] = [
        "date = 2025-08-17\n",
        "date = 2024-02-29\nsection = \"monde\"\ntitle = \"title\"\nlede = \"lede\"\n",
    ];
    let head = if hostile {
        prop_oneof![
            4 => prop::sample::select(&SOUND[..]),
            1 => prop::sample::select(
                &["date = 2025-08-17T10:00:00\n", "", "date = 2025-08-17\n[oops\n"][..]
            ),
        ]
        .boxed()
    } else {
        prop::sample::select(&SOUND[..]).boxed()
    };
    (head, prop::collection::vec(block(hostile), 0..4)).prop_map(|(head, blocks)| {
        let mut s = head.to_owned();
        for b in blocks {
            s.push_str("\n[[blocks]]\n");
            s.push_str(&b);
        }
        s
    })
}

fn config(hostile: bool) -> BoxedStrategy<&'static str> {
    let sound = prop::sample::select(
        &[
            "",
            "base_url = \"https://news.example\"\n",
            "targets = [\"de\"]\nformat_locales = { de = \"de-AT\" }\n",
        ][..],
    );
    if !hostile {
        return sound.boxed();
    }
    prop_oneof![
        4 => sound,
        1 => prop::sample::select(&["bogus = 1\n", "base_url = \"ftp://x\"\n"][..]),
    ]
    .boxed()
}

/// A generated project: config, one or two articles, their fr and de files, shared site
/// strings (complete, or in a hostile project maybe absent).
#[derive(Debug, Clone)]
struct Generated {
    config: &'static str,
    articles: Vec<String>,
    fr: Vec<String>,
    de: Vec<String>,
    site: bool,
    /// The German files are the French ones: nothing is missing.
    mirror: bool,
}

fn project(hostile: bool) -> impl Strategy<Value = Generated> {
    (
        config(hostile),
        prop::collection::vec(article(hostile), 1..3),
        prop::collection::vec(ftl(hostile), 2),
        prop::collection::vec(ftl(hostile), 2),
        prop::bool::weighted(if hostile { 0.8 } else { 1.0 }),
        prop::bool::ANY,
    )
        .prop_map(|(config, articles, fr, de, site, mirror)| Generated {
            config,
            articles,
            fr,
            de,
            site,
            mirror,
        })
}

/// Half sound projects (which often build, so their pages get checked), half hostile ones.
fn generated() -> impl Strategy<Value = Generated> {
    prop_oneof![project(false), project(true)]
}

impl Generated {
    fn write(&self) -> Project {
        let p = Project::empty();
        p.write("gazette.toml", self.config);
        let fixture = super::support::repo_root().join("tests/fixtures/publish/locales");
        for lang in ["fr", "de"] {
            let site = if self.site {
                // With the name of the generated articles' section.
                let site = std::fs::read_to_string(fixture.join(lang).join("site.ftl")).unwrap();
                site + "section-monde = Monde\n"
            } else {
                String::new()
            };
            p.write(&format!("locales/{lang}/site.ftl"), &site);
        }
        for (i, text) in self.articles.iter().enumerate() {
            // The French file defines every id, so that builds get past the check often.
            let mut fr = self.fr[i % 2].clone();
            for id in IDS {
                if !fr.lines().any(|l| l.starts_with(&format!("{id} ="))) {
                    fr.push_str(&format!(
                        "{id} = Texte {id}\n    .alt = Image\n    .caption = Légende\n"
                    ));
                }
            }
            let de = if self.mirror { &fr } else { &self.de[i % 2] };
            p.write(&format!("content/a{i}.toml"), text);
            p.write(&format!("locales/fr/a{i}.ftl"), &fr);
            p.write(&format!("locales/de/a{i}.ftl"), de);
        }
        p
    }
}

/// Run gazette and return its exit code; fails on 101 (a panic), a signal or a hang.
fn exit_code(p: &Project, args: &[&str]) -> Result<i32, TestCaseError> {
    let out = p
        .gazette(args)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    let code = out.status.code();
    let stderr = String::from_utf8_lossy(&out.stderr);
    prop_assert!(
        matches!(code, Some(0..=2)),
        "gazette {args:?} exited {code:?}: {stderr}"
    );
    Ok(code.unwrap())
}

/// A `.txt` edition: UTF-8, no control character but line breaks, no bidi controls.
fn check_text(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let text = std::str::from_utf8(bytes);
    prop_assert!(text.is_ok(), "{name} is not UTF-8");
    let bad = text.unwrap().chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    prop_assert!(bad.is_none(), "{name} holds U+{:04X}", bad.unwrap() as u32);
    Ok(())
}

/// Elements without an end tag.
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Collects html5ever's tokenizer errors and checks that tags nest properly.
#[derive(Default)]
struct Balance {
    open: RefCell<Vec<String>>,
    errors: RefCell<Vec<String>>,
    line: Cell<u64>,
}

impl TokenSink for Balance {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        self.line.set(line);
        let mut errors = self.errors.borrow_mut();
        match token {
            Token::ParseError(e) => errors.push(format!("line {line}: {e}")),
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag if VOID.contains(&name.as_str()) => {}
                    TagKind::StartTag => {
                        self.open.borrow_mut().push(name.clone());
                        match name.as_str() {
                            "style" => return TokenSinkResult::RawData(RawKind::Rawtext),
                            "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                            "title" | "textarea" => {
                                return TokenSinkResult::RawData(RawKind::Rcdata)
                            }
                            _ => {}
                        }
                    }
                    TagKind::EndTag => {
                        let open = self.open.borrow_mut().pop();
                        if open.as_deref() != Some(name.as_str()) {
                            errors.push(format!("line {line}: </{name}> closes {open:?}"));
                        }
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// An HTML page: no tokenizer error, every element closed in order.
fn check_html(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let text = std::str::from_utf8(bytes);
    prop_assert!(text.is_ok(), "{name} is not UTF-8");
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text.unwrap()));
    let tokenizer = Tokenizer::new(
        Balance::default(),
        TokenizerOpts {
            exact_errors: true,
            ..TokenizerOpts::default()
        },
    );
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let sink = &tokenizer.sink;
    let errors = sink.errors.borrow();
    prop_assert!(errors.is_empty(), "{name}: {errors:?}");
    let open = sink.open.borrow();
    prop_assert!(open.is_empty(), "{name}: left open: {open:?}");
    Ok(())
}

fn check_site(p: &Project) -> Result<(), TestCaseError> {
    for (name, bytes) in tree(&p.path().join("out")) {
        if name.ends_with(".txt") {
            check_text(&name, &bytes)?;
        } else if name.ends_with(".html") {
            check_html(&name, &bytes)?;
        }
    }
    Ok(())
}

fn run(test: impl Fn(Generated) -> Result<(), TestCaseError>) {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&generated(), test) {
        panic!("{e}");
    }
}

#[test]
fn check_and_build_never_crash_and_publish_clean_pages() {
    run(|g| {
        let p = g.write();
        exit_code(&p, &["check"])?;
        exit_code(&p, &["check", "--format", "json"])?;
        exit_code(&p, &["status", "--format", "json"])?;
        if exit_code(&p, &["build"])? == 0 {
            check_site(&p)?;
        }
        if exit_code(&p, &["build", "--missing", "fallback", "--jobs", "2"])? == 0 {
            check_site(&p)?;
        }
        Ok(())
    });
}

/// Every entry of a Fluent file (comments and junk included), as fluent-syntax parses it.
fn entries(text: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .map(|e| match e {
            // Junk runs to the next entry: the blank line before an added stub joins it.
            fluent_syntax::ast::Entry::Junk { content } => format!("Junk {:?}", content.trim_end()),
            e => format!("{e:?}"),
        })
        .collect()
}

#[test]
fn sync_keeps_every_entry_of_the_target() {
    run(|g| {
        let p = g.write();
        let files = |p: &Project| -> BTreeMap<String, String> {
            tree(&p.path().join("locales/de"))
                .into_iter()
                .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
                .collect()
        };
        let before = files(&p);
        let code = exit_code(&p, &["sync", "de"])?;
        let after = files(&p);
        if code != 0 {
            prop_assert_eq!(&before, &after, "a failed sync changed files");
            return Ok(());
        }
        for (name, old) in &before {
            let new = after.get(name).map(String::as_str).unwrap_or_default();
            let new_entries = entries(new);
            let mut rest = new_entries.iter();
            for entry in entries(old) {
                prop_assert!(
                    rest.any(|e| *e == entry),
                    "{}: sync lost or changed {}\n--- before\n{}\n--- after\n{}",
                    name,
                    entry,
                    old,
                    new
                );
            }
        }
        // A second sync changes nothing.
        exit_code(&p, &["sync", "de"])?;
        prop_assert_eq!(&after, &files(&p), "the second sync changed files");
        Ok(())
    });
}

/// Found by `sync_keeps_every_entry_of_the_target`: an attribute stub inserted right above the
/// next message became that message's comment (Fluent attaches a comment to the entry below).
#[test]
fn attribute_stub_stays_a_comment_of_its_own() {
    let p = Project::empty();
    p.write("gazette.toml", "")
        .write("locales/fr/x.ftl", "title = T\n    .alt = A\nbody = B\n")
        .write("locales/de/x.ftl", "title = t\nbody = b\n");
    let before = entries("title = t\nbody = b\n");
    assert_eq!(exit_code(&p, &["sync", "de"]).unwrap(), 0);
    let after = p.read("locales/de/x.ftl");
    assert!(after.contains("#     .alt = A\n\nbody = b\n"), "{after}");
    let after = entries(&after);
    assert!(before.iter().all(|e| after.contains(e)), "{after:?}");
}
