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
    assert_eq!(l.site_name, "八幡西区役所");
    assert_eq!(l.area, "4F Quầy giao thẻ / 交付窓口");
    assert_eq!(l.people_ahead, "Người đang chờ trước bạn: 4");
    assert_eq!(l.eta, "Thời gian chờ dự kiến: khoảng 10–20 phút");
    assert_eq!(l.documents[0], "Giấy báo nhận thẻ (bưu thiếp)");
    assert_eq!(
        l.needs,
        vec!["Xe lăn / 車いす", "Trao đổi bằng chữ viết / 筆談"]
    );
    assert_eq!(l.qr_url, issued.status_url);
    assert_eq!(l.issued_at, "2026-11-25 09:41");
}

/// The area the shipped configuration gives each service its main job at: the counters with
/// the highest weight for it. Written out here (not computed by the code under test).
fn expected_area_ja(site: &madoguchi_engine::SiteConfig, service: &str) -> Vec<&'static str> {
    let config = madoguchi_engine::Config::shipped();
    let best = site
        .counters
        .iter()
        .map(|c| c.weight(service))
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    for c in site.counters.iter().filter(|c| c.weight(service) == best) {
        let name: &'static str = match config.area(&c.area).map(|a| a.name_ja.as_str()) {
            Some("受付・サポート") => "受付・サポート",
            Some("交付窓口") => "交付窓口",
            Some("オンライン窓口") => "オンライン窓口",
            Some("市職員窓口") => "市職員窓口",
            Some("出張所職員窓口") => "出張所職員窓口",
            other => panic!("unexpected area {other:?}"),
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[test]
fn every_ticket_of_every_shipped_site_names_where_its_service_is_called() {
    let i18n = Localizer::shipped().unwrap();
    let config = madoguchi_engine::Config::shipped();
    let mut checked = 0;
    for site_cfg in &config.sites {
        let site = sample::site_of(&site_cfg.id).unwrap();
        for service in site.services.iter().filter(|s| s.kiosk) {
            let expected = expected_area_ja(site_cfg, &service.id);
            assert!(!expected.is_empty(), "{} {}", site.id, service.id);
            for lang in Lang::ALL {
                let issued = sample::issued_at(&site, &service.id, lang, Needs::default());
                let l = ticket::layout(&i18n, lang, &issued, Some(&site));
                assert!(
                    l.area.starts_with(&site_cfg.floor),
                    "{} {} {lang:?}: {}",
                    site.id,
                    service.id,
                    l.area
                );
                for area in &expected {
                    assert!(
                        l.area.contains(area),
                        "{} {}: {} lacks {area}",
                        site.id,
                        service.id,
                        l.area
                    );
                }
                for other in [
                    "受付・サポート",
                    "交付窓口",
                    "オンライン窓口",
                    "市職員窓口",
                    "出張所職員窓口",
                ] {
                    if !expected.contains(&other) {
                        assert!(
                            !l.area.contains(other),
                            "{} {}: {} names {other}",
                            site.id,
                            service.id,
                            l.area
                        );
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 13 * 11 * 5, "{checked}");
}

#[test]
fn the_shipped_pickup_ticket_is_sent_to_the_handover_counters_not_to_reception() {
    let i18n = Localizer::shipped().unwrap();
    let site = sample::site();
    let issued = sample::issued("pickup", Lang::Ja, Needs::default());
    assert_eq!(
        ticket::layout(&i18n, Lang::Ja, &issued, Some(&site)).area,
        "4F 交付窓口"
    );
    let issued = sample::issued("inquiry", Lang::En, Needs::default());
    assert_eq!(
        ticket::layout(&i18n, Lang::En, &issued, Some(&site)).area,
        "4F Reception and support / 受付・サポート"
    );
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
