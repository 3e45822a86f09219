//! The `myvoice` binary: parse the command line, then hand over to the library.
use std::process::ExitCode;

use clap::Parser;

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
