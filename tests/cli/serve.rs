//! `gazette serve`: the preview over HTTP, rebuilt on save, reloaded through its event stream,
//! and the failed build's page. (The same in a real browser: scripts/serve-e2e.mjs.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use super::support::{run, Project};

/// A running `gazette serve`, killed when dropped; its stdout lines come through a channel.
struct Serve {
    child: Child,
    lines: Receiver<String>,
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
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (send, lines) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let _ = send.send(line.unwrap());
            }
        });
        let mut serve = Serve {
            child,
            lines,
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
        let mut stream = TcpStream::connect(("127.0.0.1", self.port())).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
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
        write!(stream, "GET /__gazette/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert_eq!(line, "HTTP/1.1 200 OK\r\n");
        Events { reader }
    }
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

/// A new article shows up in the preview; with `--missing fallback`, before it is translated.
#[test]
fn serve_previews_a_new_article_with_missing_fallback() {
    let p = Project::sample();
    let serve = Serve::start(&p, &["--missing", "fallback"]);
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
