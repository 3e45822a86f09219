//! Who is making this request, established once per request from its credentials.
use std::collections::BTreeSet;
use std::net::IpAddr;

use entity::enums::StaffRole;

use super::current::Person;

/// A tenant: every viewer but the anonymous one belongs to exactly one local authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TenantId(pub i32);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffViewer {
    pub id: i32,
    pub tenant: TenantId,
    pub role: StaffRole,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildViewer {
    pub child_id: i32,
    pub tenant: TenantId,
}

/// A capability granted to an integrator's API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, async_graphql::Enum)]
pub enum Scope {
    /// Meetings (kind, time, place, status, whiteboard headings) and the children linked to them.
    #[graphql(name = "READ_MEETINGS")]
    ReadMeetings,
    /// Meeting outcomes and their distribution to agencies.
    #[graphql(name = "READ_OUTCOMES")]
    ReadOutcomes,
    /// Create referrals for an advocate, as a case-management system would.
    #[graphql(name = "WRITE_REFERRALS")]
    WriteReferrals,
    /// Referrals and their completeness.
    #[graphql(name = "READ_REFERRALS")]
    ReadReferrals,
    /// Oversight measures (no child-level data).
    #[graphql(name = "READ_OVERSIGHT")]
    ReadOversight,
    /// Keep children and meetings in step with a case-management system (`upsertChild`,
    /// `upsertMeeting`), keyed by the system's own references.
    #[graphql(name = "WRITE_RECORDS")]
    WriteRecords,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ReadMeetings => "read:meetings",
            Self::ReadOutcomes => "read:outcomes",
            Self::WriteReferrals => "write:referrals",
            Self::ReadReferrals => "read:referrals",
            Self::ReadOversight => "read:oversight",
            Self::WriteRecords => "write:records",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [
            Self::ReadMeetings,
            Self::ReadOutcomes,
            Self::WriteReferrals,
            Self::ReadReferrals,
            Self::ReadOversight,
            Self::WriteRecords,
        ]
        .into_iter()
        .find(|s| s.as_str() == raw)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntegratorViewer {
    pub key_id: i32,
    pub tenant: TenantId,
    pub scopes: BTreeSet<Scope>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    Anonymous,
    Staff(StaffViewer),
    Child(ChildViewer),
    Integrator(IntegratorViewer),
}

impl Viewer {
    /// Whose sessions these credentials belong to (nobody's when anonymous).
    pub fn person(&self) -> Option<Person> {
        match self {
            Self::Anonymous => None,
            Self::Staff(s) => Some(Person::Staff(s.id)),
            Self::Child(c) => Some(Person::Child(c.child_id)),
            Self::Integrator(i) => Some(Person::ApiKey(i.key_id)),
        }
    }

    pub fn tenant(&self) -> Option<TenantId> {
        match self {
            Self::Anonymous => None,
            Self::Staff(s) => Some(s.tenant),
            Self::Child(c) => Some(c.tenant),
            Self::Integrator(i) => Some(i.tenant),
        }
    }
}

/// The client's address, for rate limits on sign-in and self-referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);
