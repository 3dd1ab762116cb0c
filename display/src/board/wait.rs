//! Wait bands: the colour of a queue's estimated wait, always shown with words too.

/// How long a visitor who takes a ticket now can expect to wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitBand {
    /// Under 20 minutes.
    Short,
    /// 20 to 60 minutes.
    Medium,
    /// Over 60 minutes.
    Long,
}

impl WaitBand {
    pub fn of(eta_min: u32) -> WaitBand {
        match eta_min {
            0..20 => WaitBand::Short,
            20..=60 => WaitBand::Medium,
            _ => WaitBand::Long,
        }
    }

    /// The locale key of the band's words (`display-wait-short`, …).
    pub fn key(self) -> &'static str {
        match self {
            WaitBand::Short => "display-wait-short",
            WaitBand::Medium => "display-wait-medium",
            WaitBand::Long => "display-wait-long",
        }
    }
}
