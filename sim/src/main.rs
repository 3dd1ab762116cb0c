//! `madoguchi-sim --scenario FILE [--out DIR]`: the simulator's command line.

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    madoguchi_sim::run_cli(&args)
}
