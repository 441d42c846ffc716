//! Two `motcua serve` on one database behind nginx, as a deployment with more than one
//! server runs: the same database and files directory, the public address of the proxy,
//! the proxy trusted for the client's address.

use motcua_store::testing::TestDatabase;

use super::nginx::{Logged, Nginx};
use super::served::{Served, free_port};
use super::{Browser, TestApp, repo_root};

/// Fields drop in order: the proxy, then the servers, then the database.
pub struct Cluster {
    pub nginx: Nginx,
    pub servers: [Served; 2],
    /// `app.base` is the proxy; `app.store` is the test's own view of the shared database.
    pub app: TestApp,
}

impl Cluster {
    /// Starts both servers at the same moment on a new, empty database (so both load the
    /// reference data and the demo at once, as two servers of a new deployment do), then
    /// nginx in front of them once both answer.
    pub async fn start() -> Cluster {
        super::nginx::require();
        let db = TestDatabase::new().await;
        let port = free_port();
        let public = format!("http://127.0.0.1:{port}");
        let env = [
            (
                "MOTCUA_DEMO_DIR",
                repo_root().join("demo").display().to_string(),
            ),
            ("MOTCUA_PUBLIC_URL", public.clone()),
            ("MOTCUA_TRUSTED_PROXIES", "127.0.0.1".to_string()),
            // Every test citizen comes from 127.0.0.1: the quota is not what is tested here.
            ("MOTCUA_FILINGS_PER_HOUR", "100000".to_string()),
        ];
        let mut servers = [Served::start_with(&db, &env), Served::start_with(&db, &env)];
        let health = super::client();
        let [a, b] = &mut servers;
        futures::join!(a.wait_until_ready(&health), b.wait_until_ready(&health));
        let nginx = Nginx::start(port, &[&servers[0].addr, &servers[1].addr]).await;
        let store = motcua_server::startup::open_store(db.url(), Some(&db.files()))
            .await
            .expect("open the shared store");
        Cluster {
            nginx,
            servers,
            app: TestApp {
                browser: Browser::new(public),
                store,
                clock: Default::default(),
                db,
            },
        }
    }

    /// Every request nginx has logged up to now: one more request through it, then the log
    /// up to that one (its id is nginx's: the servers keep the proxy's request id).
    pub async fn proxy_log(&self) -> Vec<Logged> {
        let res = super::client()
            .get(self.app.url("/suc-khoe"))
            .send()
            .await
            .unwrap();
        let id = res.headers()["x-request-id"].to_str().unwrap().to_string();
        self.nginx.log_through(&id).await
    }

    /// Stops both servers and returns what each wrote to standard error.
    pub fn stop_servers(&mut self) -> [String; 2] {
        let [a, b] = &mut self.servers;
        [a.stop(), b.stop()]
    }
}
