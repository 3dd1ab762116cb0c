//! Sending bytes to a printer through the `escpos` crate's drivers: network (raw port 9100),
//! USB (by vendor and product id, `nusb`: no libusb needed), serial, and a file or device file.
//! Every transport is asked for its real-time status before a ticket (a ticket is not sent
//! into an open cover or an empty roll) and after it (so "paper near end" reaches staff before
//! the roll runs out). A printer that never answers status is remembered and not asked again,
//! so a silent printer costs one read timeout per process, not per ticket.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use escpos::driver::{Driver, FileDriver, NativeUsbDriver, NetworkDriver, SerialPortDriver};

use crate::status::{self, PrinterStatus};
use crate::{PrintError, PrinterSpec};

/// Connect, write and read timeout of network printers (a LAN printer answers in
/// milliseconds; the read timeout is what a printer that never answers status costs once).
pub const NETWORK_TIMEOUT: Duration = Duration::from_millis(1500);
/// Serial read and write timeout.
pub const SERIAL_TIMEOUT: Duration = Duration::from_millis(500);

/// Printers (by spec) that did not answer a status request: not asked again.
static SILENT: Mutex<Option<HashSet<String>>> = Mutex::new(None);

fn is_silent(spec: &str) -> bool {
    SILENT
        .lock()
        .map(|s| s.as_ref().is_some_and(|set| set.contains(spec)))
        .unwrap_or(false)
}

fn mark_silent(spec: &str) {
    if let Ok(mut s) = SILENT.lock() {
        s.get_or_insert_with(HashSet::new).insert(spec.to_owned());
    }
}

/// What the printer said before and after a ticket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrintReport {
    pub before: PrinterStatus,
    pub after: PrinterStatus,
}

impl PrintReport {
    /// The roll is nearly used up (staff should change it before it runs out).
    pub fn paper_near_end(&self) -> bool {
        self.after.paper_near_end() || self.before.paper_near_end()
    }
}

/// Opens the `escpos` driver for a spec (`png:` has no bytes and no driver).
pub fn open(spec: &PrinterSpec) -> Result<Box<dyn Driver + Send>, PrintError> {
    let offline = |what: String| PrintError::Offline(what);
    Ok(match spec {
        PrinterSpec::Tcp { host, port } => Box::new(
            NetworkDriver::open(host, *port, Some(NETWORK_TIMEOUT)).map_err(|e| {
                offline(format!(
                    "no answer from {host}:{port} ({e}); check that the printer is on and its network cable is in."
                ))
            })?,
        ),
        PrinterSpec::Usb {
            vendor_id,
            product_id,
        } => Box::new(NativeUsbDriver::open(*vendor_id, *product_id).map_err(|e| {
            offline(format!(
                "no USB printer {vendor_id:04x}:{product_id:04x} could be opened ({e}); check that it is plugged in and switched on, and that the kiosk user may use USB devices."
            ))
        })?),
        PrinterSpec::Serial { path, baud } => Box::new(
            SerialPortDriver::open(path, *baud, Some(SERIAL_TIMEOUT)).map_err(|e| {
                offline(format!(
                    "the serial printer {path} could not be opened at {baud} baud ({e}); check the cable, the port name and the speed."
                ))
            })?,
        ),
        PrinterSpec::File(path) => Box::new(open_file(path)?),
        PrinterSpec::Png(path) => {
            return Err(PrintError::Io(format!(
                "png:{} takes a rendered ticket, not printer bytes; use file:PATH to keep the bytes.",
                path.display()
            )));
        }
    })
}

fn open_file(path: &Path) -> Result<FileDriver, PrintError> {
    // Truncate so the file holds exactly the last ticket (a device file ignores it).
    let options = {
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create(true).truncate(true);
        o
    };
    FileDriver::open_with_options(path, &options).map_err(|e| {
        PrintError::Io(format!(
            "could not open {} ({e}); check the path and its permissions.",
            path.display()
        ))
    })
}

/// Asks for the three real-time statuses. A printer that does not answer the first request
/// is not asked again (in this call, and for `key`, in this process).
pub fn query_status(driver: &dyn Driver, key: &str) -> PrinterStatus {
    let mut status = PrinterStatus::default();
    if is_silent(key) {
        return status;
    }
    for kind in [status::PRINTER, status::OFFLINE_CAUSE, status::PAPER] {
        if driver.write(&status::request(kind)).is_err() || driver.flush().is_err() {
            break;
        }
        let mut answer = [0u8; 1];
        match driver.read(&mut answer) {
            Ok(1) => status.record(kind, answer[0]),
            _ => break,
        }
    }
    if !status.answered() {
        mark_silent(key);
    }
    status
}

/// Checks the status, sends the bytes, and reads the status again.
pub fn send_via(driver: &dyn Driver, key: &str, bytes: &[u8]) -> Result<PrintReport, PrintError> {
    let before = query_status(driver, key);
    before.check()?;
    driver
        .write(bytes)
        .and_then(|()| driver.flush())
        .map_err(|e| {
            PrintError::Offline(format!(
                "the ticket could not be sent to {} ({e}); check the printer and its cable.",
                driver.name()
            ))
        })?;
    let after = query_status(driver, key);
    Ok(PrintReport { before, after })
}

/// Finds the usblp device (`/dev/usb/lpN`) whose USB device has these ids, looking at
/// `<sys_usbmisc>/lpN/device/../idVendor` and `idProduct`: for installers who prefer
/// `file:/dev/usb/lpN` (the kernel's printer class driver) to claiming the device.
pub fn find_usblp(
    sys_usbmisc: &Path,
    dev_usb: &Path,
    vendor_id: u16,
    product_id: u16,
) -> Option<std::path::PathBuf> {
    let mut entries: Vec<_> = std::fs::read_dir(sys_usbmisc)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("lp"))
        .collect();
    entries.sort();
    entries.into_iter().find_map(|name| {
        let usb_device = sys_usbmisc.join(&name).join("device").join("..");
        let id = |file: &str| {
            std::fs::read_to_string(usb_device.join(file))
                .ok()
                .and_then(|s| u16::from_str_radix(s.trim(), 16).ok())
        };
        (id("idVendor") == Some(vendor_id) && id("idProduct") == Some(product_id))
            .then(|| dev_usb.join(&name))
    })
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::collections::VecDeque;

    use escpos::driver::Driver;
    use escpos::errors::{PrinterError, Result};

    use super::*;

    /// Captures what is written and answers status reads from a script: the `Driver` trait is
    /// the boundary every transport (network, USB, serial, file) sits behind.
    struct Capture {
        written: RefCell<Vec<u8>>,
        answers: RefCell<VecDeque<u8>>,
    }

    impl Driver for Capture {
        fn name(&self) -> String {
            "capture".into()
        }
        fn write(&self, data: &[u8]) -> Result<()> {
            self.written.borrow_mut().extend_from_slice(data);
            Ok(())
        }
        fn read(&self, buf: &mut [u8]) -> Result<usize> {
            match self.answers.borrow_mut().pop_front() {
                Some(b) => {
                    buf[0] = b;
                    Ok(1)
                }
                None => Err(PrinterError::Io("timed out".into())),
            }
        }
        fn flush(&self) -> Result<()> {
            Ok(())
        }
    }

    fn capture(answers: &[u8]) -> Capture {
        Capture {
            written: RefCell::default(),
            answers: RefCell::new(answers.iter().copied().collect()),
        }
    }

    #[test]
    fn cover_open_before_the_ticket_sends_nothing_but_status_requests() {
        let d = capture(&[0x1A, 0x16, 0x12]);
        let err = send_via(&d, "capture-cover", b"TICKET").unwrap_err();
        assert!(matches!(err, PrintError::CoverOpen));
        assert_eq!(*d.written.borrow(), [0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 4]);
    }

    #[test]
    fn near_end_after_the_ticket_is_in_the_report() {
        let d = capture(&[0x12, 0x12, 0x12, 0x12, 0x12, 0x1E]);
        let report = send_via(&d, "capture-near-end", b"TICKET").unwrap();
        assert!(!report.before.paper_near_end());
        assert!(report.after.paper_near_end());
        assert!(d.written.borrow().windows(6).any(|w| w == b"TICKET"));
    }

    #[test]
    fn a_silent_printer_is_asked_once_per_process() {
        let d = capture(&[]);
        let report = send_via(&d, "capture-silent", b"T1").unwrap();
        assert!(!report.before.answered());
        // One unanswered request, the ticket, and no second question.
        assert_eq!(*d.written.borrow(), [0x10, 4, 1, b'T', b'1']);
        send_via(&d, "capture-silent", b"T2").unwrap();
        assert!(d.written.borrow().ends_with(b"T1T2"));
    }
}
