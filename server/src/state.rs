//! What every request shares ([`AppState`]): the hub of site states, the store, the
//! configuration, the auth cache and the transport limits. Built once at start, where the day
//! ticker and the follower of other servers' changes are started too.

use std::sync::Arc;

use axum::extract::FromRef;
use madoguchi_engine::Config;

use crate::auth::{AuthCache, Gate};
use crate::caps::StreamCaps;
use crate::clock::Clock;
use crate::follow;
use crate::hub::Hub;
use crate::login_guard::LoginGuard;
use crate::serve::Limits;
use crate::store::{Store, StoreResult};

/// Shared state of every request.
#[derive(Clone)]
pub struct AppState {
    pub hub: Arc<Hub>,
    pub store: Arc<dyn Store>,
    pub config: Arc<Config>,
    pub auth_cache: Arc<AuthCache>,
    /// Base of absolute links (status pages), e.g. `http://127.0.0.1:8080`, no trailing slash.
    pub public_url: Arc<str>,
    /// The configuration reports and staffing advice read: as written (without
    /// `--open-all-hours`, so working days stay real).
    pub report_config: Arc<Config>,
    /// Transport limits (header-read and request timeouts, connection cap).
    pub limits: Limits,
    /// Bounds and backs off password verification (see `login_guard`).
    pub login_guard: Arc<LoginGuard>,
    /// Caps on open event streams (see `caps`).
    pub streams: Arc<StreamCaps>,
    /// The other servers of this database (`serve --peer`), where a console moves when this
    /// one stops answering (see `http/handover.rs`).
    pub peers: Arc<[String]>,
}

impl AppState {
    /// Loads today's state of every site from `store` and starts the commit writer.
    pub async fn new(
        config: Arc<Config>,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        public_url: &str,
    ) -> StoreResult<AppState> {
        let hub = Hub::start(Arc::clone(&config), Arc::clone(&store), clock).await?;
        hub.spawn_day_ticker();
        follow::spawn(&hub).await?;
        Ok(AppState {
            hub,
            store,
            report_config: Arc::clone(&config),
            config,
            auth_cache: Arc::new(AuthCache::default()),
            public_url: public_url.trim_end_matches('/').into(),
            limits: Limits::default(),
            login_guard: Arc::default(),
            streams: Arc::default(),
            peers: Arc::from([]),
        })
    }

    /// Reports and staffing advice read `config` (the configuration as written) instead of
    /// the one the queues run on.
    pub fn with_report_config(mut self, config: Arc<Config>) -> AppState {
        self.report_config = config;
        self
    }
}

impl FromRef<AppState> for Gate {
    fn from_ref(state: &AppState) -> Gate {
        Gate {
            store: Arc::clone(&state.store),
            cache: Arc::clone(&state.auth_cache),
            clock: Arc::clone(&state.hub.clock),
        }
    }
}
