//! Stopping without cutting anyone off: on SIGTERM (what systemd, Docker and Kubernetes send
//! before a restart or a deploy) or Ctrl-C, `motcua serve` stops accepting connections,
//! lets the requests under way finish (a citizen's filing or upload, a staff move), then
//! closes the database and exits.

use std::future::Future;
use std::time::Duration;

/// How long the requests under way may take to finish once a stop is asked for; past it
/// the server exits anyway (a client holding a connection open must not block a deploy).
/// Below the 90 s systemd and Docker wait before they kill.
pub const DRAIN_LIMIT: Duration = Duration::from_secs(30);

/// Resolves when the process is asked to stop.
pub async fn requested() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!(
        limit_seconds = DRAIN_LIMIT.as_secs(),
        "asked to stop: no new connections, finishing the requests under way"
    );
}

/// Runs `serve` (a server started with `requested` as its graceful shutdown, which sends on
/// `asked` when it fires) to its end, or stops waiting [`DRAIN_LIMIT`] after the ask.
pub async fn drain<E>(
    serve: impl Future<Output = Result<(), E>>,
    asked: tokio::sync::oneshot::Receiver<()>,
) -> Result<(), E> {
    let overdue = async {
        if asked.await.is_ok() {
            tokio::time::sleep(DRAIN_LIMIT).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        served = serve => served,
        () = overdue => {
            tracing::warn!(
                limit_seconds = DRAIN_LIMIT.as_secs(),
                "requests still under way at the drain limit: stopping without them"
            );
            Ok(())
        }
    }
}
