//! Debian's ClamAV daemon (`apt-get install clamav-daemon`) as a deployment runs it beside
//! the server, in a temporary directory with its own socket. The official signature
//! databases cannot be downloaded here, so it is given one body signature: the EICAR test
//! string, which the antivirus industry agreed every scanner reports, anywhere in a file
//! (so a PDF or a photo carrying it is found, as a real one carrying malware would be).
//! Stopped when dropped.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use motcua_core::scan::{Clamd, ClamdAddress};
use tempfile::TempDir;

/// Where Debian's package installs it.
pub const CLAMD: &str = "/usr/sbin/clamd";

/// The EICAR anti-malware test string: harmless, and reported by every scanner. Built at
/// run time from two halves, so that a developer's own antivirus does not quarantine this
/// source file or the test binary.
pub fn eicar() -> Vec<u8> {
    let halves: [&[u8]; 2] = [
        br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD",
        b"-ANTIVIRUS-TEST-FILE!$H+H*",
    ];
    halves.concat()
}

/// How long clamd may take to load its signature and answer.
const PATIENCE: Duration = Duration::from_secs(60);

pub struct ClamdProcess {
    child: Child,
    _dir: TempDir,
    pub address: ClamdAddress,
}

impl ClamdProcess {
    /// Starts clamd and waits until it answers `PING`. Fails the test, rather than skipping
    /// it, when clamd is missing.
    pub async fn start() -> ClamdProcess {
        ClamdProcess::start_taking("64M").await
    }

    /// [`start`](Self::start) with `StreamMaxLength` (the longest file clamd takes) set to
    /// `max_length` (`64M`, `10K`).
    pub async fn start_taking(max_length: &str) -> ClamdProcess {
        assert!(
            Path::new(CLAMD).exists(),
            "{CLAMD} is missing: the malware test needs Debian's clamav-daemon \
             (scripts/setup.sh --with-browser installs it)"
        );
        let dir = TempDir::new().expect("temporary directory");
        let db = dir.path().join("db");
        std::fs::create_dir(&db).unwrap();
        let hex: String = eicar().iter().map(|b| format!("{b:02x}")).collect();
        // A body signature: name, any file type (0), any offset (*), the bytes in hex.
        std::fs::write(
            db.join("eicar.ndb"),
            format!("Eicar-Test-Signature:0:*:{hex}\n"),
        )
        .unwrap();
        let socket = dir.path().join("clamd.ctl");
        let conf = dir.path().join("clamd.conf");
        std::fs::write(&conf, config(dir.path(), &db, &socket, max_length)).unwrap();
        let child = Command::new(CLAMD)
            .arg("-c")
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start clamd");
        let address = ClamdAddress::Socket(socket);
        let clamd = ClamdProcess {
            child,
            _dir: dir,
            address,
        };
        let start = Instant::now();
        while Clamd::new(clamd.address.clone()).ping().await.is_err() {
            assert!(
                start.elapsed() < PATIENCE,
                "clamd did not answer within {PATIENCE:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        clamd
    }

    /// Stops clamd now (as a crashed or stopped daemon would be).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ClamdProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

fn config(dir: &Path, db: &Path, socket: &Path, max_length: &str) -> String {
    format!(
        "LocalSocket {}\nForeground yes\nDatabaseDirectory {}\nLogFile {}\n\
         PidFile {}\nStreamMaxLength {max_length}\n",
        socket.display(),
        db.display(),
        dir.join("clamd.log").display(),
        dir.join("clamd.pid").display(),
    )
}
