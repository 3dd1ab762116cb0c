//! The display's integration tests, one binary (bevy is linked once, not once per file).

mod failover;
mod net_token;
mod test_voice;
