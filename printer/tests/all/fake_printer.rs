//! A tiny fake network printer on a loopback port: it records every byte it receives and,
//! if given answers, replies to `DLE EOT n` status requests like a real printer.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::thread::JoinHandle;

/// Answers to `DLE EOT 1`, `2` and `4`; `None` stays silent like many emulators.
#[derive(Clone, Copy)]
pub struct Answers {
    pub printer: u8,
    pub offline_cause: u8,
    pub paper: u8,
}

impl Answers {
    pub const READY: Answers = Answers {
        printer: 0x12,
        offline_cause: 0x12,
        paper: 0x12,
    };
    /// Offline, stopped at paper end, roll paper sensor: paper end.
    pub const PAPER_OUT: Answers = Answers {
        printer: 0x1A,
        offline_cause: 0x32,
        paper: 0x72,
    };
    /// Offline, cover open.
    /// Paper near end (bits 2-3 of the paper sensor), still printing.
    pub const NEAR_END: Answers = Answers {
        printer: 0x12,
        offline_cause: 0x12,
        paper: 0x1E,
    };
    pub const COVER_OPEN: Answers = Answers {
        printer: 0x1A,
        offline_cause: 0x16,
        paper: 0x12,
    };
}

pub struct FakePrinter {
    pub addr: SocketAddr,
    handle: JoinHandle<Vec<u8>>,
}

impl FakePrinter {
    /// Accepts one connection and records it until the client closes.
    pub fn start(answers: Option<Answers>) -> FakePrinter {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let handle = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().expect("accept");
            let mut received = Vec::new();
            let mut scanned = 0;
            let mut chunk = [0u8; 4096];
            loop {
                let n = match stream.read(&mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                received.extend_from_slice(&chunk[..n]);
                // Answer each complete status request: before the ticket, and after its cut
                // (GS V 66 n), where the client asks again.
                while let Some(a) = answers {
                    let rest = &received[scanned..];
                    if rest.len() >= 3 && rest[0] != 0x10 {
                        match rest
                            .windows(3)
                            .position(|w| w[0] == 0x1D && w[1] == 0x56 && w[2] == 66)
                        {
                            Some(cut) if rest.len() >= cut + 4 => {
                                scanned += cut + 4;
                                continue;
                            }
                            _ => break,
                        }
                    }
                    if rest.len() < 3 || rest[0] != 0x10 || rest[1] != 0x04 {
                        break;
                    }
                    let reply = match rest[2] {
                        1 => a.printer,
                        2 => a.offline_cause,
                        _ => a.paper,
                    };
                    scanned += 3;
                    let _ = stream.write_all(&[reply]);
                }
            }
            received
        });
        FakePrinter { addr, handle }
    }

    pub fn spec(&self) -> madoguchi_printer::PrinterSpec {
        madoguchi_printer::PrinterSpec::Tcp {
            host: self.addr.ip().to_string(),
            port: self.addr.port(),
        }
    }

    /// Everything the printer received (waits for the client to close).
    pub fn received(self) -> Vec<u8> {
        self.handle.join().expect("fake printer thread")
    }
}
