//! The madoguchi queue server: HTTP API, storage, SSE, staff web pages.

fn main() {
    println!("madoguchi-server: not built yet");
}
