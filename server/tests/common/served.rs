//! `motcua serve`, the real binary, as a child process of the test: configured only through
//! its environment, as a deployment configures it, and killed when dropped (also when a test
//! fails).

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use motcua_store::testing::TestDatabase;

/// How long a server may take to answer its health check. A first start on an empty database
/// loads the unit list and, with the demo, the catalogue and staff: seconds in a debug build,
/// longer when other tests share the cores.
const PATIENCE: Duration = Duration::from_secs(120);

/// A running `motcua serve`, with its standard error read as it comes so the pipe never fills.
pub struct Served {
    child: Child,
    stderr: Option<std::thread::JoinHandle<String>>,
    /// `127.0.0.1:PORT`, where it listens.
    pub addr: String,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

/// A free port on the loopback interface (free when asked; taken by whoever binds it next).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Served {
    /// A server on `db` without the demo.
    pub fn start(db: &TestDatabase) -> Served {
        Served::start_with(db, &[])
    }

    /// A server on `db` and its files directory, on a free port, with `env` added to (or
    /// replacing) the defaults. Its configuration file does not exist, so only the
    /// environment configures it.
    pub fn start_with(db: &TestDatabase, env: &[(&str, String)]) -> Served {
        Served::start_program(env!("CARGO_BIN_EXE_motcua").as_ref(), db, env)
    }

    /// [`Served::start_with`] running `program` (the release build, say) instead of the
    /// test build's binary.
    pub fn start_program(
        program: &std::path::Path,
        db: &TestDatabase,
        env: &[(&str, String)],
    ) -> Served {
        let addr = format!("127.0.0.1:{}", free_port());
        let mut command = Command::new(program);
        command
            .arg("serve")
            .env("MOTCUA_CONFIG", db.dir().join("none.toml"))
            .env("MOTCUA_DATABASE_URL", db.url())
            .env("MOTCUA_FILES_DIR", db.files_dir())
            .env("LEPTOS_SITE_ADDR", &addr)
            .env_remove("RUST_LOG");
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("motcua runs");
        let mut pipe = child.stderr.take().unwrap();
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        });
        Served {
            child,
            stderr: Some(stderr),
            base: format!("http://{addr}"),
            addr,
        }
    }

    /// Waits until the server answers its health check (it listens only once the database
    /// is ready), failing the test with its log if it exits or takes too long.
    pub async fn wait_until_ready(&mut self, client: &reqwest::Client) {
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("motcua serve exited ({status}):\n{}", self.stop());
            }
            let health = client.get(format!("{}/suc-khoe", self.base)).send().await;
            if health.is_ok_and(|r| r.status().is_success()) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!(
            "motcua serve did not answer within {PATIENCE:?}:\n{}",
            self.stop()
        );
    }

    /// Asks the server to stop, as systemd or Docker does: SIGTERM (with `libc`, as the
    /// nginx helper does: a `kill` program is not on every machine).
    pub fn ask_to_stop(&self) {
        // SAFETY: `kill` only sends a signal to our own child process.
        let sent = unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
        assert_eq!(sent, 0, "SIGTERM sent");
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Waits for the server to exit by itself (killing it, and failing, after [`PATIENCE`])
    /// and returns how it exited and everything it wrote to standard error.
    pub async fn exited(&mut self) -> (std::process::ExitStatus, String) {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status, self.stop());
            }
            if started.elapsed() > PATIENCE {
                panic!("motcua serve did not exit:\n{}", self.stop());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Kills the server and returns everything it wrote to standard error.
    pub fn stop(&mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stderr
            .take()
            .map(|t| t.join().unwrap_or_default())
            .unwrap_or_default()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
