//! `myvoice-bench`: generate a dataset, start the real server on it, drive it over HTTP with many
//! clients, and compare the GraphQL caseload with a hand-written SQL baseline. See the README's
//! *Benchmark* section and `docs/benchmarks.md`.
pub mod baseline;
pub mod bulk;
pub mod dataset;
pub mod history;
pub mod load;
pub mod pools;
pub mod report;
pub mod run;
pub mod scenarios;
pub mod server;
