//! What the kiosk keeps on its own disk so that no number is lost or issued twice when the
//! server is down: today's lease of numbers (and which of them this kiosk has used), the journal
//! of tickets issued offline that the server has not acknowledged yet, and print results the
//! server has not heard. One JSON file, replaced atomically (write, fsync, rename, fsync the
//! folder): taking a number and journaling its ticket are one write, so a crash between them
//! cannot print a number the journal does not hold.
//!
//! The lease arithmetic is plain data and tested without a disk or a clock.

use std::io::Write;
use std::path::{Path, PathBuf};

use madoguchi_protocol::{LeaseGrant, OfflineTicketRequest, PrintResult, TicketId};
use serde::{Deserialize, Serialize};

/// The file in the data directory.
pub const FILE: &str = "offline.json";

/// The kiosk's durable state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Store {
    /// The last grant the server sent.
    pub grant: Option<LeaseGrant>,
    /// Numbers of `grant.day` this kiosk has taken, per service (uploaded or not).
    pub taken: Vec<(String, u32)>,
    /// Offline tickets not yet fully acknowledged by the server.
    pub journal: Vec<JournalEntry>,
    /// Print results of online tickets the server has not acknowledged.
    pub reports: Vec<(TicketId, PrintResult)>,
    /// Offline tickets the server refused (409), kept as a record for staff.
    pub refused: Vec<Refused>,
}

/// One ticket issued offline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The `Idempotency-Key` of its upload, made once when it was issued.
    pub key: String,
    /// The printed number, e.g. `A-980`.
    pub number: String,
    pub request: OfflineTicketRequest,
    /// The server's ticket id once the upload was answered with a 2xx.
    #[serde(default)]
    pub uploaded: Option<TicketId>,
    /// Whether it printed (`None` while printing).
    #[serde(default)]
    pub print: Option<PrintResult>,
}

/// An offline ticket the server would not take, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refused {
    pub entry: JournalEntry,
    pub reason: String,
}

/// A number taken from the lease.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub prefix: String,
    pub number: u32,
}

impl Taken {
    /// As printed: `A-980`.
    pub fn text(&self) -> String {
        format!("{}-{:03}", self.prefix, self.number)
    }
}

impl Store {
    /// Keeps a new grant. Numbers taken on the grant's day stay taken; another day starts afresh.
    pub fn set_grant(&mut self, grant: LeaseGrant) {
        if self.grant.as_ref().map(|g| &g.day) != Some(&grant.day) {
            self.taken.clear();
        }
        self.grant = Some(grant);
    }

    /// The lowest number of `service`'s lease for `today` (`YYYY-MM-DD`) that neither this
    /// kiosk nor the server has used, marked as taken. `None`: no lease for today, or used up.
    pub fn take(&mut self, service: &str, today: &str) -> Option<Taken> {
        let grant = self.grant.as_ref().filter(|g| g.day == today)?;
        let found = grant
            .leases
            .iter()
            .filter(|b| b.service == service)
            .find_map(|b| {
                (b.from..=b.to)
                    .find(|n| {
                        !b.used.contains(n)
                            && !self.taken.iter().any(|(s, t)| s == service && t == n)
                    })
                    .map(|n| Taken {
                        prefix: b.prefix.clone(),
                        number: n,
                    })
            })?;
        self.taken.push((service.to_owned(), found.number));
        Some(found)
    }

    /// Unused numbers of `service` for `today`.
    pub fn left(&self, service: &str, today: &str) -> usize {
        let Some(grant) = self.grant.as_ref().filter(|g| g.day == today) else {
            return 0;
        };
        grant
            .leases
            .iter()
            .filter(|b| b.service == service)
            .flat_map(|b| (b.from..=b.to).filter(|n| !b.used.contains(n)))
            .filter(|n| !self.taken.iter().any(|(s, t)| s == service && t == n))
            .count()
    }

    /// Whether any service has a number left for `today`.
    pub fn holds(&self, today: &str) -> bool {
        self.grant
            .as_ref()
            .filter(|g| g.day == today)
            .is_some_and(|g| g.leases.iter().any(|b| self.left(&b.service, today) > 0))
    }

    /// Whether anything waits for the server.
    pub fn has_pending(&self) -> bool {
        !self.journal.is_empty() || !self.reports.is_empty()
    }

    /// Reads the store of `dir`, or an empty one when there is none yet.
    pub fn load(dir: &Path) -> Result<Store, String> {
        let path = dir.join(FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                format!(
                    "The kiosk's offline journal {} cannot be read ({e}); move it aside for \
                     staff to check and restart the kiosk.",
                    path.display()
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Store::default()),
            Err(e) => Err(format!(
                "The kiosk's offline journal {} cannot be opened ({e}); check the folder's \
                 permissions.",
                path.display()
            )),
        }
    }

    /// Replaces the file of `dir` with this store, durably.
    pub fn save(&self, dir: &Path) -> Result<(), String> {
        let fail = |what: &str, e: std::io::Error| {
            format!(
                "Could not {what} the kiosk's offline journal in {} ({e}); check that the disk \
                 is writable and not full.",
                dir.display()
            )
        };
        std::fs::create_dir_all(dir).map_err(|e| fail("create the folder of", e))?;
        let tmp: PathBuf = dir.join(format!("{FILE}.tmp"));
        let bytes = serde_json::to_vec_pretty(self)
            .map_err(|e| format!("Could not encode the offline journal ({e})."))?;
        let mut file = std::fs::File::create(&tmp).map_err(|e| fail("write", e))?;
        file.write_all(&bytes).map_err(|e| fail("write", e))?;
        file.sync_all().map_err(|e| fail("flush", e))?;
        drop(file);
        std::fs::rename(&tmp, dir.join(FILE)).map_err(|e| fail("replace", e))?;
        // The rename itself is durable only once the folder is flushed.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// A fresh `Idempotency-Key`: a random (version 4) UUID.
pub fn new_key() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {
    use madoguchi_protocol::LeaseBlock;

    use super::*;

    fn grant(day: &str, used: Vec<u32>) -> LeaseGrant {
        LeaseGrant {
            day: day.into(),
            leases: vec![LeaseBlock {
                service: "pickup".into(),
                prefix: "A".into(),
                from: 980,
                to: 982,
                used,
            }],
            refused: vec![],
        }
    }

    #[test]
    fn numbers_come_from_the_lease_once_and_run_out() {
        let mut s = Store::default();
        s.set_grant(grant("2025-06-02", vec![980]));
        assert_eq!(s.left("pickup", "2025-06-02"), 2);
        let a = s.take("pickup", "2025-06-02").expect("a number");
        assert_eq!(a.text(), "A-981");
        assert_eq!(s.take("pickup", "2025-06-02").map(|t| t.number), Some(982));
        assert_eq!(s.take("pickup", "2025-06-02"), None, "used up");
        assert_eq!(
            s.take("ecert", "2025-06-02"),
            None,
            "no lease for the service"
        );
        // A refreshed grant for the same day keeps what was taken.
        s.set_grant(grant("2025-06-02", vec![980, 981]));
        assert_eq!(s.take("pickup", "2025-06-02"), None);
    }

    #[test]
    fn a_lease_of_another_day_is_never_used() {
        let mut s = Store::default();
        s.set_grant(grant("2025-06-01", vec![]));
        assert_eq!(s.take("pickup", "2025-06-02"), None);
        assert_eq!(s.left("pickup", "2025-06-02"), 0);
        s.taken.push(("pickup".into(), 980));
        s.set_grant(grant("2025-06-02", vec![]));
        assert!(s.taken.is_empty(), "a new day starts afresh");
    }

    #[test]
    fn the_store_survives_a_restart_and_keys_are_uuids() {
        let dir = std::env::temp_dir().join(format!("madoguchi-store-{}", std::process::id()));
        let mut s = Store::default();
        s.set_grant(grant("2025-06-02", vec![]));
        s.take("pickup", "2025-06-02");
        s.save(&dir).expect("saved");
        assert_eq!(Store::load(&dir).expect("loaded"), s);
        let (a, b) = (new_key(), new_key());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(a.as_bytes()[14], b'4');
        let _ = std::fs::remove_dir_all(&dir);
    }
}
