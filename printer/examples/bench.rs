//! Render and encode timings per language, printed as a table:
//! `cargo run -p madoguchi-printer --example bench [-- ROUNDS]` (add `--release` for
//! production figures). The last line is `summary: font_load_ms=N worst_render_encode_ms=N`.

use std::time::{Duration, Instant};

use madoguchi_printer::{Renderer, WIDTH_80MM, encode, sample};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10)
        .max(1);
    let started = Instant::now();
    let mut renderer = Renderer::new();
    let font_load = started.elapsed();
    println!(
        "fonts loaded in {:.1} ms; {rounds} rounds per language",
        ms(font_load)
    );
    println!(
        "| lang | dots high | bytes | first render ms | median render ms | median encode ms | max render+encode ms |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut worst = 0.0f64;
    for lang in sample::LANGUAGES {
        let Some(layout) = sample::ticket(lang) else {
            continue;
        };
        let mut renders = Vec::new();
        let mut encodes = Vec::new();
        let mut totals = Vec::new();
        let mut shape = (0, 0);
        for _ in 0..rounds {
            let t0 = Instant::now();
            let image = match renderer.render(&layout, WIDTH_80MM) {
                Ok(image) => image,
                Err(e) => {
                    eprintln!("{lang}: {e}");
                    return;
                }
            };
            let t1 = Instant::now();
            let bytes = encode(&image);
            let t2 = Instant::now();
            shape = (image.height(), bytes.len());
            renders.push(ms(t1 - t0));
            encodes.push(ms(t2 - t1));
            totals.push(ms(t2 - t0));
        }
        let first = renders[0];
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let max = totals.iter().copied().fold(0.0, f64::max);
        worst = worst.max(max);
        println!(
            "| {lang} | {} | {} | {first:.1} | {:.1} | {:.1} | {max:.1} |",
            shape.0,
            shape.1,
            median(&mut renders),
            median(&mut encodes)
        );
    }
    println!(
        "summary: font_load_ms={:.0} worst_render_encode_ms={worst:.0}",
        ms(font_load)
    );
}
