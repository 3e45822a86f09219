//! What `operations!` puts in scope for a page's operations: the schema's scalars as Rust types, and
//! the enums the pages share (`crate::model`), used by every operation instead of a copy per
//! operation.
pub use crate::model::{
    AnswerKind, AttendanceChoice, Audience, Feeling, MeetingKind, MeetingStatus, ParentalAgreement,
    ReferralStatus, StaffRole, ViewPart, ViewsPart, ViewsStatus,
};
pub use serde::{Deserialize, Serialize};

/// The schema's `DateTime`: an instant, sent as RFC 3339.
pub type DateTime = chrono::DateTime<chrono::Utc>;
/// The schema's `NaiveDate`: a calendar date, `2026-12-07`.
pub type NaiveDate = chrono::NaiveDate;

/// A page's operations from its `ops.graphql`, as Rust types checked against `schema.graphql`
/// when the crate compiles: `operations!("src/pages/child/home/ops.graphql" => ChildHome);` gives
/// `ChildHome` and a module `child_home` with its `Variables` and `ResponseData`.
#[macro_export]
macro_rules! operations {
    ($file:tt => $($name:ident),+ $(,)?) => {
        #[allow(unused_imports)]
        use $crate::gql::prelude::*;
        // Read here too so that cargo rebuilds the types when the operations or the schema change
        // (the derive reads the files, but cargo does not know it).
        const _: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $file));
        const _: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../schema.graphql"));
        $(
            #[derive(graphql_client::GraphQLQuery)]
            #[graphql(
                schema_path = "../schema.graphql",
                query_path = $file,
                response_derives = "Debug, Clone, PartialEq, Serialize",
                variables_derives = "Debug, Clone",
                extern_enums(
                    "AnswerKind", "AttendanceChoice", "Audience", "Feeling", "MeetingKind",
                    "MeetingStatus", "ParentalAgreement", "ReferralStatus", "StaffRole", "ViewPart",
                    "ViewsPart", "ViewsStatus"
                )
            )]
            pub struct $name;
        )+
    };
}
