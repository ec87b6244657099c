//! `gazette serve`: the preview. The site is built into a folder of its own
//! ([`SERVE_OUT`], never `out/`), served over HTTP on this machine, built again whenever a
//! project file is saved, and the open pages reload themselves (server-sent events) when a
//! build changed what they show. Every build is `gazette build`'s own ([`crate::ops::build`]: the
//! project lock, the all-or-nothing publish, the incremental cache), except that `base_url`
//! is the server's address, so every link of the preview leads to the preview, and that it
//! is a preview ([`BuildOptions::preview`]): drafts are shown, and what keeps a page from
//! publication is on a banner. While the build fails, HTML pages are replaced by its
//! diagnostics.

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::config::CONFIG_FILE;
use crate::error::{Error, Result};
use crate::localise::{MissingPolicy, Pseudo};
use crate::ops::build::{self, BuildOptions, BuildOutcome};
use crate::project::{Project, STATIC};
use crate::project_lock::{ProjectLock, Wait};
use crate::records::{LEGACY_RECORDS_FILE, RECORDS_DIR};
use crate::report;

/// Where the preview is built, relative to the project root: beside the build cache, which
/// every project already keeps out of version control.
pub const SERVE_OUT: &str = ".gazette-cache/serve";

/// The path of the event stream the pages listen to.
const EVENTS: &str = "/__gazette/events";

/// Saves come in bursts (an editor writes a temporary file, renames it, sets its times): the
/// build starts once the project has been quiet this long.
const SETTLE: Duration = Duration::from_millis(20);

/// How often an idle event stream is written to, so a closed page's connection is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// A client that neither sends nor takes a byte for this long is dropped, and the thread
/// that answered it freed.
const STALLED: Duration = Duration::from_secs(30);

/// What the preview tells the person running it ([`crate::report`]'s words stay in the CLI).
#[derive(Debug)]
pub enum Event<'a> {
    /// The first build is done: the preview is at `url`.
    Serving { url: &'a str },
    /// A build published `files` new or changed files: the open pages reload.
    Built { files: usize, elapsed: Duration },
    /// A build changed nothing: no page reloads.
    Unchanged { elapsed: Duration },
    /// A build failed; `text` is what the pages show instead.
    Failed { text: &'a str },
    /// Another gazette command holds the project lock; the build waits for it.
    Waiting { holder: &'a str },
    /// For the first time, `pages` pages show texts in the source language (told once).
    Fallbacks { pages: usize },
}

/// A preview server, listening but not yet building ([`Server::run`]).
pub struct Server {
    http: Arc<tiny_http::Server>,
    root: PathBuf,
    url: String,
    state: Arc<State>,
    missing: MissingPolicy,
    /// Pages with texts in the source language were told of.
    told_fallbacks: std::sync::atomic::AtomicBool,
    /// A pseudo-locale edition added to every build (`--pseudo`).
    pseudo: Option<Pseudo>,
}

/// What the pages are shown, shared by the builder and the request threads.
struct State {
    shown: Mutex<Shown>,
    /// One sender per open page's event stream.
    listeners: Mutex<Vec<Sender<u64>>>,
    out: PathBuf,
    hosts: Hosts,
}

struct Shown {
    /// Changes whenever the pages must reload; a page knows the one it was served with.
    generation: u64,
    /// The failed build's page, shown instead of every HTML page until a build succeeds.
    failure: Option<String>,
}

impl Server {
    /// Listen on `addr:port` (`port` 0: any free port) for the project at `root`, whose
    /// builds treat missing translations as `missing` says.
    pub fn bind(root: &Path, addr: IpAddr, port: u16, missing: MissingPolicy) -> Result<Server> {
        let root = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
        let refused = |e: &dyn std::fmt::Display| {
            Error::Usage(format!(
                "cannot listen on {}: {e} (choose another --port)",
                SocketAddr::new(addr, port)
            ))
        };
        let listener = listen(SocketAddr::new(addr, port)).map_err(|e| refused(&e))?;
        let http = tiny_http::Server::from_listener(listener, None).map_err(|e| refused(&e))?;
        let local = http
            .server_addr()
            .to_ip()
            .unwrap_or_else(|| SocketAddr::new(addr, port));
        let host = match local.ip() {
            ip if ip.is_unspecified() => "localhost".to_owned(),
            IpAddr::V6(ip) => format!("[{ip}]"),
            IpAddr::V4(ip) => ip.to_string(),
        };
        let generation = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_millis() as u64);
        Ok(Server {
            http: Arc::new(http),
            url: format!("http://{host}:{}", local.port()),
            state: Arc::new(State {
                shown: Mutex::new(Shown {
                    generation,
                    failure: None,
                }),
                listeners: Mutex::default(),
                out: root.join(SERVE_OUT),
                hosts: Hosts {
                    bound: local.ip(),
                    port: local.port(),
                },
            }),
            root,
            missing,
            told_fallbacks: Default::default(),
            pseudo: None,
        })
    }

    /// Add this pseudo-locale edition to every build.
    pub fn with_pseudo(self, pseudo: Option<Pseudo>) -> Server {
        Server { pseudo, ..self }
    }

    /// Build, serve, and build again on every save, until the process ends. `tell` hears of
    /// every build.
    pub fn run(self, tell: &dyn Fn(Event)) -> Result<()> {
        // Watching starts before the first build, so a save during it is not missed.
        let (saved, changes) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |e| {
            let _ = saved.send(e);
        })
        .map_err(|e| watch_error(&self.root, e))?;
        watcher
            .watch(&self.root, RecursiveMode::Recursive)
            .map_err(|e| watch_error(&self.root, e))?;
        let mut watched = self.build(tell);
        let (http, state) = (Arc::clone(&self.http), Arc::clone(&self.state));
        std::thread::spawn(move || {
            while let Ok(request) = http.recv() {
                let state = Arc::clone(&state);
                // A thread per request: one waiting on a slow client holds up no other.
                std::thread::spawn(move || answer(&state, request));
            }
        });
        tell(Event::Serving { url: &self.url });
        while wait_for_save(&changes, &watched) {
            watched = self.build(tell);
        }
        Ok(())
    }

    /// One build, told and shown; returns the files and folders to watch for the next one.
    fn build(&self, tell: &dyn Fn(Event)) -> Vec<PathBuf> {
        let started = Instant::now();
        let (outcome, watched) = self.build_once(tell);
        let elapsed = started.elapsed();
        let mut shown = self.state.shown.lock().unwrap_or_else(|e| e.into_inner());
        let reload = match outcome {
            Ok(0) if shown.failure.is_none() => {
                tell(Event::Unchanged { elapsed });
                false
            }
            Ok(files) => {
                tell(Event::Built { files, elapsed });
                shown.failure = None;
                true
            }
            Err(text) => {
                tell(Event::Failed { text: &text });
                let page = failure_page(&text);
                let new = shown.failure.as_ref() != Some(&page);
                shown.failure = Some(page);
                new
            }
        };
        if reload {
            shown.generation += 1;
            let generation = shown.generation;
            let mut listeners = self
                .state
                .listeners
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            listeners.retain(|l| l.send(generation).is_ok());
        }
        watched
    }

    /// `gazette build` into [`SERVE_OUT`] under the project lock, with the server's address
    /// as `base_url`: the number of files it changed, or the text of why it failed.
    fn build_once(
        &self,
        tell: &dyn Fn(Event),
    ) -> (std::result::Result<usize, String>, Vec<PathBuf>) {
        let mut watched = inputs(&self.root, None);
        let built = (|| {
            let _lock = ProjectLock::acquire(&self.root, "gazette serve", Wait::Yes, |holder| {
                tell(Event::Waiting { holder })
            })?;
            // The preview is gazette's own folder: a link in its place (to `out/`, out of the
            // project) goes, the link itself, so the preview is never written through it.
            let preview = self.root.join(SERVE_OUT);
            if std::fs::symlink_metadata(&preview).is_ok_and(|m| m.is_symlink()) {
                std::fs::remove_file(&preview).map_err(|e| Error::io(SERVE_OUT, e))?;
            }
            let mut project = Project::load_lazy(&self.root)?;
            watched = inputs(&self.root, Some(&project));
            project.config.base_url = Some(self.url.clone());
            let options = BuildOptions {
                out: Some(SERVE_OUT.into()),
                missing: self.missing,
                preview: true,
                pseudo: self.pseudo,
                ..BuildOptions::default()
            };
            let outcome = build::build(&project, &options)?;
            Ok::<_, Error>((project, outcome))
        })();
        let outcome = match built {
            Ok((_, BuildOutcome::Built(summary, _))) => {
                self.tell_fallbacks(&summary, tell);
                Ok(summary.files + summary.removed)
            }
            Ok((project, BuildOutcome::Refused(report))) => {
                Err(report::human(&report, &|f| project.text_of_path(f), false))
            }
            Err(e) => Err(format!("error: {e}\n")),
        };
        (outcome, watched)
    }

    /// Name the pages with texts in the source language the first time there are some.
    fn tell_fallbacks(&self, summary: &build::Summary, tell: &dyn Fn(Event)) {
        let mut pages: Vec<(&str, &str)> = summary
            .fallbacks
            .iter()
            .map(|f| (f.lang.as_str(), f.slug.as_str()))
            .collect();
        pages.dedup();
        let told = &self.told_fallbacks;
        if !pages.is_empty() && !told.swap(true, std::sync::atomic::Ordering::Relaxed) {
            tell(Event::Fallbacks { pages: pages.len() });
        }
    }
}

/// Open `url` in the user's browser, or say why it cannot be (the user then opens it by hand).
pub fn open_in_browser(url: &str) -> std::result::Result<(), String> {
    if !can_show_a_browser() {
        return Err("no graphical display, and $BROWSER is not set".to_owned());
    }
    webbrowser::open(url).map_err(|e| e.to_string())
}

/// On Linux and the BSDs, a browser shows only in a graphical session (X11, Wayland) or
/// through WSL, unless `$BROWSER` names a program (a text browser, say): without one, the
/// launchers tried (`xdg-open`…) start and then fail unseen, in the background.
fn can_show_a_browser() -> bool {
    let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let elsewhere = cfg!(any(
        not(unix),
        target_os = "macos",
        target_os = "ios",
        target_os = "android"
    ));
    elsewhere
        || ["BROWSER", "DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME"]
            .into_iter()
            .any(set)
}

/// The listening socket, with timeouts that the sockets it accepts inherit (tiny_http, which
/// accepts them, gives no access to them).
fn listen(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let listener = std::net::TcpListener::bind(addr)?;
    let socket = socket2::SockRef::from(&listener);
    socket.set_read_timeout(Some(STALLED))?;
    socket.set_write_timeout(Some(STALLED))?;
    Ok(listener)
}

/// The names a request may give the preview in its `Host` header: this machine's (`localhost`,
/// a loopback address) or the address it is bound to, with its port. Any other name is
/// refused, so a site whose name is made to point at this machine (DNS rebinding) cannot
/// read the preview from a page in the editor's browser. Bound to every address (`0.0.0.0`),
/// any IP address is accepted: only a name can be rebound.
struct Hosts {
    bound: IpAddr,
    port: u16,
}

impl Hosts {
    fn allow(&self, host: Option<&str>) -> bool {
        let Some(host) = host else {
            return false;
        };
        let (name, port) = match host.strip_prefix('[') {
            Some(v6) => match v6.split_once(']') {
                Some((ip, rest)) => (ip, rest),
                None => return false,
            },
            None => host.find(':').map_or((host, ""), |at| host.split_at(at)),
        };
        let port = match port {
            "" => 80,
            port => match port.strip_prefix(':').and_then(|p| p.parse().ok()) {
                Some(port) => port,
                None => return false,
            },
        };
        let known = match name.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || ip == self.bound || self.bound.is_unspecified(),
            Err(_) => name.eq_ignore_ascii_case("localhost"),
        };
        known && port == self.port
    }
}

fn watch_error(root: &Path, e: notify::Error) -> Error {
    Error::io(
        root,
        std::io::Error::other(format!("cannot watch for saves: {e}")),
    )
}

/// The files and folders whose changes call for a build: the settings, the records, the
/// project's folders (the defaults while the settings cannot be read) and `static/`, and
/// where the symbolic links among them lead in the project.
fn inputs(root: &Path, project: Option<&Project>) -> Vec<PathBuf> {
    let folders: [&Path; 4] = match project {
        Some(p) => [
            &p.config.content,
            &p.config.locales,
            &p.config.templates,
            STATIC.as_ref(),
        ],
        None => [
            "content".as_ref(),
            "locales".as_ref(),
            "templates".as_ref(),
            STATIC.as_ref(),
        ],
    };
    let mut inputs: Vec<PathBuf> = folders.iter().map(|f| root.join(f)).collect();
    inputs.extend([CONFIG_FILE, RECORDS_DIR, LEGACY_RECORDS_FILE].map(|f| root.join(f)));
    let linked = link_targets(root, &inputs);
    inputs.extend(linked);
    inputs
}

/// Where the symbolic links among `paths` and under them lead, inside `root`: a save to a
/// linked file is seen at its target's path. Not gazette's own folders, nor a folder holding
/// the project, whose every change (the preview's own files) would call for a build again.
fn link_targets(root: &Path, paths: &[PathBuf]) -> Vec<PathBuf> {
    let own = root.join(crate::store::DIR);
    let mut targets = Vec::new();
    let mut todo: Vec<(PathBuf, Option<std::fs::FileType>)> =
        paths.iter().map(|p| (p.clone(), None)).collect();
    while let Some((path, kind)) = todo.pop() {
        let Some(kind) = kind.or_else(|| path.symlink_metadata().ok().map(|m| m.file_type()))
        else {
            continue;
        };
        if kind.is_symlink() {
            targets.extend(
                path.canonicalize().ok().filter(|t| {
                    t.starts_with(root) && !root.starts_with(t) && !t.starts_with(&own)
                }),
            );
        } else if kind.is_dir() {
            let entries = std::fs::read_dir(&path).into_iter().flatten().flatten();
            todo.extend(entries.map(|e| (e.path(), e.file_type().ok())));
        }
    }
    targets
}

/// Wait for a save to one of `watched`, then for the project to settle; false when the
/// watcher is gone. Reading a file is no save: a build reads them all.
fn wait_for_save(changes: &Receiver<notify::Result<notify::Event>>, watched: &[PathBuf]) -> bool {
    let is_save = |event: &notify::Result<notify::Event>| match event {
        Ok(e) => {
            !matches!(e.kind, EventKind::Access(_))
                && e.paths
                    .iter()
                    .any(|p| watched.iter().any(|w| p.starts_with(w)))
        }
        // Events were lost (a full queue): build to be sure.
        Err(_) => true,
    };
    loop {
        match changes.recv() {
            Ok(event) if is_save(&event) => break,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    while changes.recv_timeout(SETTLE).is_ok() {}
    true
}

/// The page shown instead of every HTML page while the build fails.
fn failure_page(text: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>gazette: the build failed</title>\n<style>\
         body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;\
         color:#1a1a1a}}h1{{color:#a40000;font-size:1.4rem}}\
         pre{{background:#f6f6f6;border-left:4px solid #a40000;padding:1rem;overflow-x:auto;\
         white-space:pre-wrap}}</style>\n</head>\n<body>\n<main>\n\
         <h1>The build failed</h1>\n<p>Fix what is shown below and save: this page turns back \
         into the site as soon as the build succeeds.</p>\n<pre id=\"gazette-diagnostics\">{}</pre>\n\
         </main>\n</body>\n</html>\n",
        quick_xml::escape::escape(text)
    )
}

/// Answer one request: the event stream, the failed build's page, or a file of the preview
/// (pages whole, to add the reload script; other files streamed).
fn answer(state: &Arc<State>, request: tiny_http::Request) {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str());
    if !state.hosts.allow(host) {
        let refusal = tiny_http::Response::from_string(format!(
            "gazette serve answers only requests for localhost, 127.0.0.1, [::1] or the \
             address it listens on, port {}\n",
            state.hosts.port
        ));
        return send(request, refusal.with_status_code(403), "txt");
    }
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    if path == EVENTS {
        return stream_events(state, request);
    }
    let (generation, failure) = {
        let shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
        (shown.generation, shown.failure.clone())
    };
    let file = local_file(&state.out, &path);
    let kind = file.as_deref().map_or("", extension);
    let is_page = path.ends_with('/') || path.ends_with(".html") || kind == "html";
    let page = |status, bytes| {
        let bytes = with_reload(bytes, generation);
        tiny_http::Response::from_data(bytes).with_status_code(status)
    };
    let opened = file.as_ref().map(std::fs::File::open);
    match (failure, opened) {
        (Some(failure), _) if is_page => send(request, page(500, failure.into_bytes()), "html"),
        (_, Some(Ok(mut opened))) if kind == "html" => {
            let mut bytes = Vec::new();
            match opened.read_to_end(&mut bytes) {
                Ok(_) => send(request, page(200, bytes), "html"),
                Err(_) => send(request, page(404, not_found(&path)), "html"),
            }
        }
        (_, Some(Ok(opened))) => send(request, tiny_http::Response::from_file(opened), kind),
        _ => send(request, page(404, not_found(&path)), "html"),
    }
}

/// Send a response of `kind`, never kept by the browser's cache.
fn send<R: Read>(request: tiny_http::Request, response: tiny_http::Response<R>, kind: &str) {
    let response = response
        .with_header(header("Content-Type", content_type(kind)))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

/// The file of the preview a URL path names (`/fr/` is `/fr/index.html`), never outside it,
/// even through a symbolic link.
fn local_file(out: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(url_path)
        .decode_utf8()
        .ok()?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    // gazette's own files (an output's marker, as earlier versions left it inside) are no
    // part of the site.
    if rel
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with(".gazette"))
    {
        return None;
    }
    let out = out.canonicalize().ok()?;
    let path = out.join(rel);
    let path = if path.is_dir() {
        path.join("index.html")
    } else {
        path
    };
    let real = path.canonicalize().ok()?;
    (real.starts_with(&out) && real.is_file()).then_some(real)
}

fn extension(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "html",
        Some("txt") => "txt",
        Some("xml") => "xml",
        Some("css") => "css",
        Some("js") => "js",
        Some("json") => "json",
        Some("svg") => "svg",
        Some("png") => "png",
        Some("jpg" | "jpeg") => "jpg",
        Some("gif") => "gif",
        Some("webp") => "webp",
        Some("mp4") => "mp4",
        Some("webm") => "webm",
        _ => "",
    }
}

fn content_type(kind: &str) -> &'static str {
    match kind {
        "html" => "text/html; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn not_found(path: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Not found</title>\n</head>\n<body>\n<main>\n<h1>Not found</h1>\n\
         <p>The preview has no <code>{}</code>.</p>\n<p><a href=\"/\">The site's home page</a></p>\n\
         </main>\n</body>\n</html>\n",
        quick_xml::escape::escape(path)
    )
    .into_bytes()
}

/// An HTML page with the script that reloads it when the preview's generation is no longer
/// the one it was served with. It goes before `</body>` (at the end if there is none); the
/// preview's files are left as the build wrote them.
fn with_reload(mut page: Vec<u8>, generation: u64) -> Vec<u8> {
    let script = format!(
        "<script>new EventSource(\"{EVENTS}\").onmessage = (e) => {{ \
         if (e.data !== \"{generation}\") location.reload(); }};</script>\n"
    );
    let at = page
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len());
    page.splice(at..at, script.into_bytes());
    page
}

/// Keep an event stream open: the current generation at once, then every new one (the page
/// reloads when it is not its own).
fn stream_events(state: &Arc<State>, request: tiny_http::Request) {
    let (sender, generations) = mpsc::channel();
    state
        .listeners
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(sender);
    let current = state
        .shown
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .generation;
    let mut stream = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    let mut sent = write!(stream, "{head}data: {current}\n\n").and_then(|()| stream.flush());
    while sent.is_ok() {
        sent = match generations.recv_timeout(KEEP_ALIVE) {
            Ok(g) => write!(stream, "data: {g}\n\n"),
            Err(RecvTimeoutError::Timeout) => stream.write_all(b": keep-alive\n\n"),
            Err(RecvTimeoutError::Disconnected) => break,
        }
        .and_then(|()| stream.flush());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_never_lead_outside_the_preview() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("fr")).unwrap();
        std::fs::write(out.join("index.html"), "x").unwrap();
        std::fs::write(out.join("fr/index.html"), "x").unwrap();
        std::fs::write(out.join("fr/a b.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret"), "x").unwrap();
        assert_eq!(local_file(&out, "/"), Some(out.join("index.html")));
        assert_eq!(local_file(&out, "/fr/"), Some(out.join("fr/index.html")));
        assert_eq!(
            local_file(&out, "/fr/a%20b.html"),
            Some(out.join("fr/a b.html"))
        );
        assert_eq!(local_file(&out, "/../secret"), None);
        assert_eq!(local_file(&out, "/fr/%2e%2e/../secret"), None);
        assert_eq!(local_file(&out, "/nothing.html"), None);
        std::fs::write(out.join(".gazette-output"), "gazette output x").unwrap();
        assert_eq!(local_file(&out, "/.gazette-output"), None);
        assert_eq!(local_file(&out, "/fr/%2Egazette-output"), None);
    }

    #[test]
    fn only_this_machine_s_names_are_answered() {
        let loopback = Hosts {
            bound: IpAddr::from([127, 0, 0, 1]),
            port: 3000,
        };
        for host in [
            "localhost:3000",
            "LocalHost:3000",
            "127.0.0.1:3000",
            "[::1]:3000",
        ] {
            assert!(loopback.allow(Some(host)), "{host}");
        }
        for host in [
            "evil.example:3000",
            "localhost:3001",
            "localhost",
            "localhost.:3000",
            "192.168.1.5:3000",
            "[::1:3000",
            "::1:3000",
            "localhost:30x0",
            "",
        ] {
            assert!(!loopback.allow(Some(host)), "{host}");
        }
        assert!(!loopback.allow(None));
        let everywhere = Hosts {
            bound: IpAddr::from([0, 0, 0, 0]),
            port: 80,
        };
        assert!(everywhere.allow(Some("192.168.1.5")));
        assert!(everywhere.allow(Some("[fe80::1]:80")));
        assert!(!everywhere.allow(Some("gazette.example")));
    }

    #[test]
    fn accepted_connections_inherit_the_timeouts() {
        let listener = listen(SocketAddr::from(([127, 0, 0, 1], 0))).unwrap();
        let _client = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (accepted, _) = listener.accept().unwrap();
        assert_eq!(accepted.write_timeout().unwrap(), Some(STALLED));
        assert_eq!(accepted.read_timeout().unwrap(), Some(STALLED));
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let page = with_reload(b"<html><body><p>x</p></body></html>".to_vec(), 7);
        let page = String::from_utf8(page).unwrap();
        assert!(
            page.starts_with("<html><body><p>x</p><script>new EventSource"),
            "{page}"
        );
        assert!(page.contains("e.data !== \"7\""), "{page}");
        assert!(page.ends_with("</script>\n</body></html>"), "{page}");
        let bare = String::from_utf8(with_reload(b"text".to_vec(), 1)).unwrap();
        assert!(bare.starts_with("text<script>"), "{bare}");
    }

    #[test]
    fn the_failure_page_shows_the_diagnostics_escaped() {
        let page = failure_page("error: <b>x</b> & y\n  --> locales/de/a.ftl:3");
        assert!(page.contains("&lt;b&gt;x&lt;/b&gt; &amp; y\n  --&gt; locales/de/a.ftl:3"));
    }
}
