//! Headphones plugged into the kiosk's jack start speech mode (ADA §707.5: a tactile way to
//! start speech). On Linux the sound card reports its jack as an input device named
//! "… Headphone" in /proc/bus/input/devices; a thread reads its `/dev/input/eventN` records
//! (`EV_SW`, `SW_HEADPHONE_INSERT`, value 1 = plugged) and tells the window. No such device, or
//! no right to read it: logged once, and speech mode starts from the keys only.
//!
//! `--jack-device` (`MADOGUCHI_JACK_DEVICE`) reads another file instead, e.g. a FIFO to test
//! without hardware (the README shows how to write a plug event into it).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};

/// What the jack did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jack {
    Plugged,
    Unplugged,
}

const EV_SW: u16 = 5;
const SW_HEADPHONE_INSERT: u16 = 2;
/// `struct input_event`: a `timeval` (two C longs), type, code, value.
pub const EVENT_SIZE: usize = 2 * size_of::<usize>() + 8;

/// The event handler (`event12`) of the first headphone jack in /proc/bus/input/devices
/// text, preferring a device that says it reports `SW_HEADPHONE_INSERT`.
pub fn find_headphone(devices: &str) -> Option<String> {
    let mut best: Option<(bool, String)> = None;
    for block in devices.split("\n\n") {
        let mut name = "";
        let mut handler = None;
        let mut switch = false;
        for line in block.lines() {
            if let Some(n) = line.strip_prefix("N: Name=") {
                name = n.trim_matches('"');
            } else if let Some(h) = line.strip_prefix("H: Handlers=") {
                handler = h.split_whitespace().find(|w| w.starts_with("event"));
            } else if let Some(bits) = line.strip_prefix("B: SW=") {
                let last = bits.split_whitespace().last().unwrap_or("0");
                switch = u64::from_str_radix(last, 16)
                    .is_ok_and(|b| b & (1 << SW_HEADPHONE_INSERT) != 0);
            }
        }
        if !name.to_lowercase().contains("headphone") {
            continue;
        }
        if let Some(h) = handler
            && best.as_ref().is_none_or(|(sw, _)| !sw && switch)
        {
            best = Some((switch, h.to_owned()));
        }
    }
    best.map(|(_, h)| h)
}

/// The jack events in whole `input_event` records (native byte order).
pub fn parse_events(bytes: &[u8]) -> Vec<Jack> {
    bytes
        .chunks_exact(EVENT_SIZE)
        .filter_map(|r| {
            let at = EVENT_SIZE - 8;
            let kind = u16::from_ne_bytes([r[at], r[at + 1]]);
            let code = u16::from_ne_bytes([r[at + 2], r[at + 3]]);
            let value = i32::from_ne_bytes([r[at + 4], r[at + 5], r[at + 6], r[at + 7]]);
            (kind == EV_SW && code == SW_HEADPHONE_INSERT).then_some(if value == 1 {
                Jack::Plugged
            } else {
                Jack::Unplugged
            })
        })
        .collect()
}

/// Starts the jack thread on `device`, else on the headphone jack /proc names. `None` (logged
/// once) when there is none.
pub fn spawn(device: Option<PathBuf>) -> Option<Receiver<Jack>> {
    let path = match device {
        Some(p) => p,
        None => {
            let devices = std::fs::read_to_string("/proc/bus/input/devices").unwrap_or_default();
            let Some(handler) = find_headphone(&devices) else {
                tracing::info!(
                    "no headphone jack among the input devices: speech mode starts from the keys only"
                );
                return None;
            };
            Path::new("/dev/input").join(handler)
        }
    };
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("headphone-jack".into())
        .spawn(move || watch(&path, &tx));
    if let Err(e) = spawned {
        tracing::warn!(cause = %e, "the headphone jack is not watched");
        return None;
    }
    Some(rx)
}

fn watch(path: &Path, tx: &Sender<Jack>) {
    loop {
        let mut file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                tracing::warn!(
                    cause = %e,
                    device = %path.display(),
                    "the headphone jack cannot be read (add the kiosk's user to the input group): speech mode starts from the keys only"
                );
                return;
            }
        };
        tracing::info!(device = %path.display(), "plugging in headphones starts speech mode");
        let mut record = [0u8; EVENT_SIZE];
        while file.read_exact(&mut record).is_ok() {
            for jack in parse_events(&record) {
                if tx.send(jack).is_err() {
                    return;
                }
            }
        }
        // A FIFO (testing without hardware) ends with each writer: wait for the next one.
        if !is_fifo(path) {
            return;
        }
    }
}

fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// One `input_event` record (tests, and writing a plug event into a FIFO).
pub fn record(kind: u16, code: u16, value: i32) -> Vec<u8> {
    let mut r = vec![0u8; EVENT_SIZE - 8];
    r.extend_from_slice(&kind.to_ne_bytes());
    r.extend_from_slice(&code.to_ne_bytes());
    r.extend_from_slice(&value.to_ne_bytes());
    r
}

/// The record of headphones being plugged in.
pub fn plug_record() -> Vec<u8> {
    record(EV_SW, SW_HEADPHONE_INSERT, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEVICES: &str = r#"I: Bus=0019 Vendor=0000 Product=0001 Version=0000
N: Name="Power Button"
P: Phys=LNXPWRBN/button/input0
H: Handlers=kbd event0
B: EV=3

I: Bus=0000 Vendor=0000 Product=0000 Version=0000
N: Name="HDA Intel PCH Headphone Mic"
P: Phys=ALSA
H: Handlers=event11
B: PROP=0
B: EV=21
B: SW=0

I: Bus=0000 Vendor=0000 Product=0000 Version=0000
N: Name="HDA Intel PCH Front Headphone"
P: Phys=ALSA
H: Handlers=event12 
B: PROP=0
B: EV=21
B: SW=4
"#;

    #[test]
    fn the_headphone_jack_that_reports_insertion_is_found() {
        assert_eq!(find_headphone(DEVICES).as_deref(), Some("event12"));
        let no_switch_line = DEVICES.replace("B: SW=4\n", "");
        assert_eq!(find_headphone(&no_switch_line).as_deref(), Some("event11"));
        assert_eq!(
            find_headphone("N: Name=\"Power Button\"\nH: Handlers=event0\n"),
            None
        );
        assert_eq!(find_headphone(""), None);
    }

    #[test]
    fn plug_and_unplug_records_are_read_and_others_ignored() {
        let mut bytes = record(1, 30, 1); // a key press
        bytes.extend(plug_record());
        bytes.extend(record(0, 0, 0)); // SYN_REPORT
        bytes.extend(record(EV_SW, SW_HEADPHONE_INSERT, 0));
        bytes.extend(record(EV_SW, 4, 1)); // microphone, not headphones
        bytes.extend([1, 2, 3]); // a partial record
        assert_eq!(parse_events(&bytes), vec![Jack::Plugged, Jack::Unplugged]);
    }

    #[test]
    fn plug_events_read_from_the_device_file_reach_the_window() {
        let dir = std::env::temp_dir().join(format!("madoguchi-jack-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("events");
        let mut bytes = plug_record();
        bytes.extend(record(0, 0, 0));
        std::fs::write(&file, bytes).expect("write");
        let rx = spawn(Some(file)).expect("thread");
        assert_eq!(
            rx.recv_timeout(std::time::Duration::from_secs(5)),
            Ok(Jack::Plugged)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
