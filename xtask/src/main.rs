//! `cargo xtask`: the project's automation, in Rust so that a fresh clone
//! needs nothing but cargo to start (the cargo-xtask convention; the alias
//! is in `.cargo/config.toml`).
//!
//! ```text
//! cargo xtask setup [--browser]   install what is missing (idempotent)
//! cargo xtask build               WASM → www/pkg (wasm-bindgen + wasm-opt)
//! cargo xtask serve [--port N]    build, then serve www/ on 127.0.0.1
//! cargo xtask test                every test: native, WASM in Chromium, page
//! cargo xtask dist                build, then a ready-to-copy dist/ folder
//! cargo xtask bench               speed, memory and size figures → bench-results.json
//! ```
//!
//! May not touch: the library. This crate only runs commands, copies files
//! and serves the page; it has no dependencies so that it builds in seconds.
//! Every step prints what it runs, and any failure stops the task with a
//! non-zero exit.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const USAGE: &str = "\
cargo xtask <task>

TASKS:
    setup [--browser]   install what is missing: the wasm32 target, the wasm-bindgen CLI
                        matching Cargo.lock, npm packages (wasm-opt, playwright-core);
                        with --browser also Debian's chromium and chromium-driver
    build               build the WASM into www/pkg (release, wasm-bindgen, wasm-opt -O3)
    serve [--port N]    build, then serve www/ on http://127.0.0.1:N/ (default 8000)
    test                setup, cargo test --workspace, the WASM binding tests in headless
                        Chromium, build, and the page tests (node --test tests/browser/)
    dist                build, then copy the page, the embed files and pkg/ to dist/
    bench               native, Node and Chromium throughput, scaling, peak memory,
                        time to first highlight, and sizes; writes bench-results.json
";

/// A task failure: what went wrong, already phrased for the user.
type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut ctx = Ctx::new();
    let result = match args.first().map(String::as_str) {
        Some("setup") => {
            let browser = args.iter().any(|a| a == "--browser");
            ctx.setup(browser)
        }
        Some("build") => ctx.build(),
        Some("serve") => serve_args(&args[1..]).and_then(|port| ctx.serve(port)),
        Some("test") => ctx.test(),
        Some("dist") => ctx.dist(),
        Some("bench") => ctx.bench(),
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown task {other:?}\n\n{USAGE}")),
    };
    ctx.print_summary(result.is_ok());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve_args(args: &[String]) -> Result<u16> {
    let mut port = 8000;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.split_once('=') {
            Some(("--port", v)) => v.to_string(),
            _ if a == "--port" => it.next().cloned().ok_or("--port needs a value")?,
            _ => return Err(format!("serve: unknown argument {a:?}")),
        };
        port = value.parse().map_err(|_| format!("--port: not a port number: {value:?}"))?;
    }
    Ok(port)
}

/// The repository and the steps run so far (for the summary).
struct Ctx {
    root: PathBuf,
    steps: Vec<(String, Duration, &'static str)>,
    setup_done: bool,
    browser_done: bool,
    built: bool,
}

impl Ctx {
    fn new() -> Ctx {
        // xtask/ is one level below the workspace root.
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask has a parent").to_path_buf();
        Ctx { root, steps: Vec::new(), setup_done: false, browser_done: false, built: false }
    }

    /// Runs one named step, timing it and announcing it.
    fn step(&mut self, name: &str, f: impl FnOnce(&mut Ctx) -> Result) -> Result {
        println!("\n==> {name}");
        let t = Instant::now();
        let r = f(self);
        let status = if r.is_ok() { "ok" } else { "FAILED" };
        self.steps.push((name.to_string(), t.elapsed(), status));
        r.map_err(|e| format!("{name}: {e}"))
    }

    fn print_summary(&self, ok: bool) {
        if self.steps.len() < 2 {
            return;
        }
        println!("\n==> summary");
        let total: Duration = self.steps.iter().map(|s| s.1).sum();
        for (name, d, status) in &self.steps {
            println!("  {status:<6} {:>7.1} s  {name}", d.as_secs_f64());
        }
        println!("  {:<6} {:>7.1} s  total", if ok { "ok" } else { "FAILED" }, total.as_secs_f64());
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn cmd(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.current_dir(&self.root);
        c
    }

    // ---------------------------------------------------------------- setup

    fn setup(&mut self, browser: bool) -> Result {
        if !self.setup_done {
            self.step("setup: wasm32 target", |c| c.setup_target())?;
            self.step("setup: wasm-bindgen CLI", |c| c.setup_wasm_bindgen())?;
            self.step("setup: npm packages", |c| c.setup_npm())?;
            self.setup_done = true;
        }
        if browser && !self.browser_done {
            self.step("setup: chromium and chromedriver", |c| c.setup_browser())?;
            self.browser_done = true;
        }
        Ok(())
    }

    fn setup_target(&mut self) -> Result {
        let installed = output(self.cmd("rustup").args(["target", "list", "--installed"]));
        match installed {
            Ok(list) if list.lines().any(|l| l.trim() == "wasm32-unknown-unknown") => {
                println!("wasm32-unknown-unknown is installed");
                Ok(())
            }
            Ok(_) => run(self.cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"])),
            Err(e) => Err(format!("rustup is needed to add the wasm32 target ({e}); see https://rustup.rs")),
        }
    }

    /// The version of `name` in Cargo.lock.
    fn locked_version(&self, name: &str) -> Result<String> {
        let lock = read(&self.path("Cargo.lock"))?;
        let needle = format!("name = \"{name}\"\nversion = \"");
        let at = lock.find(&needle).ok_or(format!("{name} is not in Cargo.lock"))? + needle.len();
        let end = lock[at..].find('"').ok_or("Cargo.lock: unterminated version")?;
        Ok(lock[at..at + end].to_string())
    }

    fn setup_wasm_bindgen(&mut self) -> Result {
        let want = self.locked_version("wasm-bindgen")?;
        // The CLI must match the library exactly: the generated JS and the
        // WASM's custom section share an unversioned schema.
        let have = |bin: &str| output(self.cmd(bin).arg("--version")).unwrap_or_default();
        let cli = have("wasm-bindgen");
        let runner = have("wasm-bindgen-test-runner");
        let matches = |s: &str| s.split_whitespace().nth(1) == Some(want.as_str());
        if matches(&cli) && matches(&runner) {
            println!("wasm-bindgen {want} is installed (the version in Cargo.lock)");
            return Ok(());
        }
        println!(
            "need wasm-bindgen {want}; found: {}",
            if cli.trim().is_empty() { "none".to_string() } else { cli.trim().to_string() }
        );
        let locked =
            run(self.cmd("cargo").args(["install", "wasm-bindgen-cli", "--version", &want, "--locked", "--force"]));
        if locked.is_err() {
            // Seen on these machines: a version pinned in the CLI's own lock
            // file was missing from the registry copy.
            println!("`cargo install --locked` failed; retrying without --locked");
            run(self.cmd("cargo").args(["install", "wasm-bindgen-cli", "--version", &want, "--force"]))?;
        }
        Ok(())
    }

    fn setup_npm(&mut self) -> Result {
        for tool in ["node", "npm"] {
            if output(self.cmd(tool).arg("--version")).is_err() {
                return Err(format!(
                    "{tool} is not installed: install Node.js 20 or later (Debian: apt-get install -y nodejs npm)"
                ));
            }
        }
        let stamp = self.path("node_modules/.package-lock.json");
        let fresh = modified(&stamp)
            .zip(modified(&self.path("package-lock.json")))
            .is_some_and(|(installed, lock)| installed >= lock)
            && self.path("node_modules/.bin/wasm-opt").exists()
            && self.path("node_modules/playwright-core/package.json").exists();
        if fresh {
            println!("node_modules is up to date with package-lock.json");
            return Ok(());
        }
        run(self.cmd("npm").args(["ci", "--no-audit", "--no-fund"]))
    }

    fn setup_browser(&mut self) -> Result {
        let chromium = Path::new("/usr/bin/chromium").exists();
        let driver = chromedriver().is_some();
        if chromium && driver {
            println!("/usr/bin/chromium and chromedriver are installed");
            return Ok(());
        }
        let is_root = output(Command::new("id").arg("-u")).map(|s| s.trim() == "0").unwrap_or(false);
        if !is_root {
            return Err("Chromium and ChromeDriver are missing; as root, run:\n    \
                 apt-get update && apt-get install -y chromium chromium-driver"
                .into());
        }
        run(Command::new("apt-get").arg("update"))?;
        run(Command::new("apt-get")
            .args(["install", "-y", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
        if chromedriver().is_none() {
            return Err("chromium-driver was installed but no chromedriver was found".into());
        }
        Ok(())
    }

    // ---------------------------------------------------------------- build

    fn build(&mut self) -> Result {
        if self.built {
            return Ok(());
        }
        self.setup(false)?;
        self.step("build: cargo build (wasm32, release)", |c| {
            run(c.cmd("cargo").args([
                "build",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "--lib",
                "-p",
                "newsmark",
            ]))
        })?;
        let input = self.path("target/wasm32-unknown-unknown/release/newsmark.wasm");
        let out = self.path("www/pkg/newsmark_bg.wasm");
        let stamp_path = self.path("www/pkg/.build-stamp");
        // wasm-opt takes 10–20 s; skip both steps when the WASM cargo built
        // is the one already processed.
        let stamp = format!("{}{}\n", fingerprint(&input)?, WASM_OPT.join(" "));
        if out.exists()
            && self.path("www/pkg/newsmark.js").exists()
            && read(&stamp_path).ok().as_deref() == Some(&stamp)
        {
            println!("\nwww/pkg is up to date with {} (skipping wasm-bindgen and wasm-opt)", input.display());
        } else {
            self.step("build: wasm-bindgen → www/pkg", |c| {
                run(c
                    .cmd("wasm-bindgen")
                    .args(["--target", "web", "--out-dir", "www/pkg", "--out-name", "newsmark"])
                    .arg(&input))
            })?;
            inline_snippets(&self.path("www/pkg"))?;
            // The glue is an ES module with a .js extension: this lets Node
            // import it as it is (the bench, scripts); browsers ignore it.
            std::fs::write(self.path("www/pkg/package.json"), "{ \"type\": \"module\" }\n")
                .map_err(|e| format!("www/pkg/package.json: {e}"))?;
            self.step("build: wasm-opt -O3", |c| {
                let opt = c.path("node_modules/.bin/wasm-opt");
                run(c.cmd(opt.to_str().unwrap()).args(WASM_OPT).args([
                    "www/pkg/newsmark_bg.wasm",
                    "-o",
                    "www/pkg/newsmark_bg.wasm",
                ]))
            })?;
            std::fs::write(&stamp_path, &stamp).map_err(|e| format!("{}: {e}", stamp_path.display()))?;
        }
        for f in ["www/pkg/newsmark.js", "www/pkg/newsmark_bg.wasm"] {
            let len = std::fs::metadata(self.path(f)).map(|m| m.len()).unwrap_or(0);
            println!("  {f}: {len} bytes");
        }
        self.built = true;
        Ok(())
    }

    // ---------------------------------------------------------------- serve

    fn serve(&mut self, port: u16) -> Result {
        self.build()?;
        let www = self.path("www");
        if !www.join("index.html").exists() {
            println!("note: www/index.html does not exist yet; serving the folder anyway");
        }
        let listener =
            TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        println!("\n==> serving {} at http://127.0.0.1:{port}/  (Ctrl-C to stop)", www.display());
        for stream in listener.incoming().flatten() {
            let www = www.clone();
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                if let Err(e) = handle(stream, &www) {
                    eprintln!("serve: {e}");
                }
            });
        }
        Ok(())
    }

    // ---------------------------------------------------------------- test

    fn test(&mut self) -> Result {
        self.setup(true)?;
        self.step("test: cargo test --workspace (unit, integration, doc)", |c| {
            run(c.cmd("cargo").args(["test", "--workspace"]))
        })?;
        self.step("test: WASM bindings in headless Chromium (wasm-bindgen-test)", |c| {
            let driver = chromedriver().ok_or("chromedriver not found")?;
            run(c
                .cmd("cargo")
                .args(["test", "-p", "newsmark", "--target", "wasm32-unknown-unknown", "--test", "wasm"])
                .env("CHROMEDRIVER", driver)
                // The runner's default, 20 s for the whole suite, is tight for
                // a debug build on two busy cores.
                .env("WASM_BINDGEN_TEST_TIMEOUT", "180")
                // Only the browser: the tests are configured run_in_browser.
                .env_remove("GECKODRIVER")
                .env_remove("SAFARIDRIVER"))
        })?;
        self.build()?;
        let tests = browser_tests(&self.path("tests/browser"));
        if tests.is_empty() {
            println!("\n==> test: page tests: skipped (no test files in tests/browser/)");
            self.steps.push(("test: page tests (skipped: none found)".into(), Duration::ZERO, "skip"));
            return Ok(());
        }
        self.step("test: page in headless Chromium (node --test tests/browser/)", |c| {
            let mut cmd = c.cmd("node");
            // Lets test files use `import` without a "type": "module".
            cmd.args(["--experimental-detect-module", "--test", "--test-concurrency=1"]);
            for t in &tests {
                cmd.arg(t.strip_prefix(&c.root).unwrap_or(t));
            }
            run(cmd.env("CHROMIUM", "/usr/bin/chromium"))
        })
    }

    // ---------------------------------------------------------------- dist

    fn dist(&mut self) -> Result {
        self.build()?;
        self.step("dist: copy www/ → dist/", |c| {
            let dist = c.path("dist");
            if dist.exists() {
                std::fs::remove_dir_all(&dist).map_err(|e| format!("removing {}: {e}", dist.display()))?;
            }
            let mut files = Vec::new();
            copy_tree(&c.path("www"), &dist, &mut files)?;
            files.sort();
            for (rel, len) in &files {
                println!("  dist/{rel}  {len} bytes");
            }
            println!(
                "{} files in {}; copy the folder to any static host that serves .wasm as application/wasm",
                files.len(),
                dist.display()
            );
            Ok(())
        })
    }

    // ---------------------------------------------------------------- bench

    fn bench(&mut self) -> Result {
        self.setup(true)?;
        self.build()?;
        self.step("bench: native (cargo bench --bench throughput)", |c| {
            run(c.cmd("cargo").args([
                "bench",
                "-p",
                "newsmark",
                "--bench",
                "throughput",
                "--",
                "--out-dir",
                "target/bench",
            ]))
        })?;
        self.step("bench: WASM in Node and Chromium, first highlight, sizes", |c| {
            run(c.cmd("node").args(["benches/bench.mjs", "target/bench", "bench-results.json"]))
        })
    }
}

// -------------------------------------------------------------------- helpers

/// Runs a command, echoing it, and fails on a non-zero exit.
fn run(cmd: &mut Command) -> Result {
    println!("$ {}", show(cmd));
    let status = cmd.status().map_err(|e| format!("cannot run {}: {e}", cmd.get_program().to_string_lossy()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", show(cmd)))
    }
}

/// Runs a command quietly and returns its standard output.
fn output(cmd: &mut Command) -> Result<String> {
    let out = cmd.output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("exit {}", out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn show(cmd: &Command) -> String {
    let mut s = String::new();
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            let _ = write!(s, "{}={} ", k.to_string_lossy(), v.to_string_lossy());
        }
    }
    s.push_str(&cmd.get_program().to_string_lossy());
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Copies the JavaScript snippets wasm-bindgen emitted (`src/wasm_unpack.js`)
/// into the glue in place of their imports, and removes `snippets/`.
///
/// The glue imports each snippet from a folder named by a hash, which the
/// browser only discovers once it has parsed the glue: measured on the page,
/// that extra round trip came after `app.js` and before the first highlight.
/// Inlined, the page loads one module fewer. A snippet is a plain module
/// whose exports are the functions the glue imports by name.
fn inline_snippets(pkg: &Path) -> Result {
    let glue_path = pkg.join("newsmark.js");
    let glue = read(&glue_path)?;
    let mut out = String::with_capacity(glue.len() + 4096);
    for line in glue.lines() {
        let import = line
            .strip_prefix("import {")
            .and_then(|rest| rest.split_once("} from './snippets/"))
            .and_then(|(_, path)| path.strip_suffix("';"));
        match import {
            Some(rel) => {
                let code = read(&pkg.join("snippets").join(rel))?;
                out.push_str(&format!("// Inlined from {rel} by `cargo xtask build`.\n"));
                for l in code.lines() {
                    out.push_str(l.strip_prefix("export ").unwrap_or(l));
                    out.push('\n');
                }
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    if out.contains("./snippets/") {
        return Err("www/pkg/newsmark.js: a snippet import was not inlined".into());
    }
    std::fs::write(&glue_path, out).map_err(|e| format!("{}: {e}", glue_path.display()))?;
    let snippets = pkg.join("snippets");
    if snippets.exists() {
        std::fs::remove_dir_all(&snippets).map_err(|e| format!("{}: {e}", snippets.display()))?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Size and modification time: enough to tell that cargo rewrote a file.
fn fingerprint(path: &Path) -> Result<String> {
    let m = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let t = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
    Ok(format!("{} {}.{:09}\n", m.len(), t.as_secs(), t.subsec_nanos()))
}

/// wasm-opt's options for the page's WASM (part of www/pkg's stamp, so
/// that changing them rebuilds it).
///
/// `-O3`, except that a function of over 200 bytes with one caller is no
/// longer inlined into it. By default wasm-opt inlines every such function,
/// which merged each layer into a few functions of 15–52 KB with 60–77
/// locals. V8 compiles a function with its baseline compiler (Liftoff) on
/// its first call, on the main thread, and Liftoff's time per byte grows
/// with a function's locals: in Chromium 156 the first analyze() spent
/// ~27 ms compiling (10 ms of it on the 52 KB function) and spends ~18 ms
/// with this limit (the same code, in functions of at most 27 KB). The
/// optimizing tier also compiles hot functions faster when they are
/// smaller. Throughput in V8 and the gzipped size stayed the same (the
/// size 3 KB smaller).
const WASM_OPT: &[&str] = &["-O3", "--one-caller-inline-max-function-size", "200"];

/// `chromedriver` from $CHROMEDRIVER, /usr/bin or PATH.
fn chromedriver() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMEDRIVER").map(PathBuf::from).filter(|p| p.is_file()) {
        return Some(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::iter::once(PathBuf::from("/usr/bin"))
        .chain(std::env::split_paths(&path))
        .map(|d| d.join("chromedriver"))
        .find(|p| p.is_file())
}

/// Test files under `dir` by node's default naming (`*.test.js`,
/// `test-*.mjs`, …), sorted.
fn browser_tests(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name == "node_modules" || name.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let Some(stem) = [".js", ".mjs", ".cjs"].iter().find_map(|ext| name.strip_suffix(ext)) else {
                continue;
            };
            if stem == "test"
                || stem.ends_with(".test")
                || stem.ends_with("-test")
                || stem.ends_with("_test")
                || stem.starts_with("test-")
            {
                found.push(p);
            }
        }
    }
    found.sort();
    found
}

/// Copies `from` into `to` recursively, skipping dotfiles (build stamps,
/// .gitignore), and lists what it copied.
fn copy_tree(from: &Path, to: &Path, files: &mut Vec<(String, u64)>) -> Result {
    fn walk(base: &Path, dir: &Path, to: &Path, files: &mut Vec<(String, u64)>) -> Result {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for e in entries.flatten() {
            let name = e.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let p = e.path();
            let rel = p.strip_prefix(base).unwrap();
            let dest = to.join(rel);
            if p.is_dir() {
                walk(base, &p, to, files)?;
            } else {
                std::fs::create_dir_all(dest.parent().unwrap()).map_err(|e| format!("{}: {e}", dest.display()))?;
                let len = std::fs::copy(&p, &dest).map_err(|e| format!("copying {}: {e}", p.display()))?;
                files.push((rel.to_string_lossy().into_owned(), len));
            }
        }
        Ok(())
    }
    walk(from, from, to, files)
}

// ------------------------------------------------------------- static server

/// Serves one request for a file under `root`: GET and HEAD only, paths
/// percent-decoded and confined to `root` (no `..`), directories mapped to
/// their index.html.
fn handle(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.by_ref().take(8192).read_line(&mut request_line)?;
    // Drain the headers; nothing in them matters to a static server.
    loop {
        let mut line = String::new();
        if reader.by_ref().take(8192).read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let respond = |stream: &mut TcpStream, status: &str, ctype: &str, body: &[u8], head: bool| {
        let header = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n\
             X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(header.as_bytes())?;
        if !head {
            stream.write_all(body)?;
        }
        stream.flush()
    };
    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, "405 Method Not Allowed", "text/plain", b"method not allowed\n", false);
    }
    let head = method == "HEAD";
    let Some(path) = resolve(root, target) else {
        return respond(&mut stream, "400 Bad Request", "text/plain", b"bad path\n", head);
    };
    let path = if path.is_dir() { path.join("index.html") } else { path };
    match std::fs::read(&path) {
        Ok(body) => {
            println!("  200 {target}");
            respond(&mut stream, "200 OK", mime(&path), &body, head)
        }
        Err(_) => {
            println!("  404 {target}");
            respond(&mut stream, "404 Not Found", "text/plain", b"not found\n", head)
        }
    }
}

/// The file a request target names under `root`, or `None` if the path
/// would leave `root` or is malformed.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    let mut out = root.to_path_buf();
    for c in Path::new(&decoded).components() {
        match c {
            Component::RootDir | Component::CurDir => {}
            Component::Normal(s) => out.push(s),
            Component::ParentDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    // A decoded NUL or backslash has no business in a file name here.
    (!s.contains(['\0', '\\'])).then_some(s)
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "txt" | "md" => "text/plain; charset=utf-8",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_root() {
        let root = Path::new("/srv/www");
        assert_eq!(resolve(root, "/"), Some(PathBuf::from("/srv/www")));
        assert_eq!(resolve(root, "/pkg/newsmark.js?v=1"), Some(PathBuf::from("/srv/www/pkg/newsmark.js")));
        assert_eq!(resolve(root, "/a%20b.html"), Some(PathBuf::from("/srv/www/a b.html")));
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(root, "/pkg/%2E%2E/%2E%2E/x"), None);
        assert_eq!(resolve(root, "/a%5c..%5cb"), None);
        assert_eq!(resolve(root, "/%zz"), None);
        assert_eq!(resolve(root, "http://example.com/"), None);
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(mime(Path::new("pkg/newsmark_bg.wasm")), "application/wasm");
        assert_eq!(mime(Path::new("pkg/newsmark.js")), "text/javascript; charset=utf-8");
    }

    #[test]
    fn finds_test_files_by_node_naming() {
        let dir = std::env::temp_dir().join(format!("xtask-bt-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for f in ["page.test.mjs", "helpers.mjs", "sub/test-embed.js", "server.js"] {
            std::fs::write(dir.join(f), "").unwrap();
        }
        let found: Vec<_> =
            browser_tests(&dir).iter().map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned()).collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found, ["page.test.mjs", "sub/test-embed.js"]);
    }
}
