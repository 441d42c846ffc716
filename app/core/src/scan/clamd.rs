//! ClamAV's daemon (`clamd`), reached over its Unix socket or TCP, through the
//! `clamav-client` crate: a file is streamed with `INSTREAM` and clamd answers
//! `stream: OK` or `stream: <name> FOUND`. Anything else (its size limit, a closed socket, no
//! answer within [`ANSWER_WITHIN`]) is a [`ScanError`], never a clean verdict.

use std::path::PathBuf;
use std::time::Duration;

use super::{MalwareScanner, ScanError, ScanFuture, Verdict};

/// How long a scan may take before we give up on clamd (a photo takes milliseconds).
pub const ANSWER_WITHIN: Duration = Duration::from_secs(30);

/// How clamd begins its answer to a file longer than its `StreamMaxLength`.
const SIZE_LIMIT_EXCEEDED: &[u8] = b"INSTREAM size limit exceeded";

/// `within($call)` with the `clamav-client` transport for `$address` bound to `$transport`.
/// A macro rather than a function: the Unix socket and TCP transports are two types.
macro_rules! over {
    ($address:expr, |$transport:ident| $call:expr) => {
        match $address {
            ClamdAddress::Socket(path) => {
                let $transport = clamav_client::tokio::Socket { socket_path: path };
                within($call).await
            }
            ClamdAddress::Tcp(host_port) => {
                let $transport = clamav_client::tokio::Tcp {
                    host_address: host_port.as_str(),
                };
                within($call).await
            }
        }
    };
}

/// Where clamd listens, as the `clamd` setting names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClamdAddress {
    /// `unix:/run/clamav/clamd.ctl`, or just the absolute path.
    Socket(PathBuf),
    /// `tcp://127.0.0.1:3310`, or `host:port`.
    Tcp(String),
}

impl ClamdAddress {
    /// The address the setting names; `None` when it is empty (no scanner).
    pub fn parse(text: &str) -> Result<Option<ClamdAddress>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let refused = || {
            format!(
                "{text:?} is not an address of clamd: give unix:/path/to/clamd.ctl or \
                 tcp://host:port"
            )
        };
        if let Some(path) = text
            .strip_prefix("unix:")
            .or(text.starts_with('/').then_some(text))
        {
            let path = PathBuf::from(path);
            return if path.is_absolute() {
                Ok(Some(ClamdAddress::Socket(path)))
            } else {
                Err(refused())
            };
        }
        let host_port = text.strip_prefix("tcp://").unwrap_or(text);
        match host_port.rsplit_once(':') {
            Some((host, port)) if !host.is_empty() && port.parse::<u16>().is_ok() => {
                Ok(Some(ClamdAddress::Tcp(host_port.to_string())))
            }
            _ => Err(refused()),
        }
    }
}

impl std::fmt::Display for ClamdAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClamdAddress::Socket(path) => write!(f, "unix:{}", path.display()),
            ClamdAddress::Tcp(host_port) => write!(f, "tcp://{host_port}"),
        }
    }
}

/// The ClamAV daemon at an address.
#[derive(Clone, Debug)]
pub struct Clamd {
    address: ClamdAddress,
}

impl Clamd {
    pub fn new(address: ClamdAddress) -> Clamd {
        Clamd { address }
    }

    /// Whether clamd answers `PING` (checked at start, so a wrong address is found then).
    pub async fn ping(&self) -> Result<(), ScanError> {
        let answer = over!(&self.address, |transport| clamav_client::tokio::ping(
            transport
        ))
        .map_err(|e| self.unreachable(&e))?;
        if answer == clamav_client::PONG {
            Ok(())
        } else {
            Err(self.unexpected(&answer))
        }
    }

    async fn scan_bytes(&self, bytes: &[u8]) -> Result<Verdict, ScanError> {
        let answer = over!(&self.address, |transport| {
            clamav_client::tokio::scan_buffer(bytes, transport, None)
        });
        let too_large = || ScanError::TooLarge {
            at: self.address.to_string(),
        };
        match answer {
            Ok(answer) if answer.starts_with(SIZE_LIMIT_EXCEEDED) => Err(too_large()),
            Ok(answer) => verdict(&answer).ok_or_else(|| self.unexpected(&answer)),
            // clamd answers a stream past its `StreamMaxLength` and closes the connection
            // while the rest is still being sent, so the answer is usually lost to the
            // write's error. If clamd still answers `PING`, that is what happened.
            Err(e) if cut_off(&e) && self.ping().await.is_ok() => Err(too_large()),
            Err(e) => Err(self.unreachable(&e)),
        }
    }

    fn unreachable(&self, error: &std::io::Error) -> ScanError {
        ScanError::Unreachable {
            at: self.address.to_string(),
            reason: error.to_string(),
        }
    }

    fn unexpected(&self, answer: &[u8]) -> ScanError {
        ScanError::Unexpected {
            at: self.address.to_string(),
            answer: String::from_utf8_lossy(answer).into_owned(),
        }
    }
}

impl MalwareScanner for Clamd {
    fn scan<'a>(&'a self, bytes: &'a [u8]) -> ScanFuture<'a> {
        Box::pin(self.scan_bytes(bytes))
    }
}

/// `io` given [`ANSWER_WITHIN`] (then a `TimedOut` error).
async fn within(io: impl Future<Output = std::io::Result<Vec<u8>>>) -> std::io::Result<Vec<u8>> {
    tokio::time::timeout(ANSWER_WITHIN, io)
        .await
        .unwrap_or_else(|_| {
            Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("no answer within {} s", ANSWER_WITHIN.as_secs()),
            ))
        })
}

/// Whether clamd closed the connection while the file was being sent.
fn cut_off(error: &std::io::Error) -> bool {
    use std::io::ErrorKind::{BrokenPipe, ConnectionReset};
    matches!(error.kind(), ConnectionReset | BrokenPipe)
}

/// clamd's answer to `INSTREAM` as a verdict; `None` for anything else (an error such as
/// `INSTREAM size limit exceeded. ERROR`).
fn verdict(answer: &[u8]) -> Option<Verdict> {
    let text = std::str::from_utf8(answer).ok()?;
    let text = text
        .trim_end_matches(['\0', '\n'])
        .strip_prefix("stream: ")?;
    if text == "OK" {
        return Some(Verdict::Clean);
    }
    let name = text.strip_suffix(" FOUND")?;
    Some(Verdict::Infected(name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamds_answers_are_read_strictly() {
        assert_eq!(verdict(b"stream: OK\0"), Some(Verdict::Clean));
        assert_eq!(
            verdict(b"stream: Eicar-Test-Signature FOUND\0"),
            Some(Verdict::Infected("Eicar-Test-Signature".into()))
        );
        assert_eq!(verdict(b"INSTREAM size limit exceeded. ERROR\0"), None);
        assert_eq!(verdict(b"stream: OK but not really"), None);
        assert_eq!(verdict(b""), None);
    }

    #[test]
    fn the_setting_names_a_socket_or_a_host_and_port() {
        let socket = Some(ClamdAddress::Socket("/run/clamav/clamd.ctl".into()));
        assert_eq!(
            ClamdAddress::parse("unix:/run/clamav/clamd.ctl"),
            Ok(socket.clone())
        );
        assert_eq!(ClamdAddress::parse("/run/clamav/clamd.ctl"), Ok(socket));
        let tcp = Some(ClamdAddress::Tcp("127.0.0.1:3310".into()));
        assert_eq!(ClamdAddress::parse("tcp://127.0.0.1:3310"), Ok(tcp.clone()));
        assert_eq!(ClamdAddress::parse(" 127.0.0.1:3310 "), Ok(tcp));
        assert_eq!(ClamdAddress::parse(""), Ok(None));
        for bad in [
            "unix:clamd.ctl",
            "localhost",
            "tcp://host:port",
            ":3310",
            "clamd",
        ] {
            assert!(ClamdAddress::parse(bad).is_err(), "{bad}");
        }
    }
}
