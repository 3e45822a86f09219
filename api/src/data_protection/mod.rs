//! Records a data protection officer can sign off (issue 22): how long each kind of record is kept,
//! legal holds, erasure on request and subject access exports.
pub mod children;
pub mod cli;
pub mod erasure;
pub mod export;
pub mod graphql;
pub mod held;
pub mod hold;
pub mod holds;
pub mod job;
pub mod removal;
pub mod retention;
pub mod settings;
