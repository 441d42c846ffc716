//! Debian's nginx as the reverse proxy in front of several `motcua serve`, as a deployment
//! runs it: round robin over the servers, forwarding the client's address, the `Host` and a
//! request id of its own. Everything it writes (configuration, pid, logs, temporary files)
//! is in a temporary directory; it is stopped when dropped.
//!
//! Which server answered is visible twice: the `x-upstream` response header (for a single
//! request) and the access log, one line per request with nginx's request id, the server's
//! address, the method and the path (for a flow whose redirects the client followed).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// Where Debian's package installs it (`apt-get install nginx`).
pub const NGINX: &str = "/usr/sbin/nginx";

/// The response header naming the server that answered (`127.0.0.1:PORT`).
pub const UPSTREAM_HEADER: &str = "x-upstream";

/// How long nginx may take to start or to stop.
const PATIENCE: Duration = Duration::from_secs(20);

/// Fails the test, with what to install, when nginx is missing: a test of the proxy layout
/// must not pass by skipping.
pub fn require() {
    assert!(
        Path::new(NGINX).exists(),
        "{NGINX} is missing: the cluster test needs Debian's nginx as its reverse proxy \
         (apt-get install -y nginx; scripts/setup.sh --with-browser installs it)"
    );
}

pub struct Nginx {
    child: Child,
    dir: TempDir,
    /// `http://127.0.0.1:PORT`, the address citizens use.
    pub base: String,
}

/// One request as nginx's access log records it.
#[derive(Clone, Debug, PartialEq)]
pub struct Logged {
    pub request_id: String,
    /// The server that answered, `127.0.0.1:PORT`.
    pub upstream: String,
    pub status: u16,
    pub method: String,
    pub path: String,
}

impl Nginx {
    /// Starts nginx on `port` in front of `upstreams` (`127.0.0.1:PORT` each) and waits until
    /// it accepts connections. Fails the test, rather than skipping it, if nginx is missing.
    pub async fn start(port: u16, upstreams: &[&str]) -> Nginx {
        require();
        let dir = TempDir::new().expect("temporary directory");
        let conf = dir.path().join("nginx.conf");
        std::fs::write(&conf, config(dir.path(), port, upstreams)).unwrap();
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(dir.path())
            .arg("-e")
            .arg(dir.path().join("error.log"))
            .arg("-c")
            .arg(&conf)
            .args(["-g", "daemon off;"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{NGINX} does not start: {e}"));
        let mut nginx = Nginx {
            child,
            dir,
            base: format!("http://127.0.0.1:{port}"),
        };
        nginx.wait_until_listening(port).await;
        nginx
    }

    async fn wait_until_listening(&mut self, port: u16) {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("nginx exited ({status}):\n{}", self.error_log());
            }
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "nginx did not listen within {PATIENCE:?}:\n{}",
            self.error_log()
        );
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// What nginx complained about, for failure messages.
    pub fn error_log(&self) -> String {
        std::fs::read_to_string(self.path("error.log")).unwrap_or_default()
    }

    /// Every request logged so far, once the request with `request_id` is among them: nginx
    /// writes a line after sending the response, so the client may read it first.
    pub async fn log_through(&self, request_id: &str) -> Vec<Logged> {
        let started = Instant::now();
        loop {
            let lines = self.access_log();
            if lines.iter().any(|l| l.request_id == request_id) {
                return lines;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "nginx never logged request {request_id}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn access_log(&self) -> Vec<Logged> {
        std::fs::read_to_string(self.path("access.log"))
            .unwrap_or_default()
            .lines()
            .filter_map(|line| {
                let mut parts = line.split(' ');
                Some(Logged {
                    request_id: parts.next()?.to_string(),
                    upstream: parts.next()?.to_string(),
                    status: parts.next()?.parse().ok()?,
                    method: parts.next()?.to_string(),
                    path: parts.next()?.to_string(),
                })
            })
            .collect()
    }
}

impl Drop for Nginx {
    /// Asks the master process to stop (it stops its workers; a killed master would leave
    /// them running), then kills it if it has not stopped in time.
    fn drop(&mut self) {
        // SAFETY: `kill` only sends a signal to our own child process.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
        }
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The configuration of `docs/deployment.md` without TLS: one worker (so round robin strictly
/// alternates for a single client), every path inside `dir`, the servers as one upstream.
fn config(dir: &Path, port: u16, upstreams: &[&str]) -> String {
    use std::os::unix::fs::MetadataExt;
    // Started by root, nginx's workers would run as `nobody`, who cannot write the
    // temporary directory; the test's own user is the right one.
    let root = std::fs::metadata(dir).is_ok_and(|m| m.uid() == 0);
    let user = if root { "user root;" } else { "" };
    let dir = dir.display();
    let servers: String = upstreams
        .iter()
        .map(|u| format!("        server {u};\n"))
        .collect();
    format!(
        r#"{user}
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 2048; }}
http {{
    log_format cluster '$request_id $upstream_addr $status $request_method $uri';
    access_log {dir}/access.log cluster;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 64m;
    upstream motcua {{
{servers}        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://motcua;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Request-Id $request_id;
            add_header {UPSTREAM_HEADER} $upstream_addr always;
        }}
    }}
}}
"#
    )
}
