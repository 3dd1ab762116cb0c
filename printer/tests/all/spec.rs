//! Printer spec parsing: every form, the default port, and bad specs as `BadSpec` sentences.

use std::path::PathBuf;

use madoguchi_printer::{PrintError, PrinterSpec};

#[test]
fn every_form_parses_and_prints_back() {
    let cases = [
        (
            "tcp:192.168.1.50:9100",
            PrinterSpec::Tcp {
                host: "192.168.1.50".into(),
                port: 9100,
            },
        ),
        (
            "tcp:printer.local:9101",
            PrinterSpec::Tcp {
                host: "printer.local".into(),
                port: 9101,
            },
        ),
        (
            "tcp:[::1]:9100",
            PrinterSpec::Tcp {
                host: "::1".into(),
                port: 9100,
            },
        ),
        (
            "usb:04b8:0202",
            PrinterSpec::Usb {
                vendor_id: 0x04b8,
                product_id: 0x0202,
            },
        ),
        (
            "file:/dev/usb/lp0",
            PrinterSpec::File(PathBuf::from("/dev/usb/lp0")),
        ),
        (
            "png:out/ticket.png",
            PrinterSpec::Png(PathBuf::from("out/ticket.png")),
        ),
    ];
    for (text, spec) in cases {
        assert_eq!(text.parse::<PrinterSpec>().expect(text), spec, "{text}");
        assert_eq!(spec.to_string(), text);
    }
}

#[test]
fn lenient_forms() {
    assert_eq!(
        "tcp:printer".parse::<PrinterSpec>().expect("default port"),
        PrinterSpec::Tcp {
            host: "printer".into(),
            port: 9100
        }
    );
    assert_eq!(
        "USB:0x04B8:0X0E15"
            .parse::<PrinterSpec>()
            .expect("0x and upper case"),
        PrinterSpec::Usb {
            vendor_id: 0x04b8,
            product_id: 0x0e15
        }
    );
}

#[test]
fn bad_specs_are_bad_spec_sentences() {
    for bad in [
        "",
        "printer",
        "lpt:1",
        "tcp:",
        "tcp:host:0",
        "tcp:host:99999",
        "tcp:host:port",
        "tcp::9100",
        "usb:04b8",
        "usb:xyz:0202",
        "usb:12345:0202",
        "file:",
        "png:",
    ] {
        match bad.parse::<PrinterSpec>() {
            Err(e @ PrintError::BadSpec(_)) => {
                let sentence = e.to_string();
                assert!(sentence.contains(&format!("\"{bad}\"")), "{sentence}");
                assert!(sentence.contains(
                    "use tcp:HOST:PORT, usb:VID:PID, serial:DEVICE:BAUD, file:PATH or png:PATH."
                ));
            }
            other => panic!("{bad:?} gave {other:?}"),
        }
    }
}

#[test]
fn serial_specs_name_a_device_and_a_speed() {
    let spec: PrinterSpec = "serial:/dev/ttyUSB0:9600".parse().expect("valid");
    assert_eq!(
        spec,
        PrinterSpec::Serial {
            path: "/dev/ttyUSB0".into(),
            baud: 9600
        }
    );
    assert_eq!(spec.to_string(), "serial:/dev/ttyUSB0:9600");
    for bad in [
        "serial:/dev/ttyUSB0",
        "serial::9600",
        "serial:/dev/ttyS0:fast",
        "serial:/dev/ttyS0:0",
    ] {
        assert!(bad.parse::<PrinterSpec>().is_err(), "{bad}");
    }
}
