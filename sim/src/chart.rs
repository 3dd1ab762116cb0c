//! The chart: people waiting over the day, one line per arm, as a self-contained SVG (written
//! by hand: a few polylines do not need a plotting library).

use std::fmt::Write;

use crate::compare::Comparison;
use crate::scenario::fmt_hm;

const W: f64 = 900.0;
const H: f64 = 420.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 180.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 50.0;

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The SVG text of the comparison's waiting-people chart.
pub fn waiting_chart(cmp: &Comparison) -> String {
    let plan = &cmp.plan;
    let x0 = plan.open;
    let x1 = cmp
        .arms
        .iter()
        .filter_map(|a| a.waiting.last().map(|s| s.0))
        .fold(plan.close, f64::max);
    let x1 = (x1 / 60.0).ceil() * 60.0;
    let ymax = cmp
        .arms
        .iter()
        .flat_map(|a| a.waiting.iter().map(|s| s.1))
        .fold(1.0, f64::max);
    let step = nice_step(ymax);
    let ymax = (ymax / step).ceil() * step;
    let (pw, ph) = (W - LEFT - RIGHT, H - TOP - BOTTOM);
    let sx = |t: f64| LEFT + (t - x0) / (x1 - x0).max(1.0) * pw;
    let sy = |v: f64| TOP + ph - v / ymax * ph;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="{W}" height="{H}" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="{LEFT}" y="22" font-size="15">{} — people waiting ({} day{}, mean)</text>"#,
        esc(&plan.name),
        plan.replications,
        if plan.replications == 1 { "" } else { "s" }
    );
    // Grid and axes.
    let mut v = 0.0;
    while v <= ymax + 1e-9 {
        let y = sy(v);
        let _ = writeln!(
            s,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end">{v}</text>"##,
            LEFT + pw,
            LEFT - 6.0,
            y + 4.0
        );
        v += step;
    }
    let mut t = (x0 / 60.0).ceil() * 60.0;
    while t <= x1 + 1e-9 {
        let x = sx(t);
        let _ = writeln!(
            s,
            r##"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{:.1}" stroke="#eee"/><text x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"##,
            TOP + ph,
            TOP + ph + 18.0,
            fmt_hm(t)
        );
        t += 60.0;
    }
    let xc = sx(plan.close);
    let _ = writeln!(
        s,
        r##"<line x1="{xc:.1}" y1="{TOP}" x2="{xc:.1}" y2="{:.1}" stroke="#888" stroke-dasharray="4 3"/><text x="{xc:.1}" y="{:.1}" fill="#666" text-anchor="middle">closing</text>"##,
        TOP + ph,
        TOP - 4.0
    );
    let _ = writeln!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle">time of day</text><text transform="translate(16 {:.1}) rotate(-90)" text-anchor="middle">people waiting</text>"##,
        LEFT + pw / 2.0,
        H - 10.0,
        TOP + ph / 2.0
    );
    // Lines and legend.
    for (i, arm) in cmp.arms.iter().enumerate() {
        let points: Vec<String> = arm
            .waiting
            .iter()
            .map(|&(t, v)| format!("{:.1},{:.1}", sx(t), sy(v)))
            .collect();
        let colour = arm.arm.colour();
        let _ = writeln!(
            s,
            r#"<polyline fill="none" stroke="{colour}" stroke-width="2" points="{}"/>"#,
            points.join(" ")
        );
        let ly = TOP + 10.0 + i as f64 * 22.0;
        let lx = LEFT + pw + 15.0;
        let _ = writeln!(
            s,
            r#"<line x1="{lx:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="3"/><text x="{:.1}" y="{:.1}">{}</text>"#,
            lx + 22.0,
            lx + 28.0,
            ly + 4.0,
            arm.arm.label()
        );
    }
    s.push_str("</svg>\n");
    s
}

/// 1, 2 or 5 times a power of ten, giving about 5 grid lines.
fn nice_step(max: f64) -> f64 {
    let raw = max / 5.0;
    let pow = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * pow)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * pow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(10.0), 2.0);
        assert_eq!(nice_step(37.0), 10.0);
        assert_eq!(nice_step(4.0), 1.0);
    }
}
