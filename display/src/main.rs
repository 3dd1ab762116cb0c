//! The madoguchi waiting-room display: calls, queues, chime and voice.

fn main() {
    println!("madoguchi-display: not built yet");
}
