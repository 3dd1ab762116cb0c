//! Encode → decode: the printed bytes carry exactly the thresholded render, in bands, with a
//! cut, and the QR code in them reads back as the status URL.

use image::GrayImage;
use madoguchi_printer::decode::{self, Command, DecodeError};
use madoguchi_printer::{MAX_BAND_HEIGHT, encode, render, threshold};

use super::ticket;

fn decode_raster(bytes: &[u8]) -> (Vec<Command>, GrayImage) {
    let commands = decode::decode(bytes).expect("our own bytes decode");
    let image = decode::raster_image(&commands)
        .expect("bands agree")
        .expect("a raster image is present");
    (commands, image)
}

fn band_heights(commands: &[Command]) -> Vec<u16> {
    commands
        .iter()
        .filter_map(|c| match c {
            Command::Raster { height, .. } => Some(*height),
            _ => None,
        })
        .collect()
}

#[test]
fn decoded_raster_equals_thresholded_render() {
    for lang in ["ja", "vi", "ne", "en"] {
        let rendered = render(&ticket(lang), 576).expect("renders");
        let (commands, decoded) = decode_raster(&encode(&rendered));
        let expected = threshold(&rendered);
        assert_eq!(decoded.dimensions(), expected.dimensions(), "{lang}");
        assert!(
            decoded == expected,
            "{lang}: raster differs from the render"
        );
        assert_eq!(commands.first(), Some(&Command::Init));
        assert_eq!(
            commands.get(1),
            Some(&Command::LineFeed),
            "feed before the image"
        );
        assert!(
            matches!(commands.last(), Some(Command::Cut { partial: true, .. })),
            "{lang}: ends with a partial cut, got {:?}",
            commands.last()
        );
        // The ticket really has ink on it: the number alone is thousands of dots.
        let black = decoded.pixels().filter(|p| p.0[0] == 0).count();
        assert!(black > 10_000, "{lang}: only {black} black dots");
    }
}

#[test]
fn narrow_paper_pads_the_last_byte_with_white() {
    let rendered = render(&ticket("en"), 380).expect("renders");
    let (_, decoded) = decode_raster(&encode(&rendered));
    assert_eq!(decoded.width(), 384);
    let expected = threshold(&rendered);
    for y in 0..decoded.height() {
        for x in 0..decoded.width() {
            let want = if x < 380 {
                expected.get_pixel(x, y).0[0]
            } else {
                255
            };
            assert_eq!(decoded.get_pixel(x, y).0[0], want, "({x},{y})");
        }
    }
}

#[test]
fn long_ticket_is_sent_in_several_bands() {
    let mut layout = ticket("ja");
    layout.documents = (1..=90)
        .map(|i| format!("書類その{i}: 本人確認書類または交付通知書の写し"))
        .collect();
    let rendered = render(&layout, 576).expect("renders");
    assert!(
        rendered.height() > 2 * MAX_BAND_HEIGHT,
        "height {}",
        rendered.height()
    );
    let bytes = encode(&rendered);
    let (commands, decoded) = decode_raster(&bytes);
    let bands = band_heights(&commands);
    assert!(bands.len() >= 3, "bands {bands:?}");
    assert!(
        bands.iter().all(|&h| u32::from(h) <= MAX_BAND_HEIGHT),
        "bands {bands:?}"
    );
    assert_eq!(
        bands.iter().map(|&h| u32::from(h)).sum::<u32>(),
        rendered.height()
    );
    assert!(decoded == threshold(&rendered));
}

#[test]
fn qr_code_in_the_printed_raster_reads_back_as_the_status_url() {
    for lang in ["ja", "ne", "en"] {
        let layout = ticket(lang);
        let rendered = render(&layout, 576).expect("renders");
        let (_, decoded) = decode_raster(&encode(&rendered));
        let mut prepared = rqrr::PreparedImage::prepare(decoded);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "{lang}: one QR code on the ticket");
        let (_, content) = grids[0].decode().expect("QR decodes");
        assert_eq!(content, layout.qr_url, "{lang}");
    }
}

#[test]
fn qr_code_also_reads_on_58mm_paper() {
    let layout = ticket("vi");
    let rendered = render(&layout, 384).expect("renders");
    let (_, decoded) = decode_raster(&encode(&rendered));
    let mut prepared = rqrr::PreparedImage::prepare(decoded);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    assert_eq!(grids[0].decode().expect("QR decodes").1, layout.qr_url);
}

#[test]
fn decoder_rejects_unknown_and_truncated_bytes() {
    assert_eq!(
        decode::decode(&[0x1B, b'@', 0x42]),
        Err(DecodeError::Unknown {
            offset: 2,
            byte: 0x42
        })
    );
    assert_eq!(
        decode::decode(&[0x1B, b't', 1]),
        Err(DecodeError::Unknown {
            offset: 0,
            byte: 0x1B
        })
    );
    // A raster band announcing 2 × 2 bytes but carrying 3.
    assert_eq!(
        decode::decode(&[0x1D, b'v', b'0', 0, 2, 0, 2, 0, 1, 2, 3]),
        Err(DecodeError::Truncated { offset: 0 })
    );
    assert_eq!(
        decode::decode(&[0x10, 0x04, 4, 0x1D, b'V', 1]),
        Ok(vec![
            Command::StatusRequest(4),
            Command::Cut {
                partial: true,
                feed: None
            }
        ])
    );
}

#[test]
fn bands_of_different_widths_are_an_error() {
    let band = |w: u8| {
        [0x1D, b'v', b'0', 0, w, 0, 1, 0]
            .into_iter()
            .chain(std::iter::repeat_n(0, w.into()))
    };
    let bytes: Vec<u8> = band(2).chain(band(3)).collect();
    let commands = decode::decode(&bytes).expect("decodes");
    assert_eq!(
        decode::raster_image(&commands),
        Err(DecodeError::WidthMismatch(2, 3))
    );
}
