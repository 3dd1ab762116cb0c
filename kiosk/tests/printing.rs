//! The printed ticket: laid out in the visitor's language with the Japanese service name,
//! printed through a `file:` printer, decoded back from the ESC/POS bytes: the raster is the
//! rendered image and its QR code reads as the status URL.

use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::{sample, ticket};
use madoguchi_printer::PrinterSpec;
use madoguchi_protocol::{Lang, Needs};

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("madoguchi-kiosk-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

#[test]
fn the_layout_is_in_the_visitors_language_with_japanese_for_staff() {
    let i18n = Localizer::shipped().unwrap();
    let needs = Needs {
        wheelchair: true,
        written: true,
        ..Needs::default()
    };
    let issued = sample::issued("pickup", Lang::Vi, needs);
    let l = ticket::layout(&i18n, Lang::Vi, &issued, Some(&sample::site()));
    assert_eq!(l.lang, "vi");
    assert_eq!(l.number, "A-023");
    assert_eq!(l.service_local, "Nhận thẻ");
    assert_eq!(l.service_ja, "カードの交付");
    assert_eq!(l.site_name, "八幡西区役所 市民課");
    assert_eq!(l.area, "4F マイナンバーカード窓口");
    assert_eq!(l.people_ahead, "Người đang chờ trước bạn: 4");
    assert!(l.eta.contains("15 phút"), "{}", l.eta);
    assert_eq!(l.documents[0], "Giấy báo nhận thẻ (bưu thiếp)");
    assert_eq!(
        l.needs,
        vec!["Xe lăn / 車いす", "Trao đổi bằng chữ viết / 筆談"]
    );
    assert_eq!(l.qr_url, issued.status_url);
    assert_eq!(l.issued_at, "2026-11-25 09:41");
}

#[test]
fn unknown_document_keys_fall_back_to_the_servers_japanese_name() {
    let i18n = Localizer::shipped().unwrap();
    let mut site = sample::site();
    site.services[0]
        .documents
        .push(madoguchi_protocol::DocumentInfo {
            key: "doc-something-new".into(),
            name_ja: "新しい書類".into(),
        });
    let issued = sample::issued("pickup", Lang::En, Needs::default());
    let l = ticket::layout(&i18n, Lang::En, &issued, Some(&site));
    assert_eq!(l.documents.last().unwrap(), "新しい書類");
}

#[test]
fn a_file_printer_gets_the_rendered_raster_and_the_qr_reads_back() {
    let i18n = Localizer::shipped().unwrap();
    let issued = sample::issued("pickup", Lang::Ne, Needs::default());
    let layout = ticket::layout(&i18n, Lang::Ne, &issued, Some(&sample::site()));
    let path = temp("ne.bin");
    madoguchi_printer::print(&PrinterSpec::File(path.clone()), &layout).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let commands = madoguchi_printer::decode::decode(&bytes).unwrap();
    let printed = madoguchi_printer::decode::raster_image(&commands)
        .unwrap()
        .unwrap();
    let rendered = madoguchi_printer::threshold(&madoguchi_printer::render(&layout, 576).unwrap());
    assert_eq!(printed.dimensions(), rendered.dimensions());
    assert!(
        printed.pixels().zip(rendered.pixels()).all(|(a, b)| a == b),
        "raster differs from render"
    );
    let (w, h) = printed.dimensions();
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
            printed.get_pixel(x as u32, y as u32).0[0]
        });
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the ticket");
    let (_, content) = grids[0].decode().unwrap();
    assert_eq!(content, issued.status_url);
}

#[test]
fn a_printer_that_cannot_be_reached_says_so() {
    let i18n = Localizer::shipped().unwrap();
    let issued = sample::issued("pickup", Lang::Ja, Needs::default());
    let layout = ticket::layout(&i18n, Lang::Ja, &issued, Some(&sample::site()));
    let spec: PrinterSpec = "file:/nonexistent-madoguchi-dir/ticket.bin"
        .parse()
        .unwrap();
    let err = madoguchi_printer::print(&spec, &layout).unwrap_err();
    assert!(!err.to_string().is_empty());
}
