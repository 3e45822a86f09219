//! The `myvoice` binary: parse the command line, then hand over to the library.
use std::process::ExitCode;

use clap::Parser;

// Every answer builds many small values (one per GraphQL field); glibc's malloc was a quarter of
// the server's CPU under load (docs/benchmarks/NOTES.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = api::cli::Cli::parse();
    api::telemetry::init();
    match api::cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One clear line for the person at the terminal, never a backtrace.
            eprintln!("myvoice: {error}");
            ExitCode::FAILURE
        }
    }
}
