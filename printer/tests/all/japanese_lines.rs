//! Japanese and やさしい日本語 sample tickets wrap between phrases (BudouX) or at spaces, and no
//! line starts with a small kana, ー, a closing bracket or 、。 (the shipped strings are
//! checked over every service in the kiosk's `japanese_lines` test).

use madoguchi_linebreak::{Rules, phrases};
use madoguchi_printer::{Renderer, WIDTH_58MM, WIDTH_80MM};

const NO_START: &str = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー」』）)】、。！？!?…・";

#[test]
fn japanese_sample_tickets_wrap_between_phrases() {
    let mut r = Renderer::new();
    let mut wrapped = 0;
    for lang in ["ja", "ja-easy"] {
        let mut layout = super::ticket(lang);
        // Long enough to wrap on both paper widths.
        layout.footer =
            "北九州市 マイナンバーカード窓口 ― 番号を呼ばれたら窓口へお越しください".into();
        for width in [WIDTH_80MM, WIDTH_58MM] {
            let (_, drawn) = r.render_lines(&layout, width).expect("render");
            for block in drawn.iter().filter(|b| b.lines.len() > 1) {
                wrapped += 1;
                let text = &block.text;
                // Where each line after the first starts, in the text.
                let mut at = 0;
                let mut starts = Vec::new();
                for line in &block.lines {
                    at += text[at..].len() - text[at..].trim_start().len();
                    assert!(text[at..].starts_with(line.as_str()), "{lang}: {block:?}");
                    starts.push(at);
                    at += line.len();
                }
                let mut bounds = vec![0];
                if block.style.breaks == Rules::Japanese {
                    for p in phrases(text) {
                        bounds.push(bounds.last().copied().unwrap_or(0) + p.len());
                    }
                }
                for (line, &start) in block.lines.iter().zip(&starts).skip(1) {
                    let first = line.chars().next().unwrap_or(' ');
                    assert!(
                        !NO_START.contains(first),
                        "{lang} {width}: {:?}",
                        block.lines
                    );
                    let after_space = text[..start].ends_with(char::is_whitespace);
                    let after_stop = text[..start].ends_with(['、', '。']);
                    assert!(
                        bounds.contains(&start) || after_space || after_stop,
                        "{lang} {width}: breaks inside a word: {:?}",
                        block.lines
                    );
                }
            }
        }
    }
    assert!(wrapped >= 4, "{wrapped} wrapped blocks");
}
