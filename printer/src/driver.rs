//! Sending bytes to a printer: TCP (raw port 9100) with a status query first, a USB printer
//! found by vendor and product id among Linux usblp devices, or a file / device file.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::PrintError;
use crate::status::{self, PrinterStatus};

/// Connect and write timeout for network printers.
pub const NETWORK_TIMEOUT: Duration = Duration::from_secs(2);
/// How long to wait for a status answer; printers that answer do so within milliseconds,
/// and many emulators never answer, so this is short.
pub const STATUS_TIMEOUT: Duration = Duration::from_millis(150);

/// Opens a connection to a network printer, trying each resolved address.
pub fn connect(host: &str, port: u16) -> Result<TcpStream, PrintError> {
    let addrs = (host, port).to_socket_addrs().map_err(|e| {
        PrintError::Offline(format!(
            "cannot resolve printer address {host}:{port} ({e}); check the printer spec."
        ))
    })?;
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, NETWORK_TIMEOUT) {
            Ok(stream) => {
                stream
                    .set_write_timeout(Some(NETWORK_TIMEOUT))
                    .and_then(|()| stream.set_nodelay(true))
                    .map_err(|e| io_error("set up the printer connection", &e))?;
                return Ok(stream);
            }
            Err(e) => last = Some(e),
        }
    }
    Err(PrintError::Offline(format!(
        "no answer from {host}:{port} ({}); check that the printer is on and its network cable is in.",
        last.map_or_else(|| "no address".to_owned(), |e| e.to_string())
    )))
}

/// Asks for the three real-time statuses. A printer that does not answer the first request
/// is not asked again, so a silent printer costs one [`STATUS_TIMEOUT`].
pub fn query_status(stream: &mut TcpStream) -> Result<PrinterStatus, PrintError> {
    stream
        .set_read_timeout(Some(STATUS_TIMEOUT))
        .map_err(|e| io_error("set up the printer connection", &e))?;
    let mut status = PrinterStatus::default();
    for kind in [status::PRINTER, status::OFFLINE_CAUSE, status::PAPER] {
        stream
            .write_all(&status::request(kind))
            .map_err(|e| io_error("ask the printer for its status", &e))?;
        let mut answer = [0u8; 1];
        match stream.read(&mut answer) {
            Ok(1) => status.record(kind, answer[0]),
            Ok(_) => break,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => break,
            Err(e) => return Err(io_error("read the printer's status", &e)),
        }
    }
    Ok(status)
}

/// Checks the status, then sends the ticket over TCP.
pub fn send_tcp(host: &str, port: u16, bytes: &[u8]) -> Result<(), PrintError> {
    let mut stream = connect(host, port)?;
    query_status(&mut stream)?.check()?;
    stream
        .write_all(bytes)
        .and_then(|()| stream.flush())
        .map_err(|e| io_error(&format!("send the ticket to {host}:{port}"), &e))
}

/// Writes the bytes to a file or a device file such as `/dev/usb/lp0`.
pub fn send_file(path: &Path, bytes: &[u8]) -> Result<(), PrintError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .map_err(|e| io_error(&format!("open {}", path.display()), &e))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| io_error(&format!("write to {}", path.display()), &e))
}

/// Sends to the USB printer `vendor_id:product_id` through its usblp device file.
pub fn send_usb(vendor_id: u16, product_id: u16, bytes: &[u8]) -> Result<(), PrintError> {
    let device = find_usblp(Path::new("/sys/class/usbmisc"), Path::new("/dev/usb"), vendor_id, product_id)
        .ok_or_else(|| {
            PrintError::Offline(format!(
                "no USB printer {vendor_id:04x}:{product_id:04x} found under /dev/usb/lp*; check that it is plugged in and switched on, or use file:/dev/usb/lpN."
            ))
        })?;
    send_file(&device, bytes)
}

/// Finds the usblp device (`/dev/usb/lpN`) whose USB device has these ids, looking at
/// `<sys_usbmisc>/lpN/device/../idVendor` and `idProduct` (the USB device owning the interface).
pub fn find_usblp(
    sys_usbmisc: &Path,
    dev_usb: &Path,
    vendor_id: u16,
    product_id: u16,
) -> Option<PathBuf> {
    let mut entries: Vec<_> = fs::read_dir(sys_usbmisc)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("lp"))
        .collect();
    entries.sort();
    entries.into_iter().find_map(|name| {
        let usb_device = sys_usbmisc.join(&name).join("device").join("..");
        let id = |file: &str| {
            fs::read_to_string(usb_device.join(file))
                .ok()
                .and_then(|s| u16::from_str_radix(s.trim(), 16).ok())
        };
        (id("idVendor") == Some(vendor_id) && id("idProduct") == Some(product_id))
            .then(|| dev_usb.join(&name))
    })
}

fn io_error(action: &str, e: &std::io::Error) -> PrintError {
    match e.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => PrintError::Offline(format!(
            "it did not answer in time while trying to {action}; check that it is on and has paper."
        )),
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionReset | ErrorKind::BrokenPipe => {
            PrintError::Offline(format!(
                "the connection failed while trying to {action} ({e}); check the printer and its cable."
            ))
        }
        _ => PrintError::Io(format!(
            "could not {action} ({e}); check the printer spec and permissions."
        )),
    }
}
