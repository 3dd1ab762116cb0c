//! Parsing and printing printer specs: `tcp:HOST:PORT`, `usb:VID:PID` (hex),
//! `serial:DEVICE:BAUD`, `file:PATH`, `png:PATH`.

use std::fmt;
use std::path::PathBuf;

use crate::{PrintError, PrinterSpec};

/// The port most network receipt printers listen on (raw "JetDirect").
pub const DEFAULT_TCP_PORT: u16 = 9100;

pub fn parse(spec: &str) -> Result<PrinterSpec, PrintError> {
    let bad = || PrintError::BadSpec(spec.to_owned());
    let (kind, rest) = spec.trim().split_once(':').ok_or_else(bad)?;
    match kind.to_ascii_lowercase().as_str() {
        "tcp" => {
            let (host, port) = split_host_port(rest).ok_or_else(bad)?;
            Ok(PrinterSpec::Tcp { host, port })
        }
        "usb" => {
            let (vid, pid) = rest.split_once(':').ok_or_else(bad)?;
            Ok(PrinterSpec::Usb {
                vendor_id: parse_hex_id(vid).ok_or_else(bad)?,
                product_id: parse_hex_id(pid).ok_or_else(bad)?,
            })
        }
        "serial" => {
            let (path, baud) = rest.rsplit_once(':').ok_or_else(bad)?;
            let baud = baud
                .parse::<u32>()
                .ok()
                .filter(|b| *b > 0)
                .ok_or_else(bad)?;
            if path.is_empty() {
                return Err(bad());
            }
            Ok(PrinterSpec::Serial {
                path: path.to_owned(),
                baud,
            })
        }
        "file" if !rest.is_empty() => Ok(PrinterSpec::File(PathBuf::from(rest))),
        "png" if !rest.is_empty() => Ok(PrinterSpec::Png(PathBuf::from(rest))),
        _ => Err(bad()),
    }
}

/// `HOST:PORT`, `[v6]:PORT`, or a bare host (port 9100).
fn split_host_port(rest: &str) -> Option<(String, u16)> {
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        let (host, after) = v6.split_once(']')?;
        match after {
            "" => (host, None),
            _ => (host, Some(after.strip_prefix(':')?)),
        }
    } else {
        match rest.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (rest, None),
        }
    };
    if host.is_empty() || host.contains(char::is_whitespace) {
        return None;
    }
    let port = match port {
        Some(p) => p.parse::<u16>().ok().filter(|&p| p != 0)?,
        None => DEFAULT_TCP_PORT,
    };
    Some((host.to_owned(), port))
}

fn parse_hex_id(s: &str) -> Option<u16> {
    let s = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .unwrap_or(s);
    if s.is_empty() || s.len() > 4 {
        return None;
    }
    u16::from_str_radix(s, 16).ok()
}

impl fmt::Display for PrinterSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrinterSpec::Tcp { host, port } if host.contains(':') => {
                write!(f, "tcp:[{host}]:{port}")
            }
            PrinterSpec::Tcp { host, port } => write!(f, "tcp:{host}:{port}"),
            PrinterSpec::Usb {
                vendor_id,
                product_id,
            } => write!(f, "usb:{vendor_id:04x}:{product_id:04x}"),
            PrinterSpec::Serial { path, baud } => write!(f, "serial:{path}:{baud}"),
            PrinterSpec::File(path) => write!(f, "file:{}", path.display()),
            PrinterSpec::Png(path) => write!(f, "png:{}", path.display()),
        }
    }
}
