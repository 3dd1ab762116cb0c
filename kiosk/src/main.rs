//! The madoguchi lobby kiosk: multilingual triage and ticket printing.

fn main() {
    println!("madoguchi-kiosk: not built yet");
}
