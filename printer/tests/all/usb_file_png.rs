//! File, PNG and USB printers: the file holds decodable bytes, the PNG the render, and a USB
//! printer is found by its ids in (a fake) sysfs or reported missing.

use madoguchi_printer::decode;
use madoguchi_printer::{PrintError, PrinterSpec, find_usblp, print, render, threshold};

use super::{scratch, ticket};

#[test]
fn file_printer_writes_bytes_that_decode_to_the_render() {
    let dir = scratch("file");
    let path = dir.join("ticket.bin");
    let layout = ticket("ko");
    print(&PrinterSpec::File(path.clone()), &layout).expect("prints");
    let bytes = std::fs::read(&path).expect("file written");
    let commands = decode::decode(&bytes).expect("decodes");
    let image = decode::raster_image(&commands)
        .expect("bands")
        .expect("image");
    assert!(image == threshold(&render(&layout, 576).expect("renders")));
}

#[test]
fn png_printer_writes_the_render() {
    let dir = scratch("png");
    let path = dir.join("ticket.png");
    let layout = ticket("ne");
    print(&PrinterSpec::Png(path.clone()), &layout).expect("writes png");
    let png = image::open(&path).expect("a PNG").to_luma8();
    assert!(png == render(&layout, 576).expect("renders"));
}

#[test]
fn unwritable_paths_are_sentences() {
    let missing = scratch("unwritable").join("no-such-dir").join("t.png");
    let err = print(&PrinterSpec::Png(missing), &ticket("en")).expect_err("no folder");
    assert!(err.to_string().contains("folder exists"), "{err}");
    let err = print(
        &PrinterSpec::File("/proc/no-such/lp0".into()),
        &ticket("en"),
    )
    .expect_err("no dir");
    assert!(matches!(err, PrintError::Io(_)), "{err:?}");
}

#[test]
fn usb_printer_is_found_by_vendor_and_product_id() {
    let root = scratch("usb");
    let sys = root.join("sys/class/usbmisc");
    let dev = root.join("dev/usb");
    // sysfs: lpN/device points at the USB interface, whose parent holds the ids. With real
    // directories lpN/device/.. is lpN itself, so the ids go there.
    for (lp, vid, pid) in [("lp0", "0416", "5011"), ("lp1", "04b8", "0202")] {
        std::fs::create_dir_all(sys.join(lp).join("device")).expect("mkdir");
        std::fs::write(sys.join(lp).join("idVendor"), format!("{vid}\n")).expect("write");
        std::fs::write(sys.join(lp).join("idProduct"), format!("{pid}\n")).expect("write");
    }
    assert_eq!(
        find_usblp(&sys, &dev, 0x04b8, 0x0202),
        Some(dev.join("lp1"))
    );
    assert_eq!(
        find_usblp(&sys, &dev, 0x0416, 0x5011),
        Some(dev.join("lp0"))
    );
    assert_eq!(find_usblp(&sys, &dev, 0x04b8, 0x0e15), None);
    assert_eq!(
        find_usblp(&root.join("nowhere"), &dev, 0x04b8, 0x0202),
        None
    );
}

#[test]
fn absent_usb_printer_is_offline_and_named() {
    // No printer with this id exists on a test machine.
    let spec: PrinterSpec = "usb:fffe:fffd".parse().expect("valid spec");
    match print(&spec, &ticket("en")) {
        Err(e @ PrintError::Offline(_)) => assert!(e.to_string().contains("fffe:fffd"), "{e}"),
        other => panic!("{other:?}"),
    }
}
