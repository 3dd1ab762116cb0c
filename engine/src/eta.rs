//! Estimated waits from recent service times and the counters open for each service.

/// Per-service service-time estimates (filled in by the engine implementation).
#[derive(Debug, Clone, Default)]
pub struct EtaModel {}
