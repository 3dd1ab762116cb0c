//! A decoder for the ESC/POS this crate emits, for tests here and in the kiosk: parses the
//! byte stream into commands, fails on any byte it does not know, and reassembles the
//! `GS v 0` bands into one image.

use image::{GrayImage, Luma};

use crate::encode::{DLE, EOT, ESC, GS, LF};

/// One ESC/POS command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `ESC @`
    Init,
    /// `LF`
    LineFeed,
    /// `CAN`: discard unprinted data on the current line.
    Cancel,
    /// `ESC d n`
    FeedLines(u8),
    /// `ESC J n`
    FeedDots(u8),
    /// `GS v 0 m xL xH yL yH data`: one raster band, `width_bytes * 8` dots wide.
    Raster {
        mode: u8,
        width_bytes: u16,
        height: u16,
        data: Vec<u8>,
    },
    /// `GS V m [n]`
    Cut { partial: bool, feed: Option<u8> },
    /// `DLE EOT n`: real-time status request.
    StatusRequest(u8),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("unknown ESC/POS byte 0x{byte:02X} at offset {offset}")]
    Unknown { offset: usize, byte: u8 },
    #[error("ESC/POS command at offset {offset} is cut short")]
    Truncated { offset: usize },
    #[error("raster bands differ in width ({0} and {1} bytes)")]
    WidthMismatch(u16, u16),
}

/// Parses a whole byte stream.
pub fn decode(bytes: &[u8]) -> Result<Vec<Command>, DecodeError> {
    let mut commands = Vec::new();
    let mut i = 0;
    let need = |i: usize, n: usize| {
        if i + n <= bytes.len() {
            Ok(())
        } else {
            Err(DecodeError::Truncated { offset: i })
        }
    };
    while i < bytes.len() {
        let start = i;
        let unknown = || DecodeError::Unknown {
            offset: start,
            byte: bytes[start],
        };
        match bytes[i] {
            LF => {
                commands.push(Command::LineFeed);
                i += 1;
            }
            0x18 => {
                commands.push(Command::Cancel);
                i += 1;
            }
            ESC => {
                need(i, 2)?;
                match bytes[i + 1] {
                    b'@' => {
                        commands.push(Command::Init);
                        i += 2;
                    }
                    b'd' | b'J' => {
                        need(i, 3)?;
                        let n = bytes[i + 2];
                        commands.push(if bytes[i + 1] == b'd' {
                            Command::FeedLines(n)
                        } else {
                            Command::FeedDots(n)
                        });
                        i += 3;
                    }
                    _ => return Err(unknown()),
                }
            }
            GS => {
                need(i, 2)?;
                match bytes[i + 1] {
                    b'v' => {
                        need(i, 8)?;
                        if bytes[i + 2] != b'0' {
                            return Err(unknown());
                        }
                        let mode = bytes[i + 3];
                        let width_bytes = u16::from_le_bytes([bytes[i + 4], bytes[i + 5]]);
                        let height = u16::from_le_bytes([bytes[i + 6], bytes[i + 7]]);
                        let len = usize::from(width_bytes) * usize::from(height);
                        need(i, 8 + len)?;
                        let data = bytes[i + 8..i + 8 + len].to_vec();
                        commands.push(Command::Raster {
                            mode,
                            width_bytes,
                            height,
                            data,
                        });
                        i += 8 + len;
                    }
                    b'V' => {
                        need(i, 3)?;
                        match bytes[i + 2] {
                            m @ (0 | 1 | 48 | 49) => {
                                commands.push(Command::Cut {
                                    partial: m % 48 == 1,
                                    feed: None,
                                });
                                i += 3;
                            }
                            m @ (65 | 66) => {
                                need(i, 4)?;
                                commands.push(Command::Cut {
                                    partial: m == 66,
                                    feed: Some(bytes[i + 3]),
                                });
                                i += 4;
                            }
                            _ => return Err(unknown()),
                        }
                    }
                    _ => return Err(unknown()),
                }
            }
            DLE => {
                need(i, 3)?;
                if bytes[i + 1] != EOT {
                    return Err(unknown());
                }
                commands.push(Command::StatusRequest(bytes[i + 2]));
                i += 3;
            }
            _ => return Err(unknown()),
        }
    }
    Ok(commands)
}

/// All raster bands stacked top to bottom into one image (0 black, 255 white), or `None` if
/// there is none. The width is the bands' byte width × 8, padding included.
pub fn raster_image(commands: &[Command]) -> Result<Option<GrayImage>, DecodeError> {
    let bands: Vec<(u16, u16, &[u8])> = commands
        .iter()
        .filter_map(|c| match c {
            Command::Raster {
                width_bytes,
                height,
                data,
                ..
            } => Some((*width_bytes, *height, data.as_slice())),
            _ => None,
        })
        .collect();
    let Some(&(width_bytes, _, _)) = bands.first() else {
        return Ok(None);
    };
    if let Some(&(other, _, _)) = bands.iter().find(|b| b.0 != width_bytes) {
        return Err(DecodeError::WidthMismatch(width_bytes, other));
    }
    let height: u32 = bands.iter().map(|b| u32::from(b.1)).sum();
    let mut image = GrayImage::from_pixel(u32::from(width_bytes) * 8, height, Luma([255]));
    let mut y = 0;
    for (_, rows, data) in bands {
        for (r, row) in data
            .chunks(usize::from(width_bytes))
            .take(usize::from(rows))
            .enumerate()
        {
            for (xb, byte) in row.iter().enumerate() {
                for bit in 0..8 {
                    if byte & (0x80 >> bit) != 0 {
                        image.put_pixel(xb as u32 * 8 + bit, y + r as u32, Luma([0]));
                    }
                }
            }
        }
        y += u32::from(rows);
    }
    Ok(Some(image))
}
