//! `gazette serve`: the preview over HTTP, rebuilt on save, reloaded through its event stream,
//! and the failed build's page. (The same in a real browser: scripts/serve-e2e.mjs.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use super::support::{run, tree, Project};

/// A running `gazette serve`, killed when dropped; its stdout and stderr lines come through
/// channels.
struct Serve {
    child: Child,
    lines: Receiver<String>,
    errors: Receiver<String>,
    url: String,
}

impl Serve {
    fn start(p: &Project, args: &[&str]) -> Serve {
        let mut all = vec!["serve", "--port", "0"];
        all.extend(args);
        Serve::run(p.process(&all))
    }

    /// Start `cmd` (a `gazette serve`) and wait for its first build.
    fn run(mut cmd: std::process::Command) -> Serve {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = lines_of(child.stdout.take().unwrap());
        let errors = lines_of(child.stderr.take().unwrap());
        let mut serve = Serve {
            child,
            lines,
            errors,
            url: String::new(),
        };
        let serving = serve.line_starting("serving ");
        serve.url = serving["serving ".len()..]
            .split('/')
            .take(3)
            .collect::<Vec<_>>()
            .join("/");
        serve
    }

    /// The next stdout line that starts with `prefix` (a minute at most).
    fn line_starting(&self, prefix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self
                .lines
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no line starting with `{prefix}`"));
            if line.starts_with(prefix) {
                return line;
            }
        }
    }

    fn port(&self) -> u16 {
        self.url.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// GET `path`: (status, headers, body).
    fn get(&self, path: &str) -> (u16, String, String) {
        self.get_from(path, &format!("127.0.0.1:{}", self.port()))
    }

    /// GET `path` with this `Host` header (ten seconds at most).
    fn get_from(&self, path: &str, host: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port())).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap();
        let status = head[9..12].parse().unwrap();
        (status, head.to_owned(), body.to_owned())
    }

    /// Open the event stream.
    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port())).unwrap();
        let port = self.port();
        write!(
            stream,
            "GET /__gazette/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert_eq!(line, "HTTP/1.1 200 OK\r\n");
        Events { reader }
    }
}

/// The lines of an output, as they come.
fn lines_of(output: impl Read + Send + 'static) -> Receiver<String> {
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(output).lines() {
            let _ = send.send(line.unwrap());
        }
    });
    lines
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// The next event's data, or `None` if none comes within `wait`.
    fn next(&mut self, wait: Duration) -> Option<String> {
        self.reader.get_ref().set_read_timeout(Some(wait)).unwrap();
        let mut line = String::new();
        loop {
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) | Err(_) => return None,
                Ok(_) => {
                    if let Some(data) = line.strip_prefix("data: ") {
                        return Some(data.trim_end().to_owned());
                    }
                }
            }
        }
    }
}

/// The English page of the sample (its localised slug).
const PAGE: &str = "/en/coalition-of-the-willing.html";
const FTL: &str = "locales/en/coalition-des-volontaires.ftl";

/// Replace the English headline (the `title` message).
fn set_title(p: &Project, title: &str) {
    let text = p.read(FTL);
    let line = text.lines().find(|l| l.starts_with("title = ")).unwrap();
    p.write(FTL, &text.replacen(line, &format!("title = {title}"), 1));
}

#[test]
fn serve_builds_apart_and_every_link_leads_to_the_preview() {
    let p = Project::sample();
    let serve = Serve::start(&p, &[]);
    assert!(serve.url.starts_with("http://127.0.0.1:"), "{}", serve.url);
    let (status, head, page) = serve.get(PAGE);
    assert_eq!(status, 200);
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(
        page.contains(&format!(
            "<link rel=\"canonical\" href=\"{}{PAGE}\">",
            serve.url
        )),
        "{page}"
    );
    assert!(page.contains("<script>new EventSource(\"/__gazette/events\")"));
    assert!(
        !page.contains("www.gazette.example/en"),
        "no link leaves the preview"
    );
    // Built apart: out/ is not touched; the preview's pages are gazette build's, unchanged.
    assert!(!p.path().join("out").exists());
    let built = p.read(&format!(".gazette-cache/serve{PAGE}"));
    assert!(!built.contains("EventSource"));
    assert_eq!(serve.get("/").0, 200);
    assert_eq!(serve.get("/de/").0, 200);
    let (status, head, feed) = serve.get("/fr/feed.xml");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: application/xml"), "{head}");
    assert!(feed.contains(&format!("{}/fr/coalition-des-volontaires.html", serve.url)));
    assert_eq!(serve.get("/../gazette.toml").0, 404);
    assert_eq!(serve.get("/%2e%2e/gazette.toml").0, 404);
    assert_eq!(serve.get("/nothing.html").0, 404);
    // gazette's bookkeeping is no part of the site: neither built into it nor served.
    assert!(!p
        .path()
        .join(".gazette-cache/serve/.gazette-output")
        .exists());
    assert_eq!(serve.get("/.gazette-output").0, 404);
}

/// Only requests for this machine's names are answered: a page of a site whose name was made
/// to lead here (DNS rebinding) reads nothing, not even the failure page or the event stream.
#[test]
fn serve_answers_only_requests_for_its_own_address() {
    let p = Project::sample();
    let serve = Serve::start(&p, &[]);
    let port = serve.port();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(serve.get_from(PAGE, &host).0, 200, "{host}");
    }
    for host in [
        format!("attacker.example:{port}"),
        format!("localhost.attacker.example:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        "localhost".to_owned(),
    ] {
        let (status, _, body) = serve.get_from(PAGE, &host);
        assert_eq!(status, 403, "{host}");
        assert!(!body.contains("coalition"), "{body}");
        assert_eq!(serve.get_from("/__gazette/events", &host).0, 403);
    }
}

/// Clients that ask for a large file and never read it hold up no one else.
#[test]
fn serve_slow_clients_hold_up_no_one() {
    let p = Project::sample();
    let big = p.path().join("static/big.bin");
    std::fs::write(&big, vec![7u8; 48 << 20]).unwrap();
    let serve = Serve::start(&p, &[]);
    let host = format!("127.0.0.1:{}", serve.port());
    let stalled: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut stream = TcpStream::connect(&host).unwrap();
            write!(stream, "GET /big.bin HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
            stream
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let (status, _, page) = serve.get(PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("</html>"));
    drop(stalled);
}

/// A link in the preview's folder to elsewhere is not followed.
#[cfg(unix)]
#[test]
fn serve_never_follows_a_link_out_of_the_preview() {
    let p = Project::sample();
    let serve = Serve::start(&p, &[]);
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("secret.txt"), "secret").unwrap();
    let preview = p.path().join(".gazette-cache/serve");
    std::os::unix::fs::symlink(elsewhere.path(), preview.join("away")).unwrap();
    let secret = elsewhere.path().join("secret.txt");
    std::os::unix::fs::symlink(secret, preview.join("secret.txt")).unwrap();
    for path in ["/away/secret.txt", "/secret.txt"] {
        let (status, _, body) = serve.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("secret</"), "{body}");
    }
}

/// A link planted in the preview's place (`.gazette-cache/serve -> ../out`) is not written
/// through: the published site keeps no preview page, and the preview is gazette's folder.
#[cfg(unix)]
#[test]
fn serve_never_writes_the_preview_through_a_link() {
    let p = Project::sample();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let site = tree(&p.path().join("out"));
    std::fs::create_dir_all(p.path().join(".gazette-cache")).unwrap();
    std::os::unix::fs::symlink("../out", p.path().join(".gazette-cache/serve")).unwrap();
    let serve = Serve::start(&p, &[]);
    assert_eq!(serve.get("/").0, 200);
    assert_eq!(tree(&p.path().join("out")), site, "out/ untouched");
    assert!(
        std::fs::symlink_metadata(p.path().join(".gazette-cache/serve"))
            .unwrap()
            .is_dir()
    );
}

/// A language file that is a link to another file of its folder: a save to that file is
/// a save to the language file.
#[cfg(unix)]
#[test]
fn serve_rebuilds_when_the_target_of_a_linked_file_is_saved() {
    let p = Project::sample();
    p.write("locales/en/article.txt", &p.read(FTL));
    std::fs::remove_file(p.path().join(FTL)).unwrap();
    std::os::unix::fs::symlink("article.txt", p.path().join(FTL)).unwrap();
    let serve = Serve::start(&p, &[]);
    let mut events = serve.events();
    let first = events.next(Duration::from_secs(10)).unwrap();
    let text = p.read("locales/en/article.txt");
    let line = text.lines().find(|l| l.starts_with("title = ")).unwrap();
    p.write(
        "locales/en/article.txt",
        &text.replacen(line, "title = Saved through the link", 1),
    );
    let second = events.next(Duration::from_secs(10)).expect("a reload");
    assert_ne!(second, first);
    assert!(serve.get(PAGE).2.contains("Saved through the link"));
}

/// `static/` is an input like the texts: a file saved there is in the preview at once.
#[test]
fn serve_rebuilds_when_a_static_file_is_saved() {
    let p = Project::sample();
    let serve = Serve::start(&p, &[]);
    let mut events = serve.events();
    let first = events.next(Duration::from_secs(10)).unwrap();
    p.write("static/robots.txt", "User-agent: *\nAllow: /\n");
    let second = events.next(Duration::from_secs(10)).expect("a reload");
    assert_ne!(second, first);
    let (status, _, body) = serve.get("/robots.txt");
    assert_eq!((status, body.as_str()), (200, "User-agent: *\nAllow: /\n"));
}

#[test]
fn serve_reloads_on_a_change_shows_a_failed_build_and_recovers() {
    let p = Project::sample();
    let serve = Serve::start(&p, &[]);
    let mut events = serve.events();
    let first = events.next(Duration::from_secs(10)).unwrap();

    set_title(&p, "A coalition of the willing, edited");
    serve.line_starting("built in ");
    let second = events.next(Duration::from_secs(10)).expect("a reload");
    assert_ne!(second, first);
    assert!(serve
        .get(PAGE)
        .2
        .contains("A coalition of the willing, edited"));

    // Saved again with the same text: built, nothing changed, no reload.
    p.write(FTL, &p.read(FTL));
    let line = serve.line_starting("built in ");
    assert!(line.ends_with(": nothing changed"), "{line}");
    assert_eq!(events.next(Duration::from_millis(500)), None);

    // Broken: every page shows the diagnostics (file:line, message, help) instead.
    set_title(&p, "{ $oops");
    let third = events.next(Duration::from_secs(10)).expect("a reload");
    assert_ne!(third, second);
    let line = p
        .read(FTL)
        .lines()
        .position(|l| l.starts_with("title = "))
        .unwrap()
        + 1;
    for path in [PAGE, "/fr/", "/"] {
        let (status, _, page) = serve.get(path);
        assert_eq!(status, 500, "{path}");
        assert!(page.contains("<h1>The build failed</h1>"), "{page}");
        assert!(page.contains(&format!("--&gt; {FTL}:{line}:")), "{page}");
        assert!(page.contains("= help: "), "{page}");
        assert!(page.contains("EventSource"), "the page reloads once fixed");
    }
    // Other files are the last good build's.
    assert_eq!(serve.get("/en/coalition-of-the-willing.txt").0, 200);

    // Fixed: the pages come back.
    set_title(&p, "A coalition of the willing, fixed");
    let fourth = events.next(Duration::from_secs(10)).expect("a reload");
    assert_ne!(fourth, third);
    let (status, _, page) = serve.get(PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("A coalition of the willing, fixed"));

    // A fatal error (exit 2 for `build`) is shown the same way, naming the file.
    let config = p.read("gazette.toml");
    p.write("gazette.toml", &format!("{config}\nbase-url = \"x\"\n"));
    let fifth = events.next(Duration::from_secs(10)).expect("a reload");
    assert_ne!(fifth, fourth);
    let (status, _, page) = serve.get(PAGE);
    assert_eq!(status, 500);
    assert!(page.contains("error: gazette.toml: "), "{page}");
    p.write("gazette.toml", &config);
    events.next(Duration::from_secs(10)).expect("a reload");
    assert_eq!(serve.get(PAGE).0, 200);
}

/// The page the preview shows instead of every HTML page while the build fails: the
/// diagnostics escaped in a `<pre>`, and the script that reloads it (its generation, which
/// counts builds, redacted).
#[test]
fn the_failed_builds_page_matches_its_snapshot() {
    let p = Project::sample();
    let serve = Serve::start(&p, &[]);
    let mut events = serve.events();
    events.next(Duration::from_secs(10)).unwrap();
    set_title(&p, "{ $oops");
    events.next(Duration::from_secs(10)).expect("a reload");
    let (status, _, page) = serve.get(PAGE);
    assert_eq!(status, 500);
    let (before, after) = page
        .split_once(r#"e.data !== ""#)
        .expect("the reload script");
    let (generation, after) = after.split_once('"').unwrap();
    assert!(
        generation.bytes().all(|b| b.is_ascii_digit()),
        "{generation}"
    );
    insta::assert_snapshot!(
        "failed_build_page",
        format!(r#"{before}e.data !== "<generation>"{after}"#)
    );
}

/// Unfinished work is previewed: a new article before it is translated, each page saying on a
/// banner what it lacks, in its language's words; a draft, marked; the terminal names the
/// choice once. `build` still refuses the one and leaves out the other.
#[test]
fn serve_previews_unfinished_work_marked_as_such() {
    let p = Project::sample();
    assert_eq!(
        run(&p, &["new", "budget-2026", "--date", "2025-09-01"]).0,
        0
    );
    let summit = p.read("content/sommet-de-londres.toml");
    p.write(
        "content/sommet-de-londres.toml",
        &format!("draft = true\n{summit}"),
    );
    let mut serve = Serve::start(&p, &[]);
    let (status, _, page) = serve.get("/de/budget-2026.html");
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains(
            "<div class=\"preview\" role=\"note\">\n<p>Noch nicht übersetzt, in der \
             Ausgangssprache angezeigt:</p>\n<ul>\n<li><code>title</code></li>\n"
        ),
        "{page}"
    );
    assert!(page.contains("<h1 lang=\"fr\" dir=\"ltr\">Titre de l’article</h1>"));
    let (status, _, page) = serve.get("/fr/budget-2026.html");
    assert_eq!(status, 200);
    assert!(!page.contains("class=\"preview\""), "{page}");
    let (status, _, page) = serve.get("/en/london-summit.html");
    assert_eq!(status, 200);
    assert!(
        page.contains("<p><strong>Draft: not published while its content file says draft &#x3D; true.</strong></p>"),
        "{page}"
    );
    assert_eq!(serve.get("/fr/").0, 200);
    set_title(&p, "Edited while budget-2026 is untranslated");
    serve.line_starting("built in ");
    let _ = serve.child.kill();
    let _ = serve.child.wait();
    let notes: Vec<String> = serve.errors.try_iter().collect();
    assert_eq!(
        notes,
        [
            "note: texts not yet translated are shown in the source language on 2 pages, each \
          with a banner listing them (serve's --missing fallback; `gazette build` refuses \
          them, as --missing error would here)"
        ],
    );

    assert_eq!(run(&p, &["build"]).0, 1);
    assert_eq!(run(&p, &["build", "--missing", "fallback"]).0, 0);
    assert!(!p.path().join("out/en/london-summit.html").exists());
    for page in ["de/budget-2026.html", "en/coalition-of-the-willing.html"] {
        assert!(!p.read(&format!("out/{page}")).contains("class=\"preview\""));
    }
}

/// A project in languages gazette ships no texts for: the banner is in the source language's
/// words, marked as such, and in English where the project has none.
#[test]
fn serve_previews_languages_without_texts_of_their_own() {
    let p = Project::empty();
    assert_eq!(
        run(&p, &["init", "--source", "fr", "--targets", "es,ja,ar"]).0,
        0
    );
    assert_eq!(run(&p, &["new", "budget", "--date", "2025-09-01"]).0, 0);
    let serve = Serve::start(&p, &[]);
    let mut events = serve.events();
    events.next(Duration::from_secs(10)).unwrap();
    let banner = |lang: &str| {
        let (status, _, page) = serve.get(&format!("/{lang}/budget.html"));
        assert_eq!(status, 200, "{page}");
        let at = page.find("<div class=\"preview\"").expect(&page);
        page[at..].lines().nth(1).unwrap().to_owned()
    };
    assert_eq!(
        banner("es"),
        "<p>Aún sin traducir, se muestra en el idioma de origen:</p>"
    );
    assert_eq!(
        banner("ja"),
        "<p lang=\"fr\">Pas encore traduit, affiché dans la langue source :</p>"
    );
    let site = p.read("locales/fr/site.ftl");
    let line = site
        .lines()
        .find(|l| l.starts_with("preview-fallback"))
        .unwrap();
    p.write("locales/fr/site.ftl", &site.replace(line, ""));
    events.next(Duration::from_secs(10)).expect("a reload");
    assert_eq!(
        banner("ar"),
        "<p lang=\"en\">Not yet translated, shown in the source language:</p>"
    );
}

/// A new article shows up in the preview before it is translated.
#[test]
fn serve_previews_a_new_article_with_missing_fallback() {
    let p = Project::sample();
    let serve = Serve::start(&p, &[]);
    let mut events = serve.events();
    events.next(Duration::from_secs(10)).unwrap();
    assert_eq!(
        run(&p, &["new", "budget-2026", "--date", "2025-09-01"]).0,
        0
    );
    // Two files are saved: a build may come between them (and show a failure).
    let (mut status, mut page) = (0, String::new());
    for _ in 0..3 {
        events.next(Duration::from_secs(10)).expect("a reload");
        (status, _, page) = serve.get("/de/budget-2026.html");
        if status == 200 {
            break;
        }
    }
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("<h1 lang=\"fr\" dir=\"ltr\">Titre de l’article</h1>"),
        "{page}"
    );
}

/// `-q`: the address, failures, and no line for a good build.
#[test]
fn serve_quiet_tells_no_good_build() {
    let p = Project::sample();
    let mut serve = Serve::start(&p, &["-q"]);
    let mut events = serve.events();
    events.next(Duration::from_secs(10)).unwrap();
    set_title(&p, "Quietly edited");
    events.next(Duration::from_secs(10)).expect("a reload");
    assert!(serve.get(PAGE).2.contains("Quietly edited"));
    let _ = serve.child.kill();
    let _ = serve.child.wait();
    let lines: Vec<String> = serve.lines.try_iter().collect();
    assert!(lines.is_empty(), "{lines:?}");
}

#[test]
fn serve_refuses_a_port_in_use() {
    let p = Project::sample();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, _, stderr) = run(&p, &["serve", "--port", &port]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with(&format!("error: cannot listen on 127.0.0.1:{port}: ")),
        "{stderr}"
    );
    assert!(stderr.ends_with(" (choose another --port)\n"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn serve_open_opens_the_preview_in_the_browser() {
    let p = Project::empty();
    assert_eq!(run(&p, &["init"]).0, 0);
    let opened = p.path().join("opened");
    let browser = p.path().join("browser.sh");
    p.write(
        "browser.sh",
        // Written aside and renamed, so the file the test waits for appears whole.
        &format!(
            "#!/bin/sh\necho \"$1\" > '{0}.part' && mv '{0}.part' '{0}'\n",
            opened.display()
        ),
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cmd = p.process(&["serve", "--port", "0", "--open"]);
    cmd.env("BROWSER", &browser);
    let serve = Serve::run(cmd);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !opened.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let url = format!("{}/", serve.url);
    assert_eq!(std::fs::read_to_string(&opened).unwrap().trim_end(), url);
}

/// With no browser to open, `--open` says so, with the address to open by hand.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn serve_open_without_a_browser_says_so() {
    let p = Project::empty();
    assert_eq!(run(&p, &["init"]).0, 0);
    let mut cmd = p.process(&["serve", "--port", "0", "--open"]);
    for name in ["BROWSER", "DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME"] {
        cmd.env_remove(name);
    }
    let serve = Serve::run(cmd);
    let warning = serve
        .errors
        .recv_timeout(Duration::from_secs(10))
        .expect("a warning");
    assert_eq!(
        warning,
        format!(
            "warning: could not open a browser (no graphical display, and $BROWSER is not \
             set): open {}/ by hand",
            serve.url
        )
    );
}

/// Start `gazette serve --port 0 <args>` with both outputs read line by line.
fn spawn(p: &Project, args: &[&str]) -> (Child, impl BufRead, impl BufRead) {
    let mut all = vec!["serve", "--port", "0"];
    all.extend(args);
    let mut child = p
        .process(&all)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let stderr = BufReader::new(child.stderr.take().unwrap());
    (child, stdout, stderr)
}

/// The first line that starts with `serving `.
fn serving(stdout: &mut impl BufRead) -> String {
    let mut line = String::new();
    while !line.starts_with("serving ") {
        line.clear();
        assert_ne!(
            stdout.read_line(&mut line).unwrap(),
            0,
            "gazette serve ended"
        );
    }
    line
}

#[test]
fn serve_on_every_network_says_so() {
    let p = Project::empty();
    assert_eq!(run(&p, &["init"]).0, 0);
    let (mut child, mut stdout, mut stderr) = spawn(&p, &["--bind", "0.0.0.0"]);
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let serving = serving(&mut stdout);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        line,
        "warning: listening on 0.0.0.0: other machines can reach this preview\n"
    );
    assert!(
        serving.starts_with("serving http://localhost:"),
        "{serving}"
    );
}

/// Its builds take the project lock as `gazette build` does: a build or sync in progress is
/// waited for.
#[test]
fn serve_waits_for_a_writer_of_the_project() {
    use gazette::project_lock::{ProjectLock, Wait};
    let p = Project::sample();
    let held = ProjectLock::acquire(p.path(), "gazette build", Wait::No, |_| {}).unwrap();
    let (mut child, mut stdout, mut stderr) = spawn(&p, &[]);
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert_eq!(
        line,
        format!(
            "waiting for `gazette build` (process {}) to finish: it is writing to this project\n",
            std::process::id()
        )
    );
    assert!(!p.path().join(".gazette-cache/serve").exists());
    drop(held);
    serving(&mut stdout);
    let _ = child.kill();
    let _ = child.wait();
    assert!(p.path().join(".gazette-cache/serve/index.html").is_file());
}
