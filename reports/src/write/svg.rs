//! Hand-written SVG charts for the HTML reports: bars with an optional line on a second axis
//! (arrivals and waits per hour), and grouped bars (months against the baseline year).

use std::fmt::Write as _;

const W: f64 = 600.0;
const H: f64 = 300.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 56.0;
const TOP: f64 = 36.0;
const BOTTOM: f64 = 44.0;
const FONT: &str = "BIZ UDGothic, 'BIZ UDゴシック', 'Noto Sans CJK JP', sans-serif";

/// Escapes text for SVG and HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A series of a chart.
pub struct Series<'a> {
    pub name: &'a str,
    pub color: &'a str,
    pub values: Vec<Option<f64>>,
}

/// A "nice" axis maximum (1, 2 or 5 times a power of ten) at or above `v`.
/// How many grid steps divide a "nice" maximum into round numbers (2 → 4 × 0.5, else 5).
fn steps(max: f64) -> u32 {
    let lead = max / 10f64.powf(max.log10().floor());
    if (lead - 2.0).abs() < 1e-9 { 4 } else { 5 }
}

fn nice_max(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|&m| m >= v)
        .unwrap_or(10.0 * p)
}

fn max_of(s: &[Series]) -> f64 {
    s.iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0, |a: f64, &b| a.max(b))
}

fn frame(out: &mut String, title: &str, labels: &[String], max: f64, unit: &str) {
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" font-family="{FONT}" font-size="12" role="img" aria-label="{t}"><rect width="{W}" height="{H}" fill="white"/><text x="{LEFT}" y="18" font-size="14" font-weight="bold">{t}</text>"#,
        t = esc(title)
    );
    let plot_h = H - TOP - BOTTOM;
    let n = steps(max);
    for i in 0..=n {
        let v = max * f64::from(i) / f64::from(n);
        let y = TOP + plot_h * (1.0 - f64::from(i) / f64::from(n));
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{x2}" y2="{y:.1}" stroke="#ddd"/><text x="{tx}" y="{ty:.1}" text-anchor="end">{v}</text>"##,
            x2 = W - RIGHT,
            tx = LEFT - 6.0,
            ty = y + 4.0,
            v = fmt_tick(v),
        );
    }
    let _ = write!(
        out,
        r#"<text x="{LEFT}" y="{y}" font-size="11">{}</text>"#,
        esc(unit),
        y = TOP - 6.0
    );
    let slot = (W - LEFT - RIGHT) / labels.len().max(1) as f64;
    for (i, l) in labels.iter().enumerate() {
        let x = LEFT + slot * (i as f64 + 0.5);
        let _ = write!(
            out,
            r#"<text x="{x:.1}" y="{y}" text-anchor="middle">{}</text>"#,
            esc(l),
            y = H - BOTTOM + 16.0
        );
    }
}

fn fmt_tick(v: f64) -> String {
    if v.fract().abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn legend(out: &mut String, items: &[(&str, &str)]) {
    let mut x = LEFT;
    for (name, color) in items {
        let _ = write!(
            out,
            r#"<rect x="{x}" y="{y}" width="12" height="12" fill="{color}"/><text x="{tx}" y="{ty}">{}</text>"#,
            esc(name),
            y = H - 18.0,
            tx = x + 16.0,
            ty = H - 8.0,
        );
        x += 24.0 + 13.0 * name.chars().count() as f64;
    }
}

/// Grouped bars: one group per label, one bar per series (a missing value draws no bar).
pub fn grouped_bars(title: &str, unit: &str, labels: &[String], series: &[Series]) -> String {
    let mut out = String::new();
    let max = nice_max(max_of(series));
    frame(&mut out, title, labels, max, unit);
    let plot_h = H - TOP - BOTTOM;
    let slot = (W - LEFT - RIGHT) / labels.len().max(1) as f64;
    let bar = slot * 0.8 / series.len().max(1) as f64;
    for (si, s) in series.iter().enumerate() {
        for (i, v) in s.values.iter().enumerate() {
            let Some(v) = v else { continue };
            let h = plot_h * v / max;
            let x = LEFT + slot * i as f64 + slot * 0.1 + bar * si as f64;
            let _ = write!(
                out,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{c}"><title>{n} {l}: {v}</title></rect>"#,
                y = TOP + plot_h - h,
                w = bar * 0.95,
                c = s.color,
                n = esc(s.name),
                l = esc(&labels[i]),
                v = fmt_tick(*v),
            );
        }
    }
    legend(
        &mut out,
        &series.iter().map(|s| (s.name, s.color)).collect::<Vec<_>>(),
    );
    out.push_str("</svg>");
    out
}

/// Bars (left axis) with a line on its own right axis, e.g. arrivals and mean waits per hour.
pub fn bars_with_line(
    title: &str,
    labels: &[String],
    bars: &Series,
    bar_unit: &str,
    line: &Series,
    line_unit: &str,
) -> String {
    let mut out = String::new();
    let max = nice_max(max_of(std::slice::from_ref(bars)));
    frame(&mut out, title, labels, max, bar_unit);
    let plot_h = H - TOP - BOTTOM;
    let slot = (W - LEFT - RIGHT) / labels.len().max(1) as f64;
    for (i, v) in bars.values.iter().enumerate() {
        let Some(v) = v else { continue };
        let h = plot_h * v / max;
        let _ = write!(
            out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{c}"><title>{l}: {v}</title></rect>"#,
            x = LEFT + slot * i as f64 + slot * 0.15,
            y = TOP + plot_h - h,
            w = slot * 0.7,
            c = bars.color,
            l = esc(&labels[i]),
            v = fmt_tick(*v),
        );
    }
    let lmax = nice_max(max_of(std::slice::from_ref(line)));
    let n = steps(lmax);
    for i in 0..=n {
        let v = lmax * f64::from(i) / f64::from(n);
        let y = TOP + plot_h * (1.0 - f64::from(i) / f64::from(n)) + 4.0;
        let _ = write!(
            out,
            r#"<text x="{x}" y="{y:.1}" fill="{c}">{v}</text>"#,
            x = W - RIGHT + 6.0,
            c = line.color,
            v = fmt_tick(v)
        );
    }
    let _ = write!(
        out,
        r#"<text x="{x}" y="{y}" font-size="11" text-anchor="end" fill="{c}">{u}</text>"#,
        x = W - 4.0,
        y = TOP - 6.0,
        c = line.color,
        u = esc(line_unit)
    );
    let points: Vec<(f64, f64)> = line
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            v.map(|v| {
                (
                    LEFT + slot * (i as f64 + 0.5),
                    TOP + plot_h * (1.0 - v / lmax),
                )
            })
        })
        .collect();
    if points.len() > 1 {
        let path: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = write!(
            out,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
            path.join(" "),
            line.color
        );
    }
    for (x, y) in &points {
        let _ = write!(
            out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="{}"/>"#,
            line.color
        );
    }
    legend(
        &mut out,
        &[(bars.name, bars.color), (line.name, line.color)],
    );
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_maxima_are_round() {
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(7.0), 10.0);
        assert_eq!(nice_max(12.0), 20.0);
        assert_eq!(nice_max(2559.0), 5000.0);
    }

    #[test]
    fn bars_are_drawn_for_present_values_only() {
        let labels: Vec<String> = ["1月", "2月", "3月"].map(String::from).to_vec();
        let s = grouped_bars(
            "t<1>",
            "件",
            &labels,
            &[
                Series {
                    name: "2026年",
                    color: "#1f77b4",
                    values: vec![Some(5.0), None, Some(10.0)],
                },
                Series {
                    name: "2025年",
                    color: "#aaa",
                    values: vec![Some(8.0), Some(2.0), Some(1.0)],
                },
            ],
        );
        assert_eq!(s.matches("<rect x=").count(), 5 + 2); // bars + legend keys
        assert!(s.contains("t&lt;1&gt;"));
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
    }
}
