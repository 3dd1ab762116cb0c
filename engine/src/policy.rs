//! The call-next policy: which waiting ticket a free counter takes.

/// Call-next policies. The server runs `Madoguchi`; the simulator compares it with the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// Weights, transfers first, a maximum-wait rule so no service starves (documented in
    /// this module).
    #[default]
    Madoguchi,
    /// Shared first come, first served: the oldest ticket the counter can serve.
    Fifo,
}
