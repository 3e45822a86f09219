//! All integration tests, linked once as one binary. Engine: MYVOICE_TEST_ENGINE = sqlite | postgres.
mod browser;
mod cli;
mod demo;
mod schema;
mod server;
