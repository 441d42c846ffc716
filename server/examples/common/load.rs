//! What every benchmark is told: which server, how many clients, for how long.

/// The load of a benchmark run.
#[derive(clap::Args)]
pub struct Load {
    /// The server, e.g. http://127.0.0.1:3000.
    #[arg(long, default_value = "http://127.0.0.1:3000")]
    pub base: String,
    /// Clients at once.
    #[arg(long, default_value_t = 8)]
    pub clients: usize,
    /// How long the load lasts, in seconds.
    #[arg(long, default_value_t = 15)]
    pub seconds: u64,
}

impl Load {
    /// The load as given, with the base's trailing `/` dropped and at least one client.
    pub fn normalised(mut self) -> Load {
        self.base = self.base.trim_end_matches('/').to_string();
        self.clients = self.clients.max(1);
        self
    }
}
